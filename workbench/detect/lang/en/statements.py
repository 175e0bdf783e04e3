"""English cue words that make a sentence a checkable statement, or an opinion."""

from __future__ import annotations
