"""English speech verbs and the words around an attribution."""

from __future__ import annotations

import re

# After these a name is the subject of its clause: ``Among those who left was X``, ``said X``.
INVERTING = frozenset(
    """was is were are said says added adds wrote writes explained noted continued recalled
    warned argued insisted stated asked""".split()
)

# Verbs that attribute words to a speaker (finite forms).
SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|continued|claimed|claims|claiming|wrote|writes|"
    r"stated|states|noted|notes|explained|explains|warned|warns|insisted|insists|argued|"
    r"argues|tweeted|posted|asked|asks|replied|declared|announced|acknowledged|admitted|"
    r"recalled|testified|remarked|suggested|maintained|responded|conceded|observed|"
    r"commented|emphasi[sz]ed|stressed|urged|vowed|pointed out|predicted|cautioned|"
    r"concluded|complained|boasted|confirmed|denied|reported|reports|recounted|joked|"
    r"answered|reiterated|described|quoted|called|labelled|labeled|reads|repeated|promised|"
    r"pledged|estimated|accused|dismissed|rejected|demanded|blamed|hailed|praised|criticised|criticized|"
    r"condemned|threatened|signalled|signaled|conceded|countered|shouted|recalled|found|finds"
)

# A participle (``..., saying that``) shares the subject of the clause it hangs on.
PARTICIPLES = (
    r"adding|saying|telling|writing|noting|warning|arguing|insisting|claiming|calling|speaking"
)

# Verbs that pass a post on: its caption was written the day it was passed on.
PASSED_ON = r"reposted|retweeted|reshared|shared|uploaded|captioned|published"
# ... and, for the day words were said on, speaking itself: "spoke to reporters by phone on Nov. 9"
SPOKE = r"spoke|spoken"

# ``users are claiming``: a participle after an auxiliary is the finite verb of its clause.
AUXILIARY = re.compile(r"\b(?:is|are|was|were|been)\s+$")

# Phrases that attribute words without a verb: ``according to X``.
ACCORDING = re.compile(r"\baccording to\b|\bquoted by\b|\bin the words of\b", re.IGNORECASE)

# ``,” while Keller said nothing``: after these a new clause with its own subject begins, so
# a speech verb in it does not attribute the quotation just closed.
NEW_CLAUSE = re.compile(r"[\s,;]*(?:while|whereas|but|although|though|and|when)\b")

# ``told Reuters``: what follows these verbs is the listener, never the speaker; after a
# naming or judging verb (``drones, called Shahed-136``) it is the thing named or judged.
OBJECT_FOLLOWS = frozenset(
    """told tells telling asked asks accused urged called labelled labeled described dismissed
    rejected blamed hailed praised criticised criticized condemned threatened demanded promised
    pledged quoted""".split()
)
