"""English words around a weapon's name: context nouns, honorifics, what may precede it."""

from __future__ import annotations

import re

# Military words that confirm an ambiguous system name (``Patriot``, ``Leopard``) nearby.
CONTEXT_WORDS = (
    r"missiles?|rockets?|launch(?:er|ers|ed|es)?|air[- ]defen[cs]es?|anti-aircraft|"
    r"surface-to-air|air-to-air|interceptors?|intercept(?:ed|ion|s)?|batter(?:y|ies)|systems?|"
    r"tanks?|armou?r(?:ed)?|helicopters?|gunships?|drones?|UAVs?|aircraft|jets?|fighters?|"
    r"bombers?|warships?|frigates?|destroyers?|cruisers?|submarines?|navy|naval|fleet|"
    r"artillery|howitzers?|shells?|munitions?|ammunition|weapons?|warheads?|arms|military|"
    r"army|armies|troops|soldiers|forces|defen[cs]e|Pentagon|NATO|fired|firing|shot down|"
    r"strikes?|struck|deliver(?:ed|ies|y)?|suppl(?:ied|ies|y)|deploy(?:ed|ment|s)?|kamikaze|"
    r"loitering|ballistic|cruise|hypersonic|combat|battlefield|front ?line|brigades?|"
    r"regiments?|rifles?|guns?|radars?|sank|sunk|shoot down|downed|air force|infantry|"
    r"vehicles?|convoy|units?|squadrons?|sorties?|airstrikes?|counteroffensive|anti-tank"
)

# Titles before a capitalised word: then the word is a person's name, not a system.
HONORIFICS = frozenset(
    "mr mrs ms miss dr sen senator rep gov governor gen general col colonel lt capt "
    "captain maj major sgt judge justice president prof professor sir lady lord rev "
    "minister secretary mayor chancellor adm admiral".split()
)

# A speech verb after a name: a person speaks, a system does not.
SPEECH_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:said|says|told|added|wrote|argued|stated|asked|explained|noted|"
    r"tweeted|posted|insisted|claimed|warned|announced)\b"
)

# Capitalised words that may stand before a system's name without making it a person's.
OK_BEFORE = frozenset(
    "the a an this that these those its their our his her some several many more new "
    "additional modern older upgraded advanced two three four five six seven eight nine "
    "ten dozens hundreds western soviet allied nato us u.s uk eu french dutch czech greek "
    "swiss thai danish finnish norwegian israeli iraqi saudi emirati yemeni kuwaiti qatari "
    "pakistani bangladeshi first second third last other each every both with and or of "
    "for from by to as if when while after before during since but sending send sent "
    "deliver delivered supplied donated".split()
)

# A call sign or a code name is no system (``call sign Maverick``, ``Operation Storm Shadow``).
NOT_A_SYSTEM = re.compile(
    r"(?:\bcall[- ]?sign|\bnicknamed|\bcode[- ]?named|\bOperation|\bExercise)\s*[:,]?\s*[\"“']?$",
    re.IGNORECASE,
)

# Type abbreviations that may follow a system's name and belong to it.
DESCRIPTORS = frozenset({"IFV", "APC", "UAV", "UCAV", "SPAAG", "ATGM", "MRAP", "MLRS"})

# Words after a system's name that make it a family of look-alikes: "AK-platform rifles",
# "AR-15-style rifle". The family is still the system; the span keeps the word.
FAMILY_SUFFIX = re.compile(r"[-\u2010\u2011](?:platform|pattern|type|style|family|series|derived)\b")

# Prefixes of a commissioned hull's name ("USS Carney", "HMS Diamond"). Those in
# PREFIXES_NEEDING_PENNANT are also ordinary abbreviations and count only with a pennant
# number in brackets after the name ("JS Maya (DDG-179)").
SHIP_PREFIXES = (
    "USS|USNS|USCGC|HMS|HMAS|HMCS|HMNZS|HNLMS|HDMS|HNoMS|HSwMS|INS|ROKS|TCG|KRI|BRP|ARA|"
    "NRP|PNS|RFS|FGS|ESPS|SLNS|JS|FS|HS|ITS|KD|RSS|CNS|BNS"
)
PREFIXES_NEEDING_PENNANT = frozenset({"JS", "FS", "HS", "ITS", "KD", "RSS", "CNS", "BNS", "INS", "ARA"})

# What a class name ("Oscar class", "Arleigh Burke-class") stands before in naval reporting.
SHIP_NOUNS = (
    r"(?:nuclear[- ]powered\s+|guided[- ]missile\s+|ballistic[- ]missile\s+|attack\s+|"
    r"aircraft\s+|amphibious\s+(?:assault\s+)?|landing\s+|patrol\s+|missile\s+)?"
    r"(?:submarines?|subs?|boats?|destroyers?|frigates?|cruisers?|battlecruisers?|corvettes?|"
    r"carriers?|vessels?|ships?|warships?|gunboats?|minesweepers?|icebreakers?|hulls?)\b"
)

# Capitalised words before "class" that name no ship class ("World-class", "First Class").
NOT_SHIP_CLASSES = frozenset(
    """world first second third business economy middle working upper lower ruling master
    open graduating senior junior heavyweight lightweight premium special top high low
    political professional creative leisure under this that each every""".split()
)

# Family names that are systems only before a family word ("AK-platform", "AR-style"):
# alone they are too often other things (Alaska's "AK"). Name -> the gazetteer's name.
FAMILY_PREFIXES = {"AK": "AK-47", "AR": "AR-15"}

# One-letter slips that transliterating a Russian, Persian or Korean name makes: vowels for
# one another ("Iskandar"), k/c/q, s/z, v/w, and a dropped or added h, y, j or doubled letter
# ("Kinzal", "Kalibrr"). Other one-letter differences make other words ("Marder", "Marker").
TRANSLITERATION_SWAPS = ("aeiouy", "kcq", "sz", "vw", "iy", "ij", "ey")
TRANSLITERATION_EXTRAS = "hyjw"
