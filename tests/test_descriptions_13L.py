"""Labour contract talks whose sides are described, not named, in the talks' sentence: a
company's division in one country, "the union" for a union whose name does not say "Union",
"the striking locals", "any of the locals" (kg/extract/entities/descriptions.py, parties.py).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model


def seen(nlp, text):
    return {(m.names, m.status) for m in meetings(nlp, text)}


def test_a_country_division_is_the_subsidiary_named_in_the_story(nlp):
    assert seen(nlp, "Novak Motors Brazil Ltd builds trucks. Negotiators of the Valorian Metal "
                     "Workers will meet the Brazilian subsidiary of Novak Motors Corp on "
                     "Friday.") == {
        (frozenset({"Novak Motors Brazil Ltd", "Valorian Metal Workers"}), "planned")}


def test_a_country_unit_may_be_named_by_the_parent_initials(nlp):
    assert seen(nlp, "KM Canada builds trucks. The Canadian unit of Keller Motors Corp met "
                     "the Valorian Auto Workers on Monday.") == {
        (frozenset({"KM Canada", "Valorian Auto Workers"}), "happened")}


def test_a_division_with_no_named_subsidiary_stays_unnamed(nlp):
    # The parent company is not the side that negotiates: no meeting rather than a wrong one.
    assert seen(nlp, "The Brazilian unit of Keller Motors Corp met the Valorian Metal Workers "
                     "on Monday.") == set()


def test_the_union_is_a_workers_union_named_before(nlp):
    assert seen(nlp, "The Valorian Auto Workers called a strike against Novak Steel Corp on "
                     "Monday. The company held talks with the union on Friday.") == {
        (frozenset({"Novak Steel Corp", "Valorian Auto Workers"}), "happened")}


def test_the_union_between_the_sides_is_the_named_local(nlp):
    assert seen(nlp, "The Valorian Auto Workers Local 12 called a strike against Novak Steel "
                     "Corp on Monday. Talks between the company and the union began again "
                     "on Friday.") == {
        (frozenset({"Novak Steel Corp", "Valorian Auto Workers Local"}), "happened")}


def test_talks_with_any_of_the_striking_locals(nlp):
    assert seen(nlp, "The United Steelworkers of Valoria called a strike against Novak Steel "
                     "Corp on Monday. Novak Steel will hold talks with any of the striking "
                     "locals next week.") == {
        (frozenset({"Novak Steel Corp", "United Steelworkers of Valoria"}), "planned")}


def test_the_striking_locals_are_the_union_named_before(nlp):
    assert seen(nlp, "The United Steelworkers of Valoria called a strike against Novak Steel "
                     "Corp on Monday. Novak Steel said it would meet the striking locals on "
                     "Friday.") == {
        (frozenset({"Novak Steel Corp", "United Steelworkers of Valoria"}), "planned")}


def test_the_union_is_not_a_bank_named_workers(nlp):
    assert seen(nlp, "The Valorian Workers Bank lent money to Novak Steel Corp. The company "
                     "held talks with the union on Friday.") == set()
