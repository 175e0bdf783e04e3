"""English tense cues: the words that tell whether a sentence speaks of the past or of the
future, so that a bare "March" or "Friday" is read as the last one or the next."""

from __future__ import annotations

import re

# Past forms the "-ed" rule cannot see (irregular verbs): "the talks ran from June 30".
PAST_VERBS = (
    "said told met went came took gave made held left began saw struck fell rose won lost sent spoke "
    "ran fought flew drove wrote broke stood led kept found brought built bought caught sought chose "
    "fled sank became grew knew threw paid heard sold withdrew drew froze hid shook stole swept tore "
    "blew dug spent meant lay rang sang swore forgot understood overtook undertook "
    "felt got thought taught shot sat slept rode bore swam sprang shrank spun stuck slid dealt lit "
    "laid lent crept forgave hung leapt rebuilt retook overran oversaw overcame overthrew mistook "
    "underwent upheld withheld arose awoke woke wore clung forbade foresaw strode strove wept sped "
    "swung stung"
).split()


# Words that open a line with "to" after them and no subject: "According to reports on Monday"
NOT_HEADLINE_SUBJECTS = (
    "According|Due|Thanks|Prior|Back|Next|Up|Welcome|Contrary|Owing|Close|Similar|Compared|"
    "Return|Letter|Road|Path|Guide|Introduction|Response|Reply|Trip|Visit|Ways?|In|On|From|"
    "Subscribe|Sign|Click|Go|Listen|Turn|Tune|Get|Talk|Write|Added|Sent|Posted|Ahead|Next"
).split("|")


def _by_first_letter(words: list[str]) -> str:
    """An alternation grouped by first letter: a regex tries a long flat one word by word."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(first + "(?:" + "|".join(sorted(rest, key=len, reverse=True)) + ")"
                    for first, rest in sorted(groups.items()))


# Words that tell whether a sentence speaks of the past or the future: a bare
# ``March`` or ``Friday`` is then read as the last or the next one.
_TENSE_MARKER_PATTERN = (
    # a future auxiliary takes its verb with it: "will be held" is future, not past "held"
    r"(?P<future>\b(?:(?:will|won't|shall|going\s+to|due\s+to|expected\s+to|scheduled\s+to|"
    r"plans?\s+to|set\s+to|would|is\s+to|are\s+to|"
    # "must be signed by Friday": an obligation is yet to be met ("must have" looks back)
    # "could bring rain by Wednesday": a possibility is to come ("could not", "could have" look back);
    # only for a date after it: "the outcome of the March 3 primaries could turn on ..." dates no outcome
    r"(?:must|should|might|may)(?!\s+(?:not\s+)?have\b)|(?P<could>could)(?!\s+(?:not|have)\b)|(?:has|have|needs?)\s+to)(?:\s+not)?(?:\s+(?:be|have\s+been))?"
    # "the planned strike", "scheduled for Monday", "was scheduled for"; not "we planned for", "had
    # scheduled", "was planned over the summer", "paused planned duties late on Monday"
    r"(?:\s+[a-z]+)?|(?<!\bwe\s)(?<!\bI\s)(?<!\bthey\s)(?<!\bhe\s)(?<!\bshe\s)(?<!\bit\s)(?<!\bhad\s)(?<!\bhas\s)"
    r"(?<!\bhave\s)(?<!\bwas\s)(?<!\bwere\s)(?<!ed\s)(?:scheduled|planned)|(?:was|were)\s+(?:scheduled|planned)(?=\s+for\b)|upcoming|looming|impending|expects?\b|next(?!\s+to\b)"
    # "elections are expected in November", "a hearing is set for Jan. 15": what is awaited
    r"|(?:is|are)\s+(?:expected|due|slated|set|poised|likely|forecast|predicted|projected)"
    # "has until Friday to respond", "said the Government had until Friday" (reported): a deadline
    r"|(?:has|have|had)\s+until(?=\s+(?:at\s+least\s+)?(?-i:[A-Z]))"
    # "with more expected in April": what is awaited, without its verb
    r"|(?:expected|due|payable)(?=\s+(?:in|on|by|later|next|early|late)\b)"
    # "we expect to finish by Christmas": what is awaited
    r"|\b(?:expects?|hopes?|aims?|intends?|plans?)\s+to\s+[a-z]+"
    # "ahead of Tuesday's debate", "ahead of the May 19 primary": a named day ahead is still to come
    r"|ahead\s+of(?=\s+(?:(?:the|an?|its|their|this|next)\s+)?(?:[a-z]+\s+){0,2}(?:on\s+|in\s+)?(?-i:[A-Z]))"
    # "Let's see him on Saturday": a proposal is to come
    r"|\blet['’]s\b|\blet\s+us\b"
    # "31 more races between now and September": the span from today to a day ahead
    r"|(?:between|from)\s+now\s+(?:and|until|till|through|to)"
    # "the trial opens on April 2", "the strike enters its third week on Monday": a
    # timetable told in the present is still to come
    r"|(?-i:begins|starts|opens|reopens|returns|follows|closes|ends|concludes|lapses|runs\s+out|visits|travels|hosts|plays|faces|sits|holds|arrives|heads|votes|gathers|testifies|hears|debates|runs(?=\s+(?:from|until|till|through)\b)|(?:remains|stays)(?=\s+(?:[a-z]+\s+){0,2}(?:until|till|through)\b)|meets|enters|expires|resumes|reconvenes|convenes|kicks\s+off|"
    r"takes\s+effect|takes\s+office|comes\s+into\s+force|goes\s+into\s+effect|goes?\s+to\s+the\s+polls)"
    # "leaders meet on Thursday", "talks resume Monday": the same timetable with a plural
    # subject (verbs seldom nouns), not an infinitive or a negated past ("did not meet")
    # (``NOT_PLURAL_BEFORE_RE`` keeps those out)
    r"|(?P<plural>(?-i:meet|resume|reconvene|convene|arrive|gather|testify|begin|host|play|face|return|reopen|kick\s+off|take\s+effect)"
    r"(?=(?:\s+(?:in|at)\s+(?-i:[A-Z])[\w'’-]*)?"  # "meet in Brussels on Thursday"
    r"\s+(?:on\s+|again\s+|next\s+|this\s+|later\s+)?(?-i:[A-Z]|next|this|later))))\b|'ll\b"
    # "Biden to visit Kyiv on Monday": a headline's infinitive after its subject is to come
    # (the subject and the line's end are checked with ``HEADLINE_SUBJECT_RE``, ``HEADLINE_REST_RE``)
    r"|(?P<headline>(?-i:to)\s+(?!(?:the|an?|his|her|its|their|our|my|your|this|that|these|those|be|date|"
    r"power|death|court|war|school|work|bed)\b)(?-i:[a-z]+)\b)"
    # "the vote is on Friday", "the general election is Nov. 3": what a named day is set for
    r"|\b(?:is|are)\s+(?:(?:on|at|until|till)\s+)?(?=(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    # ... "the candidates are 16 February and mid-April"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
    # "are meeting on Friday": a present progressive with a day is an arrangement
    r"|(?P<progressive>\b(?:is|are|am)\s+(?!being\b)[a-z]+ing\b)"
    # "starting Monday", "effective Friday": from that day on
    r"|\b(?:starting|beginning|effective)(?=\s+(?:on\s+)?(?-i:[A-Z])))"
    # "last" of time ("was last seen on Friday"), not the adjective ("after the last primary in September")
    r"|(?P<past>\b(?:since|was|were|had|did|ago|(?<!\bthe\s)last|"
    # a past verb; after "is" or "be" it is a present passive instead (``PASSIVE_BEFORE_RE``)
    r"(?P<participle>{PAST_VERBS}|"
    r"(?!{NOT_PAST})(?-i:[a-z]+ed)))\b)"
    .replace("{PAST_VERBS}", _by_first_letter(PAST_VERBS))
    .replace("{NOT_PAST}", r"(?:need|speed|seed|feed|breed|bleed|proceed|exceed|succeed|indeed|"
             r"deed|weed|heed|greed|creed|embed|shed|bed|red|hundred|sacred|kindred|naked|"
             r"wicked|rugged|infrared|beloved|based|related|followed(?=\s+by\b))\b")
)  # an "-ed" word is a past verb only in lower case ("the Fed") and not "need" or "hundred"; nor
# "followed by", which lists what comes next ("vote next Tuesday, followed by Georgia on May 21")
# Every marker begins a word (or is "'ll"): the lookahead turns the scan away from the middle
# of a word at once instead of trying each alternative there (the same matches, twice as fast).
TENSE_MARKERS = re.compile(r"(?=(?<!\w)[a-z]|')(?:" + _TENSE_MARKER_PATTERN + ")", re.IGNORECASE)

# Before a plural's present that is no timetable: an infinitive, a negated past, a modal
NOT_PLURAL_BEFORE_RE = re.compile(r"\b(?:to|not|n't|did|can|could|may)\s+$", re.IGNORECASE)

# A headline's subject, from the line's start to its "to": one to four words, the first
# capitalised, none that opens a line without a subject ("According to reports on Monday")
HEADLINE_SUBJECT_RE = re.compile(
    r"(?!(?:" + "|".join(NOT_HEADLINE_SUBJECTS) + r")\b)(?-i:[A-Z])[\w'’.-]*(?:[ \t]+[\w'’.-]+){0,3}?[ \t]+")
# ... and the rest of its line, which a headline ends without a full stop
# (the dot of an abbreviation, "Feb. 26", "U.S.", does not end it)
HEADLINE_REST_RE = re.compile(r"(?:[^\n.!?]|(?<=\b[A-Z][a-z]{2})\.|(?<=\b[A-Z][a-z]{3})\.|(?<=\b[A-Z])\.)*(?:\n|\Z)")

# "when he is confronted", "would remain closed": a participle after "is", "be" or "remain" is
# a present passive or a state, not a past
PASSIVE_BEFORE_RE = re.compile(r"\b(?:(?:is|are|am|be)(?:\s+not)?|remains?|stays?|seems?|becomes?)\s+$", re.IGNORECASE)
# "by Wednesday", "until at least Tuesday", "from 6 a.m. Thursday": a day something runs to or
# from, still to come when nothing else in the sentence tells the tense
DEADLINE_BEFORE_RE = re.compile(
    r"\b(?:(?:by|until|till)\s+(?:at\s+least\s+)?|from\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.m\.|noon|midnight)\s+)$",
    re.IGNORECASE)
# "a packed spring", "the revised plan": an "-ed" word after a determiner is an adjective
ADJECTIVE_BEFORE_RE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|my|your|this|these|those|every|each|no|very|so|too|newly|"
    r"recently|long|well|much)\s+$", re.IGNORECASE)
# "will play on June 2 followed by an away game": a participle with its agent after the date
# qualifies what follows, it does not tell the sentence's tense
PARTICIPLE_BY_RE = re.compile(r"\s+by\b")
# ... and before the date, "priced by March", "completed by the end of June": a deadline's "by"
BY_DAY_RE = re.compile(r"\s+(?:only\s+|fully\s+|already\s+)?by\s+(?:the\s+)?", re.IGNORECASE)

# Words that open a clause of its own: a tense marker after one belongs to that
# clause ("said on Tuesday that it would respond": the date goes with "said").
CLAUSE_OPENERS = re.compile(
    r"\b(?:that|which|who|whom|whose|where|because|although|though|but|while|whereas|if|unless|until)\b|;",
    re.IGNORECASE,
)

# "postponed the vote until Oct. 7", "adjourned the hearing to March 3": the day a thing is put
# off to is still to come
PUT_OFF_RE = re.compile(r"(?:postponed|delayed|adjourned|deferred|rescheduled|pushed|moved|extended)", re.IGNORECASE)
PUT_OFF_TO_BEFORE_RE = re.compile(r"\b(?:until|till|to)\s+$", re.IGNORECASE)
# "warnings have been issued for Wednesday and Thursday", "an attack timed to New Year's Eve": the day
# a thing is set for (the date, or a second one listed with it, follows)
SET_FOR_RE = re.compile(
    r"(?:(?:issued|booked|slated|pencil?led)\s+for|timed\s+(?:to|for))\s+(?:[A-Z][\w.]*(?:\s+\d+)?\s+(?:and|or)\s+)?")

# "how the race has unfolded:": a present perfect reaches the present (a timeline it opens runs past it)
PRESENT_PERFECT_RE = re.compile(r"\b(?:has|have)\s+(?:been\s+)?[a-z]+(?:ed|en|wn|ne|un)\b", re.IGNORECASE)

# ", who retired in October," ", which opened in 2019,": a relative clause set off by commas
RELATIVE_ASIDE_RE = re.compile(r",\s+(?:who|which|whose|whom)\b")
# "Two companies would cross the river on the night of Oct. 16": a future told from the past,
# the last such marker of the clause before the date (a later "will" looks from the present)
FUTURE_IN_PAST_RE = re.compile(
    r"\b(?:would|(?:was|were)\s+(?:(?:going|due|expected|scheduled|set|supposed|meant)\s+)?to)\b(?!.*\b(?:will|shall)\b)"
    r"[^.;:!?\n]*$", re.IGNORECASE)
# "said the ceremony would take place in 2022 and that the crew would train over Christmas":
# a second reported clause, whose time is its own
NEXT_REPORTED_CLAUSE_RE = re.compile(r",?\s+(?:and|but)\s+that\s")

# Clause and list words the date resolvers read around a date
SINCE_CLAUSE_BEFORE_RE = re.compile(r"\bsince\b[^,.;:!?\n]{0,40}$", re.IGNORECASE)
COORDINATION_RE = re.compile(r"\band\b")
# "Wednesday: rain spreading from the south-west": a line of a forecast or a fixture list
LIST_DAY_RE = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|afternoon|evening|night))?:")
# what may open a live blog's entry before its sentence: "5:10 p.m.: "
TIME_STAMP_RE = re.compile(r"\s*(?:\d{1,2}(?::\d\d)?\s*[ap]\.m\.:?\s+)?")
# what may follow a time told as an adverb ("she said that day.", "said that day, when ..."):
# a mark, the end, or a word that does not go on as a clause's verb would
TIME_ENDS_RE = re.compile(r"\s*(?:[,.;:!?\"”’)]|$|(?:in|on|at|when|after|before|with|to|for|and|but)\b)")
# "in an interview on Monday", "at a news conference on Wednesday": a day someone spoke on
SPOKE_ON_BEFORE_RE = re.compile(
    r"\b(?:interview|statement|news\s+conference|press\s+conference|briefing|speech|address|remarks|"
    r"video|post|note|letter)\b[^.!?\n]{0,25}$", re.IGNORECASE)
