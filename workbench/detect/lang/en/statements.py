"""English cue words that make a sentence a checkable statement, or an opinion."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Single words are looked up in sets (fast); the few multi-word cues share one regex.
IRREGULAR_PAST = _words(
    """killed took made led won lost fell rose began hit struck shot went came sent held left
    met gave became grew spent built sold bought paid sank fought flew drove ran stood broke
    brought caught chose drew fled froze seized swept threw withdrew overtook undertook found
    beat bore dealt dug fed hid hung knew laid lent lit meant rang sought shook shut slid
    spread stole stuck swore taught tore understood woke wore holds contains ranks remains
    inked taken shown given seen known driven stolen beaten broken chosen begun thrown
    written fallen risen grown flown drawn"""
)

# Words ending in -ed that are no past-tense event verb: ``need``, ``alleged``, ``said``.
NOT_PAST = _words(
    """need indeed speed seed feed breed greed bed red shed hundred sacred naked wicked
    rugged armed based so-called alleged supposed expected related united said told added
    stated claimed noted explained warned reported announced asked called argued insisted
    suggested acknowledged admitted concerned interested worried scared depressed
    bewildered tired pleased surprised"""
)

# Superlatives a checkable statement often rests on: ``largest``, ``record``.
SUPERLATIVES = _words(
    "largest biggest highest lowest smallest most least first last record worst best only"
)

# Words ending in -est that are not superlatives.
NOT_SUPERLATIVE = _words(
    """interest forest protest honest west arrest request latest suggest contest rest test
    digest invest manifest harvest modest earnest guest nest quest chest pest vest crest zest
    unrest budapest bucharest almost priest"""
)

# Comparisons that can be checked: ``doubled``, ``more than``.
COMPARISON_WORDS = _words(
    """more less fewer higher lower larger smaller bigger greater increased decreased doubled
    tripled halved compared than since equivalent up down"""
)

# Words of cause and effect.
CAUSE_WORDS = _words("because caused resulted after following killing destroying forcing")

# Modal verbs and adverbs: a possibility, not a fact.
MODAL_WORDS = _words(
    """will would could may might should must can shall won’t won't wouldn't couldn't likely
    unlikely possibly perhaps maybe probably"""
)

# Intentions and plans: not yet a fact.
INTENTION_WORDS = _words(
    """plan plans planning intend intends aim aims want wants hope hopes seek seeks vow vows
    promised pledged threatened expect expects expected preparing urge urged urges"""
)

# Hedges: the writer does not vouch for it.
HEDGE_WORDS = _words(
    "reportedly allegedly apparently seem seems seemed appear appears suggests believed unclear unconfirmed"
)

# Opinions and feelings: not checkable.
OPINION_WORDS = _words(
    """believe believes believed think thinks feel feels felt fear fears feared worry worries
    worried concern concerns hope legitimate important should must ought unacceptable
    outrageous disgraceful welcome welcomed welcomes condemn condemns condemned praise
    praised criticized criticised anxieties angry sad happy proud great terrible wonderful
    good bad wrong deserve deserves deserved condemnation outrage criticism backlash anger
    dismay alarm indignation fury applause doubtful dubious questionable worrisome worrying
    troubling vital crucial essential insufficient inadequate testament regrettable
    shameful laudable commendable admirable misguided"""
)

# First and second person: the writer's or a speaker's own view.
FIRST_PERSON_WORDS = _words("I we We us our Our my My you You your Your")

# Characterisations: ``a close ally``, ``a controversial figure``.
CHARACTER_WORDS = _words(
    """close firm staunch key strong weak powerful controversial notorious famous influential
    popular ally"""
)

# An intention verb in the first clause, not after a determiner (``their plans to join``).
MAIN_INTENTION = re.compile(
    r"^[^,;:()]*?(?<!\btheir )(?<!\bits )(?<!\bthe )(?<!\bhis )(?<!\bher )"
    r"\b(?:plans?|planning|intends?|aims?|wants?|hopes?|seeks?|preparing|vowed|pledged|promised|"
    r"threatened|expects?)\s+to\s+[a-z]+",
)

# A relative clause: an intention inside one is not the sentence's own.
RELATIVE = re.compile(r"\b(?:which|who|that|whose|where)\b")

# Reporting verbs: ``X said`` with a fact outside the quotation marks.
REPORTED_WORDS = _words("said says told reported announced confirmed stated claimed added according")

# Feelings a person is said to have: ``he was "very moved"``, ``left them bewildered``.
FEELING_WORDS = _words(
    """moved touched saddened shocked stunned bewildered scared frightened depressed
    devastated heartbroken delighted thrilled honoured honored humbled grateful thankful
    relieved disappointed upset angry furious happy proud sad excited optimistic pessimistic
    hopeful confident deterred discouraged encouraged worried concerned nervous afraid
    overwhelmed emotional"""
)

# A feeling as what the sentence reports: ``said he was very moved``, ``has left them scared``.
REACTION = re.compile(
    r"\b(?:(?:was|were|is|are|am|been|felt|feels?|feeling|remains?|left\s+(?:them|him|her|us|me))"
    r"|(?:said|says|told\s+\w+)\s+(?:he|she|they|it|we|I)\s+(?:was|were|is|are|felt|feels?))"
    r"\s+(?:not\s+|so\s+|very\s+|deeply\s+|truly\s+|really\s+|quite\s+|\W)*(?P<feeling>[a-z]+)",
)

# What a check or an analysis established: ``An analysis found that``, a fact-check's
# verdict (``There is no evidence for this claim``, ``could not independently verify``).
FINDING = re.compile(
    r"\b(?:there\s+(?:is|was|are|were)\s+no\s+(?:evidence|record|indication|sign|proof|report)s?"
    r"|no\s+evidence\s+(?:that|of|for|to)"
    r"|(?:never|not)\s+(?:said|says|claimed|stated|admitted|announced)"
    r"|did\s*(?:not|n[’']t)\s+(?:say|claim|state|admit|announce)"
    r"|(?:could|can|did|does|do|has|have|had|was|were)\s*(?:not|n[’']t)\s+(?:been\s+able\s+to\s+)?"
    r"(?:independently\s+)?(?:be\s+)?(?:verif|confirm|determin|find|found|locat|substantiat|corroborat)\w*"
    r"|(?:analysis|study|review|report|investigation|survey|audit|data|search|check|records?)\s+"
    r"(?:by\s+[\w .’'-]{1,40}\s+)?(?:found|finds|showed|shows|revealed|reveals|concluded|indicates|indicated)"
    r"|(?:found|concluded|determined|confirmed)\s+that)\b",
    re.IGNORECASE,
)

# An editor's promise inside a report: ``will update this article if ...``: no forecast.
UPDATE_PROMISE = re.compile(
    r"\b(?:will|would)\s+update\s+(?:this|the)\s+(?:article|piece|story|post|report|fact[- ]check)\b",
    re.IGNORECASE,
)

# Notes about the article itself: ``This article has been adapted from ...``.
EDITORIAL = re.compile(
    r"^\W*(?:This\s+(?:article|story|piece|post|report|essay|interview|version)\s+"
    r"(?:has\s+been|was|is|first|originally)\b[^.]{0,40}?\b(?:adapted|excerpted|updated|published|"
    r"republished|reprinted|appeared|edited|condensed|corrected|produced)"
    r"|(?:Additional\s+reporting|Reporting|Writing|Editing)\s+by\b"
    r"|(?:Editor[’']s\s+note|Correction|Clarification|Update[d]?)\b[^:]{0,30}:)",
)

# A title that asks, even without its question mark: ``Is the new bridge safe``.
QUESTION_TITLE = re.compile(
    r"^\W*(?:Is|Are|Was|Were|Can|Could|Should|Would|Will|Does|Do|Did|Has|Have|Had)\s+"
    r"(?:the\s+|a\s+|an\s+|this\s+|that\s+|there\s+|it\s+|[A-Z][\w’'-]*\s+)"
)

# Multi-word cues, one named group per cue.
PHRASES = re.compile(
    r"\b(?:(?P<scheduled>(?:is|are|was|were) (?:due|scheduled|set|slated) to|takes? place|"
    r"(?:will|is to) (?:be held|take place|start|begin|open|close|meet|reach))"
    r"|(?P<cause>due to|led to|as a result)"
    r"|(?P<intention>going to|ready to|prepared to|calls? for|is set to)"
    r"|(?P<hedge>thought to|may have|might have|could have)"
    r"|(?P<opinion>need to|needs to)"
    r"|(?P<event>accounts? for|consists of|is (?:home|located)))\b"
)

# Photo credits, bylines and page furniture: not statements.
CREDIT = re.compile(
    r"(?:\b(?:Getty|Reuters|AFP|AP Photo|Shutterstock|EPA|Credit|Photograph|Photo|Image|"
    r"Editing by|Reporting by|Additional reporting|Writing by|Contributor)\b[^.]{0,40}$"
    r"|^[\w .’'-]{0,40}/[\w .’'-]{0,40}$"  # Contributor/Getty Images
    r"|\|"  # 9:47 AM 09/25/2023 Jane Doe | Reporter
    r"|^\(?WATCH\b"
    r"|^\(?(?:Additional reporting|Reporting|Writing|Editing|Compiled|Produced) by\b"
    r"|^(?:VIDEO|PHOTOS?|LISTEN|GRAPHIC|MAP)\s*:"
    r"|\b(?:contributed (?:to )?(?:this )?report|originally appeared|All rights reserved|"
    r"share on facebook|Sign up|Subscribe|pic\.twitter\.com|@\w+\)))",
)

# A line that is only an attribution: ``, he said.``
SPEECH_ONLY = re.compile(
    r"^[\s,.;:—–-]*(?:[\w’'.-]+,?\s+){0,8}?(?:said|says|added|continued|told|wrote|asked|"
    r"replied|noted|explained|warned|insisted|argued|claimed|stated|declared|tweeted)\b",
    re.IGNORECASE,
)
