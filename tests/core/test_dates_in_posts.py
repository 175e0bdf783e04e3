"""A post embedded in a page counts its "today" from the day its signature gives."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

PAGE = (
    "The judge was sworn in on Monday.\n\n"
    "Honored to have offered the benediction today at this historic ceremony. https://t.co/x\n\n"
    "— Seth Goldstein (@Rabbi_360) January 7, 2020\n\n"
    "The court sits again today."
)


def values(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.value) for c in detect_dates(text, DetectContext(date(2020, 1, 8)))]


def test_today_in_an_embedded_post_is_the_day_its_signature_gives() -> None:
    found = values(PAGE)
    assert found[1] == ("today", "2020-01-07")
    assert found[2] == ("January 7, 2020", "2020-01-07")


def test_today_outside_the_post_is_still_the_publication_day() -> None:
    assert values(PAGE)[-1] == ("today", "2020-01-08")


def test_a_dash_line_without_a_handle_is_not_a_post_signature() -> None:
    text = PAGE.replace("(@Rabbi_360) ", "")
    assert values(text)[1] == ("today", "2020-01-08")
