"""Clause analysis shared by the rules: a predicate's subject, relation words and arguments.

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["Ann", "did", "not", "sleep"], heads=[3, 3, 3, 3],
...         deps=["nsubj", "aux", "neg", "ROOT"], pos=["PROPN", "AUX", "PART", "VERB"])
>>> subject_of(d[3])
(Ann, False)
>>> [t.text for t in relation_left(d[3])]
['did', 'not']
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.triples.oie.patterns import (
    MODALS,
    NEGATIONS,
    RELATION_LEFT_DEPS,
    RELATIVIZERS,
    SUBJECT_DEPS,
)

__all__ = [
    "PREDICATE_POS",
    "is_predicate",
    "is_copula",
    "own_subject",
    "subject_of",
    "relation_left",
    "negated",
    "modality",
    "chain",
    "prep_object",
    "be_form",
]

PREDICATE_POS = frozenset({"VERB", "AUX"})
# Clauses whose missing subject is the governing clause's subject ("came and saw",
# "is expected to meet", "arrived, hoping to ...").
_CONTROL_DEPS = frozenset({"conj", "xcomp", "advcl"})
#: Modifiers that make a noun the doer of its infinitival relative ("the first to land").
_AGENTIVE_MODIFIERS = frozenset({"first", "last", "only", "next"})
# Clauses whose missing subject is the noun they modify.
_NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})


def is_copula(tok: Token) -> bool:
    """A form of *be* that heads its clause (not an auxiliary)."""
    return tok.lemma_ == "be" and tok.dep_ not in ("aux", "auxpass")


def is_predicate(tok: Token) -> bool:
    """A verb, or a clause-heading *be*, that can head an extraction."""
    if tok.pos_ == "VERB":
        return tok.dep_ not in ("amod", "aux", "auxpass", "compound")
    return tok.pos_ == "AUX" and is_copula(tok)


def own_subject(v: Token) -> Token | None:
    """The subject dependent of ``v`` itself, if any."""
    for c in v.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
    return None


def subject_of(v: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The token heading ``v``'s subject, and whether it was inherited from elsewhere.

    A relative pronoun is replaced by its antecedent; a clause without a subject takes
    its governor's (coordination, control, participles) or the noun it modifies.
    """
    if depth > 6:
        return None, False
    if v.dep_ == "relcl" and v.head.dep_ == "attr" and is_copula(v.head.head):
        # "X is a footballer who plays ...": the one who plays is X.
        s = own_subject(v)
        if s is None or s.text.lower() in RELATIVIZERS:
            outer, _ = subject_of(v.head.head, depth + 1)
            if outer is not None:
                return outer, True
    s = own_subject(v)
    if s is not None:
        if s.dep_ == "expl":
            return None, False
        if s.text.lower() in RELATIVIZERS:
            if v.dep_ in _NOUN_CLAUSE_DEPS and v.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                return v.head, True
            return None, False
        return s, False
    if v.dep_ in _NOUN_CLAUSE_DEPS and v.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        if _infinitival(v) and not any(
            c.text.lower() in _AGENTIVE_MODIFIERS or c.ent_type_ == "ORDINAL"
            for c in v.head.children
        ):
            # "a plot to kill X", "an initiative to foster Y": the noun is the purpose, not
            # the doer (but "the first station to broadcast" is the doer).
            return None, False
        return v.head, True
    if v.dep_ == "conj" and v.head.pos_ not in PREDICATE_POS:
        # Misattached to the object of the first verb: climb to that verb.
        gov = next((a for a in v.head.ancestors if a.pos_ in PREDICATE_POS), None)
        if gov is not None:
            s, _ = subject_of(gov, depth + 1)
            return s, s is not None
    if v.dep_ in _CONTROL_DEPS and v.head.pos_ in PREDICATE_POS and v.head.i != v.i:
        if v.dep_ == "advcl" and v.tag_ not in ("VBG", "VBN") and not _infinitival(v):
            return None, False
        if v.dep_ == "xcomp":
            # Object control: "urged Ukraine to accept" -- Ukraine is the one to accept.
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
            if obj is not None and obj.text.lower() not in RELATIVIZERS:
                return obj, True
        s, _ = subject_of(v.head, depth + 1)
        return s, s is not None
    if v.dep_ == "pcomp" and v.tag_ in ("VBG", "VBN") and v.head.head.pos_ in PREDICATE_POS:
        # "He stayed a year before being appointed ...": the gerund's subject is the clause's.
        s, _ = subject_of(v.head.head, depth + 1)
        return s, s is not None
    return None, False


def _infinitival(v: Token) -> bool:
    """A "to"-infinitive ("... to help him")."""
    return v.tag_ == "VB" and any(c.dep_ == "aux" and c.text.lower() == "to" for c in v.children)


def relation_left(v: Token) -> list[Token]:
    """Auxiliaries, negation and single-word adverbs between the subject and ``v``."""
    subj = own_subject(v)
    lo = subj.i if subj is not None and subj.i < v.i else -1
    out = []
    for c in v.children:
        if c.i >= v.i or c.i <= lo:
            continue
        if c.dep_ in RELATION_LEFT_DEPS:
            out.append(c)
        elif c.dep_ == "advmod" and c.n_lefts + c.n_rights == 0 and c.pos_ == "ADV":
            doc = c.doc
            # A parenthetical ", though ," comments on the clause; it is not part of the relation.
            if not any(0 <= k < len(doc) and doc[k].is_punct for k in (c.i - 1, c.i + 1)):
                out.append(c)
    return sorted(out, key=lambda t: t.i)


def negated(tokens: list[Token]) -> bool:
    """Whether any relation word negates it."""
    return any(t.dep_ == "neg" or t.text.lower() in NEGATIONS for t in tokens)


def modality(tokens: list[Token]) -> str | None:
    """The first modal auxiliary among the relation words."""
    for t in tokens:
        if t.text.lower() in MODALS:
            return t.text.lower()
    return None


def chain(v: Token) -> list[Token]:
    """``v`` and the infinitival complements it governs ("expected to meet", "want to try to go").

    The chain stops at a verb that has its own direct object, whose complement is then an
    argument, not part of the relation.
    """
    out = [v]
    cur = v
    while True:
        if any(c.dep_ in ("dobj", "dative") for c in cur.children):
            return out
        nxt = [c for c in cur.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        if not nxt or own_subject(nxt[0]) is not None:
            return out
        cur = nxt[0]
        out.append(cur)


def prep_object(prep: Token) -> Token | None:
    """The object of a preposition (a noun or a clause), if it has one."""
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            return c
    return None


def _past(sent_root: Token) -> bool:
    """Whether the clause headed by ``sent_root`` is in the past tense."""
    if sent_root.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in sent_root.children)


def be_form(noun: Token, anchor: Token) -> str:
    """The form of *be* a passive participle on ``noun`` would take: number from the noun,
    tense from the clause that ``anchor`` (the participle) sits in.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> d = Doc(Vocab(), words=["tanks", "built", "rolled"], heads=[2, 0, 2],
    ...         deps=["nsubj", "acl", "ROOT"], tags=["NNS", "VBN", "VBD"])
    >>> be_form(d[0], d[1])
    'were'
    """
    root = anchor
    while root.head.i != root.i and root.dep_ not in ("ROOT", "ccomp", "advcl", "conj"):
        root = root.head
    if root.head.i != root.i and root.dep_ == "conj":
        root = root.head
    plural = noun.tag_ in ("NNS", "NNPS")
    if _past(root):
        return "were" if plural else "was"
    return "are" if plural else "is"
