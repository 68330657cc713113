"""A body's or a group's members listed right after it: "the Group of Five - A, B and C -",
"the industrial nations -- A, B, C --", "the Group of Five, comprising A, B and C".

A meeting of such a body or group is a meeting of the members named, and a body named with
its members meets as they do ("the Group of Five, comprising A, B and C, will convene").

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["the", "G7", "meeting", "-", "of", "Peru", "-", "ended"],
...         heads=[2, 2, 7, 2, 1, 4, 2, 7],
...         deps=["det", "compound", "nsubj", "punct", "prep", "pobj", "punct", "ROOT"])
>>> dashed_of(d[2]).i  # the parser hung "of Peru" on "G7"; it is the meeting's
4
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract.meetings.party_view import PartiesOf
from kg.extract.walks import DASHES, spaced_dash

__all__ = ["SUBJECTS", "listed_members", "spelt_out", "dashed_of", "of_phrases",
           "meeting_of", "with_members", "acting_members"]

#: Marks that set off a list of members after the phrase it spells out: a dash or a colon.
_MARKS = DASHES | {":"}
#: Participles that introduce the members: "the Group of Five, comprising A, B and C".
_COMPRISE = frozenset({"comprise", "include", "compose", "group"})
#: Tokens a bare list of names may hold besides the names themselves.
_LIST_GLUE = frozenset({",", "and", "the", "as", "well"})
#: The subject relations of a clause.
SUBJECTS = ("nsubj", "nsubjpass")


def listed_members(parties: PartiesOf, tok: Token) -> list[str]:
    """The named members (two or more) a list right after the phrase of ``tok`` spells out,
    else []: set off by a dash ("the Group of Five (G-5) - the United States, Japan and
    France", also "- comprising ...") or given by a participle ("comprising A, B and C")."""
    keys = [k for c in tok.children if c.dep_ == "acl" and c.lemma_.casefold() in _COMPRISE
            for o in c.children if o.dep_ == "dobj" for k in parties.expand(o)]
    if len(keys) < 2:
        keys = _after_dash(parties, tok)
    own = set(parties.index.keys_of(tok))
    keys = [k for k in dict.fromkeys(keys) if k not in own]
    return keys if len(keys) >= 2 else []


def _after_dash(parties: PartiesOf, tok: Token) -> list[str]:
    """The names of a list that follows a spaced dash closing the phrase of ``tok`` and runs
    to the next dash or the sentence's end, holding nothing but names, commas and "and"."""
    doc, end = tok.doc, tok.sent.end
    inside = {t.i for t in tok.subtree}
    j = tok.i + 1
    while j < end and not spaced_dash(doc[j], _MARKS):
        t = doc[j]
        if not (j in inside or t.is_space or parties.index.keys_of(t) or t.text in ("(", ")")
                or t.text in _MARKS or t.pos_ == "PROPN" and j - tok.i <= 6):
            return []  # the name's own words and its acronym: "the Group of Five (G-5)"
        j += 1
    if j >= end:
        return []
    j += 1
    while j < end and doc[j].is_space:
        j += 1
    if j < end and doc[j].lemma_.casefold() in _COMPRISE:
        j += 1  # "- comprising A, B and C"
    keys: list[str] = []
    while j < end and doc[j].text not in _MARKS:
        t = doc[j]
        found = [parties.stand_in(k) for k in parties.index.keys_of(t) if parties.eligible(k)]
        if found:
            keys += found
        elif not (t.lower_ in _LIST_GLUE or t.is_punct and t.text not in (";", "(")
                  or t.pos_ == "PROPN" or t.is_space):  # wire copy wraps its lines
            return []  # not a bare list: "the G-5 - which met on Monday - said"
        j += 1
    return keys


def spelt_out(parties: PartiesOf, toks: list[Token]) -> tuple[list[str], set[str]]:
    """The members listed after any of ``toks`` (:func:`listed_members`), and the keys of
    the bodies or groups they spell out: those are no parties of their own meeting."""
    members: list[str] = []
    spelt: set[str] = set()
    doc = toks[0].doc if toks else None
    for t in toks:
        found = listed_members(parties, t)
        if found and doc is not None:
            members += [k for k in found if k not in members]
            # the phrase up to the first member: "ministers of the Group of Five - A, ..."
            first = next((j for j in range(t.i, t.sent.end)
                          if set(parties.index.keys_of(doc[j])) & set(found)), t.i)
            spelt |= {k for x in doc[t.left_edge.i : max(first, t.i + 1)]
                      for k in parties.index.keys_of(x)}
    return members, spelt - set(members)


def dashed_of(noun: Token) -> Token | None:
    """The "of" of a dashed phrase right after a meeting noun, wherever the parser hung it:
    "Monday's Group of Seven meeting - of A, B and C -" lists the members meeting."""
    after = [t for t in noun.doc[noun.i + 1 : noun.i + 5] if not t.is_space][:2]
    if len(after) == 2 and spaced_dash(after[0], _MARKS) \
            and after[1].text.lower() == "of" and after[1].dep_ == "prep":
        return after[1]
    return None


def of_phrases(noun: Token) -> list[Token]:
    """The "of" phrases of a meeting noun, with its dashed one (:func:`dashed_of`)."""
    out = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    dashed = dashed_of(noun)
    return out + [dashed] if dashed is not None and dashed not in out else out


def meeting_of(parties: PartiesOf, noun: Token) -> tuple[list[Token], list[str], set[str]]:
    """A meeting noun's "of" phrases, the parties they name, and the bodies spelt out by a
    member list: "a meeting of the nations -- A, B and C", "of ministers from the Group of
    Five - A, B ..." give the members, not the body or group (:func:`spelt_out`)."""
    preps = of_phrases(noun)
    objs = [g for c in preps for g in c.children if g.dep_ == "pobj"]
    members, spelt = spelt_out(parties, objs + parties.prep_object_tokens(noun, ("from",)))
    named = [k for g in objs for k in parties.expand(g)] + members
    return preps, [k for k in dict.fromkeys(named) if k not in spelt], spelt


def with_members(parties: PartiesOf, subj: list[str], toks: list[Token]) -> list[str]:
    """Subject parties with the members a subject's list names in place of the body they
    spell out: "the Group of Five, comprising A, B and C, will convene": A, B and C meet."""
    members, spelt = spelt_out(parties, toks)
    return [k for k in dict.fromkeys(subj + members) if k not in spelt]


def acting_members(parties: PartiesOf, verb: Token) -> tuple[list[str], set[str]]:
    """Who acts in the clause of ``verb`` as several named parties, with the bodies they spell
    out: the members a subject lists ("the Group of Five - A, B and C - issued a statement"),
    and for a participle on a noun the noun's "by" phrase ("a statement by the Group of Five
    - A, B and C - issued after ...", "the text of a statement by A and B released after")."""
    toks = [c for c in verb.children if c.dep_ in SUBJECTS]
    authors: list[Token] = []
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN":
        nouns = [verb.head, *parties.prep_object_tokens(verb.head, ("of",))]
        authors = [g for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj"]
    members, spelt = spelt_out(parties, toks + authors)
    named = [k for t in authors for k in parties.expand(t)]
    return [k for k in dict.fromkeys(named + members) if k not in spelt], spelt
