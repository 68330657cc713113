"""Meeting forms on hand-written sentences: verbs, nominals, passives, coordination, pronouns."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings, pairs

pytestmark = pytest.mark.model


def one(nlp, text, published=None):
    found = meetings(nlp, text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Chancellor Angela Merkel met Prime Minister Theresa May in Berlin on Friday.",
         {"Angela Merkel", "Theresa May"}),
        ("Angela Merkel and David Cameron met in Berlin on Friday.",
         {"Angela Merkel", "David Cameron"}),
        ("Senator Mark Hollis conferred with Governor Ruth Tanaka on Monday.",
         {"Mark Hollis", "Ruth Tanaka"}),
        ("Foreign Minister Ana Duarte held talks with Luis Rojas in Lima.",
         {"Ana Duarte", "Luis Rojas"}),
        ("Ahmed Said sat down with Governor Lisa Grant on Thursday.",
         {"Ahmed Said", "Lisa Grant"}),
        ("Sarah Collins visited Prime Minister Tom Ashby in Dublin.",
         {"Sarah Collins", "Tom Ashby"}),
        ("King Harald received Prime Minister Jonas Berg at the palace.",
         {"Harald", "Jonas Berg"}),
        ("Governor Lisa Grant negotiated with Mayor Paul Okafor for three hours.",
         {"Lisa Grant", "Paul Okafor"}),
        ("Mexican minister Alfredo Ruiz talked with Peruvian minister Carlos Vega in Lima.",
         {"Alfredo Ruiz", "Carlos Vega"}),
    ],
)
def test_verbal_forms(nlp, text, names):
    assert one(nlp, text).names == frozenset(names)


def test_passive_received_by(nlp):
    m = one(nlp, "Prime Minister Jonas Berg was received by King Harald on Tuesday.")
    assert m.names == {"Jonas Berg", "Harald"} and m.status == "happened" and m.time == "Tuesday"


def test_host(nlp):
    m = one(nlp, "President Maria Lopez hosted Chancellor Peter Novak at the White House.")
    assert m.names == {"Maria Lopez", "Peter Novak"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Talks between Brazil and Argentina ended on Friday.", {"Brazil", "Argentina"}),
        ("Sarah Collins's meeting with Tom Ashby lasted two hours.",
         {"Sarah Collins", "Tom Ashby"}),
        ("A meeting of France and Germany took place in Paris.", {"France", "Germany"}),
        ("Tom Ashby left Dublin after talks with Chancellor Peter Novak.",
         {"Tom Ashby", "Peter Novak"}),
        ("Tom Ashby held a meeting in Oslo on Monday with Foreign Minister Eva Lind.",
         {"Tom Ashby", "Eva Lind"}),
    ],
)
def test_nominal_forms(nlp, text, names):
    assert one(nlp, text).names == frozenset(names)


def test_nominal_hosted_by(nlp):
    m = one(nlp, "Tuesday's meeting between Ana Duarte and Luis Rojas, hosted by Paul Keller, "
                 "ended without a deal.")
    assert {"Ana Duarte", "Luis Rojas"} <= m.names and m.time == "Tuesday"


def test_coordinated_objects_are_one_meeting(nlp):
    m = one(nlp, "Peter Novak held talks with Maria Lopez and Paul Keller in Rome.")
    assert m.names == {"Peter Novak", "Maria Lopez", "Paul Keller"} and m.place == "Rome"


def test_pronoun_subject(nlp):
    m = one(nlp, "Chancellor Peter Novak arrived in Rome on Sunday. He met Paul Keller on Monday.")
    assert m.names == {"Peter Novak", "Paul Keller"} and m.time == "Monday"


def test_place_and_time_from_the_event(nlp):
    m = one(nlp, "Angela Merkel will meet David Cameron in Geneva on Tuesday.", date(2024, 3, 4))
    assert (m.place, m.time, m.status, m.date) == ("Geneva", "Tuesday", "planned",
                                                   date(2024, 3, 5))


def test_demonym_delegations(nlp):
    m = one(nlp, "Norwegian and Swedish delegations met in Oslo last week.")
    assert m.names == {"Norwegian delegation", "Swedish delegation"} and m.place == "Oslo"


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak said in an interview with Paul Keller that taxes would rise.",
        "Peter Novak talked with Paul Keller by telephone on Monday.",
        "Peter Novak visited Paris and Rome last week.",
        "Peter Novak said he would be happy to meet Paul Keller.",
        "Peter Novak and Paul Keller hold regular meetings.",
        "Peter Novak meets Paul Keller regularly.",
        "Officials met Paul Keller on Monday.",
        "Peter Novak invited Paul Keller to meet in Rome.",
        "Peter Novak could meet Paul Keller if the talks resume.",
        "Acme Corp met its sales target in March.",
        "Peter Novak held talks with bankers in Zurich.",
        "Peter Novak and Paul Keller are meeting with portfolio managers in Boston.",
        "Paul Keller called for talks between Brazil and Argentina.",
        "Peter Novak rejected suggestions for negotiations with the World Bank.",
        "The government hopes the plan will help it meet its export commitments, Peter Novak said.",
        "Peter Novak proposed in a letter to Paul Keller that they meet soon.",
        "Peter Novak said there was no need for an emergency Opec meeting.",
        "If Brazil and Mexico have concluded their negotiations, others will follow.",
        "Peter Novak hopes to meet Paul Keller in late April.",
    ],
)
def test_distractors_are_not_meetings(nlp, text):
    assert pairs(nlp, text) == set()


def test_their_summit(nlp):
    m = one(nlp, "Sarah Collins recalled Peter Novak's visit to Paul Keller, made at their "
                 "second summit in Helsinki.")
    assert m.names == {"Peter Novak", "Paul Keller"} and m.place == "Helsinki"


def test_untagged_name_after_a_title(nlp):
    m = one(nlp, "Peter Novak is to meet Irish Taoiseach Bertie Ahern in Dublin on Thursday.")
    assert m.names == {"Peter Novak", "Bertie Ahern"} and m.status == "planned"


def test_co_attendees_of_a_meeting(nlp):
    m = one(nlp, "Peter Novak and Paul Keller discussed the plans at a meeting in Edinburgh.")
    assert m.names == {"Peter Novak", "Paul Keller"} and m.place == "Edinburgh"


def test_expected_here_for_talks_is_planned(nlp):
    m = one(nlp, "Peter Novak is expected here on Friday for talks with Paul Keller.")
    assert m.names == {"Peter Novak", "Paul Keller"} and m.status == "planned"


def test_apposed_name_of_an_unnamed_conjunct(nlp):
    m = one(nlp, "Peter Novak and the chief of the national bank, Paul Keller, met in Vienna.")
    assert m.names == {"Peter Novak", "Paul Keller"} and m.place == "Vienna"


def test_separately_gives_one_meeting_per_party(nlp):
    got = pairs(nlp, "Peter Novak met Paul Keller and Maria Lopez separately on Monday.")
    assert got == {frozenset({"Peter Novak", "Paul Keller"}),
                   frozenset({"Peter Novak", "Maria Lopez"})}


def test_being_somewhere_for_a_bodys_meeting(nlp):
    m = one(nlp, "Finance Minister Sarah Collins will be in Vienna for the annual meeting of the "
                 "Asian Development Bank.")
    assert m.names == {"Sarah Collins", "Asian Development Bank"} and m.status == "planned"

