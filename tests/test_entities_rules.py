"""Model-free rules behind entity resolution: gazetteer, titles, surnames, cross-article links."""

from __future__ import annotations

from kg.extract.coref import title_head
from kg.extract.gazetteer import country_of, demonym_country, is_title
from kg.extract.link import link_across, link_map
from kg.extract.names import surname_match
from kg.model import Article, Entity, EntityType, Extraction, Meeting, MeetingStatus, Provenance


def test_demonyms_and_names_map_to_countries():
    assert demonym_country("Pakistani") == "Pakistan"
    assert demonym_country("American") == "United States"
    assert country_of("Britain") == "United Kingdom"
    assert country_of("Soviet") == "Soviet Union"
    assert country_of("Moscow") is None


def test_titles():
    assert is_title("Foreign Minister") and is_title("chancellor")
    assert not is_title("Witkoff")
    assert title_head("U.S. Treasury Secretary") == "secretary"
    assert title_head("Prime Minister") == "prime minister"


def test_surname_match_is_a_proper_suffix():
    assert surname_match(("santos", "alvite"), ("fernando", "santos", "alvite"))
    assert not surname_match(("fernando",), ("fernando", "santos", "alvite"))
    assert not surname_match(("putin",), ("putin",))


def _prov():
    return Provenance("a2", 0, 0, 20, "Putin met Lukashenko.")


def test_link_across_rewrites_keys_everywhere():
    putin = Entity("person:putin", "Putin", EntityType.PERSON)
    luka = Entity("person:alexander lukashenko", "Alexander Lukashenko", EntityType.PERSON)
    m = Meeting(("person:putin", luka.key), MeetingStatus.HAPPENED, _prov(), "met")
    x = Extraction(Article("a2", "T", "Putin met Lukashenko."), entities=(putin, luka),
                   meetings=(m,))
    y = link_across(x, [("person:vladimir putin", "Vladimir Putin")])
    assert y.meetings[0].participants == ("person:vladimir putin", luka.key)
    assert y.entity("person:vladimir putin").aliases == ("Putin",)
    assert y.entity("person:putin") is None


def test_link_across_leaves_ambiguous_and_unknown_names():
    baker = Entity("person:baker", "Baker", EntityType.PERSON)
    known = [("person:james baker", "James Baker"), ("person:howard baker", "Howard Baker")]
    assert link_map([baker], known) == {}
    x = Extraction(Article("a", "T", "Baker."), entities=(baker,))
    assert link_across(x, known) is x
