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
    dismay alarm indignation fury applause"""
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
