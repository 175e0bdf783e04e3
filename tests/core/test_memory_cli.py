"""`workbench verdict`, `workbench memory` and `workbench evidence`: output contracts and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.factories import make_article
from workbench.cli import main
from workbench.domain.records import ClaimDraft
from workbench.services import claim_edits
from workbench.storage import articles, claims, sessions
from workbench.storage.database import open_database

OLD = "Last week\n\nAbout 32,000 troops were deployed near Brest, officials said."
NEW = "Today\n\nSome 32 000 soldiers are stationed near Brest.\n\nFarmers planted 7,000 hectares of wheat."
SOURCE = (
    "Report\n\nWheat prices rose this week.\n\n"
    "Only 30,000 troops were stationed near Brest, the ministry said.\n\nThe weather was cold."
)


@pytest.fixture
def db_path(tmp_path: Path) -> dict[str, object]:
    path = tmp_path / "review.sqlite"
    db = open_database(path)
    ids: dict[str, object] = {"path": str(path)}
    for title, text, needle, key in (
        ("Last week", OLD, "About 32,000 troops", "old"),
        ("Today", NEW, "Some 32 000 soldiers", "new"),
    ):
        session = sessions.create_session(db, title)
        article = articles.add_article(db, session.id, make_article(text, title=title, source=f"https://x.example/{key}"))
        start = text.index(needle)
        draft = ClaimDraft("figure", start, start + len(needle), value=32000, unit="troop")
        ids[key] = claim_edits.add_claim(db, article.id, draft, by="ana").id
        ids[f"{key}_session"] = session.id
    start = NEW.index("7,000 hectares")
    ids["wheat"] = claim_edits.add_claim(
        db, article.id, ClaimDraft("figure", start, start + 14, value=7000, unit="hectare"), by="ana"
    ).id
    db.close()
    return ids


def run(capsys: pytest.CaptureFixture[str], db: dict[str, object], *argv: object) -> tuple[int, str, str]:
    status = main(["--db", str(db["path"]), *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


def _verdict_of(db: dict[str, object], claim_id: object) -> tuple[str | None, str]:
    handle = open_database(str(db["path"]))
    try:
        claim = claims.get_claim(handle, int(claim_id))  # type: ignore[call-overload]
        return claim.verdict, claim.rationale
    finally:
        handle.close()


def test_verdict_by_label_and_memory_finds_it_from_the_other_session(db_path, capsys):
    status, out, _ = run(capsys, db_path, "verdict", "Last week", db_path["old"], "Mostly true", "--rationale", "MoD figure")
    assert status == 0 and "mostly-true" in out
    assert _verdict_of(db_path, db_path["old"]) == ("mostly-true", "MoD figure")

    status, out, _ = run(capsys, db_path, "memory", "Today", "--format", "json")
    assert status == 0
    rows = {row["claim_id"]: row for row in json.loads(out)}
    assert set(rows) == {db_path["new"], db_path["wheat"]}
    [match] = rows[db_path["new"]]["matches"]
    assert {k: match[k] for k in ("session", "claim_id", "verdict", "rationale")} == {
        "session": "Last week", "claim_id": db_path["old"], "verdict": "mostly-true", "rationale": "MoD figure",
    }
    assert 0 < match["score"] <= 1 and "32,000 troops" in match["text"]
    assert rows[db_path["wheat"]]["matches"] == []

    # The reviewed claim's own session lists no matches for it: other sessions only.
    status, out, _ = run(capsys, db_path, "memory", "Last week", "--format", "json")
    assert [row["matches"] for row in json.loads(out)] == [[]]

    status, out, _ = run(capsys, db_path, "memory", "Today")
    assert status == 0 and "1 of 2 claims" in out and "Last week" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (("verdict", "Today", "{new}", "Pants on fire"), "not a verdict"),
        (("verdict", "Today", "9999", "true"), "does not exist"),
        (("verdict", "Today", "{old}", "true"), "not in session"),
        (("verdict", "Nowhere", "{new}", "true"), "no session"),
    ],
)
def test_bad_verdict_commands_change_nothing(db_path, capsys, argv, message):
    argv = [a.format(**db_path) for a in argv]
    status, out, err = run(capsys, db_path, *argv)
    assert status != 0 and out == "" and message in err
    assert _verdict_of(db_path, db_path["new"]) == (None, "")
    assert _verdict_of(db_path, db_path["old"]) == (None, "")


def test_evidence_json_ranks_the_passage_and_flags_the_contradiction(db_path, capsys, tmp_path):
    source = tmp_path / "report.txt"
    source.write_text(SOURCE, encoding="utf-8")
    status, out, _ = run(capsys, db_path, "evidence", "Today", db_path["new"], source, "--top", "2", "--format", "json")
    assert status == 0
    result = json.loads(out)
    assert (result["claim_id"], result["source"], result["error"]) == (db_path["new"], str(source), None)
    best = result["passages"][0]
    assert set(best) == {"text", "start", "end", "score", "matched", "conflict"}
    assert best["text"].startswith("Only 30,000 troops") and best["conflict"] is True
    assert SOURCE[best["start"] : best["end"]] == best["text"]
    assert "Brest" in best["matched"] and len(result["passages"]) <= 2

    status, out, _ = run(capsys, db_path, "evidence", "Today", db_path["new"], source)
    assert status == 0 and "POSSIBLE CONTRADICTION" in out


def test_evidence_from_a_source_without_text_reports_the_error(db_path, capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    for source in (empty, tmp_path / "missing.txt", "ftp://files.example/x.txt"):
        status, out, err = run(capsys, db_path, "evidence", "Today", db_path["new"], source, "--format", "json")
        result = json.loads(out)
        assert status == 1 and result["passages"] == [] and result["error"]
        assert "error" in err


def test_evidence_for_a_missing_claim_fails_without_output(db_path, capsys, tmp_path):
    status, out, err = run(capsys, db_path, "evidence", "Today", 4242, tmp_path / "x.txt", "--format", "json")
    assert status == 2 and out == "" and "4242" in err
