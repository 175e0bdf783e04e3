"""Every quote, statement and equipment rule of claim-guidelines.md, in wire-style news text.

Each test embeds a rule's example in passages written like agency copy and
checks the exact spans and speakers the guidelines call for.
"""

from __future__ import annotations

import pytest

from workbench.kinds import detect


def found(text: str, kind: str) -> list[tuple[str, str | None]]:
    out = []
    for c in detect(text):
        assert text[c.start : c.end] == c.text
        if c.kind == kind:
            out.append((c.text, c.speaker if kind == "quote" else c.value))
    return out


def quotes(text: str) -> list[tuple[str, str | None]]:
    return found(text, "quote")


def statements(text: str) -> list[str]:
    return [t for t, _ in found(text, "statement")]


def equipment(text: str) -> list[tuple[str, str | None]]:
    return found(text, "equipment")


# --- quote: spans and marks ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We need more air defence now," Zelenskiy said.', "We need more air defence now"),
        ("“The masks have been completely dropped,” he said.", "The masks have been completely dropped"),
        ("«Nous soutiendrons l’Ukraine jusqu’au bout», a minister said.",
         "Nous soutiendrons l’Ukraine jusqu’au bout"),
        ("„Wir stehen fest an der Seite der Ukraine“, the chancellor said.",
         "Wir stehen fest an der Seite der Ukraine"),
    ],
)
def test_straight_and_typographic_marks_give_the_words_inside(text: str, expected: str) -> None:
    assert [q for q, _ in quotes(text)] == [expected]


def test_interrupted_quotation_is_two_quotes() -> None:
    text = (
        "KYIV (Reuters) - “Weapons are arriving,” Ukrainian President Volodymyr Zelenskiy said "
        "on Monday, “but not fast enough for the front.”"
    )
    assert quotes(text) == [
        ("Weapons are arriving", "Volodymyr Zelenskiy"),
        ("but not fast enough for the front", "Volodymyr Zelenskiy"),
    ]


def test_scare_quotes_of_one_or_two_words_are_not_quotes() -> None:
    text = (
        "The move was described as a \"game changer\" by officials in Kyiv, who called the "
        "offer \"unacceptable\". Moscow calls the war a “special military operation.”"
    )
    assert [q for q, _ in quotes(text)] == ["special military operation"]


def test_several_sentences_in_one_pair_of_marks_are_one_quote() -> None:
    text = (
        "Maria Zakharova, the foreign ministry spokeswoman, wrote on Telegram: \"The so-called "
        "peace formula is a dead end. Nobody in Moscow takes it seriously.\""
    )
    assert quotes(text) == [
        ("The so-called peace formula is a dead end. Nobody in Moscow takes it seriously",
         "Maria Zakharova"),
    ]


def test_quotation_running_on_into_the_next_paragraph_is_one_quote() -> None:
    text = (
        "BERLIN, Jan 5 (Reuters) - German Foreign Minister Annalena Baerbock said on Friday:\n\n"
        "\"We stand firmly by Ukraine's side. This is about the security of all of Europe.\n\n"
        "\"Anyone who thinks we will tire is mistaken.\""
    )
    [(quoted, speaker)] = quotes(text)
    assert quoted.startswith("We stand firmly") and quoted.endswith("we will tire is mistaken")
    assert speaker == "Annalena Baerbock"


# --- quote: speakers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # said X / X said, with titles and appositions
        ("\"The situation on the front line is difficult but under control,\" said Oleksandr "
         "Syrskyi, the commander-in-chief of Ukraine's armed forces.", ["Oleksandr Syrskyi"]),
        ("Russia's foreign minister, Sergei Lavrov, told reporters in Moscow that the West was "
         "\"playing with fire.\"\n\n\"We have warned them many times,\" Lavrov said.",
         ["Sergei Lavrov", "Sergei Lavrov"]),
        ("According to Dmitry Peskov, the Kremlin spokesman, \"there are no plans for talks.\"",
         ["Dmitry Peskov"]),
        ("Gen. Mark Milley, chairman of the Joint Chiefs of Staff, told Congress the "
         "counteroffensive was \"going a little bit slower than anticipated.\"\n\n"
         "\"It's not a failure,\" Milley said. \"I think it's far from a failure.\"",
         ["Mark Milley", "Mark Milley", "Mark Milley"]),
        ("Hungarian Prime Minister Viktor Orban wrote on Facebook that sanctions had \"not "
         "achieved their goals.\"", ["Viktor Orban"]),
        ("\"Our position has not changed,\" Chinese foreign ministry spokeswoman Mao Ning told a "
         "regular news briefing in Beijing.", ["Mao Ning"]),
        # bodies speak when no person is named
        ("\"This is a dangerous escalation,\" the Kremlin said in a statement on Tuesday.",
         ["the Kremlin"]),
        ("In a statement, the ministry said: \"Air defence systems destroyed 12 drones.\"",
         ["the ministry"]),
        ("The Pentagon said in a statement: \"Two service members were injured in the attack.\"",
         ["the Pentagon"]),
        ("A spokesperson for the U.S. State Department said the United States \"remains "
         "committed to supporting Ukraine.\"", ["U.S. State Department"]),
        ("The opposition Labour Party called the plan \"a cynical attempt to distract voters.\"",
         ["Labour Party"]),
        ("The foreign ministry said a jet had violated Turkish airspace.\n\n\"The plane ignored "
         "ten warnings in five minutes,\" the ministry said.", ["the foreign ministry"]),
        # nobody named
        ("\"No one is talking about sending troops,\" a senior European official told Reuters.",
         [None]),
        ("\"We are ready,\" he said on Tuesday in Minsk.", [None]),
        ("One U.S. official said the launch added urgency. \"Speed is the priority,\" said the "
         "official, who asked not to be named.", [None]),
        ("\"Meadows screwed everybody,\" said one GOP operative in the state.", [None]),
        ("Residents described the night as \"the worst since the start of the war.\"", [None]),
    ],
)
def test_attributions_of_many_shapes(text: str, expected: list[str | None]) -> None:
    assert [s for _, s in quotes(text)] == expected


def test_full_name_as_first_given_for_surname_and_pronoun() -> None:
    text = (
        "WASHINGTON (Reuters) - U.S. Defense Secretary Lloyd Austin met his Ukrainian "
        "counterpart Rustem Umerov at the Pentagon on Wednesday.\n\n"
        "Umerov said Kyiv needed more artillery shells. \"We are running out of ammunition on "
        "some parts of the front,\" he said.\n\n"
        "Austin told reporters the United States would keep up its support. \"We will not "
        "waver,\" he said."
    )
    assert [s for _, s in quotes(text)] == ["Rustem Umerov", "Lloyd Austin"]


def test_added_and_continued_keep_the_speaker_across_paragraphs() -> None:
    text = (
        "\"The strikes hit military targets in Kharkiv,\" the Russian Defence Ministry said. "
        "It added that \"all targets were hit.\"\n\n"
        "Anna Petrova, a 62-year-old teacher, said she had spent the night in a basement. "
        "\"I could hear the explosions getting closer,\" she said.\n\n"
        "She continued: \"My grandchildren were crying the whole time.\""
    )
    assert [s for _, s in quotes(text)] == [
        "Russian Defence Ministry", "Russian Defence Ministry", "Anna Petrova", "Anna Petrova",
    ]


def test_two_people_in_one_sentence_each_keep_their_words() -> None:
    text = (
        "\"It was a very good meeting,\" Putin told reporters after the talks, while Erdogan "
        "said Turkey \"will continue its efforts for peace.\""
    )
    assert [s for _, s in quotes(text)] == ["Putin", "Erdogan"]


def test_according_to_a_medium_does_not_take_the_words_from_the_speaker() -> None:
    text = (
        "Chinese leader Xi Jinping spoke with President Joe Biden on Thursday. Xi told Biden "
        "that Taiwan was \"the most important and most sensitive issue,\" according to "
        "Chinese state media."
    )
    assert [s for _, s in quotes(text)] == ["Xi Jinping"]


def test_quoted_as_saying_names_the_one_quoted() -> None:
    text = (
        "The BelTA news agency quoted Defence Minister Viktor Khrenin as saying the drills "
        "were \"purely defensive in nature.\""
    )
    assert [s for _, s in quotes(text)] == ["Viktor Khrenin"]


def test_possessive_and_descriptive_subjects() -> None:
    text = (
        "Ukraine's military intelligence chief, Kyrylo Budanov, said Russia \"has exhausted "
        "its offensive potential.\" The head of the agency added that Kyiv's forces \"are "
        "preparing new surprises.\""
    )
    assert [s for _, s in quotes(text)] == ["Kyrylo Budanov", "Kyrylo Budanov"]


def test_a_quotation_introduced_by_a_verb_other_than_said() -> None:
    text = (
        "Former President Donald Trump, speaking at a rally in Iowa, repeated his claim that "
        "the war \"would never have happened\" under his watch."
    )
    assert quotes(text) == [("would never have happened", "Donald Trump")]


def test_surname_that_is_also_a_title_resolves_to_the_full_name() -> None:
    text = (
        "Wayne King, the congressman's deputy chief of staff, learned of it late.\n\n"
        "\"The first I heard anything about it was late Tuesday,\" said King."
    )
    assert quotes(text) == [("The first I heard anything about it was late Tuesday", "Wayne King")]


# --- statement -----------------------------------------------------------------------------


def test_indirect_speech_and_dateline() -> None:
    text = "CAIRO — Egypt's foreign ministry said on Sunday that 32,000 troops took part."
    assert statements(text) == ["Egypt's foreign ministry said on Sunday that 32,000 troops took part"]
    text = "NEW YORK (Reuters) - Oil prices rose 2% on Monday after an attack on a Saudi refinery."
    assert statements(text) == ["Oil prices rose 2% on Monday after an attack on a Saudi refinery"]


def test_scheduled_fact_is_a_statement() -> None:
    text = "Talks between the two sides are due to start in mid-December in Geneva."
    assert statements(text) == ["Talks between the two sides are due to start in mid-December in Geneva"]


@pytest.mark.parametrize(
    "text",
    [
        "\"We are ready,\" he said on Tuesday in Minsk.",
        "The government plans to build 20 new schools next year.",
        "Analysts said prices could rise further in the coming weeks.",
        "The move drew swift condemnation from Western capitals.",
        "Belarus is a close and firm ally of Russia.",
        "Will the sanctions work?",
        "Contributor/Getty Images",
        "19",
    ],
)
def test_not_statements(text: str) -> None:
    assert statements(text) == []


def test_characterisation_with_a_fact_is_a_statement() -> None:
    text = (
        "Poland, a close and firm ally of Ukraine, has taken in more than 1 million refugees "
        "since February 2022."
    )
    assert statements(text) == [text[:-1]]


def test_sentence_ending_in_a_quotation_drops_the_stop_and_the_mark() -> None:
    text = (
        "Lukashenko said 32,000 troops from NATO members were deployed “in the immediate "
        "vicinity of Belarus and Russia.”"
    )
    assert statements(text) == [text[:-2]]


def test_captions_and_related_lines_follow_the_same_rules() -> None:
    caption = "Russian President Vladimir Putin and Chinese President Xi Jinping in Beijing on May 16, 2024."
    assert statements(caption) == [caption[:-1]]
    related = (
        "The tank was hit near Robotyne in August. (RELATED: Posts Claim Ukrainian "
        "Challenger 2 Tank Was Not Destroyed)"
    )
    assert "Posts Claim Ukrainian Challenger 2 Tank Was Not Destroyed" in statements(related)


# --- equipment -----------------------------------------------------------------------------


def test_names_as_written_with_canonical_values() -> None:
    text = (
        "Russia fired S-400 and Iskander-M missiles while Ukraine used Patriot batteries and "
        "HIMARS launchers. The Netherlands sent F-16 jets, Germany Leopard 2 tanks and the U.S. "
        "approved ATACMS. Iran supplied Shahed-136 drones; Turkey's Bayraktar TB2 was used "
        "early on. Britain gave Storm Shadow missiles and Poland sent T-72 tanks."
    )
    assert [t for t, _ in equipment(text)] == [
        "S-400", "Iskander-M", "Patriot", "HIMARS", "F-16", "Leopard 2", "ATACMS",
        "Shahed-136", "Bayraktar TB2", "Storm Shadow", "T-72",
    ]
    assert dict(equipment(text))["S-400"] == "S-400 Triumf"


@pytest.mark.parametrize(
    "text",
    [
        "NATO's Steadfast Defender exercise involved tanks, anti-aircraft systems and tactical "
        "nuclear weapons.",
        "Boeing delivered 30 of its 787-9 jets and Airbus handed over an A350 to Lufthansa.",
        "The pilot, call sign Maverick, landed safely on the carrier after the air show.",
    ],
)
def test_no_equipment(text: str) -> None:
    assert equipment(text) == []


def test_a_variant_is_its_own_name() -> None:
    text = "Ukraine received Patriot PAC-2 interceptors, and Russia used Lancet-3 drones."
    assert [t for t, _ in equipment(text)] == ["Patriot PAC-2", "Lancet-3"]
