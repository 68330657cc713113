"""Subjects found elsewhere: titles, descriptions and pronouns resolved to one named person.

Precision first: a mention is resolved only when exactly one person named before it fits.
"""

from __future__ import annotations

import pytest
from meeting_helpers import clusters, pairs, run

from kg.model import EntityType

pytestmark = pytest.mark.model


def test_party_leader_description_needs_the_party_word(nlp):
    text = ("Liberal Democrat leader Charles Wendell met Prime Minister Anthony Pryce on "
            "Monday. The Liberal leader said he wanted a referendum. He will also meet "
            "Foreign Minister Rosa Lind on Friday.")
    got = clusters(nlp, text)
    assert {"leader", "he", "He"} <= got["Charles Wendell"]
    assert got["Anthony Pryce"] == {"Prime Minister Anthony Pryce"}
    assert frozenset({"Charles Wendell", "Rosa Lind"}) in pairs(nlp, text)


def test_one_minister_is_the_minister(nlp):
    text = ("Finance Minister Ana Ruiz arrived in Accra on Monday. The minister will meet "
            "President Kofi Mensah on Tuesday.")
    assert "minister" in clusters(nlp, text)["Ana Ruiz"]
    assert pairs(nlp, text) == {frozenset({"Ana Ruiz", "Kofi Mensah"})}


def test_two_ministers_leave_the_minister_unresolved(nlp):
    text = ("Foreign Minister Ana Ruiz met Trade Minister Kofi Mensah in Accra. The minister "
            "will meet President Lena Hart on Friday.")
    got = clusters(nlp, text)
    assert "minister" not in got["Ana Ruiz"] | got["Kofi Mensah"]
    assert frozenset({"Ana Ruiz", "Lena Hart"}) not in pairs(nlp, text)
    assert frozenset({"Kofi Mensah", "Lena Hart"}) not in pairs(nlp, text)


def test_a_modifier_picks_the_one_title_holder(nlp):
    text = ("Trade Minister Kofi Mensah met Finance Minister Ana Ruiz in Accra. The finance "
            "minister will meet President Lena Hart on Friday.")
    got = clusters(nlp, text)
    assert "minister" in got["Ana Ruiz"] and "minister" not in got["Kofi Mensah"]


def test_crown_prince_and_demonym_descriptions(nlp):
    text = ("Saudi Crown Prince Faisal bin Nasser arrived in Paris on Sunday. The Crown Prince "
            "will meet French President Luc Moreau on Monday.")
    assert pairs(nlp, text) == {frozenset({"Faisal bin Nasser", "Luc Moreau"})}
    text = ("Ahmed Karimi met Dutch Prime Minister Jan de Vries in Utrecht on Monday. The Dutch "
            "leader said the talks were friendly. Karimi will meet the Belgian leader on "
            "Tuesday.")
    got = clusters(nlp, text)
    assert "leader" in got["Jan de Vries"]
    assert len(pairs(nlp, text)) == 1


def test_prime_minister_description_with_adjective_parse(nlp):
    text = ("Mayor Lena Hart met Prime Minister Omar Said. The prime minister's talks with "
            "the mayor lasted an hour.")
    got = clusters(nlp, text)
    assert "minister" in got["Omar Said"] and "mayor" in got["Lena Hart"]


def test_pronoun_subject_takes_the_previous_subject(nlp):
    text = ("Chancellor Gordon Brown arrived in Tokyo on Monday. He will also meet Japanese "
            "Finance Minister Koji Tanabe on Wednesday.")
    assert "He" in clusters(nlp, text)["Gordon Brown"]
    assert pairs(nlp, text) == {frozenset({"Gordon Brown", "Koji Tanabe"})}


def test_family_name_first_names_take_their_family_name_alone(nlp):
    text = ("Thai Finance Minister Park Su-hyun arrived in Seoul. Park will meet Governor Lee "
            "Min-ho on Friday.")
    x = run(nlp, text)
    people = {e.label for e in x.entities if e.type is EntityType.PERSON}
    assert people == {"Park Su-hyun", "Lee Min-ho"}
    assert pairs(nlp, text) == {frozenset({"Park Su-hyun", "Lee Min-ho"})}


def test_name_grown_to_its_hyphenated_given_name(nlp):
    x = run(nlp, "South Korean Finance Minister Chung Ho-sik will meet Treasury Secretary "
                 "James Baker next week.")
    chung = x.entity("person:chung ho-sik")
    assert chung is not None and chung.titles == ("Finance Minister",)
    assert chung.country == "country:south korea"


def test_possessive_determiner_is_not_part_of_an_organisation(nlp):
    x = run(nlp, "She spoke at a conference of her Liberal Democratic Party in Osaka.")
    orgs = {e.label for e in x.entities if e.type is EntityType.ORGANIZATION}
    assert "Liberal Democratic Party" in orgs


def test_a_pronoun_after_a_quote_is_not_a_name_inside_it(nlp):
    text = ('Foreign Minister Ana Ruiz met Ben Okoro in Lagos. "I told Okoro we want peace," '
            "she said.")
    got = clusters(nlp, text)
    assert "she" in got["Ana Ruiz"] and "she" not in got["Ben Okoro"]
    text = ('Premier Rolf Berg will hold talks with Chancellor Max Vogt this week. "With my '
            'meeting with Chancellor Vogt coming up, I will not act now," he said.')
    got = clusters(nlp, text)
    assert "he" in got["Rolf Berg"] and "he" not in got["Max Vogt"]


def test_first_person_in_a_quote_is_its_speaker(nlp):
    text = ('"My talks with Chancellor Max Vogt were useful," Premier Rolf Berg said. Berg '
            'told reporters: "I will meet him again."')
    got = clusters(nlp, text)
    assert {"My", "I"} <= got["Rolf Berg"]
    assert "him" in got["Max Vogt"] and "him" not in got["Rolf Berg"]
    assert frozenset({"Rolf Berg", "Max Vogt"}) in pairs(nlp, text)


def test_first_person_without_a_named_speaker_stays_unresolved(nlp):
    got = clusters(nlp, 'Premier Rolf Berg arrived. "I will meet the envoy," an aide said.')
    assert "I" not in got["Rolf Berg"]


def test_the_union_and_the_company_resolve_to_the_one_fitting_organisation(nlp):
    text = ("The Amalgamated Transport Union rejected the offer. The union will meet Halden "
            "Tools Corp on Tuesday.")
    assert "union" in clusters(nlp, text)["Amalgamated Transport Union"]
    assert pairs(nlp, text) == {frozenset({"Amalgamated Transport Union", "Halden Tools Corp"})}
    got = clusters(nlp, "Norland Bank held talks with Halden Tools Corp on Monday. The "
                        "company said the talks went well.")
    assert "company" in got["Halden Tools Corp"] and "company" not in got["Norland Bank"]


def test_two_fitting_companies_leave_the_company_unresolved(nlp):
    got = clusters(nlp, "Halden Tools Corp said it was in talks with Brixton Ltd about a "
                        "merger. The company will meet Norland Bank on Friday.")
    assert "company" not in got["Halden Tools Corp"] | got["Brixton Ltd"]


def test_the_two_ministers_are_the_two_people_named_together(nlp):
    text = ("Finance Minister Olaf Brandt and Treasury Secretary Jim Carver renewed their "
            "accord in Bonn. Rates fell on Monday. As the two ministers were meeting with "
            "reserve bank governor Karl Lutz, the bank added money.")
    got = clusters(nlp, text)
    assert "ministers" in got["Olaf Brandt"] and "ministers" in got["Jim Carver"]
    assert run(nlp, text).entity("person:jim carver").titles == ("Treasury Secretary",)
    found = pairs(nlp, text)
    assert frozenset({"Olaf Brandt", "Jim Carver", "Karl Lutz"}) in found


def test_both_countries_are_the_two_countries_named_together(nlp):
    text = "India and Pakistan agreed to talk. The two countries will meet Britain in London."
    got = clusters(nlp, text)
    assert "countries" in got["India"] and "countries" in got["Pakistan"]
    text = "Rolf Berg met Max Vogt and Ana Ruiz. The two men will meet again on Friday."
    assert "men" not in clusters(nlp, text)["Rolf Berg"]
