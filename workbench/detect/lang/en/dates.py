"""English month and weekday names, seasons, relative-date words and tense cues."""

from __future__ import annotations
