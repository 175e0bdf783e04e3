"""English person titles, honorifics and the particles inside names."""

from __future__ import annotations

# Abbreviated titles: their period is part of a name (``Dr. Jane Roe``), not a sentence end.
ABBREVIATED_TITLES = r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Pvt|Cpl|Adm|Sen|Rep|Gov|Prof|Rev|St|Jr|Sr|Mt|Ft)"
# ... one by one, those that stand before a name: their dot ends no sentence ("the commander,
# Col. Teodor Hallik, filed"), where a suffix's may ("said John Smith Jr. Then ...")
TITLES_BEFORE_A_NAME = tuple(title for title in ABBREVIATED_TITLES[3:-1].split("|") if title not in {"Jr", "Sr"})

# Particles inside a name: ``Ursula von der Leyen``, ``Luiz Inácio Lula da Silva``.
PARTICLES = frozenset("de da di del der dos van von bin ibn al el la le du ter".split())

# Titles and offices before a name, dropped to find the person: ``Defence Minister X``.
TITLES = frozenset(
    """president prime minister foreign defence defense interior finance secretary general gen
    dr mr mrs ms prof gen. lt. lt col. col maj. maj capt. capt sgt. sgt pvt. pvt cpl. adm. mr. mrs. ms. dr. prof.
    sen. rep. gov. senator representative governor chancellor king queen prince princess pope
    chief commander ambassador spokesman spokeswoman spokesperson deputy vice mayor judge justice
    speaker pastor rev. sheikh emir sultan marshal colonel major captain lieutenant sergeant
    private admiral brigadier corporal officer director chairman chairwoman chair ceo executive
    senior former acting interim staff commissioner premier minister lord lady sir dame field
    supreme opposition army navy air force lawmaker leader state first u.s. us uk un eu nato
    white house national security adviser advisor attorney press secretary-general""".split()
)
