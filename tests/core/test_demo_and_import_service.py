"""The first-run demo article and the import service the GUI and CLI share."""

from __future__ import annotations

from workbench.services.demo import demo_article
from workbench.services.importing import import_text, redetect
from workbench.storage import claims, sessions


def test_demo_article_has_its_byline_as_metadata_and_claims_index_its_text():
    article = demo_article()
    assert article.title and not article.text.startswith(article.title)
    assert article.authors and article.site_name and article.published
    assert "By " not in article.text.split("\n\n")[0]
    for block in article.blocks:
        assert article.text[block.start : block.end].strip()


def test_pasted_text_is_stored_with_proposed_claims_and_redetection_adds_nothing(sqlite_db):
    session = sessions.create_session(sqlite_db, "Desk")
    text = (
        "Minister confirms troop numbers\n\n"
        "About 32,000 troops were deployed on Tuesday, the ministry said.\n\n"
        "\u201cWe are ready for anything,\u201d Defence Minister Ana Kovac told reporters."
    )
    result = import_text(sqlite_db, session.id, text, by="ana")
    assert result.article.title == "Minister confirms troop numbers"
    assert result.article.text == text  # offsets index exactly what was pasted
    stored = claims.list_claims(sqlite_db, article_id=result.article.id)
    kinds = {c.kind for c in stored}
    assert {"figure", "quote"} <= kinds
    assert all(text[c.start : c.end] == c.text and c.status == "proposed" for c in stored)
    quote = next(c for c in stored if c.kind == "quote")
    assert quote.speaker == "Ana Kovac"
    assert redetect(sqlite_db, result.article.id) == 0
    assert len(claims.list_claims(sqlite_db, article_id=result.article.id)) == len(stored)
