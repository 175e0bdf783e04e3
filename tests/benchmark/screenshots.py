"""`make screenshots`: render the window's main states offscreen to docs/*.png for the README.

Everything runs on a throwaway database and settings file, with the demo
article and a few review steps done as a reviewer would.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from workbench.domain.articles import ExtractedArticle
from workbench.gui.app import apply_appearance, create_application
from workbench.gui.main_window import MainWindow
from workbench.gui.session_dialogs import OpenSessionDialog
from workbench.ingest.text import extract_text
from workbench.recheck import carry_over
from workbench.services.demo import demo_article
from workbench.storage import sessions as session_store
from workbench.storage import sources as source_store

DOCS = Path(__file__).resolve().parents[2] / "docs"
SIZE = (1400, 900)


def settle(app: QApplication, window: MainWindow) -> None:
    window.jobs.wait()
    for _ in range(30):
        app.processEvents()


def save(widget: QWidget, name: str) -> None:
    path = DOCS / name
    widget.grab().save(str(path))
    print(f"wrote {path}")


def review_some_claims(window: MainWindow) -> int:
    """A few verdicts, an accepted claim and a source, so the screenshots show a review in progress."""
    claims = window.claims_panel.model.claims
    # digits of the default scale: 1 True, 2 Mostly true, 3 Misleading, 4 Mostly false, 6 Unverifiable
    verdicts = {"around 90,000 troops": 1, "approximately 32,000 troops": 6, "February 2022": 1,
                "S-400": 2, "Iskander-M": 2}
    chosen = None
    for claim in claims:
        digit = verdicts.get(claim.text)
        if digit is None:
            continue
        window.select_claim(claim.id)
        window.set_verdict_digit(digit)
        window.set_status("accepted")
        if claim.text == "around 90,000 troops":
            chosen = claim.id
    assert chosen is not None, "the demo article lost its troop count"
    window.select_claim(chosen)
    source = source_store.add_source(
        window.db, window.session_id, "https://nato.example/news/steadfast-defender-24",
        title="Steadfast Defender 24: NATO's largest exercise in decades", publisher="NATO",
    )
    source_store.attach_source(window.db, chosen, source.id, by=window.reviewer, stance="supports",
                               passage="Around 90,000 personnel from all 31 Allies and Sweden will take part.")
    other = source_store.add_source(
        window.db, window.session_id, "https://belta.example/lukashenko-security-council",
        title="Lukashenko holds meeting on military security", publisher="BelTA",
    )
    source_store.attach_source(window.db, chosen, other.id, by=window.reviewer, stance="context")
    window.claims_reloaded(chosen)
    window.change_claim(chosen, {"rationale": "NATO's own announcement gives about 90,000 personnel "
                                              "for Steadfast Defender 24, running until May."})
    return chosen


def edited_demo() -> ExtractedArticle:
    """The demo article as its publisher might quietly revise it: a figure, a new note, a quote gone."""
    base = demo_article()
    body = (
        "Editor's note: this article was updated with NATO's revised figures.\n\n"
        + base.text.replace("around 90,000 troops", "around 95,000 troops")
        .replace("\u201cWe need to acknowledge how serious the situation is,\u201d he continued.\n\n", "")
    )
    article = extract_text(body, source="demo article")
    return replace(article, title=base.title, authors=base.authors,
                   published=base.published, site_name=base.site_name, language="en",
                   provenance=replace(base.provenance, raw=body.encode("utf-8")))


def show_what_changed(app: QApplication, window: MainWindow) -> None:
    """A second version of the article, as a re-check stores it: flagged claims and the comparison."""
    assert window.article is not None
    article_id = window.article.id
    carry_over.store_version(window.db, article_id, edited_demo(), by=window.reviewer)
    window.reload_articles()
    window.show_article(article_id)
    flagged = next(c for c in window.claims_panel.model.claims if c.flagged and c.kind == "figure")
    window.select_claim(flagged.id)
    window.editor.setCurrentIndex(0)
    settle(app, window)
    save(window, "recheck-flagged.png")
    window.recheck.show_comparison(article_id)  # read in the background, shown when it is back
    window.background.wait()
    app.processEvents()
    view = window.recheck.compare_view
    assert view is not None
    view.resize(1200, 760)
    view.select_claim(flagged.id)
    settle(app, window)
    save(view, "compare.png")
    view.close()


def show_memory_and_evidence(app: QApplication, window: MainWindow, folder: Path) -> None:
    """The same article in a new session: the claim reviewed before is marked, and a source is searched."""
    summary = session_store.create_session(window.db, "Follow-up: Belarus drills", reviewer=window.reviewer)
    window.sessions.open_session(summary.id)
    from workbench.gui import importer

    window.jobs.start(importer.demo_job(window.db, summary.id, window.reviewer), "opening the demo article",
                      on_success=window.imports.imported, on_error=window.report)
    settle(app, window)
    window.memory.jobs.wait()
    settle(app, window)
    claim = next(c for c in window.claims_panel.model.claims if c.text == "around 90,000 troops")
    window.select_claim(claim.id)
    window.editor.setCurrentWidget(window.memory.page)
    settle(app, window)
    save(window, "checked-before.png")

    statement = folder / "ministry-statement.txt"
    statement.write_text(
        "Steadfast Defender 24: what NATO announced\n\n"
        "The exercise will run from February until the end of May across Europe.\n\n"
        "Around 90,000 personnel from all 31 Allies and Sweden will take part in the exercise.\n\n"
        "Belarusian state media put the number of NATO troops near its border at 32,000.\n\n"
        "Earlier drafts of the plan spoke of 80,000 troops before Sweden's units were added.\n",
        encoding="utf-8",
    )
    window.editor.setCurrentIndex(1)
    window.memory.find_evidence(claim.id)
    dialog = window.memory.evidence_dialog
    assert dialog is not None
    dialog.source.setText(str(statement))
    dialog.find()
    settle(app, window)
    save(dialog, "evidence.png")
    dialog.reject()


def main() -> int:
    DOCS.mkdir(exist_ok=True)
    app = create_application(["workbench"])
    apply_appearance(app, "light")
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(str(Path(folder) / "demo.sqlite"), settings=settings,
                            first_run_demo=True, reviewer="Mira")
        window.resize(*SIZE)
        window.show()
        settle(app, window)
        window.message_bar.dismiss()
        window.select_claim(None)
        settle(app, window)
        save(window, "main-window.png")

        review_some_claims(window)
        window.editor.setCurrentIndex(0)
        settle(app, window)
        save(window, "claim-selected.png")
        window.editor.setCurrentIndex(1)
        settle(app, window)
        save(window, "claim-sources.png")
        window.editor.setCurrentIndex(0)

        session_store.create_session(window.db, "Harbour fire casualty figures", reviewer="Jonas")
        session_store.create_session(window.db, "Budget speech: defence spending", reviewer="Mira")
        dialog = OpenSessionDialog(window.db, window, current=window.session_id)
        dialog.show()
        dialog.jobs.wait()  # the list is read in the background
        settle(app, window)
        save(dialog, "open-session.png")
        dialog.close()

        apply_appearance(app, "dark")
        window.reload_claims(window.claims_panel.current_id())
        settle(app, window)
        save(window, "dark.png")
        apply_appearance(app, "light")

        show_what_changed(app, window)
        show_memory_and_evidence(app, window, Path(folder))

        window.address_bar.setText("http://127.0.0.1:9/no-such-article")
        window.imports.import_source(window.address_bar.text())
        settle(app, window)
        QTimer.singleShot(0, lambda: None)
        settle(app, window)
        save(window, "error.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
