"""The intermediate record of the Open IE rules: token-indexed slots of one extraction.

>>> r = RawExtraction(subject=(0,), relation=(1, "to"), args=((2,),), construction="verb", head=1)
>>> r.key
((0,), (1, 'to'), ((2,),))
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

__all__ = ["RawExtraction", "phrase_text", "relation_text", "SOURCE_WORDS"]


@dataclass(frozen=True, slots=True)
class RawExtraction:
    """One extraction as doc token indices, before it becomes a :class:`kg.model.Triple`.

    ``relation`` mixes token indices with literal words that the construction adds
    ("is", "of", "has"); ``args`` are the arguments after the subject (arg2, arg3, ...).
    """

    subject: tuple[int, ...]
    relation: tuple[int | str, ...]
    args: tuple[tuple[int, ...], ...]
    construction: str
    head: int
    predicate: str = ""
    negated: bool = False
    modality: str | None = None
    attribution: tuple[int, ...] | None = None
    inherited_subject: bool = False
    split: bool = False  # one of several extractions made by splitting a conjunction
    siblings: int = 0  # extractions from the same sentence, this one included
    confidence: float = 0.0

    @property
    def key(self) -> tuple:
        """What makes two extractions the same extraction."""
        return (self.subject, self.relation, self.args)


#: ``Doc.user_data`` key of the input's own words, when the parser saw normalised ones.
SOURCE_WORDS = "kg_source_words"


def _word(doc: Doc, i: int) -> str:
    words = doc.user_data.get(SOURCE_WORDS)
    return words[i] if words else doc[i].text


def phrase_text(doc: Doc, tokens: tuple[int, ...]) -> str:
    """The words of ``tokens`` in sentence order, space-joined (CaRB compares tokens)."""
    return " ".join(_word(doc, i) for i in sorted(tokens))


def relation_text(doc: Doc, relation: tuple[int | str, ...]) -> str:
    """The relation phrase: token words and literal words in the order given."""
    return " ".join(_word(doc, p) if isinstance(p, int) else p for p in relation)
