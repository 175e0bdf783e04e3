"""The demo article (shipped in resources/) and its gold annotation (a test fixture).

Both are copies of ../shared/samples/belarus-ww3.*, so the gold tests run on
a machine without ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path

from workbench.services.demo import demo_text

__all__ = ["demo_gold", "demo_text"]

GOLD = Path(__file__).resolve().parent / "fixtures" / "claims" / "belarus-ww3.gold.json"


def demo_gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))
