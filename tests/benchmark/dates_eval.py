"""Date claims on a second set of real pages, annotated for dates only.

The claims sets (``annotations/``) are 28 texts; their dates were all but
solved, while the held-out part still missed values. This set widens what the
date rules are developed on: the body text of the English news pages in the
extraction sets (``../shared/devsets/extraction`` and the fetched set 2
pages), every date in them marked by ``claim-guidelines.md`` with its value
(``annotations/dates2/*.json``). That part is a development set: its detector
output was read while the rules were written, so it is reported as dev. The
extraction set's other English prose pages (blogs, magazines, a live blog, a
forum) were annotated the same way and held out (``annotations/dates2/heldout``):
scored apart, their misses never printed, never tuned on.

The texts are what the workbench extracts from each page now. Each gold date
keeps the characters before it (``before``) and its ``span``, so a text that
the extractor later cuts a little differently is still scored: a date is
looked up by that context when the offsets no longer fit, and one that cannot
be found is left out with a note.

Run ``python -m tests.benchmark.dates_eval`` to print the table and the
misses.
"""

from __future__ import annotations

import datetime
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tests.benchmark import claims_eval, extraction2_pages

ANNOTATIONS = Path(__file__).resolve().parent / "annotations" / "dates2"
HELDOUT = ANNOTATIONS / "heldout"
# Articles written for the purpose, in genres the real sets lack (a live blog, a
# British politics story, a year in review, a timeline ...), dates marked as they
# were written: texts and annotations are ours, kept in the repository.
MADE_UP = Path(__file__).resolve().parents[1] / "fixtures" / "dated_articles"
# ... and twenty more, written after the rules and never tuned on, their misses never printed
MADE_UP_HELDOUT = MADE_UP / "heldout"


def _page_path(page: str) -> Path:
    """``pages/x.html`` in the shared extraction set, ``newspaper4k/x.html`` in set 2's cache."""
    if page.startswith("pages/"):
        return claims_eval.shared_dir() / "devsets" / "extraction" / page
    return extraction2_pages.cache_dir() / page


def _located(text: str, dates: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The gold dates with offsets into ``text``, and how many could not be found in it."""
    found, lost, cursor = [], 0, 0
    for gold in dates:
        span, before = gold["span"], gold["before"]
        start = gold["start"]
        if text[start : start + len(span)] != span or not text[:start].endswith(before):
            at = text.find(before + span, cursor)
            if at < 0:
                lost += 1
                continue
            start = at + len(before)
        found.append({"kind": "date", "start": start, "end": start + len(span), "value": gold["value"]})
        cursor = start
    return found, lost


def load(annotations: Path = ANNOTATIONS) -> tuple[list[claims_eval.Document], list[str]]:
    """Every annotated page present, extracted now, with its gold dates; notes on the rest."""
    from workbench.ingest.extract import extract_html

    texts, notes = [], []
    for path in sorted(annotations.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "text" in gold:  # a text of our own, kept beside its annotation
            text = (path.parent / gold["text"]).read_text(encoding="utf-8")
        else:
            page = _page_path(gold["page"])
            if not page.is_file():
                notes.append(f"{path.stem}: skipped, page not found at {page}")
                continue
            text = extract_html(page.read_bytes()).text
        dates, lost = _located(text, gold["dates"])
        if lost:
            notes.append(f"{path.stem}: {lost} of {len(gold['dates'])} gold dates not found in the text extracted now")
        published = datetime.date.fromisoformat(gold["published"]) if gold.get("published") else None
        texts.append(claims_eval.Document(path.stem, text, published, dates))
    return texts, notes


def evaluate(annotations: Path = ANNOTATIONS) -> dict[str, Any]:
    """Date claims scored as ``claims_eval.score`` does, summed over the set; ``texts``,
    ``notes`` and ``misses`` (per text: gold or predicted dates unpaired or valued apart)."""
    from workbench.kinds import detect

    texts, notes = load(annotations)
    total: Counter = Counter()
    misses: list[str] = []
    for item in texts:
        predicted = [c.as_json() for c in detect(item.text, item.published) if c.kind == "date"]
        total.update(claims_eval._tally(item.claims, predicted).get("date", Counter()))
        misses += _misses(item, predicted)
    result = claims_eval._report({"date": total} if total else {})
    result.update(texts=len(texts), gold=total["gold"], notes=notes, misses=misses)
    return result


def _misses(item: claims_eval.Document, predicted: list[dict[str, Any]]) -> list[str]:
    pairs = claims_eval._relaxed_pairs(item.claims, predicted)
    paired_gold = {id(g) for g, _ in pairs}
    paired_pred = {id(p) for _, p in pairs}
    text, lines = item.text, []

    def context(claim: dict[str, Any]) -> str:
        before = text[max(0, claim["start"] - 50) : claim["start"]].replace("\n", " ")
        return f"{before}[{text[claim['start'] : claim['end']]}]"

    for g, p in pairs:
        if not claims_eval.values_equal(g["value"], p.get("value")):
            lines.append(f"{item.name}: value {p.get('value')} for gold {g['value']}: {context(g)}")
    lines += [f"{item.name}: missed ({g['value']}): {context(g)}" for g in item.claims if id(g) not in paired_gold]
    lines += [f"{item.name}: extra ({p.get('value')}): {context(p)}" for p in predicted if id(p) not in paired_pred]
    return lines


def _summary(label: str, result: dict[str, Any]) -> str:
    date = result["kinds"].get("date")
    if not result["texts"] or not date:
        return f"{label}: no annotated page present"
    relaxed, strict, value = date["relaxed"], date["strict"], date["value"]
    return (
        f"{label}: {result['texts']} texts, {result['gold']} gold dates; relaxed P/R/F1 "
        f"{relaxed['precision']:.3f} {relaxed['recall']:.3f} {relaxed['f1']:.3f}; strict F1 {strict['f1']:.3f}; "
        f"value accuracy {value['accuracy']:.3f} ({value['correct']} of {value['n']})"
    )


def main() -> int:
    dev, made_up = evaluate(), evaluate(MADE_UP)
    held_out, made_up_held_out = evaluate(HELDOUT), evaluate(MADE_UP_HELDOUT)
    print(_summary("dev", dev))
    print(_summary("dev, made-up articles", made_up))
    print(_summary("held-out", held_out))
    print(_summary("held-out, made-up articles", made_up_held_out))
    # held-out misses are not read
    for line in dev["notes"] + made_up["notes"] + held_out["notes"] + dev["misses"] + made_up["misses"]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
