"""Relations inside noun phrases: possession, nominalised events, locative modifiers.

"Russia's invasion of Ukraine" gives (Russia; invasion of; Ukraine); "the abbey's
properties" gives (the abbey; has; properties); "officials in Kyiv" gives (officials; are in; Kyiv).

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["Russia", "'s", "invasion", "of", "Ukraine"], heads=[2, 0, 2, 2, 3],
...         deps=["poss", "case", "ROOT", "prep", "pobj"],
...         pos=["PROPN", "PART", "NOUN", "ADP", "PROPN"])
>>> [(r.subject, r.relation, r.args) for r in nominal_extractions(d[:])]
[((0,), (2, 3), ((4,),))]
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Span, Token

from kg.extract.triples.oie.clauses import prep_object
from kg.extract.triples.oie.records import RawExtraction
from kg.extract.triples.oie.spans import phrase

__all__ = ["nominal_extractions"]

_NOMINAL = frozenset({"NOUN", "PROPN"})
#: Prepositions that locate a noun ("officials in Kyiv" -> are in).
LOCATIVE_PREPS = frozenset({"in", "at", "near", "on"})
#: Named-entity types that can own what an of-genitive names.
NAMED_OWNERS = frozenset({"ORG", "GPE", "PERSON", "FAC", "LOC", "NORP", "WORK_OF_ART"})


def _bare(noun: Token, drop: Token) -> tuple[int, ...]:
    """The noun phrase without ``drop`` (a possessor or a modifier) and without clauses."""
    return phrase(noun, drop=[drop])


def _possessive(noun: Token, owner: Token) -> list[RawExtraction]:
    doc = noun.doc
    owner_np = phrase(owner)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.text.lower() == "of"), None)
    if of is not None and prep_object(of) is not None and noun.pos_ == "NOUN":
        # A nominalised event: the possessor is the agent, the of-object the patient.
        return [
            RawExtraction(
                subject=owner_np,
                relation=(noun.i, of.i),
                args=(phrase(cast(Token, prep_object(of))),),
                construction="nominal",
                head=noun.i,
                predicate=f"{noun.lemma_.lower()} of",
            )
        ]
    thing = _bare(noun, owner)
    thing = tuple(i for i in thing if doc[i].dep_ != "det")
    if not thing or owner.pos_ not in _NOMINAL:
        return []
    return [_has(owner_np, owner.tag_ in ("NNS", "NNPS"), thing, noun)]


def _of_genitive(noun: Token, of: Token) -> RawExtraction | None:
    """ "the properties of Moutier-Grandval Abbey" -> (Moutier-Grandval Abbey; has; properties)."""
    owner = prep_object(of)
    if owner is None or owner.pos_ != "PROPN" or owner.ent_type_ not in NAMED_OWNERS:
        return None
    thing = tuple(i for i in _bare(noun, of) if noun.doc[i].dep_ != "det")
    if not thing:
        return None
    return _has(phrase(owner), owner.tag_ == "NNPS", thing, noun)


def _has(owner: tuple[int, ...], plural: bool, thing: tuple[int, ...], noun: Token
         ) -> RawExtraction:
    """(owner; has; thing), the possession a noun phrase tells ("have" after a plural owner)."""
    return RawExtraction(
        subject=owner,
        relation=("have" if plural else "has",),
        args=(thing,),
        construction="possessive",
        head=noun.i,
        predicate="have",
    )


def _locative(noun: Token, prep: Token) -> RawExtraction | None:
    obj = prep_object(prep)
    if obj is None or obj.pos_ not in _NOMINAL:
        return None
    thing = _bare(noun, prep)
    if not thing:
        return None
    be = "are" if noun.tag_ in ("NNS", "NNPS") else "is"
    return RawExtraction(
        subject=thing,
        relation=(be, prep.i),
        args=(phrase(obj),),
        construction="locative",
        head=noun.i,
        predicate=f"be {prep.text.lower()}",
    )


def nominal_extractions(sent: Span) -> list[RawExtraction]:
    """Possessive, nominal-event and locative relations of the nouns in ``sent``."""
    out: list[RawExtraction] = []
    for tok in sent:
        if tok.pos_ not in _NOMINAL:
            continue
        for c in tok.children:
            if c.dep_ == "poss":
                out.extend(_possessive(tok, c))
            elif (
                c.dep_ == "prep"
                and c.text.lower() == "of"
                and tok.pos_ == "NOUN"
                and not any(p.dep_ == "poss" for p in tok.children)
            ):
                r = _of_genitive(tok, c)
                if r is not None:
                    out.append(r)
            elif c.dep_ == "prep" and c.text.lower() in LOCATIVE_PREPS and tok.dep_ != "pobj":
                r = _locative(tok, c)
                if r is not None:
                    out.append(r)
    return out
