"""A quotation that opens its sentence was said when the attribution just before it says."""

from __future__ import annotations

from datetime import date

from workbench.detect.candidate import DetectContext
from workbench.detect.dates import detect_dates

FRIDAY = date(2023, 12, 29)


def values(text: str, published: date = FRIDAY) -> list[tuple[str, str | None]]:
    return [(c.text, c.value) for c in detect_dates(text, DetectContext(published))]


def test_a_quotation_after_a_dated_attribution_counts_from_that_day() -> None:
    text = ('"It arrived early," said Hannah Ortiz, chief investment strategist at Keswick Partners, '
            'in a note on Thursday. "Today\'s thin volumes make the market look calm."')
    assert values(text)[-1] == ("Today", "2023-12-28")


def test_that_afternoon_in_the_attribution_is_the_storys_day() -> None:
    text = ('The coalition said Thursday that it would appeal. "We are disappointed," its chair said in '
            'an interview that afternoon. "Yesterday\'s decision does nothing for the families."')
    assert values(text, date(2022, 6, 17))[-1] == ("Yesterday", "2022-06-15")


def test_a_quotation_after_an_undated_sentence_is_said_on_publication() -> None:
    text = 'The coalition met. "Today we begin," its chair said.'
    assert values(text)[-1] == ("Today", "2023-12-29")


def test_the_day_said_on_is_the_one_right_after_the_verb_of_speech() -> None:
    text = ("Farrow said at Tuesday's meeting that the report had landed in inboxes late on Friday. "
            '"I was handed it four days ago and was expected to digest it by today," he said.')
    found = values(text, date(2025, 9, 18))
    assert found[-2:] == [("four days ago", "2025-09-12"), ("today", "2025-09-16")]


def test_a_weekday_an_interview_was_given_on_is_the_reporting_week() -> None:
    text = ("Auditors delivered a first draft on Friday, March 24, 2023. "
            "Okafor told the Ledger in an interview on Wednesday that he had followed the rules.")
    assert values(text, date(2023, 12, 3))[-1] == ("Wednesday", "2023-11-29")


def test_the_day_a_lead_says_someone_spoke_holds_for_the_next_paragraphs_quotations() -> None:
    text = ("The head of the network said Wednesday that records would return next week.\n\n"
            '"Yesterday we brought the pharmacy back online," he told reporters at a news conference.')
    assert values(text, date(2023, 12, 28))[-1] == ("Yesterday", "2023-12-26")


def test_an_interview_on_monday_is_the_reporting_week() -> None:
    text = ("She won on Nov. 7, 2023, a Tuesday. She spoke about it in an interview on Monday. "
            '"Today she has no room," she said.')
    found = values(text, date(2024, 1, 10))
    assert found[-2:] == [("Monday", "2024-01-08"), ("Today", "2024-01-08")]


def test_told_reporters_in_a_city_on_a_day_holds_for_the_next_paragraphs_quotations() -> None:
    text = ("The deputy minister told reporters in Bratislava on Wednesday that no request had come.\n\n"
            '"Nobody called before," he said. "Today we have sent them everything."')
    assert values(text)[-1] == ("Today", "2023-12-27")


def test_the_day_before_yesterday_in_a_quotation_counts_from_the_day_it_was_said() -> None:
    text = '"Yesterday we got two men out. The day before yesterday, none," a medic said on Tuesday.'
    assert values(text, date(2024, 1, 10))[:2] == [("Yesterday", "2024-01-08"), ("day before yesterday", "2024-01-07")]


def test_words_quoted_in_the_paragraph_of_a_story_day_long_ago_were_said_that_day() -> None:
    text = ("The trawler sailed from Peterhead on Tuesday 20 January 1987 with a crew of five. "
            'The skipper kissed his wife goodbye on the quay and told her: "We\'ll be home by Friday."\n\n'
            '"It was black," the survivor said this week. "Yesterday I found my old boots."')
    found = values(text, date(2024, 2, 11))
    assert ("Friday", "1987-01-23") in found
    assert ("Yesterday", "2024-02-10") in found  # another paragraph: said when reported


def test_quotations_after_a_speaking_participle_count_from_its_day_through_the_run() -> None:
    text = ("Speaking at the opening of a plant on Wednesday, Feb. 28, the governor said the sector was "
            'booming.\n\n"This month alone, we added more jobs than in all of last year," she said. '
            '"And next month is going to be even better."')
    found = dict(values(text, date(2024, 3, 22)))
    assert found["This month"] == "2024-02"
    assert found["next month"] == "2024-03"


def test_a_caption_counts_from_the_day_its_post_was_passed_on() -> None:
    text = ('The clip spread over the weekend. A channel with 180,000 subscribers reposted it on Friday '
            'with the caption "Kherson, yesterday evening".')
    assert values(text, date(2024, 12, 3))[-1] == ("yesterday evening", "2024-11-28")


def test_a_quotation_after_the_day_someone_spoke_counts_from_that_day() -> None:
    text = ('The head of obstetrics spoke to reporters by phone on Nov. 9, her voice breaking up. '
            '"Yesterday we delivered 29 babies," she said. "Tomorrow we may have nothing."')
    found = values(text, date(2024, 1, 16))
    assert found[-2:] == [("Yesterday", "2023-11-08"), ("Tomorrow", "2023-11-10")]


def test_a_caption_counts_from_the_day_the_sentence_before_gave_its_post() -> None:
    text = ('It spread widely on Saturday, when an account on X posted two satellite images side by side. '
            'The caption reads: "The frigate yesterday vs today."')
    assert values(text, date(2024, 3, 12))[-2:] == [("yesterday", "2024-03-08"), ("today", "2024-03-09")]


def test_words_quoted_after_someone_spoke_yesterday_count_from_yesterday() -> None:
    text = ('The army spokesman spoke to reporters yesterday. "Yesterday we lost no helicopters," she said.')
    assert values(text, date(2025, 2, 21))[-1] == ("Yesterday", "2025-02-19")


def test_words_said_after_the_match_count_from_the_matchs_day() -> None:
    text = ('On Saturday night, in front of 27,400 fans, they finally lifted the trophy. '
            '"Last December was the worst night of my career. Tonight is the best," Collins said after the match.')
    assert values(text, date(2024, 12, 8))[-1] == ("Tonight", "2024-12-07")


def test_a_quotation_dated_only_by_the_year_of_its_interview_is_that_year() -> None:
    text = ('"Every time I left, I promised myself it was the last time," she told Le Monde in a 2014 '
            'interview. "Yesterday I found a contact sheet from that first winter."')
    assert ("Yesterday", "2014") in values(text, date(2024, 1, 9))


def test_a_document_quoted_counts_from_the_day_it_is_dated() -> None:
    text = ('The two-page memo, dated 2 March, was written by the head of reservoir safety. It asks for '
            'an emergency drawdown "to be authorised at tomorrow\'s board meeting".')
    assert values(text, date(2022, 6, 14))[-1] == ("tomorrow", "2022-03-03")


def test_words_spoken_in_a_paragraph_with_a_dated_memo_are_the_speakers() -> None:
    text = ('In a memo dated Aug. 28, the finance director estimated the cost. On Wednesday she declined '
            'to say more. "I\'ll have updated numbers next week," she said.')
    assert values(text, date(2025, 9, 19))[-1] == ("next week", "2025-W39")


def test_a_day_in_the_next_clause_is_not_the_quotations() -> None:
    text = ('A TikTok version uploaded on Monday added a caption saying the tank had been hit "yesterday '
            'morning by a Lancet", and a Telegram channel repeated the claim on Tuesday night.')
    assert ("yesterday morning", "2024-07-14") in values(text, date(2024, 7, 18))


def test_the_weekday_before_is_the_one_before_the_day_the_story_gave() -> None:
    text = ('She waited by the trench on Wednesday for the coffin of her father, who died on July 27.\n\n'
            '"I called him on the Thursday before and he said he was fine," she said.')
    assert values(text, date(2019, 8, 14))[-1] == ("Thursday", "2019-07-25")


def test_a_period_in_words_written_long_ago_is_read_against_their_day() -> None:
    text = 'In a second email, dated June 30, 2023, Brennan wrote: "We fix it by year-end."'
    assert values(text, date(2026, 2, 27))[-1] == ("year-end", "2023")
