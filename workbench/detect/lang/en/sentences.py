"""English abbreviations that do not end a sentence, and words that start one."""

from __future__ import annotations
