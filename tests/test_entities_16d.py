"""Entity and party defects the fifteenth session's readings left (issue 13, names as written)."""

from __future__ import annotations

from entity_helpers import plain_doc
from entity_helpers import span_labels as _names
from meeting_helpers import clusters, meetings, participant_pairs
from spacy.tokens import Span

from kg.extract.entities.held_names import office_holder
from kg.extract.entities.unnamed import common_noun_label


def _pair(a: str, b: str) -> frozenset[str]:
    return frozenset({a, b})


# --- a hyphenated surname written again shows the holder ----------------------------------

def test_a_hyphenated_surname_written_again_is_named_again():
    # tokens: the Governor of the Bank of Valoria Anna Moravec - Keller spoke ...
    doc = plain_doc("the Governor of the Bank of Valoria Anna Moravec-Keller spoke , "
                    "and Moravec-Keller left")
    got = office_holder(Span(doc, 4, 11, label="ORG"))
    assert got is not None and _names(got) == [("Bank of Valoria", "ORG"),
                                               ("Anna Moravec-Keller", "PERSON")]


def test_half_of_a_hyphenated_surname_is_not_the_surname_again():
    doc = plain_doc("the Governor of the Bank of Valoria Anna Moravec-Keller spoke , "
                    "and Keller left")
    assert office_holder(Span(doc, 4, 11, label="ORG")) is None


# --- a country's name written out before "Group" names a body -----------------------------

def test_a_country_s_other_spelling_before_group_is_a_name():
    assert not common_noun_label("Holland Group")
    assert not common_noun_label("the Korea Firm")


def test_a_country_s_abbreviation_or_adjective_before_group_is_no_name():
    assert common_noun_label("the U.S. Group")
    assert common_noun_label("UK Group")
    assert common_noun_label("a Dutch Group")
    # a headline in capitals is read as before: no written-out spelling to tell
    assert common_noun_label("HOLLAND GROUP")
    assert not common_noun_label("Group")


def test_holland_group_stays_an_organisation(nlp):
    got = clusters(nlp, "Holland Group said its chairman Peter Novak met Paul Keller on Monday.")
    assert "Holland Group" in got


# --- the subject of the next clause is no object of "met" ---------------------------------

def test_a_name_saying_something_after_met_s_list_is_not_met(nlp):
    got = participant_pairs(nlp, "Peter Novak met Anna Moravec and Paul Keller said he was "
                                 "pleased.")
    assert _pair("Peter Novak", "Anna Moravec") in got
    assert not any("Paul Keller" in p for p in got)


def test_a_list_s_last_name_before_a_place_is_still_met(nlp):
    got = participant_pairs(nlp, "Peter Novak met Anna Moravec and Paul Keller on Monday.")
    assert _pair("Peter Novak", "Paul Keller") in got


# --- a list broken by a place -------------------------------------------------------------

def test_a_list_broken_by_a_place_keeps_its_last_name(nlp):
    got = participant_pairs(nlp, "Peter Novak met Anna Moravec of Valoria in Geneva and "
                                 "Paul Keller of Norland on Monday.")
    assert _pair("Peter Novak", "Anna Moravec") in got
    assert _pair("Peter Novak", "Paul Keller") in got


def test_a_clause_after_the_place_is_no_list_item(nlp):
    got = participant_pairs(nlp, "Peter Novak met Anna Moravec in Geneva and Paul Keller "
                                 "flew to Paris.")
    assert _pair("Peter Novak", "Anna Moravec") in got
    assert not any("Paul Keller" in p for p in got)


def test_a_with_list_broken_by_a_place_keeps_its_last_name(nlp):
    got = participant_pairs(nlp, "Peter Novak met with Anna Moravec of Valoria in Geneva and "
                                 "Paul Keller of Norland on Monday.")
    assert _pair("Peter Novak", "Paul Keller") in got



# The final reading of 16d: a name with its own place or time is another meeting, not an
# item of the first one's list.

def test_a_name_with_its_own_place_joins_no_other_meeting(nlp):
    for text in ("Peter Novak met Anna Moravec in Geneva and Paul Keller in Paris.",
                 "Peter Novak met Anna Moravec of Valoria on Monday and Paul Keller of Norland "
                 "on Tuesday."):
        got = meetings(nlp, text)
        assert not any({"Anna Moravec", "Paul Keller"} <= set(m.names) for m in got), text



# --- a return to a person ----------------------------------------------------------------

def test_a_person_returned_to_stays_a_person(nlp):
    got = clusters(nlp, "Paul Keller, chairman of the panel, met Peter Novak on Monday. Novak "
                        "said he would return to Keller with a new offer.")
    assert "Keller" in got["Paul Keller"]
    assert "Keller" not in got


def test_a_town_flown_to_stays_a_place(nlp):
    got = clusters(nlp, "Paul Keller, chairman of the panel, will fly to Keller on Monday.")
    assert got["Keller"] == {"Keller"}
