"""When quoted words were said: the day a quotation's "today" and "yesterday" count from.

'"... yesterday," he said on Sunday' counts from that Sunday; 'On Monday, he said:
"..."' from that Monday; a quotation opening its sentence from the day the attribution
just before it gives; the quotations of a paragraph after "X said Wednesday that ..."
from that Wednesday; spoken words with no day given from publication. ``SaidDays`` is
the part of ``date_story.StoryDates`` that reads these.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from itertools import islice

from workbench.detect.date_values import Spot, resolve
from workbench.detect.event_dates import quoted_event_day
from workbench.detect.lang import LanguageData
from workbench.detect.language_scope import current_language, per_language

# the days a saying is given on: "said Wednesday", "on Dec. 3, she said", "said that afternoon"
SAID_ON_RULES = frozenset({"weekday", "mdy", "dmy", "iso", "slash", "that_unit", "deixis"})
_QUOTE_OPENERS = "“\""
_QUOTE_CLOSERS = "”\""
SAID_VERB_REACH = 40  # "said Wednesday", "told reporters in Bratislava on Monday": a verb of speech just before the day
PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")
_SPOKE_ON_REACH = 40  # "in an interview on Monday": the noun of the occasion before its day
SAID_DAY_REACH = 100  # "said in an interview that afternoon": how far after its verb a saying's day is
# '..." south of Orikhiv, and a Telegram channel repeated the claim on Tuesday': another
# clause, with a subject of its own, is no attribution of the words before it
_NEXT_CLAUSE_RE = re.compile(r",\s+(?:and|but|while|whereas)\s")
_DATED_BEFORE_RE = re.compile(r"\bdated\s+(?:on\s+)?$", re.IGNORECASE)  # "a memo dated 2 March"
_PERIOD_SAID_RULES = frozenset({"year", "my"})  # "in a 2014 interview", "in a speech in March 2019"
_SHORT_ATTRIBUTION = 40  # characters: 'The caption reads: "...', 'It read: "...'
_EVENT_LATELY = 7  # days: how long ago the event words were said after took place
_QUOTED_RUN = 4  # sentences: how far back over quotations said with no day the saying's day is sought
_STORY_FAR = 31  # days: a story's day this far from publication is not the reporting's
_ATTRIBUTION_REACH = 120  # '..." the minister said on Sunday': how far the saying goes on


@per_language
def speech_verb_re(lang: LanguageData) -> re.Pattern[str]:
    # "Speaking at the opening of a plant on Wednesday, Feb. 28, the governor said ...": a participle
    # too; and a post passed on ("reposted it on Friday with the caption "...""), written that day
    return re.compile(rf"\b(?:{lang.speech.SPEECH_VERBS}|{lang.speech.PARTICIPLES}|{lang.speech.PASSED_ON}|{lang.speech.SPOKE})\b",
                      re.IGNORECASE)


class SaidDays:
    """The days quotations were said on; mixed into ``StoryDates``, whose state it reads
    (``text``, ``spots`` and their starts, ``sentence_starts``, ``placed``, ``said_day``,
    ``paragraph_starts``)."""

    text: str
    spots: tuple[Spot, ...]
    spot_starts: list[int]
    sentence_starts: list[int]
    placed: dict[int, str | None]
    said_day: tuple[str, int] | None
    dated: date | None
    dated_sentence: int
    day_anchor: str | None
    paragraph_starts: list[int]

    def sentence(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1

    def sentence_end(self, here: int) -> int:
        """Where sentence ``here`` ends: the next one's start, or the text's end."""
        return self.sentence_starts[here + 1] if here + 1 < len(self.sentence_starts) else len(self.text)

    def _said_on_spots(self, start: int, end: int) -> list[Spot]:
        """The spots between ``start`` and ``end`` that can give the day words were said on."""
        first, last = bisect_left(self.spot_starts, start), bisect_left(self.spot_starts, end)
        return [s for s in self.spots[first:last] if s.end <= end and s.rule in SAID_ON_RULES and (
            s.rule != "deixis" or quotation_around(self.text, s.start) is None)]  # not a quoted "yesterday"

    def _spoken_on(self, spot: Spot) -> bool:
        """Whether ``spot`` is the day someone spoke on: "said Wednesday", "told reporters on
        Monday", "in an interview on Monday", "at a news conference on Wednesday"."""
        text, start = self.text, spot.start
        sentence_start = self.sentence_starts[self.sentence(start)] if self.sentence(start) >= 0 else 0
        return bool(speech_verb_re().search(text, max(sentence_start, start - SAID_VERB_REACH), start)
                    or current_language().dates.SPOKE_ON_BEFORE_RE.search(
                        text, max(sentence_start, start - _SPOKE_ON_REACH), start))

    def _in_quotation(self, spot: Spot, quotation: tuple[int, int],
                      published: date | None) -> str | None:
        """ "yesterday" inside quotation marks: counted from the day the words were said.

        '"... yesterday," he said on Sunday' counts from that Sunday; a quoted post or
        tweet has a day of its own, unknown unless given, so its "yesterday" stays open;
        spoken words with no day given are taken as said on the day of publication."""
        text = self.text
        opening, closing = quotation
        said_after = self._said_after(closing, published)
        if said_after is not None:
            return resolve(spot, text, date.fromisoformat(said_after)) if said_after else None
        if (day := self._said_before(opening, published)) is not None:
            return resolve(spot, text, date.fromisoformat(day))  # 'On Monday, he said: "... yesterday"'
        if not self._spoken_after(closing) and (day := self._document_dated(opening)) is not None:
            return resolve(spot, text, date.fromisoformat(day))  # 'The memo, dated 2 March, ... "tomorrow's meeting"'
        if spot.rule == "deixis" and (period := self._said_in_period(opening)):
            return period  # 'she told Le Monde in a 2014 interview. "Yesterday I found ..."': 2014
        around = text[max(0, opening - 60) : opening] + " " + text[closing : closing + 60]
        if current_language().dates.WRITTEN_ATTRIBUTION_RE.search(around):
            # a post's own day is unknown, unless the text dates the event its "yesterday" names
            return quoted_event_day(text, self.spots, self.spot_starts, spot, published)
        if (day := self._said_lately(opening) or self._said_in_story(opening, published)
                or self._said_after_the_event(closing, published)) is not None:
            return resolve(spot, text, date.fromisoformat(day))
        return resolve(spot, text, published)

    def _said_after_the_event(self, closing: int, published: date | None) -> str | None:
        """ '"Tonight is the best," Collins said after the match': words said after the event the
        story's last day was of (that day, lately gone)."""
        text, day = self.text, self.day_anchor
        sentence_end = self.sentence_end(self.sentence(closing))
        verb = speech_verb_re().search(text, closing, min(sentence_end, closing + _ATTRIBUTION_REACH))
        if verb is None or day is None or published is None or not (
                current_language().dates.AFTER_THE_EVENT_RE.match(text, verb.end())):
            return None
        return day if 0 <= (published - date.fromisoformat(day)).days <= _EVENT_LATELY else None

    def _said_in_story(self, opening: int, published: date | None) -> str | None:
        """ "The trawler sailed on Tuesday 20 January 1987 ... The skipper told her: "We'll be
        home by Friday."": words quoted in the paragraph of a story's day, long before
        publication, were said in the story, on that day."""
        if self.dated is None or self.day_anchor is None or published is None or (
                date.fromisoformat(self.day_anchor) != self.dated or abs((self.dated - published).days) <= _STORY_FAR):
            return None
        paragraph = bisect_right(self.paragraph_starts, opening) - 1
        if bisect_right(self.paragraph_starts, self.sentence_starts[self.dated_sentence]) - 1 != paragraph:
            return None
        return self.day_anchor

    def _said_lately(self, opening: int) -> str | None:
        """ "The head of the network said Wednesday that ... \n\n "Yesterday we ...," he told
        reporters.": the day the text last said someone spoke on holds for the quotations of
        that paragraph and the next."""
        if self.said_day is None:
            return None
        day, paragraph = self.said_day
        return day if 0 <= bisect_right(self.paragraph_starts, opening) - 1 - paragraph <= 1 else None

    def _attributed_day(self, quotation: tuple[int, int], published: date | None) -> str | None:
        """The day the quotation's attribution says the words were said, if it says one."""
        return self._said_after(quotation[1], published, strict=True) or self._said_before(
            quotation[0], published) or self._said_lately(quotation[0]) or self._said_in_story(
            quotation[0], published) or (not self._spoken_after(quotation[1]) and self._document_dated(quotation[0]))

    def _said_after(self, closing: int, published: date | None, strict: bool = False) -> str | None:
        """ '"...," he said on Sunday': the day of the attribution after the quotation, ""
        when it names one that cannot be placed, None when it names none. ``strict``: not a
        day of a clause of its own ('said King, who resigned on Dec. 20')."""
        text = self.text
        reach = min(len(text), closing + _ATTRIBUTION_REACH)
        sentence_end = self.sentence_end(self.sentence(closing))
        reach = min(reach, sentence_end)
        for said in islice(self.spots, bisect_right(self.spot_starts, closing), None):
            if closing < said.start < reach and said.rule in SAID_ON_RULES and (
                    verb := speech_verb_re().search(text, closing, said.start)) and quotation_around(
                    text, said.start) is None and not _NEXT_CLAUSE_RE.search(text, closing, verb.start()):
                if strict and current_language().dates.CLAUSE_OPENERS.search(text, closing, said.start):
                    return None
                day = resolve(said, text, published)
                return day if day and len(day) == 10 else ""
            if said.start >= reach:
                break
        return None

    def _said_before(self, opening: int, published: date | None) -> str | None:
        """The day an attribution that opens the quotation's sentence gives ("On Monday, he
        said:", "He told reporters on Monday:"), if it gives one; for a quotation that opens
        its sentence, the day the sentence before said it on ('..., she said in a note on
        Thursday. "Today ..."', 'he said in an interview that afternoon. "Yesterday ..."')."""
        text = self.text
        here = max(0, self.sentence(opening))
        sentence_start = self.sentence_starts[here]
        if not text[sentence_start:opening].strip() and here > 0:
            # back over the quotations just before, said with no day ('"This month ...," she
            # said. "And next month ..."'), to the sentence that gives one
            for back in range(here - 1, max(-1, here - 1 - _QUOTED_RUN), -1):
                start, end = self.sentence_starts[back], self.sentence_starts[back + 1]
                if (day := self._said_on(start, end)) is not None or not any(
                        mark in text[start:end] for mark in _QUOTE_OPENERS):
                    return day
                spots = self.spots[bisect_left(self.spot_starts, start) : bisect_left(self.spot_starts, end)]
                if any(quotation_around(text, s.start) is None for s in spots):
                    return None  # '"...," she said this week': the attribution gives a time of its own
            return None
        said = self._said_on_spots(sentence_start, opening)
        if not said and here > 0 and opening - sentence_start <= _SHORT_ATTRIBUTION and (
                speech_verb_re().search(text, sentence_start, opening)):
            # 'It spread on Saturday, when an account posted two images. The caption reads: "..."':
            # a short attribution with no day of its own, after the sentence that gave the post's
            return self._posted_on(self.sentence_starts[here - 1], sentence_start)
        if not said or not speech_verb_re().search(text, sentence_start, opening) or any(
                mark in text[said[-1].end : opening] for mark in _QUOTE_CLOSERS):
            return None
        day = self.placed.get(said[-1].start) or resolve(said[-1], text, published)
        return day if day and len(day) == 10 else None

    def _posted_on(self, start: int, end: int) -> str | None:
        """The last day placed in the sentence between ``start`` and ``end``, when that sentence
        has a verb of speech or posting ("was published on Oct. 10", "on Saturday, when an
        account posted ...")."""
        said = self._said_on_spots(start, end)
        if not said or not speech_verb_re().search(self.text, start, end):
            return None
        day = self.placed.get(said[-1].start)
        return day if day and len(day) == 10 else None

    def _spoken_after(self, closing: int) -> bool:
        """Whether an attribution after the quotation gives it to someone speaking ('..." she said')."""
        here = self.sentence(closing)
        end = self.sentence_end(here)
        return speech_verb_re().search(self.text, closing, min(end, closing + _ATTRIBUTION_REACH)) is not None

    def _document_dated(self, opening: int) -> str | None:
        """ "The memo, dated 2 March, ... asks for a drawdown "to be authorised at tomorrow's
        board meeting"": the day a document quoted in the same paragraph is dated."""
        paragraph = bisect_right(self.paragraph_starts, opening) - 1
        first = bisect_left(self.spot_starts, self.paragraph_starts[paragraph])
        for said in reversed(self.spots[first : bisect_left(self.spot_starts, opening)]):
            day = self.placed.get(said.start) or ""
            if len(day) == 10 and _DATED_BEFORE_RE.search(self.text, max(0, said.start - 12), said.start) and (
                    quotation_around(self.text, said.start) is None):
                return day
        return None

    def _said_in_period(self, opening: int) -> str | None:
        """The year or month an attribution gives for words it dates no finer ("told Le Monde
        in a 2014 interview"): in the sentence of the quotation, or the one before when the
        quotation opens its own."""
        here = max(0, self.sentence(opening))
        start = self.sentence_starts[here]
        if not self.text[start:opening].strip() and here > 0:
            start = self.sentence_starts[here - 1]
        end = self.sentence_end(here)
        first, last = bisect_left(self.spot_starts, start), bisect_left(self.spot_starts, end)
        for said in self.spots[first:last]:
            value = self.placed.get(said.start) or ""
            if said.rule in _PERIOD_SAID_RULES and len(value) in (4, 7) and value[:4].isdigit() and (
                    quotation_around(self.text, said.start) is None) and (
                    speech_verb_re().search(self.text, max(start, said.start - SAID_VERB_REACH), said.start)):
                return value
        return None

    def _said_on(self, start: int, end: int) -> str | None:
        """The day a sentence of attribution between ``start`` and ``end`` says its words
        were said on: its last day placed, with a verb of speech before it."""
        said = self._said_on_spots(start, end)
        verbs = [m.end() for m in speech_verb_re().finditer(self.text, start, end)]
        # the day right after a verb of speech ("said at Tuesday's meeting that ... on Friday")
        near = [s for s in said if any(0 <= s.start - v <= SAID_DAY_REACH for v in verbs)]
        if not near:
            return None
        day = self.placed.get(near[0].start)
        return day if day and len(day) == 10 else None


def quotation_around(text: str, pos: int) -> tuple[int, int] | None:
    """The opening and closing marks of the quotation ``pos`` lies in, within its paragraph."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    opening = max(text.rfind(mark, start, pos) for mark in _QUOTE_OPENERS)
    if opening < 0:
        return None
    if text[opening] == "\"" and text.count("\"", start, opening) % 2:
        return None  # a straight mark that closes a quotation, not one that opens it
    if text[opening] == "“" and text.rfind("”", opening, pos) >= 0:
        return None
    closings = [i for i in (text.find(mark, pos, end) for mark in _QUOTE_CLOSERS) if i >= 0]
    return (opening, min(closings)) if closings else None
