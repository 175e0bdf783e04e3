"""English words for bodies, leaders and unnamed people, and the function words around names."""

from __future__ import annotations
