"""Who said a quotation: the attribution in its sentence or a neighbouring one.

The speaker is reported as the article first names them: ``Lukashenko said``
and ``he said`` both resolve to ``Alexander Lukashenko`` once the article
has used the full name; titles are dropped (``Russian President Vladimir
Putin`` is ``Vladimir Putin``). A body (``the Kremlin``, ``BelTA``) speaks
when no person is named. The search order, per quotation:

1. an attribution right after the closing mark in the same sentence
   (``,” he said``, ``,” said Ivan Sichkar``);
2. a speech verb earlier in the same sentence (``Putin said ... “...”``);
3. the speaker of the previous quotation in the same or the previous
   paragraph, or a previous sentence that introduces the quotation
   (``He told reporters:``);
4. a speaker named in the next sentence (a quotation whose attribution
   follows in its own sentence).
"""

from __future__ import annotations

import bisect
import re
from contextvars import ContextVar
from dataclasses import dataclass

from workbench.detect.equipment import lookup as equipment_named
from workbench.detect.first_chars import expansions, skipping
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, per_language
from workbench.detect.name_table import Resolver
from workbench.detect.names import name_grammar, subject_after, subject_ending, subject_prefix
from workbench.detect.numbers import tokens
from workbench.detect.sentences import sentences
from workbench.detect.unspoken import is_inscription, is_title, names_a_thing


@dataclass(frozen=True)
class _Patterns:
    """The patterns of this module built from one language's speech words."""

    verb: re.Pattern[str]  # a speech verb or participle
    participle: re.Pattern[str]  # ... that is a participle
    # ``,” Jane Roe, a senior fellow at ... and director of ..., told X``: a name in apposition
    # right after the closing mark may be followed by a long description before its verb.
    apposed_name: re.Pattern[str]


@per_language
def _patterns(lang: LanguageData) -> _Patterns:
    speech = lang.speech
    return _Patterns(
        verb=skipping(re.compile(rf"\b(?:{speech.SPEECH_VERBS}|{speech.PARTICIPLES})\b")),
        participle=re.compile(rf"(?:{speech.PARTICIPLES})$"),
        apposed_name=re.compile(
            rf"\s*({name_grammar(lang).name_sequence.pattern}),\s+(?:an?\s|the\s|[a-z])"
            r"[^.;!?“”\"]{1,220}?,\s+"
        ),
    )


# How far after a closing mark an attribution may start (``,” Belarus’ strongman leader, ...``).
_AFTER_REACH = 90


def attribute_speakers(text: str, pairs: list[tuple[int, int]]) -> list[str | None]:
    """The speaker of each quotation, given as ``(open_mark, close_mark)`` positions."""
    if not pairs:
        return []
    known = _KNOWN_SUBJECTS.set({})
    try:
        return _attribute(text, pairs)
    finally:
        _KNOWN_SUBJECTS.reset(known)


# The subjects found in the text being attributed, by the words before their verb: the
# verbs near a quotation are asked about again for it, and many prefixes repeat.
_KNOWN_SUBJECTS: ContextVar[dict[str, tuple[str, str] | None] | None] = ContextVar("known_subjects", default=None)


def subject_before(masked: str, start: int, verb: int) -> tuple[str, str] | None:
    """``names.subject_before``, each prefix worked out once per text attributed."""
    prefix = subject_prefix(masked, start, verb)
    known = _KNOWN_SUBJECTS.get()
    if known is None:
        return subject_ending(prefix)
    if prefix not in known:
        known[prefix] = subject_ending(prefix)
    return known[prefix]


def _attribute(text: str, pairs: list[tuple[int, int]]) -> list[str | None]:
    masked = _mask_quotes(text, pairs)
    spans = sentences(text)
    starts = [s for s, _ in spans]
    resolver = Resolver(masked, _all_attributions(text, masked, spans))
    raw: list[tuple[str, str] | None] = []
    for index, (open_pos, close_pos) in enumerate(pairs):
        sentence = _sentence_of(spans, starts, open_pos)
        closing_sentence = _sentence_of(spans, starts, close_pos)
        next_open = pairs[index + 1][0] if index + 1 < len(pairs) else len(text)
        prev_close = pairs[index - 1][1] if index else -1
        lead = masked[max(sentence[0], prev_close + 1) : open_pos]
        if is_title(text[open_pos + 1 : close_pos]) or names_a_thing(lead):
            raw.append(("", "title"))
            continue
        found = _after(masked, close_pos, min(closing_sentence[1], next_open))
        if found is None or found[1] == "according":
            # ``Xi told Biden that “...”, according to state media``: the speaker is Xi
            earlier = _before(masked, max(sentence[0], prev_close + 1), open_pos)
            found = earlier if earlier is not None or found is None else found[0]
        if found is None:
            found = _before(masked, max(sentence[0], prev_close + 1), open_pos)
        if found is None:
            found = _before(masked, sentence[0], open_pos)
        if found is None and is_inscription(lead):
            found = ("", "title")  # words on a sign or a box: nobody says them
        raw.append(found)
    return _resolve_all(text, masked, pairs, raw, resolver, spans, starts)


def _resolve_all(
    text: str,
    masked: str,
    pairs: list[tuple[int, int]],
    raw: list[tuple[str, str] | None],
    resolver: Resolver,
    spans: list[tuple[int, int]],
    starts: list[int],
) -> list[str | None]:
    """Turn subjects into names: pronouns and descriptions point back (or forward) to a person."""
    resolved: list[str | None] = []
    for index, found in enumerate(raw):
        open_pos = pairs[index][0]
        speaker = None
        if found is not None:
            speaker = resolver.resolve(found, open_pos)
            if speaker == "":  # an attribution to someone the article does not name
                resolved.append(None)
                continue
            if speaker is None and found[1] == "pronoun" and resolved and resolved[-1]:
                speaker = resolved[-1]
            if speaker and not _can_speak(speaker):
                resolved.append(None)  # better no speaker than a weapon or a stray word
                continue
        if speaker is None and found is None:
            # the attribution of the previous quotation is no new event: ``_inherited`` judges it
            after_previous = _sentence_of(spans, starts, pairs[index - 1][1])[1] if index else 0
            event = resolver.event_between(after_previous, open_pos)
            if event and not _far(masked, spans, starts, event[0], open_pos, event[1]):
                speaker = event[1]
        if speaker is None and found is None:
            speaker = _inherited(text, pairs, resolved, index)
            if speaker and _far(masked, spans, starts, pairs[index - 1][1], open_pos, speaker):
                speaker = None
        if speaker is None and found is not None and found[1] in {"pronoun", "leader"}:
            speaker = _named_later(resolver, raw, pairs, index)
        if speaker is None and found is None:
            speaker = _introduced_before(masked, resolver, spans, starts, open_pos)
        if speaker is None and found is None and masked[max(0, open_pos - 8) : open_pos].rstrip().endswith(":"):
            # ``Al-Kahlout doesn’t hide it, but he resents it: “...”``: the sentence's subject
            sentence = _sentence_of(spans, starts, open_pos)
            speaker = resolver.first_subject(sentence[0], open_pos)
        resolved.append(speaker)
    return _repeated(text, pairs, resolved)


def _repeated(text: str, pairs: list[tuple[int, int]], resolved: list[str | None]) -> list[str | None]:
    """``one expert said “X”`` and then the expert's own quotation repeats X: the same speaker."""
    words = [" ".join(_TITLE_WORD.findall(text[o + 1 : c])).lower() for o, c in pairs]
    for index, speaker in enumerate(resolved):
        if speaker is not None or len(words[index].split()) < MIN_REPEATED:
            continue
        for later in range(index + 1, min(index + 3, len(pairs))):
            if resolved[later] and words[index] in words[later]:
                resolved[index] = resolved[later]
                break
    return resolved


def _can_speak(speaker: str) -> bool:
    """A person, body or account: never a weapon system (``drones, called Shahed-136``)."""
    entry = equipment_named(speaker)
    return entry is None or speaker in entry.ambiguous_aliases


MIN_REPEATED = 3  # words a repetition needs to show it is the same remark
_TITLE_WORD = re.compile(r"[\w’'-]+")


def _inherited(
    text: str, pairs: list[tuple[int, int]], resolved: list[str | None], index: int
) -> str | None:
    """A quotation with no attribution continues the previous speaker nearby."""
    if not index or resolved[-1] is None:
        return None
    gap = text[pairs[index - 1][1] : pairs[index][0]]
    if "\n\n" in gap:
        surname = resolved[-1].split()[-1]
        lead = gap[gap.rfind("\n\n") :]
        if any(surname not in m.group(0) for m in _FULL_NAME.finditer(lead)):
            return None  # a new paragraph about someone else does not carry the last speaker on
    return resolved[-1] if gap.count("\n\n") <= 2 and len(gap) < 500 else None


# More sentences than this between a speaker and a quotation are far whatever they say.
_FAR_SENTENCES = 12


def _far(
    masked: str, spans: list[tuple[int, int]], starts: list[int], ref: int, pos: int, speaker: str
) -> bool:
    """Whether ``speaker``, named at ``ref``, is too far from the quotation at ``pos`` to own it.

    Across a paragraph break, a sentence between them that reports no speech and does not
    name the speaker (``Since then, two schools have closed.``) moves the story on, and the
    quotation is not theirs by default; sentences that go on reporting speech (``Any
    hospital, he said, ...``) or about the speaker (``Hajjaj is keenly aware ...``) do not.
    """
    patterns = _patterns()
    if masked.find("\n\n", ref, pos) < 0:
        return False
    first = bisect.bisect_right(starts, ref)
    last = bisect.bisect_right(starts, pos) - 1  # the quotation's own sentence
    if last - first > _FAR_SENTENCES:
        return True
    surname = speaker.split()[-1]
    return any(
        not patterns.verb.search(masked, start, end) and masked.find(surname, start, end) < 0
        for start, end in spans[first:last]
    )


# Someone named in full (two capitalised words or more): ``Debbie Meadows``, ``Right Women PAC``.
_FULL_NAME = re.compile(r"\b[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)+")


def _named_later(
    resolver: Resolver, raw: list[tuple[str, str] | None], pairs: list[tuple[int, int]], index: int
) -> str | None:
    """``Belarus’ leader said ...`` before the article names him: take the next named speaker."""
    for later in range(index + 1, min(index + 4, len(raw))):
        found = raw[later]
        if found and found[1] == "name":
            return resolver.resolve(found, pairs[later][0])
    return None


def _introduced_before(
    masked: str, resolver: Resolver, spans: list[tuple[int, int]], starts: list[int], pos: int
) -> str | None:
    """``He told reporters:`` followed by a paragraph of quotation."""
    i = bisect.bisect_right(starts, pos) - 1
    if i <= 0:
        return None
    prev_start, prev_end = spans[i - 1]
    if not masked[prev_start:prev_end].rstrip().endswith(":"):
        return None
    found = _before(masked, prev_start, prev_end)
    return resolver.resolve(found, prev_start) if found else None


def _sentence_of(
    spans: list[tuple[int, int]], starts: list[int], pos: int
) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0 or pos >= spans[i][1]:
        # a mark between sentences (e.g. a closing mark after the final stop)
        i = max(i, 0)
        return (spans[i][0], max(spans[i][1], pos + 1))
    return spans[i]


def _after(masked: str, close_pos: int, limit: int) -> tuple[str, str] | None:
    """An attribution that follows the closing mark: ``,” he said`` / ``,” said X``."""
    speech = current_language().speech
    patterns = _patterns()
    start = close_pos + 1
    apposed = patterns.apposed_name.match(masked, start, limit)
    if apposed and patterns.verb.match(masked, apposed.end(), limit):
        if not patterns.participle.match(patterns.verb.match(masked, apposed.end(), limit).group(0)):
            return (apposed.group(1), "name")
    if speech.NEW_CLAUSE.match(masked, start, limit):
        return None  # ``,” while Keller said nothing``: another subject's clause
    window_end = min(limit, start + _AFTER_REACH)
    according = speech.ACCORDING.search(masked, start, window_end)
    for verb in patterns.verb.finditer(masked, start, window_end):
        if according and according.start() < verb.start():
            break
        if patterns.participle.match(verb.group(0)):
            return None
        found = _quoted_as(masked, verb, limit) or subject_before(masked, start, verb.start())
        if found is None and verb.group(0) not in speech.OBJECT_FOLLOWS:
            found = subject_after(masked, verb.end(), limit)
        if found is not None:
            return found
    if according:
        found = subject_after(masked, according.end(), limit)
        return (found, "according") if found else None  # type: ignore[return-value]
    return None


_QUOTED_AS = re.compile(r"\s+(.{1,80}?)\s+as\s+(?:saying|telling|writing)\b")


def _quoted_as(masked: str, verb: re.Match[str], limit: int) -> tuple[str, str] | None:
    """``the agency quoted the ministry as saying``: the one quoted is the speaker."""
    if verb.group(0) != "quoted":
        return None
    match = _QUOTED_AS.match(masked, verb.end(), limit)
    return subject_after(masked, verb.end(), match.end(1)) if match else None


def _all_attributions(
    text: str, masked: str, spans: list[tuple[int, int]]
) -> list[tuple[int, tuple[str, str]]]:
    """Every speech verb of the text with its subject, in text order.

    The subject stands before the verb, or after it when the verb opens a clause
    (``..., said Dr. Marwan Al-Hams, director of ...``).
    """
    speech = current_language().speech
    patterns = _patterns()
    found = []
    for (start, end), verbs in zip(spans, speech_verbs(text, masked, spans), strict=True):
        for verb in verbs:
            if patterns.participle.match(verb.group(0)):
                continue
            subject = subject_before(masked, start, verb.start())
            if subject is None and verb.group(0) not in speech.OBJECT_FOLLOWS and _INVERTED.search(
                masked, max(start, verb.start() - 3), verb.start()
            ):
                subject = subject_after(masked, verb.end(), end)
            if subject is not None:
                found.append((verb.start(), subject))
    return found


def speech_verbs(text: str, masked: str, spans: list[tuple[int, int]]) -> list[list[re.Match[str]]]:
    """The speech verbs of each sentence of ``masked`` (``text`` with its quotations blanked).

    What ``finditer`` of the verb pattern finds in each sentence, found faster: every verb
    starts a word, and a word starts a token of ``numbers.tokens`` (read once per text for
    the figures), so the pattern is tried only at tokens that are a verb's first word,
    not at every letter. A sentence that ends inside a word is scanned as before.
    """
    verb = _patterns().verb
    firsts = _verb_first_words()
    if firsts is None:
        return [list(verb.finditer(masked, start, end)) for start, end in spans]
    starts = [pos for pos, token in tokens(text) if token in firsts]
    found = []
    for start, end in spans:
        if 0 < end < len(text) and text[end - 1 : end + 1].isascii() and text[end - 1 : end + 1].isalpha():
            found.append(list(verb.finditer(masked, start, end)))  # a word the sentence's end cuts
            continue
        verbs: list[re.Match[str]] = []
        after = start  # where the last verb found ends
        for pos in starts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]:
            if pos >= after and (match := verb.match(masked, pos, end)):
                verbs.append(match)
                after = match.end()
        found.append(verbs)
    return found


@per_language
def _verb_first_words(lang: LanguageData) -> frozenset[str] | None:
    """The first word of every speech verb and participle, lower-cased, as ``numbers.tokens``
    reads words; None when the verbs are more than a list of words."""
    speech = lang.speech
    verbs = expansions(f"{speech.SPEECH_VERBS}|{speech.PARTICIPLES}")
    if verbs is None:
        return None
    firsts = set()
    for verb in verbs:
        first = re.match(r"[a-z]+", verb)
        if first is None:
            return None  # a verb that does not open with a lower-case letter: no shortcut
        firsts.add(first.group(0))
    return frozenset(firsts)


# An inverted verb follows a comma or a closing mark: ``supplies, said X``, ``,” said X``.
_INVERTED = re.compile(r"[,”\"]\s*$")


def _before(masked: str, start: int, open_pos: int) -> tuple[str, str] | None:
    """A speech verb earlier in the sentence, nearest first: ``Putin said ... “...”``."""
    speech = current_language().speech
    patterns = _patterns()
    participle_seen = False
    for verb in reversed(list(patterns.verb.finditer(masked, start, open_pos))):
        if patterns.participle.match(verb.group(0)) and not speech.AUXILIARY.search(
                masked, start, verb.start()):
            participle_seen = True
            continue
        found = _quoted_as(masked, verb, open_pos) or subject_before(masked, start, verb.start())
        if found is not None:
            return found
    if participle_seen:  # ``Dr. Michael Desch, an expert, questioned ..., saying that “...”``
        return subject_after(masked, start, open_pos)
    according = speech.ACCORDING.search(masked, start, open_pos)
    if according:
        return subject_after(masked, according.end(), open_pos)
    return None


def _mask_quotes(text: str, pairs: list[tuple[int, int]]) -> str:
    """The text with quoted words blanked, so verbs inside quotations attribute nothing."""
    pieces = []
    pos = 0
    for open_pos, close_pos in sorted(pairs):
        start = max(open_pos + 1, pos)
        if start < close_pos:
            pieces += [text[pos:start], _NOT_SPACE.sub("#", text[start:close_pos])]
            pos = close_pos
    return "".join(pieces) + text[pos:]


_NOT_SPACE = re.compile(r"\S")  # (``\s`` is what ``str.isspace`` calls a space)
