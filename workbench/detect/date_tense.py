"""The tense a date is told in: whether a day without a year is the last one or the next.

``tense_near`` reads the span's own sentence (bounded, so a text without full stops
is not quadratic) for the nearest tense cue of its clause: a past verb, a future
auxiliary, a timetable told in the present, a deadline ("by Wednesday"), a
headline's infinitive. A quotation's words and the narration's keep their own
tenses; a timeline's line tells none by its present.
"""

from __future__ import annotations

import re

from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, per_language

_SENTENCE_REACH = 300
# "at 6 a.m. Thursday": the dot of a time of day ends no sentence
# nor do "U.S." or "Jan. 13": a capital's dot, a dot before a number
# nor a title's before a name: "the garrison commander, Col. Teodor Hallik, filed"
# (the mark is matched first, and what stands before it looked at after: a scan tries the
# look-behinds only at a mark)
@per_language
def _sentence_end_re(lang: LanguageData) -> re.Pattern[str]:
    titles = "".join(rf"(?<!\b{title}[.!?])" for title in lang.titles.TITLES_BEFORE_A_NAME)
    return re.compile(r"[.!?](?<![ap]\.m[.!?])(?<!\b[A-Z][.!?])" + titles + r"(?=\s|$)(?!\s\d)|\n")


_CAPITAL_NEXT_RE = re.compile(r" [A-Z]")
_OTHER_DATE_NEXT_RE = re.compile(r"\s+(?:the\s+)?\d")  # "since 2019", "since the 1990s"
_QUOTE_MARK_RE = re.compile("[\"“”«»„]")
# "Dec. 25: The water station stops pumping": a timeline's line, whose present tells no tense
_TIMELINE_ENTRY_RE = re.compile(r"\s*(?::|\s[–—-]\s)")


def tense_near(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None: the tense marker nearest to a span in its sentence."""
    # Look no further than a long sentence's length: unbounded searches make
    # a text without full stops quadratic.
    date_words = current_language().dates
    if (start == 0 or text[start - 1] == "\n") and _TIMELINE_ENTRY_RE.match(text, end) and not (
            date_words.LIST_DAY_RE.match(text, start)):
        return _timeline_tense(text, start)
    floor, ceiling = max(0, start - _SENTENCE_REACH), min(len(text), end + _SENTENCE_REACH)
    # a sentence ends at a mark followed by a space: "0.5%" and "Oct.7" do not end one
    # nor does one run on over a blank line (a caption or a headline above has no full stop)
    blank = text.rfind("\n\n", floor, start)
    floor = blank + 2 if blank >= 0 else floor
    blank = text.find("\n\n", end, ceiling)
    ceiling = blank if blank >= 0 else ceiling
    lefts = [m.end() for m in _sentence_end_re().finditer(text, floor, start)]
    left = lefts[-1] if lefts else floor
    rm = _sentence_end_re().search(text, end, ceiling)
    right = rm.start() if rm else ceiling
    # The nearest marker of the span's own clause wins; one in another clause
    # counts only when the span's clause has none. A clause opener ("that",
    # "which") between the marker and the span parts them, and after the span
    # a comma too ("who resigned on Friday, will be replaced").
    other_kind: str | None = None  # the tense of the nearest marker of another clause
    # what leans to the future when nothing else tells the tense: an infinitive with no verb
    # before it ("Talks to resume Thursday"), a deadline ("by Wednesday")
    leaning = "future" if date_words.DEADLINE_BEFORE_RE.search(text, max(left, start - 24), start) or (
        date_words.LIST_DAY_RE.match(text, start) and (start == 0 or text[start - 1] == "\n")) else None
    # nearest first: the first marker of the span's own clause that tells a tense decides
    markers = sorted(
        (start - m.end() if m.end() <= start else m.start() - end, m.start(), m)
        for m in date_words.TENSE_MARKERS.finditer(text, left, right) if not start <= m.start() < end)
    # "to name a successor to Hale, who retired in October, by the end of January": a relative
    # clause closed before the span tells nothing of its tense, nor parts it from its verb
    asides = [(a.start(), closing) for a in date_words.RELATIVE_ASIDE_RE.finditer(text, left, start)
              if (closing := text.find(",", a.end(), start)) >= 0]
    for _, _, m in markers:
        if m.end() < start - 1 and m.group().lower() == "since" and _OTHER_DATE_NEXT_RE.match(text, m.end()):
            continue  # "a record of inspections since 2019 by 31 May": the edge of another date
        if m.end() <= start:
            if _across_quotation(text, m.end(), start):
                continue  # a quotation's words and the narration's keep their own tenses
            if any(a <= m.start() < closing for a, closing in asides):
                continue
            other_clause = _opens_clause(text, m.end(), start, asides)
        else:
            between = text[end:m.start()]
            if _across_quotation(text, end, m.start()):
                continue
            # "imported ... in December and expected to keep ...": a verb coordinated after the span
            other_clause = "," in between or date_words.CLAUSE_OPENERS.search(between) is not None or (
                date_words.COORDINATION_RE.search(between) is not None)
        if other_clause and other_kind is not None:
            continue  # a nearer marker of another clause is already kept
        if m.group("headline") and not _in_headline(text, m.start(), m.end()):
            # "to" in a sentence, not a headline's "Biden to visit"; but told like one, a subject
            # and its infinitive, the sentence leans to the future ("Talks to resume Thursday")
            if not other_clause and date_words.TIME_STAMP_RE.match(text, left) and date_words.HEADLINE_SUBJECT_RE.fullmatch(
                    text, date_words.TIME_STAMP_RE.match(text, left).end(), m.start()):
                leaning = "future"
            continue
        if m.group("progressive") and m.start() >= end and not text[end : m.start()].strip():
            return None  # "February is running ahead of plan": the date is the subject, told in the present
        if m.group("could") and m.start() >= end:
            continue  # a possibility tells the tense of what it governs, not of what it follows
        if m.group("plural") and date_words.NOT_PLURAL_BEFORE_RE.search(text, max(0, m.start() - 7), m.start()):
            continue  # "failed to meet on Thursday", "did not meet": no timetable
        kind = "future" if m.group("future") or m.group("headline") else "past"
        if kind == "past" and m.group("participle") and text[m.start()].isupper() and (
                text[left : m.start()].strip() or _CAPITAL_NEXT_RE.match(text, m.end())):
            continue  # "the Met Office", "Rose Garden": a name, not a verb
        if kind == "past" and m.end() <= start and date_words.PUT_OFF_RE.fullmatch(m.group()) and (
                date_words.PUT_OFF_TO_BEFORE_RE.search(text, max(m.end(), start - 12), start)):
            kind = "future"  # "postponed a vote on the increase until Oct. 7": the day it is put off to
        elif kind == "past" and date_words.SET_FOR_RE.fullmatch(text, m.start(), start):
            kind = "future"  # "warnings have been issued for Wednesday and Thursday": the day they are for
        elif kind == "past" and m.group("participle") and date_words.BY_DAY_RE.fullmatch(text, m.end(), start):
            continue  # "the first cut fully priced by March": the participle of a deadline, no tense of its own
        if kind == "past" and m.group("participle") and (date_words.PASSIVE_BEFORE_RE.search(
                text, max(0, m.start() - 13), m.start()) or date_words.ADJECTIVE_BEFORE_RE.search(
                text, max(0, m.start() - 9), m.start()) or (
                m.start() >= end and date_words.PARTICIPLE_BY_RE.match(text, m.end()))):
            continue  # "when he is confronted", "a packed spring"; "on June 2 followed by ...": no tense of their own
        if not other_clause:
            return kind
        other_kind = kind
    return other_kind or leaning


_TIMELINE_LINES = 40  # how many entries back a timeline's introduction is sought
_ENTRY_HEAD_RE = re.compile(r"[^\n:]{1,30}(?::|\s[–—-]\s)")  # "Oct. 17:", "Nov. 4, 2023 -"


def _timeline_tense(text: str, start: int) -> str | None:
    """The tense of the line that introduces a timeline ("... shows how quickly the system came
    apart:"), for an entry of it; its own present ("Oct. 17: The unit stops admitting patients")
    tells none."""
    pos = start
    for _ in range(_TIMELINE_LINES):
        line_end = text.rfind("\n", 0, pos)
        if line_end < 0:
            return None
        line_start = text.rfind("\n", 0, line_end) + 1
        line, pos = text[line_start:line_end].rstrip(), line_start
        if line.endswith(":"):
            # "... shows how quickly the system came apart:"; not a present perfect ("how the race
            # has unfolded:"), whose timeline runs on to the present and past it
            colon = line_start + len(line) - 1
            perfect = current_language().dates.PRESENT_PERFECT_RE.search(line)
            return None if perfect else tense_near(text, colon, colon)
        if line.strip() and not _ENTRY_HEAD_RE.match(line):
            return None
    return None


def _across_quotation(text: str, start: int, end: int) -> bool:
    """Whether a quotation mark parts ``start`` from ``end``: an odd number of marks lies between
    them (a whole quotation between, 'would deliver "every barrel we promised" before Christmas',
    leaves both in the narration)."""
    return len(_QUOTE_MARK_RE.findall(text, start, end)) % 2 == 1


def _opens_clause(text: str, start: int, end: int, asides: list[tuple[int, int]]) -> bool:
    """Whether a clause opener stands between ``start`` and ``end``, outside the closed
    ``asides``; "until" just before the span is its preposition ("will teach online until at
    least Jan. 13"), not a clause's."""
    for m in current_language().dates.CLAUSE_OPENERS.finditer(text, start, end):
        if not (m.group().lower() in {"until", "till"} and end - m.end() <= 12) and not any(
                a <= m.start() < closing for a, closing in asides):
            return True
    return False


def _in_headline(text: str, start: int, end: int) -> bool:
    """Whether "to visit" at ``start`` follows a headline's subject, in a line with no full stop."""
    line = text.rfind("\n", max(0, start - _HEADLINE_SUBJECT_REACH), start)
    if line < 0 and start > _HEADLINE_SUBJECT_REACH:
        return False
    date_words = current_language().dates
    return bool(date_words.HEADLINE_SUBJECT_RE.fullmatch(text, line + 1, start)
                and date_words.HEADLINE_REST_RE.match(text, end))


_HEADLINE_SUBJECT_REACH = 80  # characters: a headline's subject of four words fits in them
