"""Small walks over a dependency parse that several extraction stages share.

A leaf module (spaCy only), so any stage may use it without an import cycle.

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["Ann", ",", "Bo", "and", "Cy", "met"], heads=[5, 0, 0, 2, 2, 5],
...         deps=["nsubj", "punct", "conj", "cc", "conj", "ROOT"])
>>> first_conjunct(d[4]).text, first_conjunct(d[0]).text
('Ann', 'Ann')
>>> from spacy.lang.en import English
>>> [t.text for t in English()("the G-5 - Ann") if spaced_dash(t)]
['-']
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

__all__ = ["DASHES", "clause_verb", "conjuncts", "deal_partners", "first_conjunct", "list_items",
           "objects_of", "of_listed", "opens_clause", "spaced_dash", "stranded_subject"]

#: How a wire writes a dash: a hyphen or two, or a typeset en or em dash.
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def spaced_dash(tok: Token, marks: frozenset[str] = DASHES) -> bool:
    """Whether ``tok`` is one of ``marks`` standing apart from the word before it, a dash
    between two phrases ("the Group of Five - A, B"), not a hyphen inside a word ("G-5")."""
    if tok.i == 0 or tok.text not in marks:
        return False
    before = tok.doc[tok.i - 1]
    return bool(before.whitespace_) or before.is_space


def first_conjunct(tok: Token) -> Token:
    """The first item of the coordination ``tok`` is in ("Bo" in "Ann, Bo and Cy" gives
    "Ann"), whose dependency says what the whole list is; ``tok`` itself if it is none."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def list_items(tokens: Iterable[Token]) -> set[int]:
    """The token of every item of the lists ``tokens`` head: each, its conjuncts, and a name
    a mis-parsed list hangs on it as an apposition or an nmod, with their conjuncts ("Ann,
    Bo and Cy" read as Ann with Bo apposed and Cy coordinated with Bo), or inside its "of"
    phrase (``of_listed``), two levels down. An apposed common noun describes an item ("Bo,
    his counterpart in Oslo") and is none.

    >>> from spacy.tokens import Doc
    >>> from spacy.vocab import Vocab
    >>> d = Doc(Vocab(), words=["met", "Ann", ",", "Bo", "and", "Cy"], heads=[0, 0, 1, 1, 3, 3],
    ...         deps=["ROOT", "dobj", "punct", "appos", "cc", "conj"],
    ...         pos=["VERB", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN"])
    >>> sorted(list_items([d[1]]))
    [1, 3, 5]
    >>> d = Doc(Vocab(), words=["met", "Ann", ",", "his", "aide"], heads=[0, 0, 1, 4, 1],
    ...         deps=["ROOT", "dobj", "punct", "poss", "appos"],
    ...         pos=["VERB", "PROPN", "PUNCT", "PRON", "NOUN"])
    >>> sorted(list_items([d[1]]))
    [1]
    """
    level = list(tokens)
    out = {t.i for t in level}
    for _ in range(2):
        level = [u for t in level for c in t.children
                 if c.dep_ in ("appos", "nmod") and c.pos_ == "PROPN"
                 for u in (c, *conjuncts(c))] + [u for t in level for u in conjuncts(t)] \
            + [u for t in level for u in of_listed(t)]  # "A of Valoria and B": B
        level = [t for t in level if t.i not in out]
        out |= {t.i for t in level}
    return out


def of_listed(tok: Token) -> list[Token]:
    """Names of a list the parser hung inside ``tok``'s "of" phrase: "met Ann of Valoria and
    Bo" makes Bo a conjunct of Valoria, "Ann of Valoria, Bo of Norland and Cy" an apposition
    to it, "Ann of the Bank of Valoria and Bo" a conjunct anywhere down the chain of "of"
    phrases, "Minister Ann of Valoria and Minister Bo" a second object of "of". Objects that
    are people ("the wife of Bo and Cy") keep their conjuncts: those are of the same phrase.

    >>> from spacy.lang.en import English
    >>> from spacy.tokens import Doc
    >>> d = Doc(English().vocab, words=["met", "Ann", "of", "Valoria", "and", "Bo"],
    ...         heads=[0, 0, 1, 2, 3, 3], deps=["ROOT", "dobj", "prep", "pobj", "cc", "conj"],
    ...         pos=["VERB", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN"])
    >>> [t.text for t in of_listed(d[1])]
    ['Bo']
    """
    out: list[Token] = []
    level = [tok]
    for _ in range(3):
        objs = [[o for o in c.children if o.dep_ == "pobj"] for t in level
                for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
        level = [o[0] for o in objs if o and o[0].ent_type_ != "PERSON"]
        items = [u for o in level for c in o.children if c.dep_ in ("conj", "appos")
                 for u in (c, *c.conjuncts) if u.i != o.i]
        out += [u for u in items + [u for o in objs for u in o[1:]]
                if u.pos_ == "PROPN" and u not in out and not opens_clause(u)]
    return out


def objects_of(prep: Token) -> list[Token]:
    """The objects of ``prep``, and its typo repeat ("with with X"); when the parser left
    it with none, the noun phrase right after it that it hung elsewhere ("met with
    officials of the countries visited", officials read as the subject of "visited")."""
    kids = [g for g in prep.children if g.dep_ == "pobj"
            or g.dep_ == "prep" and g.lower_ == prep.lower_]
    if kids or prep.dep_ != "prep" or prep.i + 1 >= len(prep.doc) \
            or any(g.dep_ != "advmod" for g in prep.children):
        return kids
    start = prep.doc[prep.i + 1]
    top = None
    for t in (start, *start.ancestors):
        if t.left_edge.i != start.i or t.i <= prep.i:
            break
        if t.pos_ in ("NOUN", "PROPN"):
            top = t
    return [top] if top is not None else []


def deal_partners(noun: Token, deals: frozenset[str]) -> list[Token]:
    """The other company of a deal a meeting noun is about, when the noun has no "with"
    phrase of its own: "talks on a merger with X", "talks on being acquired by X", "talks
    about a bid for X" give X; "talks on Y's bid for X" (someone else's deal) gives nothing."""
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        return []
    out: list[Token] = []
    for c in noun.children:
        if c.dep_ != "prep" or c.lower_ not in ("on", "about", "over", "concerning"):
            continue
        for deal in c.children:
            if deal.dep_ not in ("pobj", "pcomp") or deal.lemma_.casefold() not in deals \
                    or any(d.dep_ == "poss" and d.pos_ != "PRON" for d in deal.children):
                continue
            for by in deal.children:
                if by.dep_ in ("prep", "agent") and by.lower_ in ("with", "by", "for", "to"):
                    out += [t for g in by.children if g.dep_ == "pobj" for t in (g, *g.conjuncts)]
    return out


def conjuncts(tok: Token) -> list[Token]:
    """The tokens coordinated with ``tok``, without one that is really the subject of a
    following clause the parser left subjectless ("met advisers on the market and the
    palace said ...": the palace said it)."""
    return [t for t in tok.conjuncts if not opens_clause(t)]


#: How the small parser links a second clause whose subject it took away: a conjunct, or an
#: adverbial clause ("A met B on Monday and C met D": the second "met").
_CLAUSE_LINKS = frozenset({"conj", "advcl"})


#: The tags of a verb that tells its own time, as a clause's does; a participle or an
#: infinitive after a name ("met B and C hoping to ...") is the first subject's, not C's.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


#: Words between a subject and its verb that belong to the verb ("C will not meet D").
_VERB_WORDS = frozenset({"aux", "auxpass", "neg"})
_FINITE_AUX = frozenset({"MD", "VBZ", "VBP", "VBD"})


def _verb_words(tok: Token) -> bool:
    """Whether ``tok`` stands before its verb as part of it: a finite auxiliary, "not", or an
    adverb ("C will also meet D"); "B to discuss", "B having agreed" are no clause of B's."""
    return tok.head.i > tok.i and (tok.dep_ == "neg" or tok.dep_ == "advmod"
                                   or tok.dep_ in _VERB_WORDS and tok.tag_ in _FINITE_AUX)


def _verb_after(t: Token) -> tuple[Token | None, bool]:
    """The word after ``t``'s phrase, or the verb the words there belong to, and whether a
    finite auxiliary was among them."""
    doc, nxt, aux = t.doc, t.right_edge.i + 1, False
    while nxt < len(doc) and _verb_words(doc[nxt]):
        aux = aux or doc[nxt].tag_ in _FINITE_AUX
        nxt += 1
    return (doc[nxt] if nxt < len(doc) else None), aux


def opens_clause(t: Token) -> bool:
    """Whether ``t`` is the subject of a subjectless verb right after it, or after that verb's
    auxiliaries and adverbs ("... and the palace said", "... and C will also meet D"), not a
    list item; a verb the parser made adverbial counts only if finite or with a finite
    auxiliary of its own."""
    v, aux = _verb_after(t)
    if v is None or v.pos_ != "VERB" or v.dep_ not in _CLAUSE_LINKS or not all(
            w.head.i == v.i for w in t.doc[t.right_edge.i + 1 : v.i]):
        return False
    return (v.dep_ == "conj" or v.tag_ in _FINITE or aux) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)


def stranded_subject(verb: Token) -> Token | None:
    """The subject the parser took from ``verb``, a coordinated verb with none of its own, and
    hung as a conjunct on the clause before it ("A met B and C met D", "... and C will meet
    D": C, coordinated with B or with a place), else None."""
    if verb.dep_ not in _CLAUSE_LINKS:
        return None
    first = verb.i
    while first > 0 and verb.doc[first - 1].head.i == verb.i \
            and _verb_words(verb.doc[first - 1]):
        first -= 1
    if first == 0:
        return None
    prev = verb.doc[first - 1]
    return prev if prev.dep_ == "conj" and prev.pos_ == "PROPN" and prev.head.i < prev.i \
        and opens_clause(prev) else None


def clause_verb(tok: Token) -> Token:
    """The verb of ``tok``'s clause: ``tok`` itself when it is one, else the first verb above it
    within four steps (a meeting noun's or a name's clause), else the word reached there."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur
