"""Countries written as nationality words (kg/extract/entities/nationals.py, kg/extract/meetings/parties.py), on
sentences written for these tests: compounds of two country words on a meeting noun, a people
named by nationality, a single official of a country, and what stays out."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings, pairs, participant_pairs, run

from kg.extract.entities.nationals import compound_countries

pytestmark = pytest.mark.model


def met(*names: str) -> frozenset[str]:
    return frozenset(names)


# --- compounds of country words on a meeting noun ----------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("The Franco-Italian summit on rail links opens in Turin on Friday.", {"France", "Italy"}),
    ("Officials said the U.S./Soviet summit would be held in Geneva next month.",
     {"United States", "Soviet Union"}),
    ("Sino-Japanese negotiations on fishing rights ended on Tuesday.", {"China", "Japan"}),
    ("The Canada-Mexico trade talks resumed in Ottawa on Monday.", {"Canada", "Mexico"}),
    ("Anglo-Irish talks on the border resumed last week.", {"Britain", "Ireland"}),
])
def test_a_compound_of_two_country_words_on_a_meeting_noun_is_a_meeting_of_both(nlp, text, want):
    assert frozenset(want) in pairs(nlp, text)


def test_a_compound_of_a_named_body_and_a_country_word_is_a_meeting_of_both(nlp):
    got = pairs(nlp, "The OPEC-Mexico meeting on output was held in Vienna on Friday.")
    assert frozenset({"OPEC", "Mexico"}) in got


def test_a_compound_keeps_its_countries_as_entities_and_no_organisation(nlp):
    x = run(nlp, "The U.S.-Soviet talks on grain resumed in London on Monday.")
    labels = {e.label for e in x.entities}
    assert {"United States", "Soviet Union"} <= labels
    assert "U.S.-Soviet" not in labels


def test_a_compound_with_a_part_that_is_no_country_is_left_alone(nlp):
    assert pairs(nlp, "The Japan-based talks group met on Monday.") == set()
    assert compound_countries("U.S.-made") is None
    assert compound_countries("Sino-Soviet") == ["China", "Soviet Union"]
    assert compound_countries("German-Franco") is None  # a combining form comes first


def test_a_compound_that_starts_a_name_is_not_split(nlp):
    x = run(nlp, "The Sino-British Joint Liaison Group met in Hong Kong on Monday.")
    assert not {"China", "Britain"} <= {e.label for e in x.entities}


def test_a_compound_on_another_noun_is_no_meeting(nlp):
    assert pairs(nlp, "The Franco-German agreement on steel was signed last year.") == set()


# The parser cannot place a one-token "U.S.-Japan" before "talks" (a noun that may be a verb):
# it hangs it on the determiner or the clause ("dep"), or makes it the subject of "talks".
@pytest.mark.parametrize(("text", "want"), [
    ("The U.S.-Japan talks on semiconductors resumed on Monday.", {"United States", "Japan"}),
    ("The U.S.-Japan trade talks resumed in Tokyo on Monday.", {"United States", "Japan"}),
    ("Anna Moravec said the U.K.-Japan talks on car exports ended on Friday.",
     {"Britain", "Japan"}),
    ("The U.S.-Canada talks on grain resumed on Monday.", {"United States", "Canada"}),
    ("Paul Keller expects U.S.-Japan talks on rice to resume next week.",
     {"United States", "Japan"}),
])
def test_a_compound_the_parser_cannot_place_before_its_meeting_noun(nlp, text, want):
    assert frozenset(want) in pairs(nlp, text)


@pytest.mark.parametrize("text", [
    "The U.S.-Japan trade gap widened in March.",
    "Peter Novak said the U.S.-Canada dispute over lumber would hurt growth.",
    "The U.S.-Japan talks are progressing, Paul Keller said.",
])
def test_a_misplaced_compound_before_another_noun_or_a_process_stays_out(nlp, text):
    assert pairs(nlp, text) == set()


# --- a people named by nationality, a single official --------------------------------------

def test_a_people_named_by_nationality_is_its_country(nlp):
    assert met("Soviet Union", "Rita Holm") in pairs(
        nlp, "The Soviets held talks with Senator Rita Holm in Geneva on Monday.")
    assert met("Kuwait", "Rita Holm") in pairs(
        nlp, "Senator Rita Holm met the Kuwaitis in Washington on Monday.")


def test_a_single_official_or_a_counterpart_of_a_country_stays_unnamed(nlp):
    # One official is a person the article often names later; a counterpart is in office.
    assert pairs(nlp, "Trade envoy Rita Holm met a senior Korean official in Seoul.") == set()
    assert pairs(nlp, "Trade envoy Rita Holm met her Korean counterpart in Seoul.") == set()


def test_a_country_the_parser_leaves_out_of_capitalised_wire_copy(nlp):
    # Wire copy writes "U.S. And": the parser hangs "U.S." on the verb, not on the officials.
    got = participant_pairs(nlp, "U.S. And Korean officials met in Geneva last week to "
                                 "discuss steel quotas.")
    assert met("United States", "South Korea") in got


def test_a_nationality_word_means_the_fuller_country_the_article_names(nlp):
    text = ("West Germany wants lower farm prices. The Germans held talks with Senator Rita "
            "Holm in Bonn on Monday.")
    got = participant_pairs(nlp, text)
    assert met("West Germany", "Rita Holm") in got
    assert not any("Germany" in p and "West Germany" not in p for p in got)


def test_a_compound_meeting_that_is_only_an_idea_or_a_process_is_left_out(nlp):
    assert pairs(nlp, "Rita Holm said a possible Franco-Italian summit was discussed.") \
        == set()
    assert pairs(nlp, "Rita Holm said a decision on a new Franco-Italian summit was near.") \
        == set()
    assert pairs(nlp, "The Canada-Mexico negotiations are progressing well, Rita Holm said.") \
        == set()


def test_an_organisation_ner_made_of_two_names_is_no_party_of_a_compound(nlp):
    # NER may read "Holm-Okafor" as one organisation; its parts are the parties, and it is
    # never paired with one of them.
    got = participant_pairs(nlp, "Rita Holm arrived on Monday. The Holm-Okafor meeting will "
                                 "take place in Lagos.")
    assert not any(len(p) == 2 and any("-" in n for n in p) for p in got)


def test_authorities_of_a_country_stand_for_it(nlp):
    got = participant_pairs(nlp, "Rita Holm held talks with Greek authorities in Athens.")
    assert met("Rita Holm", "Greece") in got


def test_nationality_words_out_of_a_meeting_stay_out(nlp):
    # Companies and markets of a country are no delegation; telling is not meeting.
    assert pairs(nlp, "Japanese exporters met Rita Holm on Monday.") == set()
    assert pairs(nlp, "Korean negotiators told Canadian officials the quota would stay.") \
        == set()


def test_a_delegation_or_government_named_by_its_country_is_the_country(nlp):
    got = participant_pairs(nlp, "The U.S. delegation held talks with Acme Corp in Lagos "
                                 "on Monday.")
    assert met("United States", "Acme Corp") in got
    # The seed's convention for a demonym: "the American delegation" stays a group.
    got = participant_pairs(nlp, "The American delegation held talks with Acme Corp in Lagos "
                                 "on Monday.")
    assert met("American delegation", "Acme Corp") in got


# A state's own bank or ministry written with its country's possessive is the country, as
# the same body written with the nationality word already is.
@pytest.mark.parametrize("text", [
    "Peter Novak held talks with Japan's central bank on Monday.",
    "Peter Novak met the governor of Japan's central bank in Tokyo on Monday.",
    "Peter Novak held talks with Japan's foreign ministry on Monday.",
    "Peter Novak met officials of Japan's foreign ministry on Monday.",
])
def test_a_country_s_own_bank_or_ministry_written_with_its_possessive_is_the_country(nlp, text):
    assert met("Peter Novak", "Japan") in pairs(nlp, text)


def test_a_named_officer_of_a_country_s_central_bank_stays_the_person(nlp):
    for text in ("Peter Novak met Paul Keller of Japan's central bank in Tokyo on Monday.",
                 "Peter Novak met Paul Keller, the governor of Japan's central bank, in Tokyo "
                 "on Monday."):
        assert pairs(nlp, text) == {met("Peter Novak", "Paul Keller")}


def test_a_delegation_led_by_a_named_person_is_that_person(nlp):
    got = participant_pairs(nlp, "A Chilean delegation, led by central bank president Ana "
                                 "Ruiz, will meet Citibank in New York on April 10.")
    assert met("Ana Ruiz", "Citibank") in got
    got = participant_pairs(nlp, "Rita Holm met for an hour with the Soviet team on chemical "
                                 "weapons headed by Ivan Petrov.")
    assert met("Rita Holm", "Ivan Petrov") in got


def test_a_named_bodys_team_led_by_someone_stays_the_body(nlp):
    got = participant_pairs(nlp, "A World Bank team led by economist Ana Ruiz held talks "
                                 "with Acme Corp in Kampala on Monday.")
    assert met("World Bank", "Acme Corp") in got
    assert met("Ana Ruiz", "Acme Corp") not in got


def test_officials_from_countries_the_parser_hangs_on_the_meeting_are_theirs(nlp):
    text = ("Chile and Peru disagree on fishing. Chile must answer at a May meeting of junior "
            "officials from the two countries, a diplomat said.")
    assert met("Chile", "Peru") in participant_pairs(nlp, text)


def test_a_titled_envoy_named_in_apposition_is_the_person(nlp):
    # the small parser makes the title the subject and the name its apposition
    text = "US envoy Peter Novak is due in Moscow on Thursday for talks with Paul Keller."
    assert [(m.names, m.place, m.time) for m in meetings(nlp, text)] == [
        (frozenset({"Peter Novak", "Paul Keller"}), "Moscow", "Thursday")]
