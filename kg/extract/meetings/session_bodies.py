"""Which named body a session word is of: "the OPEC conference", "EC ministers met", "a
meeting of the Group of Seven", and when a meeting noun may be a body's session at all (not a
press conference, not a company's annual or board meeting).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.gazetteer import is_company_name
from kg.extract.index import EntityIndex
from kg.extract.meeting_words import HOLD_SESSION
from kg.extract.meetings.gatherings import told_whom
from kg.extract.meetings.meeting_candidates import excluded
from kg.extract.meetings.parties import Parties
from kg.extract.meetings.trigger_syntax import governor
from kg.model import EntityType

__all__ = ["SESSION_NOUNS", "SESSION_VERBS", "body_orgs", "session_body", "delegated_to",
           "is_session"]

#: Nouns of a body's session ("a meeting of the council", "the OPEC conference").
SESSION_NOUNS = frozenset({"meeting", "conference", "session", "summit", "talks", "talk",
                           "gathering"})
#: A session's modifiers that make it something else: a press conference, a company's own.
_NOT_SESSION = frozenset({"press", "news", "annual", "board", "shareholders", "stockholders",
                          "cabinet", "budget"})
#: Verbs whose plural subject meets as a body ("EC ministers met", "OPEC ministers gathered").
SESSION_VERBS = frozenset({"meet", "gather", "convene", "confer"})
#: Verbs of a session when their subject is a body's people ("EC ministers discussed X").
_DELIBERATE = frozenset({"discuss", "debate", "review"})


def body_orgs(tok: Token, p: Parties, index: EntityIndex) -> list[str]:
    """Organisations the phrase of ``tok`` names as its head, modifier or "of" phrase
    ("OPEC", "EC ministers", "ministers of the Group of Seven", "the council of X")."""
    toks = [tok] + [c for c in tok.children if c.dep_ in ("compound", "nmod", "amod", "poss")]
    toks += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
             for g in c.children if g.dep_ == "pobj"]
    out: list[str] = []
    for t in toks:
        if told_whom(t):
            continue  # "traders told Reuters producers will meet": not the producers' body
        for k in p.of_token(t):
            e = index.get(k)
            if e is not None and e.type is EntityType.ORGANIZATION and k not in out:
                out.append(k)
    return out


def session_body(trig: Token, p: Parties, index: EntityIndex) -> str | None:
    """The one body whose session ``trig`` names, if it names exactly one and no other party."""
    lemma = trig.lemma_.casefold()
    if trig.pos_ == "VERB" and lemma in SESSION_VERBS | _DELIBERATE:
        subj = [c for c in trig.children if c.dep_ == "nsubj"]
        if len(subj) != 1 or (lemma in SESSION_VERBS
                              and any(c.dep_ == "dobj" for c in trig.children)):
            return None
        if lemma in _DELIBERATE and not (subj[0].pos_ == "NOUN" and subj[0].tag_ == "NNS"):
            return None  # "EC ministers discussed X" is a session; "OPEC discussed X" a report
        if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in trig.children):
            return None  # "met with X": the rules' meeting, not a session
        phrase = subj[0]
    elif trig.pos_ in ("NOUN", "PROPN") and lemma in SESSION_NOUNS:
        if not is_session(trig) or index.keys_of(trig):
            return None  # a conference that is itself a named body is no body's session
        own = body_orgs(trig, p, index)
        if own:
            single = len(own) == 1 and not _names_other(trig, p, own[0])
            return _public_body(own[0], index) if single else None
        gov, via = governor(trig)
        if gov is None or not (via == "dobj" and gov.lemma_.casefold() in HOLD_SESSION
                               or via in ("at", "during")):
            return None  # "ministers opened a meeting", "ministers agreed at a meeting"
        subj = [c for c in gov.children if c.dep_ == "nsubj"]
        if len(subj) != 1:
            return None
        phrase = subj[0]
    else:
        return None
    bodies = body_orgs(phrase, p, index)
    if len(bodies) != 1 or any(k != bodies[0] for t in phrase.subtree for k in index.keys_of(t)):
        return None  # a list of named parties: the rules' joint meeting, not a session
    return _public_body(bodies[0], index)


def delegated_to(noun: Token, p: Parties, index: EntityIndex) -> str | None:
    """The one body whose session ``noun`` is, named in it, if a delegation may be sent to it
    ("the bank's annual meeting": a named body's annual meeting is a session unless a
    company's)."""
    own = body_orgs(noun, p, index)
    if noun.lemma_.casefold() not in SESSION_NOUNS or len(own) != 1 \
            or not is_session(noun, annual=True) or excluded(noun):
        return None
    return _public_body(own[0], index)


def _public_body(key: str, index: EntityIndex) -> str | None:
    """``key`` unless it is a company: a company's meeting is its own (board, shareholders),
    and its officers at it meet nobody else."""
    e = index.get(key)
    return None if e is None or is_company_name(e.label) else key


def is_session(noun: Token, annual: bool = False) -> bool:
    """Whether a meeting noun may be a body's session (not a press conference, not a
    company's annual or board meeting); ``annual`` where the noun's named body is known
    not to be a company's (:func:`_public_body`): "the bank's annual meeting"."""
    return not any(c.lower_ in _NOT_SESSION - ({"annual"} if annual else set())
                   for c in noun.children if c.dep_ in ("amod", "compound", "nmod"))


def _names_other(trig: Token, p: Parties, body: str) -> bool:
    """Whether the meeting noun names another party ("a meeting of OPEC with Mexico")."""
    return any(k != body for c in trig.children if c.dep_ == "prep"
               and c.lower_ in ("with", "between") for g in c.children for k in p.expand(g))
