"""Labels that name no one: a common noun the wire capitalised ("Ministers", "the U.S. Group").

Kept apart from :mod:`kg.extract.meetings.party_words`, a leaf of word lists, because it
reads country names and plurals.
"""

from __future__ import annotations

from kg.extract.entities.nationals import singular
from kg.extract.gazetteer import country_of
from kg.extract.meetings.party_words import NAMED_GROUPS, STAND_FOR_COUNTRY, UNNAMED_HEADS

__all__ = ["common_noun_label"]


def common_noun_label(label: str) -> bool:
    """Whether a person's or organisation's label is a common noun, no name: a bare plural
    ("Ministers") or one noun after a country ("the U.S. Group"); a country's government or
    delegation ("the Chinese Government") names its side.

    >>> [common_noun_label(x) for x in ("Ministers", "U.S. Group", "Chinese Government", "Acme",
    ...                            "New Zealand Firm", "West German Bankers")]
    [True, True, False, False, True, True]
    """
    words = [w for w in label.split() if w.casefold() not in ("the", "a", "an")]
    # the country may take several words ("South Korean Firm"): the longest that names one
    lead = next((k for k in range(len(words) - 1, 0, -1)
                 if country_of(" ".join(words[:k])) is not None), 0)
    rest = [w for w in words[lead:] if country_of(w) is None]
    lemma = singular(rest[0].casefold()) if len(rest) == 1 else ""
    if lemma not in UNNAMED_HEADS:
        return False
    return lemma != rest[0].casefold() or len(rest) < len(words) and lemma not in (
        NAMED_GROUPS | STAND_FOR_COUNTRY)
