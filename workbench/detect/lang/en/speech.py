"""English speech verbs and the words around an attribution."""

from __future__ import annotations
