"""A body the country-groups table names has one key however a story writes it, by its
acronym alone or by its long form, so its events are not split across stories (16g)."""

from __future__ import annotations

import pytest
from meeting_helpers import run

from kg.extract.entities.groups import club_name
from kg.model import EntityType

model = pytest.mark.model


def _orgs(nlp, text: str) -> set[str]:
    return {e.key for e in run(nlp, text).entities if e.type is EntityType.ORGANIZATION}


def test_the_table_name_of_a_body():
    assert club_name("EEC") == club_name("the European Community") == "European Community"
    assert club_name("Organisation of Petroleum Exporting Countries") == "OPEC"
    assert club_name("Norland Trade Board") is None


@model
@pytest.mark.parametrize("short, long", [
    ("OPEC", "the Organization of Petroleum Exporting Countries"),
    ("NATO", "the North Atlantic Treaty Organization"),
])
def test_an_acronym_alone_and_the_long_form_alone_share_a_key(nlp, short, long):
    one = _orgs(nlp, f"{short} ministers will meet Peter Novak in Vienna next week, "
                     f"Valoria's oil minister said on Tuesday.")
    other = _orgs(nlp, f"Peter Novak said on Monday that {long} would meet in Vienna "
                       f"next month to review its policy.")
    assert one & other, (one, other)


@model
def test_an_acronym_first_and_the_long_form_later_share_the_acronym_story_key(nlp):
    alone = _orgs(nlp, "The EC said on Tuesday it would cut farm prices, and Anna Moravec "
                       "met EC officials in Brussels.")
    both = _orgs(nlp, "The EC said on Tuesday it would cut farm prices. Anna Moravec met "
                      "officials of the European Community in Brussels on Monday.")
    assert alone & both, (alone, both)
    assert len(both) == 1, both


def test_a_region_or_a_one_word_name_gives_no_key():
    # "Gulf" is also a company's short name, "Asian" a region's adjective
    assert club_name("Gulf") is club_name("Asian") is club_name("Nordic") is None


@model
def test_an_acronym_the_story_spells_out_is_what_the_story_says(nlp):
    # "EC" is the table's European Community only where the story does not define it otherwise
    orgs = _orgs(nlp, "The Energy Council (EC) of Valoria said on Tuesday it would raise "
                      "prices. EC officials met Anna Moravec in Brussels.")
    assert orgs == {"organization:energy council"}, orgs
