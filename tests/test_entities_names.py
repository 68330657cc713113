"""Names and titles read as the article writes them: hyphens, demonyms, portfolios."""

from __future__ import annotations

import pytest
from meeting_helpers import pairs, run

from kg.model import EntityType

pytestmark = pytest.mark.model

#: The two-sentence article of issue 13.
ISSUE = ("South Korean President Kim Dae-jung met Luxembourg Prime Minister Jean-Claude "
         "Juncker in Seoul on Monday. Chancellor Gordon Brown will meet Trade and Industry "
         "Secretary Patricia Hewitt and Foreign Secretary Jack Straw on Tuesday.")


def _people(x):
    return {e.label: e for e in x.entities if e.type is EntityType.PERSON}


def test_hyphenated_names_keep_their_hyphens(nlp):
    people = _people(run(nlp, ISSUE))
    assert {"Kim Dae-jung", "Jean-Claude Juncker"} <= set(people)
    assert not any(" - " in label for label in people)
    assert frozenset({"Kim Dae-jung", "Jean-Claude Juncker"}) in pairs(nlp, ISSUE)


def test_hyphenated_names_and_titles_in_new_text(nlp):
    x = run(nlp, "Prime Minister Jean-Luc Marchetti met Vice-President Ana Torres-Quintana "
                 "in Lisbon on Monday.")
    people = _people(x)
    assert set(people) == {"Jean-Luc Marchetti", "Ana Torres-Quintana"}
    assert people["Ana Torres-Quintana"].titles == ("Vice-President",)
    assert x.entity("person:ana torres-quintana") is not None


def test_multi_word_demonyms_give_the_country_not_a_title_word(nlp):
    x = run(nlp, ISSUE)
    kim = x.entity("person:kim dae-jung")
    assert kim.titles == ("President",)
    assert kim.country == "country:south korea"
    juncker = x.entity("person:jean-claude juncker")
    assert juncker.titles == ("Prime Minister",)
    assert juncker.country == "country:luxembourg"
    x = run(nlp, "New Zealand Prime Minister Ann Kowalczyk flew to Riyadh on Sunday.")
    ann = x.entity("person:ann kowalczyk")
    assert ann.titles == ("Prime Minister",) and ann.country == "country:new zealand"


def test_portfolio_titles_are_titles_not_organisations(nlp):
    x = run(nlp, ISSUE)
    assert x.entity("person:patricia hewitt").titles == ("Trade and Industry Secretary",)
    assert not [e for e in x.entities if e.type is EntityType.ORGANIZATION]
    x = run(nlp, "Energy Secretary Dana Whitlock met Environment and Rural Affairs Secretary "
                 "Owen Marsh on Friday.")
    assert x.entity("person:owen marsh").titles == ("Environment and Rural Affairs Secretary",)
    assert x.entity("person:dana whitlock").titles == ("Energy Secretary",)
    assert not [e.label for e in x.entities if e.type is EntityType.ORGANIZATION]


def test_a_company_before_a_title_stays_an_organisation(nlp):
    x = run(nlp, "Microsoft chairman Bill Gates met Treasury Secretary James Baker in "
                 "Washington.")
    orgs = {e.label for e in x.entities if e.type is EntityType.ORGANIZATION}
    assert "Microsoft" in orgs and "Treasury" not in orgs
    assert x.entity("person:james baker").titles == ("Treasury Secretary",)


def test_appositive_title_gives_the_country(nlp):
    x = run(nlp, "Marie-Claire Dubois-Lefevre, the Belgian foreign minister, met Hans-Dietrich "
                 "Kessler in Brussels.")
    marie = x.entity("person:marie-claire dubois-lefevre")
    assert marie.label == "Marie-Claire Dubois-Lefevre"
    assert marie.country == "country:belgium"
    assert marie.titles == ("foreign minister",)


def test_titles_with_of_are_titles_not_organisations(nlp):
    text = ("U.S. Secretary of State George Shultz arrived in Cairo on Monday. The secretary "
            "will meet Foreign Minister Omar Farid on Tuesday.")
    x = run(nlp, text)
    shultz = x.entity("person:george shultz")
    assert shultz.titles == ("Secretary of State",)
    assert shultz.country == "country:united states"
    assert "secretary" in {m.text for m in shultz.mentions}
    assert not [e.label for e in x.entities if e.type is EntityType.ORGANIZATION]


def test_ticker_brackets_and_dangling_and_are_not_part_of_names(nlp):
    x = run(nlp, "The bank said <Arab Banking Corp> and <Riyad Bank> would join the talks. "
                 "Bankers said Governor Lee Min-ho met <Halden Trust Bank> officials.")
    labels = {e.label for e in x.entities}
    assert {"Arab Banking Corp", "Halden Trust Bank"} <= labels
    assert not [label for label in labels if label.endswith((">", " and")) or "<" in label]


def test_coordinated_names_share_a_plural_organisation_head(nlp):
    text = ("A spokesman said the Energy and Interior departments and several agencies held a "
            "meeting on Tuesday.")
    x = run(nlp, text)
    orgs = {e.label for e in x.entities if e.type is EntityType.ORGANIZATION}
    assert orgs == {"Energy Department", "Interior Department"}
    assert frozenset({"Energy Department", "Interior Department"}) in pairs(nlp, text)
    x = run(nlp, "Officials from the Finance and Foreign ministries met the envoy.")
    assert {e.label for e in x.entities} >= {"Finance Ministry", "Foreign Ministry"}


def _labels(x, etype):
    return {e.label for e in x.entities if e.type is etype}


def test_organisation_spans_are_repaired_at_brackets_datelines_and_of(nlp):
    x = run(nlp, "Delegates of the International Cocoa Organization (ICCO) met in London. "
                 "Fitch said it may cut the rating of Public Service Company of New "
                 "Hampshire.")
    orgs = _labels(x, EntityType.ORGANIZATION)
    assert "International Cocoa Organization" in orgs
    assert "Public Service Company of New Hampshire" in orgs
    assert not [label for label in orgs if "(" in label or label.endswith(" of")]
    x = run(nlp, "NEW YORK - Federal Reserve Board officials met bankers on Monday.")
    assert "Federal Reserve Board" in _labels(x, EntityType.ORGANIZATION)
    assert not [e.label for e in x.entities if e.label.endswith("-")]


def test_titles_written_as_organisations_are_roles(nlp):
    x = run(nlp, "The fund met under the chairmanship of Bahrain's Finance and National "
                 "Economy Minister, Ali Hassan. West German Minister of State Otto Brenner "
                 "told reporters the talks went well.")
    assert not _labels(x, EntityType.ORGANIZATION) & {"National Economy Minister", "State"}
    assert x.entity("person:otto brenner").titles == ("Minister of State",)


def test_two_names_joined_by_a_hyphen_are_two_people(nlp):
    x = run(nlp, "President Ronald Reagan met Mikhail Gorbachev. The Reagan-Gorbachev talks "
                 "ended on Monday.")
    assert _labels(x, EntityType.PERSON) == {"Ronald Reagan", "Mikhail Gorbachev"}
    x = run(nlp, "Mr Kilroy-Silk said he would leave the party. Robert Kilroy-Silk met Damian "
                 "Hockney on Monday.")
    assert _labels(x, EntityType.PERSON) == {"Robert Kilroy-Silk", "Damian Hockney"}


def test_names_ner_takes_for_people_inside_a_role_are_not_people(nlp):
    text = ("Tom Hale will meet Lib Dem leader Ruth Carver on Monday. Mr Hale will meet the "
            "Lib Dem leader again in May.")
    x = run(nlp, text)
    assert _labels(x, EntityType.PERSON) == {"Tom Hale", "Ruth Carver"}
    assert x.entity("person:ruth carver").titles == ("Lib Dem leader",)
    assert pairs(nlp, text) == {frozenset({"Tom Hale", "Ruth Carver"})}
    x = run(nlp, "Shadow chancellor Owen Marsh met Labour's Peter Quayle on Friday.")
    assert _labels(x, EntityType.PERSON) == {"Owen Marsh", "Peter Quayle"}


def test_given_names_ner_leaves_out_after_a_title_belong_to_the_name(nlp):
    text = "Norvex chief executive Paul Strand met Gazprom boss Ivan Petrov in Moscow."
    x = run(nlp, text)
    petrov = x.entity("person:ivan petrov")
    assert petrov is not None and petrov.titles == ("Gazprom boss",)
    assert pairs(nlp, text) == {frozenset({"Paul Strand", "Ivan Petrov"})}


def test_honorific_and_surname_is_a_person_and_a_knight_goes_by_first_name(nlp):
    text = ("The claims are being examined by Sir Alan Bright. Sir Alan will meet Mr Hale "
            "on Monday.")
    x = run(nlp, text)
    assert _labels(x, EntityType.PERSON) == {"Alan Bright", "Hale"}
    assert "Sir Alan" in {m.text for m in x.entity("person:alan bright").mentions}
    assert pairs(nlp, text) == {frozenset({"Alan Bright", "Hale"})}


def test_misspelt_and_abbreviated_titles_are_not_part_of_the_name(nlp):
    x = run(nlp, "Prime Minsiter Tomas Varga met Sen Lola Brandt in Vienna on Monday. "
                 "Treasurer Mia Lund later joined them.")
    people = _people(x)
    assert {"Tomas Varga", "Lola Brandt", "Mia Lund"} <= set(people)
    assert not any(w in label for label in people for w in ("Minsiter", "Sen ", "Treasurer"))
    assert frozenset({"Tomas Varga", "Lola Brandt"}) in pairs(nlp, x.article.text)


def test_a_name_that_looks_like_a_slipped_title_is_kept(nlp):
    # One letter from a short title ("Sultan") is a name, and a slip needs two words after it.
    people = _people(run(nlp, "Sulman Haddad met Minsiter Okafor in Lagos on Friday."))
    assert "Sulman Haddad" in people
