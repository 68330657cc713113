"""Appositives and title compounds read as copulas.

"Steve Witkoff, Trump's special envoy" gives (Steve Witkoff; is special envoy of; Trump);
"Ann Lee, a chemist" gives (Ann Lee; is; a chemist); "President Bush" gives (Bush; is; President).

>>> from spacy.tokens import Doc
>>> from spacy.vocab import Vocab
>>> d = Doc(Vocab(), words=["Lee", ",", "a", "chemist", ",", "left"], heads=[5, 0, 3, 0, 0, 5],
...         deps=["nsubj", "punct", "det", "appos", "punct", "ROOT"],
...         pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"])
>>> [(r.subject, r.relation, r.args) for r in appositive_extractions(d[:])]
[((0,), ('is',), ((2, 3),))]
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.triples.oie.records import RawExtraction
from kg.extract.triples.oie.spans import phrase, trim

__all__ = ["appositive_extractions", "title_extractions"]

_NOMINAL = frozenset({"NOUN", "PROPN"})
#: Courtesy titles that say nothing about the person's role.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx."})


def _possessor(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "poss" and c.pos_ in _NOMINAL:
            return c
    return None


def _appositive(head: Token, app: Token) -> RawExtraction:
    subj = phrase(head)
    owner = _possessor(app)
    if head.pos_ == "NOUN" and app.pos_ == "PROPN":
        # "the film, A New Oath": the name is what the common noun describes.
        return RawExtraction(
            subject=phrase(app),
            relation=("is",),
            args=(phrase(head, drop=[app]),),
            construction="appositive",
            head=app.i,
            predicate="be",
        )
    if owner is None:
        return RawExtraction(
            subject=subj,
            relation=("is",),
            args=(phrase(app),),
            construction="appositive",
            head=app.i,
            predicate="be",
        )
    # "Trump's special envoy" -> "is special envoy of" + "Trump": the role is the relation.
    owner_np = phrase(owner)
    role = [
        t.i
        for t in app.subtree
        if t.i not in owner_np and t.dep_ not in ("case", "det", "punct") and t.i <= app.i
    ]
    rel: tuple[int | str, ...] = ("is", *trim(role, app.doc), "of")
    tail = tuple(t.i for t in app.subtree if t.i > app.i)
    args = [owner_np]
    if tail:
        args.append(trim(list(tail), app.doc))
    return RawExtraction(
        subject=subj,
        relation=rel,
        args=tuple(a for a in args if a),
        construction="appositive",
        head=app.i,
        predicate=f"{app.lemma_.lower()} of",
    )


def appositive_extractions(sent: Span) -> list[RawExtraction]:
    """(X; is; Y) for every appositive Y of a noun X."""
    out = []
    for tok in sent:
        if tok.dep_ == "appos" and tok.head.pos_ in _NOMINAL and tok.pos_ in _NOMINAL | {"NUM"}:
            r = _appositive(tok.head, tok)
            # The head may be all punctuation once the name is taken out (a fixture list's
            # "v" parsed as a noun): an empty argument is no extraction.
            if r.subject and r.args and all(r.args):
                out.append(r)
    return out


def _adjacent(doc, start: int, allowed: set[int]) -> list[int]:
    """The run of ``allowed`` word tokens ending right before ``start``."""
    out: list[int] = []
    i = start - 1
    while i in allowed and not doc[i].is_space and not doc[i].is_punct:
        out.insert(0, i)
        i -= 1
    return out


def title_extractions(sent: Span) -> list[RawExtraction]:
    """(Name; is; Title) for a person name preceded by a capitalised common-noun title."""
    out = []
    for ent in sent.ents:
        head = ent.root
        # A person's capitalised title ("President"), or a common noun classing any name
        # ("author Bill Bryson", "football team Ammanford A.F.C.").
        titles = [
            c
            for c in head.children
            if c.dep_ in ("compound", "nmod", "amod")
            and c.i < ent.start
            and c.ent_iob_ == "O"
            and c.text.lower() not in HONORIFICS
            and ((ent.label_ == "PERSON" and c.is_title) or c.pos_ == "NOUN")
        ]
        if titles:
            # Only the words right before the name: a parse may hang a whole headline here.
            title = tuple(_adjacent(head.doc, ent.start, {t.i for c in titles for t in c.subtree}))
            if not title:
                continue
            out.append(
                RawExtraction(
                    subject=tuple(range(ent.start, ent.end)),
                    relation=("is",),
                    args=(title,),
                    construction="title",
                    head=head.i,
                    predicate="be",
                )
            )
    return out
