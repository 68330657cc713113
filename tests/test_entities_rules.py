"""Model-free rules behind entity resolution: gazetteer, titles, surnames, cross-article links."""

from __future__ import annotations

from kg.extract.entities.names import surname_match
from kg.extract.entities.title_refs import title_head
from kg.extract.gazetteer import country_of, demonym_country, is_title


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


def test_every_country_of_the_gazetteer_has_its_seat_of_government():
    # A trip "to <capital> for talks" is talks with that country's government: a country
    # missing from capitals.tsv would silently lose those meetings.
    from pathlib import Path

    from kg.extract.gazetteer import capital_countries

    data = Path(__file__).resolve().parent.parent / "kg" / "data"
    countries = {line.split("\t")[0] for line in (data / "countries.tsv").read_text().splitlines()
                 if line.strip() and not line.startswith("#")}
    cities = [line.split("\t")[0] for line in (data / "capitals.tsv").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    seated = {c for city in cities for c in capital_countries(city)}
    assert seated <= countries
    assert countries - seated == {"Palestine"}  # no agreed seat of government
    assert capital_countries("The Hague") == ("Netherlands",)
    assert capital_countries("Berne") == capital_countries("Bern") == ("Switzerland",)
