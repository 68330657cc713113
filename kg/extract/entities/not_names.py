"""NER spans that name no one: a sum of money written with the wire's abbreviations.

Wire copy abbreviates money ("12 mln U.S. Dlrs", "five cts a share"), and spaCy's small model
often tags such a sum as a person or an organisation: the entity then takes the pronouns of
the story's people and turns up in its graph. A span holding a money abbreviation not written
in capitals ("CTS Corp" is a company) names no one.

>>> from spacy.lang.en import English
>>> doc = English()("Shr 12 cts vs 10 mln U.S. Dlrs, said CTS Corp.")
>>> [no_name(Span(doc, i, j, label="ORG")) for i, j in ((2, 3), (6, 8), (10, 12))]
[True, True, False]
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["no_name"]

#: Wire abbreviations of sums and shares ("dlrs", "stg", "cts", "pct", "mln").
MONEY_WORDS = frozenset({"dlrs", "dlr", "stg", "cts", "pct", "mln", "bln"})
#: The span labels that stand for names (dates, sums and ordinals are read elsewhere).
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP", "EVENT",
                          "WORK_OF_ART", "LAW"})


def no_name(ent: Span) -> bool:
    """Whether NER span ``ent`` is a sum of money, not a name: it holds a money abbreviation
    not written in capitals ("U.S. Dlrs", "cts")."""
    return ent.label_ in _NAME_LABELS and any(
        t.lower_ in MONEY_WORDS and not t.is_upper for t in ent)
