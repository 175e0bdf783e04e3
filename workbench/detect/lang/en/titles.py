"""English person titles, honorifics and the particles inside names."""

from __future__ import annotations
