"""Re-anchoring claims in an edited text: each outcome as a reviewer would judge it."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import DEMO_TEXT
from workbench.domain.anchors import ClaimAnchor, Outcome
from workbench.recheck.anchor import reanchor_all
from workbench.recheck.diff import metadata_changes, text_changes

QUOTE = "\u201cWe must be prepared as much as possible,\u201d"


def anchor_on(text: str, words: str, claim_id: int = 1, occurrence: int = 0) -> ClaimAnchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    end = start + len(words)
    return ClaimAnchor(claim_id, start, end, words, text[max(0, start - 32) : start], text[end : end + 32])


def one(old: str, new: str, anchor: ClaimAnchor):
    (result,) = reanchor_all(old, new, [anchor])
    return result


def test_untouched_claim_is_unchanged_with_full_confidence():
    result = one(DEMO_TEXT, DEMO_TEXT, anchor_on(DEMO_TEXT, "32,000 troops"))
    assert result.outcome is Outcome.UNCHANGED
    assert result.confidence == 1.0
    assert (result.start, result.end) == (result.old_start, result.old_end)


def test_paragraph_inserted_before_moves_the_claim_to_its_new_offsets():
    new = DEMO_TEXT.replace("war\n\n", "war\n\nMinsk said the drills were planned long ago.\n\n")
    result = one(DEMO_TEXT, new, anchor_on(DEMO_TEXT, "S-400 systems"))
    assert result.outcome is Outcome.MOVED
    assert new[result.start : result.end] == "S-400 systems"
    assert result.start > result.old_start
    assert result.confidence > 0.9


def test_duplicated_words_are_told_apart_by_prefix_and_suffix():
    old = (
        "Officials said 500 soldiers crossed at dawn.\n\n"
        "Later the ministry said 500 soldiers returned home."
    )
    claim = anchor_on(old, "500 soldiers", occurrence=1)
    # A paragraph above that also has the words, and the two sentences swapped.
    new = (
        "A local paper first reported 500 soldiers in the area.\n\n"
        "Later the ministry said 500 soldiers returned home.\n\n"
        "Officials said 500 soldiers crossed at dawn."
    )
    result = one(old, new, claim)
    assert result.outcome is Outcome.MOVED
    assert new[result.end : result.end + 14] == " returned home"


def test_corrected_figure_is_changed_with_old_and_new_text():
    new = DEMO_TEXT.replace("32,000", "30,000")
    result = one(DEMO_TEXT, new, anchor_on(DEMO_TEXT, "About 32,000 troops were deployed"))
    assert result.outcome is Outcome.CHANGED
    assert result.old_text == "About 32,000 troops were deployed"
    assert result.new_text == "About 30,000 troops were deployed"
    assert 0.6 <= result.confidence < 1.0
    assert result.needs_review


def test_corrected_figure_alone_is_changed_even_if_it_appears_elsewhere_now():
    new = DEMO_TEXT.replace("32,000", "30,000") + "\n\nLast year 32,000 people attended the parade."
    result = one(DEMO_TEXT, new, anchor_on(DEMO_TEXT, "32,000"))
    assert result.outcome is Outcome.CHANGED
    assert result.new_text == "30,000"


def test_deleted_sentence_is_gone():
    new = DEMO_TEXT.replace(QUOTE + " Alexander Lukashenko said.\n\n", "")
    result = one(DEMO_TEXT, new, anchor_on(DEMO_TEXT, QUOTE))
    assert result.outcome is Outcome.GONE
    assert result.start is None and result.new_text is None
    assert result.needs_review


def test_whitespace_and_quote_style_changes_keep_the_claim():
    new = DEMO_TEXT.replace("\u201c", '"').replace("\u201d", '"').replace("32,000 troops", "32,000  troops")
    quote = one(DEMO_TEXT, new, anchor_on(DEMO_TEXT, QUOTE))
    figure = one(DEMO_TEXT, new, anchor_on(DEMO_TEXT, "32,000 troops"))
    for result in (quote, figure):
        assert result.outcome is Outcome.MOVED
        assert not result.needs_review
        assert "quotation marks" in result.note
    assert quote.new_text == '"We must be prepared as much as possible,"'
    assert figure.new_text == "32,000  troops"


def test_many_claims_in_a_long_text_after_scattered_edits():
    rng = random.Random(3)
    words = [f"w{n}" for n in range(2000)]
    paragraphs = [" ".join(rng.choice(words) for _ in range(40)) + "." for _ in range(150)]
    old = "\n\n".join(paragraphs)
    spans = [m.span() for m in re.finditer(r"\S+ \S+ \S+", old)]
    anchors = [
        ClaimAnchor(i, s, e, old[s:e], old[max(0, s - 32) : s], old[e : e + 32])
        for i, (s, e) in enumerate(spans[::10][:300])
    ]
    edited = list(paragraphs)
    edited.insert(0, "An editor's note was added at the top of the article.")
    edited[76] = "This paragraph was rewritten from scratch by the desk."  # old paragraph 75
    new = "\n\n".join(edited)
    results = reanchor_all(old, new, anchors)
    in_rewritten = [
        r for r in results if old.index(paragraphs[75]) <= r.old_start < old.index(paragraphs[75]) + len(paragraphs[75])
    ]
    elsewhere = [r for r in results if r not in in_rewritten]
    assert in_rewritten and all(r.outcome is Outcome.GONE for r in in_rewritten)
    assert all(r.outcome is Outcome.MOVED for r in elsewhere)
    assert all(new[r.start : r.end] == r.old_text for r in elsewhere)


_word = st.sampled_from(["alpha", "beta", "gamma", "delta", "troops", "border", "said", "the"])


@settings(max_examples=60, deadline=None)
@given(
    before=st.lists(_word, min_size=3, max_size=30),
    after=st.lists(_word, min_size=3, max_size=30),
    edits=st.lists(
        st.tuples(st.booleans(), st.booleans(), st.integers(0, 10_000), st.lists(_word, min_size=1, max_size=5)),
        max_size=6,
    ),
)
def test_edits_away_from_a_claim_never_flag_it(before, after, edits):
    claim_words = "About 32,000 troops were deployed near the border"
    head, tail = " ".join(before), " ".join(after)
    old = f"{head}\n\n{claim_words} on Tuesday.\n\n{tail}"
    claim = anchor_on(old, claim_words)
    margin = 40  # edits stay clear of the claim and its remembered context
    new_head, new_tail = head, tail
    for in_head, insert, at, words in edits:
        part = new_head if in_head else new_tail
        at = at % (len(part) + 1)
        part = part[:at] + " " + " ".join(words) + " " + part[at:] if insert else part[:at] + part[at + 6 :]
        if in_head:
            new_head = part
        else:
            new_tail = part
    new_head = new_head[: max(0, len(new_head) - margin)] + head[max(0, len(head) - margin) :]
    new = f"{new_head}\n\n{claim_words} on Tuesday.\n\n{new_tail}"
    result = one(old, new, claim)
    assert result.outcome in (Outcome.UNCHANGED, Outcome.MOVED)
    assert new[result.start : result.end] == claim_words


def test_text_changes_have_offsets_in_both_texts():
    new = DEMO_TEXT.replace("32,000", "30,000").replace(" on Tuesday", "")
    changes = text_changes(DEMO_TEXT, new)
    assert {c.kind for c in changes} == {"replace", "delete"}
    for change in changes:
        assert DEMO_TEXT[change.old_start : change.old_end] == change.old_text
        assert new[change.new_start : change.new_end] == change.new_text
    replaced = next(c for c in changes if c.kind == "replace")
    assert (replaced.old_text, replaced.new_text) == ("32", "30")


def test_metadata_changes_list_only_fields_that_differ():
    old = {"title": "Belarus prepares for war", "authors": ["Ana Reporter"], "published": "2024-02-20"}
    new = {"title": "Belarus prepares for drills", "authors": ["Ana Reporter "], "published": "2024-02-20"}
    assert metadata_changes(old, new) == {
        "title": ["Belarus prepares for war", "Belarus prepares for drills"]
    }
