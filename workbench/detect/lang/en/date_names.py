"""English names that end in a year-like number without placing anything in time: a
software release ("Windows Server 2019", "Office 2021") is a product's name, not a date."""

from __future__ import annotations

import re

# Products whose releases are numbered by year: the year after the name is part of the name.
# Case-sensitive: "the server 2019 logs" is not the product.
PRODUCT_BEFORE_YEAR_RE = re.compile(
    r"\b(?:Windows(?:\s+Server)?|(?:SQL|Exchange|SharePoint|Windows)\s+Server|Office|Visual\s+Studio|"
    r"Photoshop|Illustrator|Premiere\s+Pro|AutoCAD|Revit|Excel|Outlook|Visio|Skype\s+for\s+Business)\s+$")
# Not here: names that are plans or events ("Project 2025", "Vision 2030", "Euro 2024"), whose
# year places them, and common words ("Word", "Access") that open sentences
