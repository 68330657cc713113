"""Verbal and copular clauses: active, passive (also read with the agent as subject), copula.

Every verb (or clause-heading *be*) with a findable subject gives one n-ary extraction:
subject; auxiliaries + negation + verb (+ particle, + infinitival chain, + the first
preposition when there is no object); then the object or complement and the
prepositional and noun-phrase adjuncts as further arguments.

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["Ann", "lives", "in", "Rome"], heads=[1, 1, 1, 2],
...         deps=["nsubj", "ROOT", "prep", "pobj"], pos=["PROPN", "VERB", "ADP", "PROPN"])
>>> [(r.subject, r.relation, r.args) for r in verbal_extractions(d[:])]
[((0,), (1, 2), ((3,),))]
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from spacy.tokens import Span, Token

from kg.extract.triples.oie.clauses import (
    be_form,
    chain,
    is_copula,
    is_predicate,
    modality,
    negated,
    own_subject,
    prep_object,
    relation_left,
    subject_of,
)
from kg.extract.triples.oie.patterns import (
    ADJUNCT_ARG_DEPS,
    ATTRIBUTION_VERBS,
    OBJECT_DEPS,
    PREP_DEPS,
    RELATIVIZERS,
)
from kg.extract.triples.oie.records import RawExtraction
from kg.extract.triples.oie.spans import phrase

__all__ = ["verbal_extractions", "clause_args"]

_COMPLEMENTS = ("acomp", "oprd", "attr")
#: Entity types of prepositional objects that are adjuncts, not the relation's argument.
_ADJUNCT_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "QUANTITY"})


def _objects(v: Token) -> list[Token]:
    """The object-like children of ``v``, in sentence order; relative pronouns excluded."""
    objs = [c for c in v.children if c.dep_ in OBJECT_DEPS or c.dep_ in _COMPLEMENTS]
    return [o for o in objs if o.text.lower() not in RELATIVIZERS and not _is_prep(o)]


def _is_prep(tok: Token) -> bool:
    """A prepositional dependent: ``prep``/``agent``, or a "to" phrase labelled ``dative``."""
    if tok.dep_ in PREP_DEPS or (tok.dep_ == "dative" and tok.pos_ == "ADP"):
        return prep_object(tok) is not None
    return False


def clause_args(
    v: Token, with_objects: bool = True
) -> tuple[list[tuple[int, ...]], list[Token], list[Token]]:
    """``v``'s arguments: object phrases, and the prepositions and adjuncts still to place."""
    args: list[tuple[int, ...]] = []
    if with_objects:
        for o in _objects(v):
            args.append(phrase(o))
        for c in v.children:
            if c.dep_ == "xcomp" and (c.pos_ == "ADJ" or any(o.dep_ == "dobj" for o in v.children)):
                args.append(phrase(c))
            elif c.dep_ == "ccomp":
                args.append(phrase(c))
    preps = [c for c in v.children if _is_prep(c)]
    adjuncts = [c for c in v.children if c.dep_ in ADJUNCT_ARG_DEPS]
    return args, preps, adjuncts


def _relation_prep(preps: list[Token], last: Token) -> Token:
    """The preposition that joins the relation ("taught at"): the first after the verb
    whose object is not a date or time, which read as adjuncts ("in 1990")."""
    after = [p for p in preps if p.i > last.i] or preps
    for p in after:
        obj = prep_object(p)
        if obj is not None and obj.ent_type_ not in _ADJUNCT_ENTS:
            return p
    return after[0]


def _ccomp_mark(v: Token) -> Token | None:
    """The "that" of a reported clause ("indicated that ..."), which CaRB keeps in the relation."""
    for c in v.children:
        if c.dep_ == "ccomp":
            return next((m for m in c.children if m.dep_ == "mark" and m.i < c.i), None)
    return None


def _adjectival_predicate(v: Token) -> tuple[Token, list[int], list[tuple[int, ...]]] | None:
    """For "be ADJ to VERB ..." or "be ADJ PREP X": the adjective, the linking words, the args."""
    if not is_copula(v):
        return None
    acomp = next((c for c in v.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    if acomp is None:
        return None
    for c in acomp.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            link = [t.i for t in relation_left(c)] + [c.i]
            link += [p.i for p in c.children if p.dep_ == "prt"]
            a, p, j = clause_args(c)
            return acomp, link, a + [phrase(x) for x in p + j]
        if _is_prep(c) and c.i > acomp.i:
            return acomp, [c.i], [phrase(cast(Token, prep_object(c)))]
    return None


def _shared_object(v: Token) -> Token | None:
    """ "attacked and captured the town": the first verb shares the second one's object."""
    conj = next((c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if conj is None or own_subject(conj) is not None:
        return None
    return next((c for c in conj.children if c.dep_ == "dobj" and c.i > conj.i), None)


def _relativized_object(v: Token) -> Token | None:
    """In "the deal that he signed", the antecedent ("the deal") is the object."""
    if v.dep_ != "relcl":
        return None
    for c in v.children:
        if c.dep_ in ("dobj", "pobj") and c.text.lower() in RELATIVIZERS:
            return v.head
    # A zero relative ("demands Kyiv has rejected"): a subject, no relative word, no object.
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
    has_wh = any(c.text.lower() in RELATIVIZERS or c.tag_.startswith("W") for c in v.subtree)
    has_object = any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in v.children)
    if has_subject and not has_wh and not has_object and v.head.pos_ in ("NOUN", "PROPN"):
        return v.head
    return None


def _extraction(v: Token, subj: Token, inherited: bool) -> list[RawExtraction]:
    verbs = chain(v)
    last = verbs[-1]
    left = relation_left(v)
    rel: list[int | str] = [t.i for t in left]
    if v.dep_ == "acl" and v.tag_ == "VBN" and not left:
        # "a proposal shaped during talks": the reduced relative is a passive.
        rel.append(be_form(v.head, v))
    words = list(left)
    for k, verb in enumerate(verbs):
        if k > 0:
            rel.extend(t.i for t in relation_left(verb))
        rel.append(verb.i)
        rel.extend(c.i for c in verb.children if c.dep_ == "prt")
    args: list[tuple[int, ...]] = []
    preps: list[Token] = []
    adjuncts: list[Token] = []
    for k, verb in enumerate(verbs):
        a, p, j = clause_args(verb, with_objects=(k == len(verbs) - 1))
        args.extend(a)
        preps.extend(p)
        adjuncts.extend(j)
    rel_obj = _relativized_object(last)
    if rel_obj is not None:
        args.insert(0, phrase(rel_obj, drop=[v]))
    predicate = [last.lemma_.lower(), *(c.text.lower() for c in last.children if c.dep_ == "prt")]
    preps.sort(key=lambda t: t.i)
    adj = _adjectival_predicate(last)
    if adj is not None:
        # "were able to reinforce the hotel", "are equal to X": the adjective is relational.
        acomp, link, more = adj
        args = [a for a in args if acomp.i not in a]
        rel.extend([acomp.i, *link])
        predicate = [acomp.lemma_.lower(), *(v.doc[i].text.lower() for i in link)]
        args = more + args
    if not args and not preps:
        shared = _shared_object(last)
        if shared is not None:
            args.append(phrase(shared))
    if not args and preps:
        first = _relation_prep(preps, last)
        preps.remove(first)
        rel.append(first.i)
        predicate.append(first.text.lower())
        obj = prep_object(first)
        args.append(phrase(cast(Token, obj)))
    mark = _ccomp_mark(last)
    if mark is not None and args:
        rel.append(mark.i)
    args.extend(phrase(p) for p in preps)
    args.extend(phrase(j) for j in adjuncts)
    args = [a for a in args if a]
    construction = _construction(v, last, subj, inherited)
    all_words = words + [t for verb in verbs[1:] for t in relation_left(verb)]
    # An antecedent's phrase must not swallow the clause that modifies it.
    subject = phrase(subj, drop=[v] if subj.is_ancestor(v) else [])
    base = RawExtraction(
        subject=subject,
        relation=tuple(rel),
        args=tuple(args),
        construction=construction,
        head=last.i,
        predicate=" ".join(predicate),
        negated=negated(all_words),
        modality=modality(all_words) or (verbs[0].lemma_.lower() if len(verbs) > 1 else None),
        inherited_subject=inherited,
    )
    out = [_named_first(v, subj, base)]
    of_reading = _relational_noun(v, base)
    if of_reading is not None:
        out = [of_reading]
    agent = next((c for c in v.children if c.dep_ == "agent"), None)
    if construction == "passive" and agent is not None and prep_object(agent) is not None:
        out.append(_active_reading(v, base, agent))
    return out


def _named_first(v: Token, subj: Token, base: RawExtraction) -> RawExtraction:
    """ "The champions were Kilmacud Crokes" -> (Kilmacud Crokes; were; The champions):
    a copula equating a description with a name is about the named thing."""
    attr = next((c for c in v.children if c.dep_ == "attr"), None)
    if (
        base.construction != "copula"
        or attr is None
        or attr.pos_ != "PROPN"
        or subj.pos_ != "NOUN"
        or not base.args
        or attr.i not in base.args[0]
    ):
        return base
    return replace(base, subject=base.args[0], args=(base.subject, *base.args[1:]))


def _relational_noun(v: Token, base: RawExtraction) -> RawExtraction | None:
    """ "X is the father of Y" also read as (X; is the father of; Y)."""
    if base.construction != "copula" or not base.args:
        return None
    attr = next((c for c in v.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if attr is None or attr.i not in base.args[0]:
        return None
    of = next((c for c in attr.children if c.dep_ == "prep" and c.text.lower() == "of"), None)
    if of is None or prep_object(of) is None:
        return None
    noun = phrase(attr, drop=[of])
    if not noun or max(noun) > of.i:
        return None
    return replace(
        base,
        relation=(*base.relation, *noun, of.i),
        args=(phrase(cast(Token, prep_object(of))), *base.args[1:]),
        construction="copula_of",
        predicate=f"{attr.lemma_.lower()} of",
    )


def _active_reading(v: Token, base: RawExtraction, agent: Token) -> RawExtraction:
    """ "X was founded by Y" read as (Y; founded; X)."""
    keep = [i for i in base.relation if isinstance(i, int) and v.doc[i].dep_ not in ("auxpass",)]
    keep = [i for i in keep if i != agent.i]
    agent_np = phrase(cast(Token, prep_object(agent)))
    rest = tuple(a for a in base.args if agent.i not in a and set(a) != set(agent_np))
    return RawExtraction(
        subject=agent_np,
        relation=tuple(keep),
        args=(base.subject, *rest),
        construction="passive_active",
        head=base.head,
        predicate=base.predicate.removesuffix(" by"),
        negated=base.negated,
        modality=base.modality,
        inherited_subject=base.inherited_subject,
    )


def _construction(v: Token, last: Token, subj: Token, inherited: bool) -> str:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
        return "passive"
    if is_copula(v):
        return "copula"
    if v.lemma_ in ATTRIBUTION_VERBS and any(c.dep_ == "ccomp" for c in v.children):
        return "attribution"
    if v.dep_ == "relcl":
        return "relative"
    if v.dep_ == "acl":
        return "participle"
    if last is not v:
        return "xcomp"
    if v.dep_ == "conj":
        return "conj_verb"
    if v.dep_ == "advcl":
        return "adverbial"
    return "verb"


def verbal_extractions(sent: Span) -> list[RawExtraction]:
    """One extraction (two for a passive with an agent) per predicate of ``sent``."""
    consumed: set[int] = set()
    out: list[RawExtraction] = []
    for tok in sent:
        if not is_predicate(tok) or tok.i in consumed:
            continue
        verbs = chain(tok)
        consumed.update(t.i for t in verbs[1:])
        subj, inherited = subject_of(tok)
        if subj is None:
            continue
        for r in _extraction(tok, subj, inherited):
            if r.subject and (r.args or r.construction != "copula"):
                out.append(r)
    return out
