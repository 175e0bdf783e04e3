"""Who said a quotation: pronouns, full names with particles, unattributed text, full bodies."""

from __future__ import annotations

from workbench.detect.quotes import detect_quotes


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in detect_quotes(text)]


# 1. ``he said`` / ``she said`` points to the person named last, never to a body.


def test_pronoun_after_a_body_goes_to_the_person_introduced_in_the_paragraph() -> None:
    text = (
        "Human Rights Watch said the evacuation order could amount to forced displacement.\n\n"
        "Among those who left was 31-year-old Rana Khoury, a schoolteacher from Rafah. "
        "“We walked for six hours with the children,” she said. “Nobody told us where to go.”"
    )
    assert speakers(text) == ["Rana Khoury", "Rana Khoury"]


def test_pronoun_goes_to_the_new_subject_not_the_previous_speaker() -> None:
    text = (
        "“The line is holding for now,” said Oleksandr Bondar, a battalion commander.\n\n"
        "Prime Minister Robert H. Fico on Tuesday promised more money for farmers. "
        "“They have waited long enough,” he said in a speech in Nitra."
    )
    assert speakers(text) == ["Oleksandr Bondar", "Robert H. Fico"]


def test_pronoun_prefers_the_subject_over_a_person_named_as_object() -> None:
    text = (
        "The ministry said talks would resume on Monday.\n\n"
        "Chancellor Maria Lindqvist met Tomas Berg, the opposition leader, in Oslo on Friday. "
        "“We agreed on very little,” she said afterwards."
    )
    assert speakers(text) == ["Maria Lindqvist"]


def test_later_quotes_in_the_paragraph_keep_the_pronoun_speaker() -> None:
    text = (
        "The Red Cross said it had delivered 40 tonnes of aid.\n\n"
        "Ahmed Darwish, 52, a fisherman, lost his boat in the strike. "
        "“It was everything I owned,” he said. “Now I have nothing to feed my sons,” he added, "
        "“and nobody will pay for it.”"
    )
    assert speakers(text) == ["Ahmed Darwish"] * 3


def test_it_said_still_goes_to_the_body() -> None:
    text = (
        "Jan Novak, a lawmaker, criticised the plan on Monday.\n\n"
        "The Interior Ministry defended the decision. “The measures are temporary and lawful,” "
        "it said in a statement."
    )
    assert speakers(text) == ["the Interior Ministry"]


# 2. Middle initials and particles belong to the name as first given.


def test_surname_resolves_to_the_full_name_with_a_middle_initial() -> None:
    text = (
        "Adm. James G. Foggo, a former commander of U.S. naval forces in Europe, said the fleet "
        "was stretched. “We are running out of ships for the missions we have,” Foggo said."
    )
    assert speakers(text) == ["James G. Foggo"]


def test_surname_with_a_particle_resolves_to_the_full_name() -> None:
    text = (
        "Walid Abu Hatab, a surgeon at the hospital, said supplies were gone.\n\n"
        "Abu Hatab said “we are operating without anaesthetic” on Sunday."
    )
    assert speakers(text) == ["Walid Abu Hatab"]


def test_names_with_lowercase_particles_keep_them() -> None:
    text = (
        "Ursula von der Leyen spoke in Brussels on Thursday. "
        "“Europe will not be blackmailed,” von der Leyen said.\n\n"
        "Mohammed bin Salman received the envoy in Riyadh. "
        "“The kingdom wants a lasting peace,” bin Salman said, according to state media.\n\n"
        "Luiz Inácio Lula da Silva visited the refinery. “This is our oil and our future,” Lula said."
    )
    assert speakers(text) == ["Ursula von der Leyen", "Mohammed bin Salman", "Luiz Inácio Lula da Silva"]


def test_three_part_names_resolve_from_their_surname() -> None:
    text = (
        "President Recep Tayyip Erdoğan spoke after the cabinet meeting. "
        "“We will not allow a terror corridor on our border,” Erdoğan said.\n\n"
        "Secretary-General Jens Stoltenberg disagreed. "
        "“Finland and Sweden meet every requirement of membership,” Stoltenberg said."
    )
    assert speakers(text) == ["Recep Tayyip Erdoğan", "Jens Stoltenberg"]


# 3. Words on a box, a sign or a medal have no speaker unless the text gives one nearby.


def test_a_printed_message_has_no_speaker() -> None:
    text = (
        "“We did not expect any of this,” said Laura Petrescu, who runs the shelter.\n\n"
        "The parcels arrived on Tuesday in plain brown paper. Volunteers unpacked them in the hall. "
        "On each box was a short message: “Always believe something wonderful is about to happen.”"
    )
    assert speakers(text) == ["Laura Petrescu", None]


def test_a_sign_and_a_medal_name_have_no_speaker() -> None:
    text = (
        "The governor, Paul Okafor, said the bridge would reopen within a month.\n\n"
        "Outside the town hall, a banner read in red letters across the gate: "
        "“Our town will rise again.” Weeks later, the mayor received a medal "
        "engraved with the words “For Courage and Service to the People.”"
    )
    assert speakers(text) == [None, None]


def test_an_unattributed_quote_far_from_the_last_speaker_has_none() -> None:
    text = (
        "“We will rebuild every school,” Education Minister Dana Kovac said in March.\n\n"
        "Since then, the number of pupils has fallen by a third. Two schools have closed.\n\n"
        "A chalk board at the entrance of one of them still says “Welcome back, children.”"
    )
    assert speakers(text) == ["Dana Kovac", None]


# 4. A body named in full keeps its full name.


def test_a_body_keeps_the_full_name_with_of() -> None:
    text = (
        "A spokesman for the Union of Mechanical Engineers of Russia said the missile’s "
        "trajectory “is not ballistic at all” and could not be tracked."
    )
    text2 = (
        "The Institute for the Study of War said Russian forces “are likely preparing a new "
        "offensive” near Kupiansk."
    )
    text3 = (
        "the Federation of Ukrainian Trade Unions said workers “have not been paid since June” "
        "at the plant."
    )
    assert speakers(text) == ["Union of Mechanical Engineers of Russia"]
    assert speakers(text2) == ["Institute for the Study of War"]
    assert speakers(text3) == ["Federation of Ukrainian Trade Unions"]


# Publications and documents speak for the body that wrote them.


def test_a_report_named_after_its_outlet_is_the_outlets_words() -> None:
    text = (
        "The ministry said nothing. A Daily Courier investigation found that “most of the "
        "grain never reached the port.”"
    )
    assert speakers(text) == ["Daily Courier"]


def test_a_correction_is_the_words_of_the_outlet_named_before_it() -> None:
    text = (
        "The Harbour Times issued a correction on Friday. “An earlier version of this story "
        "gave the wrong number of ships,” the correction reads."
    )
    assert speakers(text) == ["the Harbour Times"]


def test_an_outlet_introduced_by_name_speaks_through_its_article() -> None:
    text = (
        "The pro-government outlet Zarnitsa ran the story on Monday. The article claims that "
        "“foreign troops are already fighting near the river.”"
    )
    assert speakers(text) == ["Zarnitsa"]


def test_a_document_with_no_named_publisher_has_no_speaker() -> None:
    text = (
        "The newspaper later changed the story. The correction reads: “An earlier version of "
        "this article misstated the date.”"
    )
    assert speakers(text) == [None]


# Two people in one paragraph: the quotation belongs to the subject of its own attribution.


def test_a_speech_verb_in_a_new_clause_after_the_quotation_is_someone_elses() -> None:
    text = (
        "Governor Ana Ruiz met Senator John Keller on Monday. Ruiz told reporters that “the "
        "state will not pay for the new bridge,” while Keller said nothing at all."
    )
    assert speakers(text) == ["Ana Ruiz"]


def test_a_role_before_a_name_is_not_part_of_the_name() -> None:
    text = (
        "Researcher Sarah Lind disagreed with Professor Mark Chen. “The sanctions have not "
        "worked at all,” Lind wrote."
    )
    assert speakers(text) == ["Sarah Lind"]
    assert speakers("“We trained all winter for this match,” said Son Min-jae.") == ["Son Min-jae"]


def test_a_one_word_outlet_that_published_the_text_is_its_speaker() -> None:
    text = (
        "Izvestok published the claim on Sunday. “The president has already left the "
        "country,” the outlet wrote."
    )
    assert speakers(text) == ["Izvestok"]
    text = "Ukraine denied it. “The president has already left the country,” the outlet wrote."
    assert speakers(text) == [None]  # a place is no publisher
