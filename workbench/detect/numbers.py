"""Numbers as news prose writes them: digits, words, fractions, ordinals, vague amounts.

Reusable outside detection (claim memory compares ``32 000 soldiers`` with
``32,000 troops``): ``parse_number`` turns any such expression into a float,
``parse_ordinal`` reads ``seventh``/``7th``, ``is_vague_quantity`` tells
``dozens`` from ``two dozen``, ``singular`` normalises a counted noun.
"""

from __future__ import annotations

import re
from functools import lru_cache

from workbench.detect.lang import language
from workbench.detect.language_scope import current_language

# The number patterns of English, for the callers outside detection that build
# their own regexes around them (claim memory); the detectors read the current
# language's (``current().numbers``).
WORD_NUMBER = language().numbers.WORD_NUMBER
SCALE_WORD = language().numbers.SCALE_WORD

# Digits: 90,000 / 32 000 (space, no-break or thin space groups) / 1.5 / .5
# Space-grouped thousands ("32 000") end where a model name starts: "400 737 Max jets" and
# "400 737-800s" are 400 aircraft of a numbered model, not 400,737.
DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d|(?-i:\s+[A-Z])|[A-Za-z\-‐‑])|\d+(?:\.\d+)?|\.\d+)"

_SEP_RE = re.compile(r"[,\u00a0\u202f ](?=\d{3}\b)")
_DIGITS_RE = re.compile(rf"^({DIGITS})\s*([a-z]+)?$")
_TOKEN_RE = re.compile(r"[a-z]+|\d+(?:\.\d+)?")
_ORDINAL_DIGITS_RE = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def parse_number(text: str) -> float | None:
    """The number an expression states, or None when it states none exactly.

    ``90,000``, ``32 000``, ``1.5bn``, ``$1.2 billion`` (the symbol is ignored),
    ``twenty-five``, ``a hundred``, ``half a million``, ``two and a half``,
    ``a third``, ``three-quarters``, ``a dozen``, ``seventh`` (7). Vague amounts
    (``dozens``, ``several``) and anything unreadable give None.
    """
    number_words = current_language().numbers
    cleaned = _normalise(text)
    if not cleaned:
        return None
    match = _DIGITS_RE.match(cleaned)
    if match:
        value = float(_SEP_RE.sub("", match.group(1)).replace(",", ""))
        suffix = match.group(2)
        if suffix is None:
            return value
        scale = number_words.SCALES.get(suffix) or number_words.ABBREVIATED_SCALES.get(suffix)
        if scale is None and suffix in {"st", "nd", "rd", "th"}:
            return value
        return value * scale if scale else None
    ordinal = parse_ordinal(cleaned)
    if ordinal is not None and " " not in cleaned:
        return float(ordinal)
    return _parse_words(cleaned)


def parse_ordinal(text: str) -> int | None:
    """``seventh`` and ``7th`` -> 7, ``twenty-first`` -> 21; None if not an ordinal."""
    number_words = current_language().numbers
    word = _normalise(text)
    match = _ORDINAL_DIGITS_RE.match(word)
    if match:
        return int(match.group(1))
    if word in number_words.ORDINALS:
        return number_words.ORDINALS[word]
    head, _, last = word.replace(" ", "-").rpartition("-")
    ordinals, tens = number_words.ORDINALS, number_words.TENS
    if head in tens and last in ordinals and ordinals[last] < 10:
        return tens[head] + ordinals[last]
    return None


def is_vague_quantity(text: str) -> bool:
    """``dozens``, ``hundreds of``, ``tens of thousands``, ``several``, ``a handful``."""
    number_words = current_language().numbers
    words = _normalise(text).split()
    return bool(words) and words[0] in number_words.INDEFINITE_ARTICLES | number_words.VAGUE_WORDS and any(
        w in number_words.VAGUE_WORDS for w in words
    ) and not any(w in number_words.SMALL or w in number_words.TENS for w in words)


def is_number_word(word: str) -> bool:
    number_words = current_language().numbers
    return word.lower() in number_words.NUMBER_WORDS


def singular(noun: str) -> str:
    """The singular of a counted noun: ``troops`` -> ``troop``, ``people`` -> ``person``."""
    number_words = current_language().numbers
    word = noun.lower()
    if word in number_words.IRREGULAR_PLURALS:
        return number_words.IRREGULAR_PLURALS[word]
    if (
        len(word) <= 3
        or word.endswith(number_words.NOT_PLURAL_ENDINGS)
        or word in number_words.NO_SINGULAR
    ):
        return word
    for ending, dropped, added, shortest in number_words.PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) >= shortest:
            return word[:-dropped] + added
    return word


_TOKEN_SCAN_RE = re.compile(r"[A-Za-z]+|\.?\d+|[$£€¥₽₴₹'’]")


@lru_cache(maxsize=8)
def tokens(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, lower-cased token) for every word, digit run and currency sign or apostrophe.

    Detectors look these up in dictionaries to find where a pattern may start,
    then run the pattern there only: one cheap scan instead of one per pattern.
    """
    lowered = text.lower()  # one lower() for the text, not one per token
    if len(lowered) != len(text):  # "İ" lower-cases to two characters: offsets would drift
        return tuple([(m.start(), m.group().lower()) for m in _TOKEN_SCAN_RE.finditer(text)])
    return tuple([(m.start(), lowered[m.start() : m.end()]) for m in _TOKEN_SCAN_RE.finditer(text)])


# --- internals ----------------------------------------------------------------


def _normalise(text: str) -> str:
    """Lower case, currency symbols and approximators left to the caller, hyphens kept."""
    text = text.strip().lower().replace("\u2010", "-").replace("\u2011", "-")
    text = text.replace("\u2013", "-")
    text = _CURRENCY_FIRST_RE.sub("", text)
    return _SPACES_RE.sub(" ", text)


# Compiled once: every number of a text is normalised.
_CURRENCY_FIRST_RE = re.compile(r"^(?:us|u\.s\.)?[$£€¥₽₴]\s*")
_SPACES_RE = re.compile(r"\s+")


def _parse_words(text: str) -> float | None:
    """Number words with scales and fractions, read left to right."""
    number_words = current_language().numbers
    articles, half = number_words.INDEFINITE_ARTICLES, number_words.HALF
    multipliers = number_words.GROUP_MULTIPLIERS
    tokens = [t for t in _TOKEN_RE.findall(text.replace("-", " ")) if t not in number_words.NUMBER_JOINERS]
    if not tokens:
        return None
    total = 0.0  # completed groups (e.g. 2 million)
    current: float | None = None  # the group being built
    fraction = 0.0
    seen_any = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok in articles:
            if nxt in number_words.FRACTIONS or nxt in number_words.SCALES or nxt in multipliers:
                current = (current or 0.0) + 1 if nxt not in number_words.FRACTIONS else current
                if nxt in number_words.FRACTIONS:
                    fraction = 1 / number_words.FRACTIONS[nxt]
                    seen_any = True
                    i += 2
                    continue
                i += 1
                continue
            return None
        if tok == half and nxt in articles:
            # "half a million": one half of the scale that follows
            current = (current or 0.0) + 0.5
            seen_any = True
            i += 2
            continue
        if tok in number_words.FRACTIONS:
            numerator = current if current is not None else 1.0
            parts = number_words.FRACTIONS[tok]
            fraction += numerator / parts if current is not None else 1 / parts
            current = None if current is not None else current
            seen_any = True
            i += 1
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", tok):
            current = (current or 0.0) + float(tok)
        elif tok in number_words.SMALL:
            current = (current or 0.0) + number_words.SMALL[tok]
        elif tok in number_words.TENS:
            current = (current or 0.0) + number_words.TENS[tok]
        elif tok in multipliers:  # "dozen", "hundred": before the scales, which close a group
            current = (current if current is not None else 1.0) * multipliers[tok]
        elif tok in number_words.SCALES:
            base = (current or 0.0) + fraction
            total += (base if base else 1.0) * number_words.SCALES[tok]
            current, fraction = None, 0.0
        else:
            return None
        seen_any = True
        i += 1
    if not seen_any:
        return None
    return total + (current or 0.0) + fraction
