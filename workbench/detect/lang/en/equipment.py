"""English words around a weapon's name: context nouns, honorifics, what may precede it."""

from __future__ import annotations
