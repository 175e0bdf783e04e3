"""Quotations: marks, spans, scare quotes, runaway protection and speakers."""

from __future__ import annotations

from workbench.detect.quotes import detect_quotes


def quotes(text: str) -> list[tuple[str, str | None]]:
    found = detect_quotes(text)
    for c in found:
        assert text[c.start : c.end] == c.text
    return [(c.text, c.speaker) for c in found]


def test_span_is_the_words_inside_the_marks_without_closing_punctuation() -> None:
    text = "“The world has come to the brink,” Alexander Lukashenko said."
    assert quotes(text) == [("The world has come to the brink", "Alexander Lukashenko")]


def test_all_kinds_of_marks() -> None:
    text = (
        '"Straight marks count too," she said. „Low marks open this one“, he wrote. '
        "«Guillemets are quotation marks», they said."
    )
    assert [q for q, _ in quotes(text)] == [
        "Straight marks count too",
        "Low marks open this one",
        "Guillemets are quotation marks",
    ]


def test_single_quotes_inside_double_stay_inside() -> None:
    text = "“He called it ‘a pack of lies’ on Friday,” the Kremlin said."
    assert quotes(text) == [("He called it ‘a pack of lies’ on Friday", "the Kremlin")]


def test_scare_quotes_of_one_or_two_words_are_not_quotes() -> None:
    text = 'The so-called "peace plan" was a "fraud", said the "special military operation" staff.'
    assert [q for q, _ in quotes(text)] == ["special military operation"]


def test_interrupted_quotation_is_two_quotes_with_one_speaker() -> None:
    text = "“Weapons are arriving,” Volodymyr Zelensky said, “but not fast enough for us.”"
    assert quotes(text) == [
        ("Weapons are arriving", "Volodymyr Zelensky"),
        ("but not fast enough for us", "Volodymyr Zelensky"),
    ]


def test_several_sentences_in_one_pair_of_marks_are_one_quote() -> None:
    text = "“We held the line. We lost no one. We will stay,” said Maria Koval."
    assert quotes(text) == [("We held the line. We lost no one. We will stay", "Maria Koval")]


def test_quotation_running_over_paragraphs_is_one_quote() -> None:
    text = (
        "Joe Biden spoke at length.\n\n"
        "“The first paragraph of the quote ends open.\n\n"
        "“The second one closes it for good,” Biden said."
    )
    [(quoted, speaker)] = quotes(text)
    assert quoted.startswith("The first paragraph") and quoted.endswith("closes it for good")
    assert speaker == "Joe Biden"


def test_unbalanced_mark_does_not_run_away() -> None:
    text = (
        'He said "this opening mark is never closed.\n\n'
        'The next paragraph has "a real quote here" in it.'
    )
    assert [q for q, _ in quotes(text)] == ["a real quote here"]


def test_unclosed_mark_at_the_end_yields_nothing() -> None:
    assert quotes("“This never ends and nothing closes it") == []


def test_he_said_resolves_to_the_last_named_speaker() -> None:
    text = (
        "Russian President Vladimir Putin met reporters. “We are ready for talks,” Putin said.\n\n"
        "“Nobody will dictate terms to us,” he added."
    )
    assert quotes(text) == [
        ("We are ready for talks", "Vladimir Putin"),
        ("Nobody will dictate terms to us", "Vladimir Putin"),
    ]


def test_titles_and_appositions_are_dropped_from_the_speaker() -> None:
    text = (
        "“Casualties are mounting fast,” said Pvt. Ivan Sichkar, a Ukrainian soldier.\n\n"
        "Belarus’ strongman leader, Alexander Lukashenko, said “we must be prepared.”"
    )
    assert [s for _, s in quotes(text)] == ["Ivan Sichkar", "Alexander Lukashenko"]


def test_attribution_before_the_quote_and_according_to() -> None:
    text = (
        "Pentagon spokesman John Kirby said the strikes hit “several key targets.” "
        "According to the Defence Ministry, “all targets were hit today.”"
    )
    assert quotes(text) == [
        ("several key targets", "John Kirby"),
        ("all targets were hit today", "Defence Ministry"),
    ]


def test_participle_takes_the_subject_of_its_clause() -> None:
    text = (
        "Dr. Michael Desch, a policy expert, questioned the claim in an email, "
        "saying that “the numbers are not very clear.”"
    )
    assert quotes(text) == [("the numbers are not very clear", "Michael Desch")]


def test_description_before_the_name_resolves_forward() -> None:
    text = (
        "The leader said on Tuesday that plans must be “prepared as much as possible.”\n\n"
        "“The world is at the brink,” President Alexander Lukashenko said."
    )
    assert [s for _, s in quotes(text)] == ["Alexander Lukashenko", "Alexander Lukashenko"]


def test_unattributed_quote_continues_the_previous_speaker() -> None:
    text = (
        "“I heard a boom and ran outside,” said Anna Lee, a neighbour.\n\n"
        "“Then the whole building came down in seconds.”"
    )
    assert [s for _, s in quotes(text)] == ["Anna Lee", "Anna Lee"]


def test_nobody_named_means_no_speaker() -> None:
    assert quotes("A sign on the door read “closed until further notice” all week.") == [
        ("closed until further notice", None)
    ]


def test_a_title_of_a_show_has_no_speaker() -> None:
    text = "In an interview on CNN’s “State of the Union,” Nikki Haley claimed the aid was large."
    assert quotes(text) == [("State of the Union", None)]


def test_quoted_verbs_are_not_attributions() -> None:
    text = "“Smith said we should leave at once,” Jane Roe told reporters."
    assert quotes(text) == [("Smith said we should leave at once", "Jane Roe")]
