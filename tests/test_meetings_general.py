"""Meeting construction families that real news uses, on sentences written for these tests.

Counterpart lists (including those the small parser reads as appositions), nominal and
hospitality events, meetings of named bodies, organisations and countries as parties,
scheduling and negation, and the guide's exclusions.
"""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model


def names_of(nlp, text):
    return {m.names for m in meetings(nlp, text)}


def covered(nlp, text):
    """Every participant pair over all meetings of ``text``."""
    out = set()
    for m in meetings(nlp, text):
        out |= {frozenset({a, b}) for a in m.names for b in m.names if a < b}
    return out


def only(nlp, text):
    found = meetings(nlp, text)
    assert len(found) == 1, found
    return found[0]


# --- counterpart lists ------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "subject", "counterparts"),
    [
        ("German Chancellor Olaf Brandt met his Spanish counterpart Luis Ortega, Finance "
         "Minister Carla Ruiz and central bank governor Pedro Salas in Madrid on Tuesday.",
         "Olaf Brandt", {"Luis Ortega", "Carla Ruiz", "Pedro Salas"}),
        ("Interior Secretary Mark Dell held talks with Energy Secretary Dana Cole and Senators "
         "Tom Reed of Iowa, Ann Marsh of Oregon and Paul Gray of Maine.",
         "Mark Dell", {"Dana Cole", "Tom Reed", "Ann Marsh", "Paul Gray"}),
        ("Olaf Brandt met Finance Minister Carla Ruiz, Chairman Pedro Salas of the Central Bank "
         "and Senator Luis Ortega of Texas on Monday.",
         "Olaf Brandt", {"Carla Ruiz", "Pedro Salas", "Luis Ortega"}),
        ("Spokesman Tom Reed said Olaf Brandt met in the palace shortly after the vote closed "
         "with Finance Minister Carla Ruiz, Chairman Pedro Salas of the Central Bank and chief "
         "of staff Luis Ortega.",
         "Olaf Brandt", {"Carla Ruiz", "Pedro Salas", "Luis Ortega"}),
    ],
)
def test_every_counterpart_of_a_list_is_found(nlp, text, subject, counterparts):
    got = covered(nlp, text)
    assert {frozenset({subject, c}) for c in counterparts} <= got


def test_apposed_list_of_countries(nlp):
    text = "Pedro Salas held talks yesterday with the southern cone countries - Brazil, " \
           "Argentina and Chile - on trade."
    got = covered(nlp, text)
    assert {frozenset({"Pedro Salas", c}) for c in ("Brazil", "Argentina", "Chile")} <= got


def test_stray_with_phrase_gives_place(nlp):
    m = only(nlp, "Olaf Brandt met in the Elysee Palace residence with Marie Dubois.")
    assert m.names == {"Olaf Brandt", "Marie Dubois"} and m.place == "Elysee Palace residence"


# --- nominal events: place and time from the verb that governs them ---------------------

@pytest.mark.parametrize(
    ("text", "names", "status", "place", "time"),
    [
        ("Talks between Prime Minister Ravi Menon and President Joao Silva ended in Lisbon on "
         "Friday.", {"Ravi Menon", "Joao Silva"}, "happened", "Lisbon", "Friday"),
        ("A summit between Chancellor Olaf Brandt and President Marie Dubois is scheduled for "
         "next month in Geneva.", {"Olaf Brandt", "Marie Dubois"}, "planned", "Geneva",
         "next month"),
        ("A meeting of Olaf Brandt, Marie Dubois and Ravi Menon took place in Vienna on "
         "Thursday.", {"Olaf Brandt", "Marie Dubois", "Ravi Menon"}, "happened", "Vienna",
         "Thursday"),
        ("Merger talks between Acme Corp and Zenith Industries will resume on Tuesday.",
         {"Acme Corp", "Zenith Industries"}, "planned", None, "Tuesday"),
    ],
)
def test_nominal_event_attributes(nlp, text, names, status, place, time):
    m = only(nlp, text)
    assert (m.names, m.status, m.place, m.time) == (frozenset(names), status, place, time)


# --- hospitality and courtesy calls ---------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "names", "place", "time"),
    [
        ("A reception was held for King Harald by President Marie Dubois at the Elysee Palace "
         "on Sunday.", {"Harald", "Marie Dubois"}, "Elysee Palace", "Sunday"),
        ("A dinner hosted by Queen Sofia for Prime Minister Ravi Menon was held in Madrid on "
         "Saturday.", {"Sofia", "Ravi Menon"}, "Madrid", "Saturday"),
        ("Ambassador Tom Reed paid a courtesy call on Prime Minister Ravi Menon in New Delhi on "
         "Wednesday.", {"Tom Reed", "Ravi Menon"}, "New Delhi", "Wednesday"),
    ],
)
def test_hospitality(nlp, text, names, place, time):
    m = only(nlp, text)
    assert (m.names, m.status, m.place, m.time) == (frozenset(names), "happened", place, time)


@pytest.mark.parametrize(
    "text",
    [
        "Olaf Brandt spoke at a dinner of the chamber of commerce on Monday.",
        "Olaf Brandt received a call from Marie Dubois on Monday.",
        "Olaf Brandt gave a reception on Monday.",
    ],
)
def test_hospitality_needs_host_and_guest(nlp, text):
    assert meetings(nlp, text) == []


# --- meetings of named bodies -------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "names", "status"),
    [
        ("Finance Minister Carla Ruiz will chair a meeting of the European Commission next "
         "week.", {"Carla Ruiz", "European Commission"}, "planned"),
        ("Venezuela boycotted the OPEC meeting in Vienna last week.",
         {"Venezuela", "OPEC"}, "negated"),
        ("Ecuador was not invited to the OPEC summit in Geneva.", {"Ecuador", "OPEC"},
         "negated"),
        ("Spokesman Tom Reed said Carla Ruiz was in Geneva, where she is attending a World "
         "Trade Organization ministerial meeting.", {"Carla Ruiz", "World Trade Organization"},
         "happened"),
        ("Italy will present its plan at the meeting of the European Commission on Friday.",
         {"Italy", "European Commission"}, "planned"),
    ],
)
def test_meeting_of_a_named_body(nlp, text, names, status):
    m = only(nlp, text)
    assert (m.names, m.status) == (frozenset(names), status)


def test_bodies_own_meetings_pair_nobody(nlp):
    text = "Delegates arrived for the annual meetings of the World Bank and the Asian " \
           "Development Bank."
    assert meetings(nlp, text) == []


def test_a_company_officer_at_the_meeting_is_not_a_meeting_with_the_company(nlp):
    text = ("Acme Corp said it would hold its board meeting on Thursday. Acme chairman Roger "
            "Hale is expected to attend the board meeting, along with Acme treasurer Jim Dowd.")
    assert not any("Acme" in n for m in meetings(nlp, text) for n in m.names)


# --- organisations and countries as parties ------------------------------------------------

@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The United Auto Workers union and General Motors Corp held talks in Detroit on "
         "Friday.", {"United Auto Workers", "General Motors Corp"}),
        ("French and German officials met in Brussels on Monday.", {"France", "Germany"}),
        ("Polish Trade Minister Jan Kowal on Thursday met International Monetary Fund and "
         "World Bank officials in Paris.",
         {"Jan Kowal", "World Bank", "International Monetary Fund"}),
    ],
)
def test_organisations_and_countries(nlp, text, names):
    assert frozenset(names) in names_of(nlp, text)


def test_coordinated_purpose_phrase(nlp):
    text = ("Carla Ruiz would fly to Paris on Monday to attend the OECD ministerial meeting "
            "and for talks with French officials on farm trade.")
    assert names_of(nlp, text) == {frozenset({"Carla Ruiz", "OECD"}),
                                   frozenset({"Carla Ruiz", "France"})}


def test_business_leaders_do_not_stand_for_their_country(nlp):
    text = "President Joao Silva held informal talks with Brazilian business leaders."
    assert meetings(nlp, text) == []


# --- exclusions ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Olaf Brandt spoke by telephone with Marie Dubois on Monday.",
        "Olaf Brandt told reporters at a press conference in Paris that Marie Dubois would "
        "resign.",
        "Olaf Brandt invited Marie Dubois to visit Berlin.",
        "Olaf Brandt proposed a summit with Marie Dubois.",
        "Olaf Brandt said he could meet Marie Dubois if the talks succeed.",
        "Prime Minister Lars Holm proposed in a letter to his Danish counterpart Erik Dahl "
        "that they meet to discuss fishing quotas.",
        "Prime Minister Lars Holm sent a message to President Erik Dahl that they meet in Oslo "
        "to discuss fishing.",
        "Prime Minister Lars Holm made a proposal to President Erik Dahl that they meet in Oslo.",
        "The envoy said that if the talks went well it would open the way for a summit between "
        "President Joao Silva and Prime Minister Ravi Menon.",
    ],
)
def test_not_meetings(nlp, text):
    assert meetings(nlp, text) == []


# --- place -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Carla Ruiz will leave for Washington on Thursday to attend a World Bank meeting.",
         "Washington"),
        ("Carla Ruiz flew to Tokyo on Sunday for talks with Kenji Sato.", "Tokyo"),
        # "here" as written (the guide's place convention; the extra development gold writes
        # it for nearly every "here" on the meeting's own word)
        ("Carla Ruiz held talks here with Kenji Sato on Friday.", "here"),
        ("Olaf Brandt will meet Marie Dubois at his Bavarian retreat.", "his Bavarian retreat"),
    ],
)
def test_place_of_the_meeting(nlp, text, place):
    assert only(nlp, text).place == place


def test_countries_listed_after_an_apposition_are_all_parties(nlp):
    # The small parser reads the second country as an apposition of the first.
    text = "Brazil, Mexico, Chile, Peru and Colombia agreed at the summit to lower duties."
    m = only(nlp, text)
    assert m.names == {"Brazil", "Mexico", "Chile", "Peru", "Colombia"}


def test_two_titled_people_read_as_one_name(nlp):
    text = ("French Finance Minister Pierre Lemaire and U.S. Treasury Secretary John "
            "Carver confirmed their commitment at a private meeting on Saturday in Zurich.")
    m = only(nlp, text)
    assert (m.names, m.place, m.time) == ({"Pierre Lemaire", "John Carver"}, "Zurich",
                                          "Saturday")


def test_the_summit_again_keeps_its_place(nlp):
    text = ("Leaders of the seven nations gathered for the Venice summit on June 8. The United "
            "States, Japan and France agreed at the summit to cut tariffs.")
    assert only(nlp, text).place == "Venice"


def test_time_hung_on_an_adverb(nlp):
    m = only(nlp, "Carla Ruiz held discussions here on Friday with Kenji Sato.")
    assert m.time == "Friday"


def test_after_meeting_under_a_noun_clause(nlp):
    text = ("Carla Ruiz announced her willingness to compromise after meeting for about an hour "
            "with Chief of Staff Tom Reed, Treasury Secretary Dana Cole and Federal Reserve "
            "Board Chairman Paul Gray.")
    m = only(nlp, text)
    assert m.names == {"Carla Ruiz", "Tom Reed", "Dana Cole", "Paul Gray"}
    assert m.status == "happened"


def test_willingness_to_negotiate_is_not_a_meeting(nlp):
    assert meetings(nlp, "Carla Ruiz announced her willingness to negotiate with Congress.") == []


def test_broke_off_talks(nlp):
    m = only(nlp, "The Defence Department broke off talks with Toshiba on Friday.")
    assert m.names == {"Defence Department", "Toshiba"} and m.status == "happened"


def test_the_speaker_of_at_a_meeting_with(nlp):
    text = ("Trade Representative Tom Reed said the dispute was resolved at a meeting with "
            "Argentine Agriculture Secretary Pedro Salas last week.")
    m = only(nlp, text)
    assert (m.names, m.time) == ({"Tom Reed", "Pedro Salas"}, "last week")


def test_progress_in_talks_is_not_the_speakers_meeting(nlp):
    text = "Tom Reed said steady progress was being made in talks with Korea."
    assert meetings(nlp, text) == []


def test_an_abbreviation_in_brackets_is_not_a_second_body(nlp):
    text = ("Carla Ruiz will attend the World Trade Organization's (WTO) Council meeting in "
            "Geneva on Monday.")
    assert len(meetings(nlp, text)) == 1


def test_passive_agent_hung_on_the_meeting_noun(nlp):
    text = ("Chancellor Olaf Brandt will be joined at the summit by French President Jacques "
            "Chirac and Prime Minister Ravi Menon.")
    m = only(nlp, text)
    assert m.names == {"Olaf Brandt", "Jacques Chirac", "Ravi Menon"} and m.status == "planned"


@pytest.mark.parametrize("head", ["boss", "head", "chief"])
def test_the_boss_of_a_company_stands_for_it(nlp, head):
    m = only(nlp, f"The {head} of Acme Corp met representatives of the Teamsters union on Friday.")
    assert m.names == {"Acme Corp", "Teamsters"}


# --- place and time from the next sentence that speaks of the same meeting --------------------

@pytest.mark.parametrize(
    ("text", "place", "time"),
    [
        ("Chancellor Hans Keller met President Marie Dubois on Monday. The talks, held in "
         "Geneva, focused on trade.", "Geneva", "Monday"),
        ("Chancellor Hans Keller met President Marie Dubois in Rome. Saturday's meeting lasted "
         "three hours.", "Rome", "Saturday"),
        ("Chancellor Hans Keller met President Marie Dubois on Monday. Separately, the OPEC "
         "meeting in Vienna ended.", None, "Monday"),
        ("Chancellor Hans Keller met President Marie Dubois on Monday. Hungary boycotted the "
         "annual meeting in Vienna.", None, "Monday"),
    ],
)
def test_setting_from_the_next_sentence(nlp, text, place, time):
    m = next(m for m in meetings(nlp, text) if "Hans Keller" in m.names)
    assert (m.place, m.time) == (place, time)


@pytest.mark.parametrize(
    ("text", "names", "status"),
    [
        ("U.S. and Japanese negotiators will hold talks in Tokyo next week.",
         {"United States", "Japan"}, "planned"),
        ("Talks between U.S. and Japanese officials ended on Friday.",
         {"United States", "Japan"}, "happened"),
        ("Acme Corp and Zenith Industries said they have agreed to merge following talks "
         "between the two companies.", {"Acme Corp", "Zenith Industries"}, "happened"),
        ("Brazil and Argentina signed a trade pact after two days of talks in Brasilia.",
         {"Brazil", "Argentina"}, "happened"),
        ("Brazil and Argentina will sign a trade pact after talks in Brasilia next week.",
         {"Brazil", "Argentina"}, "planned"),
        ("Carla Ruiz will hold talks with Tom Reed and other U.S. officials.",
         {"Carla Ruiz", "Tom Reed"}, "planned"),
    ],
)
def test_sides_and_sequence(nlp, text, names, status):
    m = only(nlp, text)
    assert (m.names, m.status) == (frozenset(names), status)


def test_their_meeting_keeps_the_verbs_time(nlp):
    text = ("Chancellor Hans Keller and President Marie Dubois agreed at their meeting in Paris "
            "on Friday to cut tariffs.")
    m = only(nlp, text)
    assert (m.place, m.time) == ("Paris", "Friday")


def test_place_from_a_compound_sibling(nlp):
    text = ("The Venice summit accord hands the World Bank a larger "
            "role. The United States, Japan and France agreed at the summit to cut "
            "tariffs.")
    assert only(nlp, text).place == "Venice"


@pytest.mark.parametrize(
    "text",
    [
        "Chancellor Hans Keller had lunch with Prime Minister Kenji Sato on Monday.",
        "Chancellor Hans Keller and Prime Minister Kenji Sato shared a dinner in Tokyo.",
        "Chancellor Hans Keller attended a dinner hosted by Prime Minister Kenji Sato.",
    ],
)
def test_dining_together(nlp, text):
    assert only(nlp, text).names == {"Hans Keller", "Kenji Sato"}


def test_dining_alone_is_no_meeting(nlp):
    assert meetings(nlp, "Chancellor Hans Keller had dinner on Monday.") == []


def test_a_news_conference_shared_is_no_meeting(nlp):
    # The guide leaves out press conferences; talks told beside one still count.
    assert meetings(nlp, "Peter Novak appeared at the news conference with Paul Keller, "
                         "treasurer of the Acme pension fund.") == []
    found = meetings(nlp, "Peter Novak held a joint press conference with Paul Keller after "
                          "their talks in Vienna on Monday.")
    assert [(m.names, m.place) for m in found] == [
        (frozenset({"Peter Novak", "Paul Keller"}), "Vienna")]
