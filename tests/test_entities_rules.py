"""Model-free rules behind entity resolution: gazetteer, titles, surnames, cross-article links."""

from __future__ import annotations

from kg.extract.coref import title_head
from kg.extract.gazetteer import country_of, demonym_country, is_title
from kg.extract.names import surname_match


def test_demonyms_and_names_map_to_countries():
    assert demonym_country("Pakistani") == "Pakistan"
    assert demonym_country("American") == "United States"
    assert country_of("United Kingdom") == "Britain"
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
