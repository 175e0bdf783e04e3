"""English words that make a quotation a title, a name or an inscription, not speech."""

from __future__ import annotations
