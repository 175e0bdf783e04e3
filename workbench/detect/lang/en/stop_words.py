"""English stop words: words that carry no claim, and words that end a noun phrase."""

from __future__ import annotations

# Words that end a noun phrase: the number has no noun of its own when one comes first.
NOUN_PHRASE_ENDS = frozenset(
    """a an the this that these those its their his her our your my some any each every all
    no not nor and or but if as than then so yet of in on at for to from by with without
    over under into onto upon across since during after before until till through between
    among against about around per via toward towards behind beyond within near off out up
    down away back ago earlier later while when where which who whom whose what why how
    is are was were be been being am has have had do does did will would shall should can
    could may might must said says say told tells according also only just even still
    most less least fewer many much few another such same both either neither own
    there here it he she they we i you them him us me one ones percent per cent
    were including included include includes like unlike versus vs whereas whether
    dollars euros pounds roubles rubles cents
    hit hits kill kills killed died die dies seems remain remains means makes takes gets
    left fell went came took made saw ran began struck held met won lost sent spent paid
    built brought bought fought found gave kept led stood broke flew drove grew knew threw
    wrote spoke chose fled sank became
    goes comes looks stands lies yesterday today tomorrow tonight rose fell rises falls reached reaches totals totalled
    a.m p.m am pm gmt utc et""".split()
)  # fmt: skip

# Words that carry no claim of their own; dropped from tokens.
STOP_WORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about
    than then that this these those there here it its it's is are was were be been being has
    have had do does did will would shall should can could may might must not no nor so such
    he she they we i you him her them us me my our your their his hers theirs who whom whose
    which what when where why how all any both each few more most other some very just also
    said says say according told reported report reports s t mr mrs ms""".split()
)

# Words that only place a claim in time relative to its article (``Tuesday``,
# ``last week``): two claims sharing them need not say the same thing.
RELATIVE_DATE_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow
    tonight weekend week month year day night morning afternoon evening last next this
    earlier later ago recently past previous coming""".split()
)

# The definite article: dropped from the start of a figure, kept before a body's name
# (``the Kremlin``) and a body noun (``the ministry``).
DEFINITE_ARTICLE = "the"
# Articles that may stand between a name and the word governing it: ``the opposition leader
# Tomas Berg``.
ARTICLES = frozenset({"the", "a", "an"})
