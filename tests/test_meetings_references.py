"""Meeting participants named outside the meeting sentence: pronouns, titles, descriptions,
plural references and meetings referred back to (sentences written for these tests)."""

from __future__ import annotations

import pytest
from meeting_helpers import clusters, meetings, run
from meeting_helpers import participant_pairs as pairs

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "pair"), [
    # a pronoun in the next paragraph
    ("Prime Minister Arvo Lindqvist of Norway arrived in Lisbon on Sunday.\n\n"
     "He will meet President Tomas Varga on Monday to discuss trade.",
     {"Arvo Lindqvist", "Tomas Varga"}),
    # a title alone
    ("Chancellor Helga Brandt flew to Vienna on Tuesday for a two-day visit.\n\n"
     "The Chancellor held talks with Prime Minister Pavel Orlov in the capital.",
     {"Helga Brandt", "Pavel Orlov"}),
    # a title with a modifier that does not tell holders apart
    ("Foreign Minister Ana Ruiz of Spain began a tour of Asia in Tokyo.\n\n"
     "The visiting minister met Japanese Prime Minister Kenji Sato on Wednesday.",
     {"Ana Ruiz", "Kenji Sato"}),
    # a demonym and a generic leader word
    ("Japanese Prime Minister Kenji Sato said trade friction was easing.\n\n"
     "The Japanese leader will meet President Tomas Varga next week in Geneva.",
     {"Kenji Sato", "Tomas Varga"}),
    # a possessive pronoun owning the talks
    ("President Tomas Varga arrived in Paris on Sunday.\n\n"
     "His talks with Prime Minister Jean Moreau were described as friendly.",
     {"Tomas Varga", "Jean Moreau"}),
    # a feminine pronoun
    ("Prime Minister Margit Holm left for Brussels on Monday.\n\n"
     "She met European Commission President Luc Fontaine there on Tuesday.",
     {"Margit Holm", "Luc Fontaine"}),
    # a description of a company
    ("Acme Motors Inc said its profits rose.\n\n"
     "The company held talks with Hanil Steel Co in Seoul last week.",
     {"Acme Motors Inc", "Hanil Steel Co"}),
])
def test_a_participant_named_before_is_resolved(nlp, text, pair):
    assert frozenset(pair) in pairs(nlp, text)


def test_an_ambiguous_title_stays_unresolved(nlp):
    text = ("President Tomas Varga and President Jean Moreau met in Vienna.\n\n"
            "The president later met Chancellor Helga Brandt.")
    assert not any("Helga Brandt" in p for p in pairs(nlp, text))


def test_both_sides_far_back_are_the_articles_one_pair(nlp):
    text = ("Chile and Peru have quarrelled over fishing rights for a decade. Fishermen say the "
            "catch is falling. Prices rose in March. Exporters are worried. Boats stayed in "
            "port.\n\nBoth sides agreed to begin talks on the dispute in May.")
    got = clusters(nlp, text)
    assert "sides" in got["Chile"] and "sides" in got["Peru"]
    assert frozenset({"Chile", "Peru"}) in pairs(nlp, text)


def test_two_pairs_far_back_leave_both_sides_unresolved(nlp):
    text = ("Chile and Peru have quarrelled over fishing rights. Bolivia and Ecuador argue over "
            "water. Prices rose in March. Exporters are worried. Boats stayed in port.\n\n"
            "Both sides agreed to open talks over the quarrel in June.")
    got = clusters(nlp, text)
    assert not any("sides" in names for names in got.values())


def test_both_sides_of_a_border_is_a_place(nlp):
    text = "Chile and Peru signed a pact. Farmers on both sides of the border welcomed it."
    got = clusters(nlp, text)
    assert "sides" not in got["Chile"]


def test_the_two_companies_and_they_stand_for_organisations_named_together(nlp):
    text = ("Acme Motors Inc and Hanil Steel Co have been rivals for years.\n\n"
            "The two companies held talks in Seoul on Monday.")
    assert frozenset({"Acme Motors Inc", "Hanil Steel Co"}) in pairs(nlp, text)
    text = ("Acme Motors Inc and Hanil Steel Co said they will meet Trade Minister Kenji Sato "
            "on Friday.")
    got = clusters(nlp, text)
    assert "they" in got["Acme Motors Inc"] and "they" in got["Hanil Steel Co"]


def test_organisations_are_they_in_their_own_sentence_only(nlp):
    text = ("Creditors say Acme Motors Inc and Hanil Steel Co are still negotiating.\n\n"
            "They are resigned to recovering only part of the debt.")
    got = clusters(nlp, text)
    assert "They" not in got["Acme Motors Inc"] | got["Hanil Steel Co"]


def test_they_after_an_unnamed_plural_subject_is_that_subject(nlp):
    text = ("Acme Motors Inc and Hanil Steel Co agreed on a venture.\n\n"
            "Bank analysts said they would meet the finance minister.")
    got = clusters(nlp, text)
    assert "they" not in got["Acme Motors Inc"]


def test_coordinated_modifiers_are_not_a_pair_for_they(nlp):
    text = ("Prime Minister Kenji Sato and President Tomas Varga will reaffirm the Oslo and "
            "Lima accords when they meet later this week.")
    assert frozenset({"Kenji Sato", "Tomas Varga"}) in pairs(nlp, text)


def test_a_companys_initials_name_it(nlp):
    got = clusters(nlp, "Brixton Oil Co said it struck oil. BO shares rose.")
    assert got["Brixton Oil Co"] >= {"Brixton Oil Co", "BO"}


def test_talks_as_a_subject_are_those_of_the_pair_just_named(nlp):
    text = ("The pact between Acme Motors Inc and the Metal Workers Union expires in June. "
            "Talks on a new pact will begin in July.")
    got = meetings(nlp, text)
    assert [(m.names, m.status) for m in got] == [
        (frozenset({"Acme Motors Inc", "Metal Workers Union"}), "planned")]


@pytest.mark.parametrize("text", [
    # the pair was named two sentences before
    "The pact between Acme Motors Inc and the Metal Workers Union expires in June. Prices "
    "rose. Talks on a new pact will begin in July.",
    # the sentence names someone else: their talks
    "The pact between Acme Motors Inc and the Metal Workers Union expires in June. Talks on "
    "the Halden Bank loan will begin in July.",
    # two pairs named before
    "The pacts between Acme Motors Inc and the Metal Workers Union and between Hanil Steel Co "
    "and the Iron Union expire in June. Talks on new pacts will begin in July.",
])
def test_talks_as_a_subject_need_one_pair_just_named(nlp, text):
    assert meetings(nlp, text) == []


def test_absent_from_the_meeting_told_before(nlp):
    text = ("Business leaders attending a weekend meeting with President Tomas Varga urged a "
            "change of course. Exports fell. Finance Minister Ana Ruiz, who opposes the "
            "change, was not present at yesterday's meeting.")
    got = meetings(nlp, text)
    assert [(m.names, m.status) for m in got] == [
        (frozenset({"Ana Ruiz", "Tomas Varga"}), "negated")]


def test_not_invited_to_the_talks_held_with_unnamed_others(nlp):
    text = ("President Tomas Varga held private talks with business leaders on Saturday. "
            "Farmers protested outside. Exports fell. Newspapers noted that Finance Minister "
            "Ana Ruiz had not been invited to the private gathering.")
    got = {(m.names, m.status) for m in meetings(nlp, text)}
    assert (frozenset({"Ana Ruiz", "Tomas Varga"}), "negated") in got


def test_present_at_a_meeting_with_no_named_side_is_nothing(nlp):
    text = ("Farmers held a meeting on prices. Finance Minister Ana Ruiz was present at the "
            "meeting.")
    assert meetings(nlp, text) == []


def test_he_after_an_unnamed_spokesman_is_the_spokesman(nlp):
    text = ("Trade Minister Kenji Sato arrived in Paris on Monday. A ministry spokesman would "
            "not discuss the visit. But he said talks with the French side went well.")
    got = clusters(nlp, text)
    assert "he" not in got["Kenji Sato"]
    text = ("Trade Minister Kenji Sato arrived in Paris on Monday. The ministry spokeswoman, "
            "Mary Collins, said the visit went well. She will meet reporters on Friday.")
    assert "She" in clusters(nlp, text)["Mary Collins"]


def test_he_after_a_named_subject_still_resolves(nlp):
    text = ("Trade Minister Kenji Sato, who met a ministry spokesman, arrived in Paris on "
            "Monday. He will meet President Jean Moreau on Tuesday.")
    assert frozenset({"Kenji Sato", "Jean Moreau"}) in pairs(nlp, text)


def test_talks_due_to_start_are_planned_with_the_time_of_the_plan(nlp):
    text = ("Chile and Peru are holding talks on fishing. Bilateral talks on beef trade are due "
            "to start this autumn.")
    got = {(m.names, m.status, m.time) for m in meetings(nlp, text)}
    assert (frozenset({"Chile", "Peru"}), "planned", "this autumn") in got


def test_a_description_names_only_the_organisation_it_heads(nlp):
    got = clusters(nlp, "The Securities and Exchange Commission approved the rule. The "
                        "exchange said trading would start in May.")
    assert "exchange" not in got["Securities and Exchange Commission"]
    got = clusters(nlp, "Halden Savings Bank N.A. raised its prime rate. The bank said "
                        "deposits grew.")
    assert "bank" in got["Halden Savings Bank N.A."]


def test_the_two_sides_are_the_two_parties_named_just_before(nlp):
    text = ("Nordvik Oil Corp has been in dispute with the Union of Oil Workers for months. "
            "The two sides held talks on Friday.")
    assert [(m.names, m.time) for m in meetings(nlp, text)] == [
        (frozenset({"Nordvik Oil Corp", "Union of Oil Workers"}), "Friday")]


def test_the_two_leaders_named_in_two_sentences(nlp):
    text = ("Prime Minister Erna Dahl flew to Ankara on Sunday. President Emre Kaya welcomed "
            "her at the airport. The two leaders then held talks on trade.")
    assert frozenset({"Erna Dahl", "Emre Kaya"}) in pairs(nlp, text)


def test_a_third_party_named_leaves_the_two_sides_unsaid(nlp):
    text = ("Nordvik Oil Corp has been in dispute with the Union of Oil Workers for months, "
            "Reuters reported. The two sides held talks on Friday.")
    assert not any("sides" in names for names in clusters(nlp, text).values())
    assert meetings(nlp, text) == []


def test_a_bare_the_two_is_the_pair_named_before(nlp):
    text = ("Trade Minister Alan Pryce and Farm Minister Joan Hale toured a farm near Leeds on "
            "Monday. The two will meet again in May.")
    assert [(m.names, m.status, m.time) for m in meetings(nlp, text)] == [
        (frozenset({"Alan Pryce", "Joan Hale"}), "planned", "May")]


def test_the_two_of_things_is_no_pair(nlp):
    text = "Trade Minister Alan Pryce scored two goals on Monday. The two were his first."
    assert "two" not in clusters(nlp, text)["Alan Pryce"]


def test_the_pronoun_after_talks_with_a_counterpart_is_the_other_side(nlp):
    text = ("Finance Minister Ole Brekke of Norway arrived in Lisbon on Sunday.\n\n"
            "Speaking after talks with Prime Minister Tomas Varga, he said the loan was agreed.")
    assert frozenset({"Ole Brekke", "Tomas Varga"}) in pairs(nlp, text)


def test_a_they_subject_goes_on_with_the_they_subject_before(nlp):
    # Not with the countries the sentence before lists as the places of its verb.
    text = ("Finance Minister Dilson Okoro and central bank governor Paulo Reis left Lagos on "
            "Monday. This week they sought support in Britain, France and Italy. They will fly "
            "to Tokyo on Sunday to meet Finance Minister Kenji Sato.")
    got = clusters(nlp, text)
    assert "They" in got["Dilson Okoro"] and "They" in got["Paulo Reis"]
    assert "They" not in got["Britain"]
    found = pairs(nlp, text)
    assert frozenset({"Dilson Okoro", "Kenji Sato"}) in found
    assert not any("Britain" in p for p in found)


def test_a_they_in_a_quote_does_not_go_on_with_the_they_before(nlp):
    text = ("Finance Minister Dilson Okoro and central bank governor Paulo Reis left Lagos on "
            "Monday. This week they sought support in Britain. \"I asked a banker for help and "
            "they promised nothing,\" Okoro said.")
    quoted = text.index("they promised")
    x = run(nlp, text)
    reis = next(e for e in x.entities if e.label == "Paulo Reis")
    assert all(m.start != quoted for m in reis.mentions)


@pytest.mark.parametrize(("named", "mention"), [
    ("Deputy Prime Minister Owen Marsh", "The prime minister"),
    ("Shadow chancellor Owen Marsh", "The chancellor"),
    ("Former president Owen Marsh", "The president"),
])
def test_a_deputy_shadow_or_former_office_is_not_the_bare_title(nlp, named, mention):
    text = f"{named} spoke in Leeds on Monday.\n\n{mention} met Ruth Abbot on Tuesday."
    assert not any("Owen Marsh" in p for p in pairs(nlp, text))
    assert mention.split()[-1] not in clusters(nlp, text)["Owen Marsh"]


@pytest.mark.parametrize(("named", "mention"), [
    ("Deputy Prime Minister Owen Marsh", "The deputy prime minister"),
    ("Shadow chancellor Owen Marsh", "The shadow chancellor"),
])
def test_the_same_qualified_title_refers_back(nlp, named, mention):
    text = f"{named} spoke in Leeds on Monday.\n\n{mention} met Ruth Abbot on Tuesday."
    assert frozenset({"Owen Marsh", "Ruth Abbot"}) in pairs(nlp, text)


def test_the_pair_is_the_two_people_named_just_before(nlp):
    text = ("Senator Dora Finch argued with economist Lionel Pratt in a radio debate on Thursday. "
            "Ms Finch said tariffs would help farmers. But Mr Pratt disagreed.\n\n"
            "The pair met again in Cardiff on Friday.")
    assert frozenset({"Dora Finch", "Lionel Pratt"}) in pairs(nlp, text)


def test_a_pair_of_things_is_no_pair_of_people(nlp):
    text = ("Dora Finch met Lionel Pratt on Monday.\n\n"
            "A pair of statues was unveiled near the station on Friday.")
    assert "pair" not in clusters(nlp, text)["Dora Finch"]


def test_two_members_of_a_longer_list_are_not_the_two_companies(nlp):
    text = ("Tarn Holdings will buy Ealing Group. The deal unites the chains Acme Stores Inc, "
            "Bolt Markets Inc and Crane Shops Inc. Talks between the two companies began in "
            "January.")
    listed = {"Acme Stores Inc", "Bolt Markets Inc", "Crane Shops Inc"}
    assert not any(len({n.rstrip(".") for n in p} & listed) == 2 for p in pairs(nlp, text))


def test_the_company_is_not_the_counterpart_named_later_in_its_sentence(nlp):
    text = ("Tarn Savings Bank said its agreement to negotiate its sale to Brookfield Group Inc "
            "was extended. The company said it is in the final stages of talks with Brookfield "
            "Group.")
    assert "company" not in clusters(nlp, text)["Brookfield Group Inc"]
    text = ("Acme Motors Inc agreed to buy Bolt Tools Corp for 40 mln dlrs. The company said it "
            "held talks with Bolt Tools Corp last week.")
    assert frozenset({"Acme Motors Inc", "Bolt Tools Corp"}) in pairs(nlp, text)
