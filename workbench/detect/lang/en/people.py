"""English words for bodies, leaders and unnamed people, and the function words around names."""

from __future__ import annotations

import re

# Words between a name and its speech verb that belong to neither: ``X, who had long said``.
TRAILING_FILLER = re.compile(
    r"(?:\s+|,\s*\d{1,3},?|\b(?:also|later|then|has|had|have|previously|reportedly|once|"
    r"again|further|recently|earlier|who|had|would|has\s+since|simply|quickly|flatly|"
    r"[a-z]+ly|never|not|did\s+not|didn’t|didn't|last\s+week|"
    r"on\s+\w+day|is|are|was|were|been|have\s+been|has\s+been)\b)$"
)

# Lowercase words that may stand before a name after an inverted verb: ``writes military
# analyst Alex Hollings``; prepositions and conjunctions end the subject instead.
SKIPPABLE = (
    r"(?!(?:on|in|at|to|that|when|while|after|before|during|last|this|as|from|for|of|by|"
    r"with|and|but|or|about)\b)[a-z][\w’'-]*"
)

# Capitalised words that are no subject: days, months, sentence openers.
CALENDAR_WORDS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December In On At After Before When
    While Last This Earlier Later Meanwhile However But And Yet""".split()
)

# Pronouns that refer to the person last named.
PRONOUNS = frozenset({"he", "she", "He", "She"})
# Pronouns that refer to the body that last spoke: ``it said``, ``they said``.
BODY_PRONOUNS = frozenset({"it", "It", "they", "They"})

# Words that make a capitalised name a body (a ministry, a newspaper), not a person.
BODY_WORDS = frozenset(
    """ministry agency office department council group bank news times post party kremlin
    pentagon army forces command government company inc corp ltd university institute
    commission committee service administration house court union organization organisation
    association federation reuters press network tv television radio journal review center
    centre fund board authority police military navy guard corps foundation club team league
    parliament congress senate assembly cabinet embassy mission alliance coalition
    intelligence staff headquarters media hospital watch cross crescent international amnesty
    unions""".split()
)

# ``the president``, ``Belarus' leader``: descriptions that stand for a named person.
LEADER_NOUNS = frozenset(
    """leader president premier chancellor king queen minister prime strongman dictator
    head chief ruler monarch autocrat""".split()
)

# ``the ministry``, ``the Kremlin``: nouns that stand for the body last named.
BODY_NOUNS = frozenset(
    """ministry kremlin pentagon government agency department military army police
    office spokesman spokeswoman spokesperson embassy statement company campaign party
    committee commission council court service command navy""".split()
)

# People the article does not name: their words have no speaker (``a senior official said``).
PERSON_NOUNS = frozenset(
    """official officials source sources diplomat diplomats analyst analysts expert experts
    resident residents witness witnesses critic critics observer observers man woman men women
    person people aide aides adviser advisers advisor advisors researcher researchers soldier
    soldiers officer officers worker workers volunteer volunteers lawmaker lawmakers member
    members survivor survivors relative relatives neighbour neighbor neighbours neighbors
    villager villagers farmer farmers doctor doctors nurse nurses student students teacher
    teachers mother father son daughter wife husband activist activists protester protesters
    insider insiders staffer staffers employee employees fighter fighters veteran veterans
    refugee refugees passenger passengers driver drivers executive executives banker bankers
    trader traders economist economists investor investors authorities operative operatives
    strategist strategists""".split()
)

# ``Putin's spokesman``, ``the ministry's statement``: the owner is who speaks.
OWNED = re.compile(
    r"(?P<owner>[\w’'-]+)(?:’s|'s|’|')\s+(?P<thing>statement|office|spokes(?:man|woman|person)|"
    r"spokespeople|press\s+service|representative)$"
)

# ``the foreign ministry`` keeps its lowercase modifiers (``the ministry`` alone is resolved).
BODY_PHRASE = re.compile(r"\b(?:the|its|their)\s+((?:[a-z][\w-]*\s+){0,2}[a-z]+)$", re.IGNORECASE)

# ``the head of the agency``: the description's head noun, before its ``of``.
HEAD_OF = re.compile(
    r"(?:^|\b)(?:the|a|an|its|his|her|their|one|another)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?P<head>[\w’'-]+)\s+(?:of|for|at|from|in)\s+(?:the\s+)?[^,;:]{1,40}$",
    re.IGNORECASE,
)

# Lower-case words after a name that are still its description, not the verb.
LOWER_RUN = re.compile(
    r"(?:\s+(?!(?:in|on|at|of|for|from|to|with|who|which|and|said|says|told)\b)[a-z][\w-]*){1,3}"
)

# ``the account tweeted``: a noun that points back to whoever spoke last.
ANAPHORS = frozenset(
    "account blogger outlet newspaper paper channel post document tweet caption description "
    "report video page correction fact-check note article analysis study editorial "
    "investigation".split()
)

# Nouns that introduce a publication by name: ``the Russian outlet Tsargrad``.
OUTLET_NOUNS = r"outlet|newspaper|website|site|tabloid|publication|broadcaster"

# What a publisher does to its own text: ``Pravda published the claim``, ``Politico later
# updated its story``; a one-word name before these is an outlet, not a place.
PUBLISHING_VERBS = r"published|publishes|ran|runs|printed|posted|issued|updated|reported|retracted"

# What a body publishes: ``a Washington Post report found``, ``the Bellingcat analysis
# says``; the body that wrote it is the speaker.
DOCUMENT_NOUNS = frozenset(
    """report article analysis investigation study story review survey correction note
    editorial fact-check piece assessment audit statement""".split()
)

# Words that cannot be the subject of a speech verb on their own.
NOT_SUBJECTS = frozenset(
    """officials analysts residents critics witnesses experts sources authorities others some
    many both everyone people observers commentators the a an it this that there we i you
    but and or so as if when while after before in on at for""".split()
)

# Title-case headlines are full of capitalised words that are not names.
FUNCTION_WORDS = frozenset(
    """if is are was were be been the a an for of in on to and or with by from at as how why
    what who new says said will has have after over into its it his her their this that""".split()
)

# ``,” in Iowa, said Pat Rynard``: a place after a preposition is where, not who.
PLACE_BEFORE = re.compile(r"\b(?:in|at|on|from|to|into|near|across|across from|outside|inside)\s+$")

# Posts and documents whose words belong to their author.
POST_NOUNS = frozenset("account blogger channel post tweet caption description video page".split())

# ``a video on Facebook claims``: a name after a preposition is no speaker.
AFTER_PREPOSITION = re.compile(r"\b(?:on|in|at|from|by|to|with|of|for|via)\s+$")

# ``a spokesperson for the Biden campaign``: who speaks for whom, around the name.
SPOKESPERSON_BEFORE = (
    r"\b(?:spokes(?:man|woman|person)|representative|official|statement|spokespeople)\s+"
    r"(?:for|from|of|at)\s+(?:the\s+)?"
)
# ``the Biden campaign``: a body noun after the name belongs to it.
SPOKESPERSON_BODY_AFTER = r"(?:\s+(?:campaign|government|administration|ministry|office|team|company))?"
