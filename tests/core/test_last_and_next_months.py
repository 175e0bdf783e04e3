""""last October" written in November is a year back: the month just gone is "last month"."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates


def value(text: str, published: date) -> str | None:
    (found,) = detect_dates(text, DetectContext(published))
    return found.value


def test_last_month_named_just_after_it_is_the_year_before() -> None:
    assert value("She changed her tune last October.", date(2023, 11, 8)) == "2022-10"


def test_last_month_named_further_on_is_this_years() -> None:
    assert value("She changed her tune last September.", date(2023, 11, 8)) == "2023-09"
    assert value("She changed her tune last December.", date(2024, 1, 8)) == "2023-12"


def test_next_month_named_just_before_it_is_the_year_after() -> None:
    assert value("The vote is due next December.", date(2023, 11, 8)) == "2024-12"
    assert value("The vote is due next March.", date(2023, 11, 8)) == "2024-03"
