"""Names NER typed an organisation or a place that their own sentence shows to be a person.

NER tags some people's names ORG or GPE ("Anselm Vorka, director general of the Valorian
Institute, said"), and then no pronoun can take them: "He met ..." in the next sentence stays
unresolved or goes to another person. A name is read as a person's, with every span of the
story written the same (and its full name, for a surname), when its sentence says so:

1. a title of a person stands in apposition to it ("Vorka, currently the ambassador to
   Valoria,", "Anselm Vorka, director general of ...");
2. a name of two or more words is the subject of a clause whose first personal pronoun is
   "his", "her", "he" or "she" ("Anselm Vorka said his plan ...", "A.B. Vorka told reporters
   he had ..."), and no person is named in that sentence before it or in the one before.

Only names that look like a person's qualify: one to four capitalised words (initials
too), no word an organisation's name ends in ("Bank", "Valbank"), no company ending, no
country, demonym, capital, title word, abbreviation ("D-Kan.") or possessive:

>>> person_like(["Anselm", "Vorka"]), person_like(["A.B.", "Vorka"])
(True, True)
>>> person_like(["Austria"]), person_like(["Kestrel", "Bank"]), person_like(["OECD"])
(False, False, False)
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.gazetteer import (
    ORG_HEADS,
    capital_countries,
    country_of,
    demonym_country,
    is_company_name,
    title_words,
)

__all__ = ["people_by_cue", "person_like"]

_RETYPED = ("ORG", "GPE", "LOC")
#: Title words that head a person's apposition; "leader" and "representative" also head an
#: organisation's ("Acme, the market leader") and are left out.
_PERSON_HEADS = frozenset(
    {"ambassador", "chairman", "chairwoman", "chancellor", "chief", "commander", "director",
     "envoy", "executive", "governor", "head", "mayor", "minister", "premier", "president",
     "secretary", "secretary-general", "senator", "spokesman", "spokeswoman", "treasurer",
     "undersecretary", "vice-president", "congressman", "congresswoman", "general"}
)
_GENDERED = frozenset({"his", "her", "he", "she"})
_PLACE_PREPS = frozenset({"in", "at", "to", "from", "into", "near", "across"})
_LONG_HEADS = tuple(h for h in ORG_HEADS if len(h) >= 4)


def person_like(words: list[str]) -> bool:
    """Whether ``words`` may be a person's name (module docstring)."""
    if not 1 <= len(words) <= 4 or is_company_name(" ".join(words)):
        return False
    initials = False
    for w in words:
        bare = w.replace("-", "").replace(".", "").replace("'", "")
        initials = w.endswith(".") and bare.isupper() and len(bare) <= 3
        if not bare.isalpha() or not w[:1].isupper() or bare.isupper() and not initials \
                or w.endswith(".") and not initials or w.endswith(("'s", "’s")):
            return False  # "D-Kan.", an abbreviation; "Acme's Vorka", an employer's
        low = w.casefold()
        if low in title_words() or country_of(w) is not None or demonym_country(w) is not None \
                or capital_countries(w) or any(low.endswith(h) for h in _LONG_HEADS) \
                or low in ORG_HEADS:
            return False  # "Valbank" is a bank
    return not initials or len(words) > 1


def _title_apposed(ent: Span) -> bool:
    """Cue 1: a person's title in apposition to the name, not a place's preposition before it."""
    root = ent.root
    if ent.label_ != "ORG" and root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
        return False  # "a shift of trade to Valoria, ...": a place, whatever follows
    heads = [c for c in root.children if c.dep_ == "appos" and c.i >= ent.end]
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text == ",":
        # The parser may make the apposition a second subject beside the name ("Vorka,
        # currently the ambassador to Valoria, said"): a sibling right after the comma.
        heads += [c for c in root.head.children if c.dep_ == root.dep_ and c.i > ent.end
                  and all(t.i in {d.i for d in c.subtree} or t.pos_ == "ADV"
                          for t in doc[ent.end + 1 : c.i])]
    # A title with a person of its own is his ("for Valoria, chairman of both Paul Keller,"),
    # and one a verb follows is that verb's subject ("... and Europe, a spokesman said").
    return any(h.pos_ in ("NOUN", "PROPN") and h.lower_ in _PERSON_HEADS
               and not any(t.ent_type_ == "PERSON" for t in h.subtree)
               and not _verb_after(h) for h in heads)


def _verb_after(head: Token) -> bool:
    """Whether a verb follows the phrase of ``head`` with no comma or bracket closing it."""
    end = head.right_edge
    nxt = end.doc[end.i + 1] if end.i + 1 < len(end.doc) else None
    return not end.is_punct and nxt is not None and nxt.pos_ == "VERB"


def _person_before(ent: Span, people: list[Span]) -> bool:
    """Whether a person is named in ``ent``'s sentence before it or in the sentence before."""
    sent = ent.sent
    start = sent.start
    if start > 0:
        start = ent.doc[start - 1].sent.start
    return any(start <= p.start < ent.start for p in people)


def _own_pronoun(ent: Span, spans: list[Span]) -> bool:
    """Cue 2: the first personal pronoun of the clause the name is subject of is "his",
    "her" (a possessive), "he" or "she" (a subject), with no person who could be it."""
    root = ent.root
    if len(ent) < 2 or root.dep_ != "nsubj":
        return False
    verb = root.head
    first: Token | None = None
    for t in verb.subtree:
        if t.i >= ent.end and t.tag_ in ("PRP", "PRP$"):
            first = t
            break
    if first is None or first.lower_ not in _GENDERED \
            or first.tag_ == "PRP" and first.dep_ not in ("nsubj", "nsubjpass"):
        return False  # "her" as an object is someone else
    # Organisations between are no antecedent of "his"; a person may be ("Vorka said
    # Anna Moravec would keep his ...").
    between = [e for e in spans if ent.end <= e.start < first.i
               and (e.label_ == "PERSON" or e.label_ in _RETYPED and person_like(e.text.split()))]
    people = [e for e in spans if e.label_ == "PERSON"]
    return not between and not _person_before(ent, people)


def people_by_cue(spans: list[Span]) -> list[Span]:
    """``spans`` with the organisation and place spans the module's cues show to be people
    (and every span written the same, or ending in such a one-word surname) as PERSON."""
    names: set[tuple[str, ...]] = set()
    for e in spans:
        words = e.text.split()
        if e.label_ in _RETYPED and person_like(words) \
                and (_title_apposed(e) or _own_pronoun(e, spans)):
            names.add(tuple(words))
    if not names:
        return spans
    surnames = {n[0] for n in names if len(n) == 1}
    out = []
    for e in spans:
        written = e.text.split()
        if e.label_ in _RETYPED and person_like(written) \
                and (tuple(written) in names or written[-1] in surnames):
            e = Span(e.doc, e.start, e.end, label="PERSON")
        out.append(e)
    return out
