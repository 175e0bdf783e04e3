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


# --- speakers on unseen text: who may speak, and who may not -------------------------------


def test_a_weapon_named_after_a_quote_is_never_its_speaker() -> None:
    text = (
        "The Daily Ledger reported in May that “smuggled western chips” guide these drones, "
        "called Shahed-136, across the border."
    )
    assert quotes(text) == [("smuggled western chips", "Daily Ledger")]


def test_a_capitalised_modifier_of_unnamed_people_is_no_speaker() -> None:
    text = "Online commenters are insisting that Norway “lost every single tank” it had sent."
    assert quotes(text) == [("lost every single tank", None)]


def test_a_body_with_its_acronym_in_brackets_speaks() -> None:
    text = (
        "The Baltic Security Institute (BSI) stated in a March note that “three dry docks were "
        "hit by missiles overnight.”"
    )
    assert quotes(text)[0][1] == "Baltic Security Institute"


def test_a_long_apposition_between_the_quote_and_the_verb() -> None:
    text = (
        "“We have seen the ships leave port twice this month,” Maria Delgado, senior fellow and "
        "head of maritime research at the Harbor Policy Center in Lisbon, told reporters."
    )
    assert quotes(text)[0][1] == "Maria Delgado"


def test_the_account_speaks_for_the_account_the_text_introduced() -> None:
    text = (
        "Baltic Watch, an X account that follows naval traffic, shared photos of the tanker. "
        "Officials in Tallinn said nothing.\n\n"
        "“The tanker turned off its transponder near the strait at dawn,” the account wrote."
    )
    assert quotes(text)[0][1] == "Baltic Watch"


def test_a_post_speaks_for_the_handle_last_quoted_and_a_document_for_its_author() -> None:
    text = (
        "NavyLooker claimed the frigate was hit twice.\n\n"
        "“Two hits on the frigate, confirmed by our sources,” the account posted.\n\n"
        "A second paper shows that the Federal Audit Office estimated the cost.\n\n"
        "“We cannot verify the figures supplied by the ministry,” the document reads."
    )
    assert [s for _, s in quotes(text)] == ["NavyLooker", "Federal Audit Office"]


def test_an_anonymous_post_has_no_speaker_but_a_named_channel_does() -> None:
    text = (
        "A video shared on Facebook claims to show a strike on a base. Jan Kowalski said it "
        "was fake.\n\n“Direct hit on the enemy base tonight,” the video’s caption reads.\n\n"
        "It first appeared on YouTube, uploaded by the channel Simworks, which makes games.\n\n"
        "“THIS IS A GAME, NOT A REAL ATTACK!,” reads the video’s description."
    )
    assert [s for _, s in quotes(text)] == [None, "Simworks"]


def test_a_titled_report_has_no_speaker() -> None:
    text = (
        "The agency, Pierre Lamy said, published a report titled “Regional Stability And Force "
        "Posture.” It lists twelve bases."
    )
    assert quotes(text) == [("Regional Stability And Force Posture", None)]


def test_words_repeated_by_a_named_speaker_are_theirs() -> None:
    text = (
        "Experts agreed, though one analyst said that “exports are slowing down sharply.”\n\n"
        "“Indeed, exports are slowing down sharply, and prices follow,” said Tomas Berg, an "
        "economist at the central bank."
    )
    assert [s for _, s in quotes(text)] == ["Tomas Berg", "Tomas Berg"]


def test_a_paragraph_about_someone_else_does_not_inherit_the_last_speaker() -> None:
    text = (
        "“We will win the seat,” said Janet Cole.\n\n"
        "Mark Ellis founded Forward Women Fund, a group that plans to compete in \"open "
        "primaries in rural counties\" next year."
    )
    assert [s for _, s in quotes(text)] == ["Janet Cole", None]
