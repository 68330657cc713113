"""Labels that name no one: a common noun the wire capitalised ("Ministers", "the U.S. Group").

NER tags such a noun as a person or an organisation; it is no entity of the story, so the
entity stage drops it (:func:`named_only`) before any stage reads the entities: no meeting
party, no triple's entity, no node of the map.
"""

from __future__ import annotations

from kg.extract.entities.nationals import singular
from kg.extract.gazetteer import country_name, country_of, demonym_country
from kg.extract.index import EntityIndex
from kg.model import EntityType

__all__ = ["STAND_FOR_COUNTRY", "named_only"]

#: Group heads that stand for their country ("French officials met" -> France), as the guide has it.
STAND_FOR_COUNTRY = frozenset({"official", "negotiator", "representative", "diplomat", "envoy",
                               "minister", "authority", "counterpart", "ministry"})
#: Common nouns a wire capitalises that name no one: "Ministers", "the U.S. Group",
#: "the U.S. Firm" (the word after "U.S." is written in capitals) are no party's name; not
#: "bank", which names real banks after a country word.
UNNAMED_HEADS = frozenset({"group", "firm", "company", "unit", "subsidiary", "concern",
                           "official", "minister", "secretary", "leader", "banker", "executive",
                           "source", "analyst", "dealer", "trader", "diplomat", "negotiator",
                           "representative", "delegate", "envoy", "counterpart", "member"})


def common_noun_label(label: str) -> bool:
    """Whether a person's or organisation's label is a common noun, no name: a bare plural
    ("Ministers") or one noun after a country's abbreviation or adjective ("the U.S. Group",
    "West German Bankers"). A country's name written out before the noun, in any of its
    spellings, may be a body's name ("the Australia Group", "Holland Group"); "government" or
    "delegation" is no unnamed head at all.

    >>> [common_noun_label(x) for x in ("Ministers", "U.S. Group", "Chinese Government", "Acme",
    ...                            "New Zealand Firm", "West German Bankers", "Australia Group",
    ...                            "Holland Group", "Dutch Group", "UK Group", "Soviet Firm")]
    [True, True, False, False, False, True, False, False, True, True, True]
    """
    words = [w for w in label.split() if w.casefold() not in ("the", "a", "an")]
    # the country may take several words ("South Korean Firm"): the longest that names one
    lead = next((k for k in range(len(words) - 1, 0, -1)
                 if country_of(" ".join(words[:k])) is not None), 0)
    rest = [w for w in words[lead:] if country_of(w) is None]
    lemma = singular(rest[0].casefold()) if len(rest) == 1 else ""
    if lemma not in UNNAMED_HEADS:
        return False
    if lemma != rest[0].casefold():
        return True  # a plural: "Ministers", "West German Bankers"
    country = " ".join(words[:lead])
    # "the U.S. Group", "a Dutch Group" describe a group by its country's abbreviation or
    # adjective; a country's name written out as a word, in any spelling ("the Australia
    # Group", "Holland Group"), names a body
    name = country_name(country)
    described = name is None or demonym_country(country) is not None \
        or ("." in country or country.isupper()) and name.casefold() != country.casefold()
    return bool(country) and described and lemma not in STAND_FOR_COUNTRY


def named_only(index: EntityIndex) -> EntityIndex:
    """``index`` without the people and organisations whose label is a common noun
    (:func:`common_noun_label`), and without the tokens that denoted them."""
    gone = {e.key for e in index.entities if e.type in (EntityType.PERSON,
                                                         EntityType.ORGANIZATION)
            and common_noun_label(e.label)}
    if not gone:
        return index
    # The dropped label's tokens stay marked: a span holding one ("it" for "the U.S. Group")
    # must not take the next entity in it as its own.
    return EntityIndex(tuple(e for e in index.entities if e.key not in gone),
                       {i: k for i, k in index.token_entity.items() if k not in gone},
                       {i: kept for i, ks in index.token_entities.items()
                        if (kept := tuple(k for k in ks if k not in gone))},
                       frozenset(i for i, k in index.token_entity.items() if k in gone))
