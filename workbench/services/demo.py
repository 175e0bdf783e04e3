"""The demo article a new user sees on first run: the Belarus report of 2024-02-20.

``resources/samples/belarus-ww3.txt`` is kept byte for byte as the claim
guidelines' gold annotation indexes it, so it is loaded like any opened text
file (claim offsets index the file's exact contents) and only the metadata a
text file cannot carry — publication date, language — comes from the JSON
beside it. The publication date matters: relative dates (``Tuesday``,
``later this week``) resolve against it.
"""

from __future__ import annotations

import json
from dataclasses import replace

from workbench.domain.articles import ExtractedArticle
from workbench.ingest.text import extract_text_bytes
from workbench.paths import resource
from workbench.services.importing import DEMO_SOURCE

DEMO_TEXT = ("samples", "belarus-ww3.txt")
DEMO_METADATA = ("samples", "belarus-ww3.json")


def demo_text() -> str:
    return resource(*DEMO_TEXT).read_text(encoding="utf-8")


def demo_article() -> ExtractedArticle:
    article = extract_text_bytes(resource(*DEMO_TEXT).read_bytes(), source=DEMO_SOURCE,
                                 content_type="text/plain; charset=utf-8")
    meta = json.loads(resource(*DEMO_METADATA).read_text(encoding="utf-8"))
    return replace(
        article,
        title=meta.get("title") or article.title,
        authors=list(meta.get("authors") or []),
        published=meta.get("published"),
        site_name=meta.get("site_name"),
        language=meta.get("language"),
    )
