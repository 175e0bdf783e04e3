"""Further kinds of date news text uses (after ``test_date_kinds2``): a year carried through
its paragraph, days to come told in the present, event days named before the event, halves
of a year, and product names that end in a number; each read to the span and value a
fact-checker would write (see claim-guidelines.md, "date")."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PUBLISHED = date(2024, 2, 20)  # a Tuesday


def values(text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
    return {c.text: c.value for c in detect_dates(text, DetectContext(published))}


def test_a_year_that_opens_a_paragraph_carries_through_it() -> None:
    text = ("In 2021, the rebels shelled the port. The navy withdrew its ships. "
            "In March, they took the airfield. By June, the town had fallen.")
    found = values(text)
    assert found["March"] == "2021-03"
    assert found["June"] == "2021-06"


def test_the_carried_year_stops_at_the_paragraph_another_year_or_the_future() -> None:
    text = "In 2021, the rebels shelled the port.\nIn March, they took the airfield."
    assert values(text)["March"] == "2023-03"  # a new paragraph: the publication's time
    text = "In 2021, the rebels shelled the port. Last month the army said it would return. In March, it left."
    assert values(text)["March"] == "2023-03"  # "last month" brought the story back to now
    text = "In 2021, the rebels shelled the port. In May, talks will resume."
    assert values(text)["May"] == "2024-05"  # told as to come: not the past year's May


def test_an_event_day_named_before_the_event_is_not_that_event_s_day() -> None:
    text = "The Oct. 7 attack on the depot was repelled."
    assert values(text, date(2020, 11, 2))["Oct. 7"] == "2020-10-07"
    assert values(text, date(2024, 3, 1))["Oct. 7"] == "2023-10-07"


def test_a_day_in_a_present_timetable_with_a_plural_subject_is_the_coming_one() -> None:
    assert values("Defence ministers meet on Thursday in Brussels.")["Thursday"] == "2024-02-22"
    assert values("Negotiators reconvene Monday in Geneva.")["Monday"] == "2024-02-26"
    assert values("Negotiators reconvene in Geneva on Monday.")["Monday"] == "2024-02-26"
    # the past, an infinitive after a past verb and a negated past stay past
    assert values("Defence ministers met on Thursday in Brussels.")["Thursday"] == "2024-02-15"
    assert values("The envoys failed to meet on Thursday.")["Thursday"] == "2024-02-15"
    assert values("The envoys did not meet on Thursday.")["Thursday"] == "2024-02-15"


def test_a_headline_s_infinitive_tells_what_is_to_come() -> None:
    text = "Chancellor to visit Warsaw on Monday\nThe trip was announced by her office."
    assert values(text)["Monday"] == "2024-02-26"
    text = "U.S. and Iran to resume talks in January, envoy says\nThe talks stalled in 2023."
    assert values(text)["January"] == "2025-01"  # an abbreviation's dot does not end the headline
    # in a sentence, or after a line that has no subject, "to" is no headline's future
    assert values("Officials met Thursday to discuss aid.")["Thursday"] == "2024-02-15"
    assert values("According to reports on Monday, the army left.")["Monday"] == "2024-02-19"


def test_a_software_release_named_by_its_year_is_not_a_date() -> None:
    assert values("The servers still run Windows Server 2019 and Office 2021.") == {}
    assert values("The drawings were made in AutoCAD 2018.") == {}
    # a plan or tournament named by its year is placed by it, and a year after a plain word stays
    assert values("The Project 2025 plan was published.")["2025"] == "2025"
    assert values("He gave his word in 2019.")["2019"] == "2019"


def test_a_half_or_quarter_named_as_results_are_is_its_year() -> None:
    found = values("Margins widened in 1H24 after a weak 2H23.")
    assert (found["1H24"], found["2H23"]) == ("2024", "2023")
    # a fiscal year after the quarter or half is one date, the fiscal year's
    assert values("Orders fell in Q1 FY25.") == {"Q1 FY25": "2025"}
    assert values("Orders fell in H2 fiscal 2023.") == {"H2 fiscal 2023": "2023"}
    # a chemical or a measurement with an H is no half
    assert values("The sample held 2H2O and 1H NMR traces.") == {}


def test_the_eve_of_an_event_the_text_dates_is_the_day_before_it() -> None:
    text = "The army began its offensive on March 3, 2021. On the eve of the offensive, envoys met."
    assert values(text)["eve of the offensive"] == "2021-03-02"
    text = "The runoff is set for Nov. 5. On the eve of the runoff, polls will close early."
    assert values(text)["eve of the runoff"] == "2024-11-04"
    # an eve whose event the text does not date places nothing
    assert values("On the eve of the offensive, envoys met.") == {}


def test_an_anniversary_is_the_event_s_day_in_a_later_year() -> None:
    dated = "The army began its offensive on March 3, 2021. "
    assert values(dated + "On the first anniversary of the offensive, crowds gathered.")[
        "first anniversary of the offensive"] == "2022-03-03"
    assert values(dated + "On the third anniversary of the offensive, crowds gathered.")[
        "third anniversary of the offensive"] == "2024-03-03"
    # with no number: the last one held before publication (this year's is still ahead)
    text = dated + "On the anniversary of the offensive, crowds gathered."
    assert values(text)["anniversary of the offensive"] == "2023-03-03"
    assert values(text, date(2024, 3, 10))["anniversary of the offensive"] == "2024-03-03"
    # an anniversary of something undated is not placed
    assert values("The couple marked the anniversary of their wedding.") == {}


def test_a_year_alone_in_quotation_marks_is_a_title() -> None:
    assert values("Those left out include the war film “1917,” the big winner.") == {}
    assert values("“1917 was hard,” he said.")["1917"] == "1917"


def test_a_year_after_a_name_is_the_events_year_not_a_count() -> None:
    assert values("T1 swept Weibo Gaming to become the Worlds 2023 champions.")["2023"] == "2023"
    assert values("They met at the Euro 2024 finals.")["2024"] == "2024"
    # a count after a plain word, or after the capital that opens a sentence, stays a count
    assert values("Russia lost 1500 soldiers there.") == {}
    assert values("Some 1500 soldiers died.") == {}
