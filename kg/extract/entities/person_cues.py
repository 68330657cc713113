"""Names NER typed an organisation or a place that their own sentence shows to be a person.

NER tags some people's names ORG or GPE ("Anselm Vorka, director general of the Valorian
Institute, said"), and then no pronoun can take them: "He met ..." in the next sentence stays
unresolved or goes to another person. A name is read as a person's, with every span of the
story written the same (and its full name, for a surname), when its sentence says so:

1. a title of a person stands in apposition to it ("Vorka, currently the ambassador to
   Valoria,", "Anselm Vorka, director general of ...");
2. a name of two or more words is the subject of a clause whose first personal pronoun is
   "his", "her", "he" or "she" ("Anselm Vorka said his plan ...", "A.B. Vorka told reporters
   he had ..."), and no person, named or not ("its chairman"), is written before it in that
   sentence or the three before, or between it and the pronoun.

Neither cue fires when that first pronoun is "it", "its", "they" or "their".

Only names that look like a person's qualify: one to four capitalised words (initials
too), no organisation's head word ("Bank"), no company ending, no
country, demonym, capital, title word, abbreviation ("D-Kan.") or possessive:

>>> person_like(["Anselm", "Vorka"]), person_like(["A.B.", "Vorka"])
(True, True)
>>> person_like(["Austria"]), person_like(["Kestrel", "Bank"]), person_like(["OECD"])
(False, False, False)
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.extract.entities.coref import LOOKBACK
from kg.extract.entities.roles import is_title_word, person_noun
from kg.extract.gazetteer import (
    ORG_HEADS,
    bare_name,
    capital_countries,
    country_of,
    demonym_country,
    is_company_name,
    title_words,
)
from kg.extract.journeys import LEAVE_FOR, TRAVEL_VERBS, journey_to, traveller

__all__ = ["Cued", "people_by_cue"]

_RETYPED = ("ORG", "GPE", "LOC")
#: Title words that also head an organisation's apposition ("Acme, the market leader").
_BODY_TITLES = frozenset({"leader", "representative", "acting"})
_GENDERED = frozenset({"his", "her", "he", "she"})
_NEUTER = frozenset({"it", "its", "they", "their"})
_PLACE_PREPS = frozenset({"in", "at", "to", "from", "into", "near", "across"})
#: Travel verbs as often said of going to a person ("went to Keller for advice").
_TO_PEOPLE = frozenset({"go", "come"})
#: Travel verbs after which a name NER typed a person stays one: those, and a return to
#: someone ("would return to Keller with an answer"), which a thing makes as often as a
#: place does, so the traveller is no test there.
_PERSON_AFTER = _TO_PEOPLE | {"return"}


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
                or capital_countries(w) or low in ORG_HEADS:
            return False
    return not initials or len(words) > 1


def _after_place_prep(ent: Span) -> bool:
    """Whether a place's preposition governs the place or place-typed name ``ent``."""
    root = ent.root
    return ent.label_ != "ORG" and root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


def _journey_place(ent: Span) -> bool:
    """Whether the name ``ent`` is where a journey goes or comes from ("will fly to Keller",
    "returned from Keller", "will leave for Keller", "flew to Valoria and Keller"), not a
    person's; only a name typed as a place or a person.

    The traveller must be one: a thing that "went to Keller" or "came from Keller" (a post,
    an offer) goes to a person as often as to a place. A name NER typed a person is a place
    only after a verb that is not as much said of people: one "went to Keller for advice",
    "returned to Keller with an answer"."""
    verb = journey_to(ent.root, _PLACE_PREPS, leave_for=True)  # "will fly to Valoria and Keller"
    if verb is None or ent.label_ not in ("GPE", "LOC", "PERSON"):
        return False
    lemma = verb.lemma_.casefold()
    return verb.pos_ == "VERB" and lemma in TRAVEL_VERBS \
        and (lemma not in _TO_PEOPLE or traveller(verb)) \
        and not (lemma in LEAVE_FOR and any(c.dep_ == "dobj" for c in verb.children)) \
        and not (ent.label_ == "PERSON" and lemma in _PERSON_AFTER)


def _first_pronoun(ent: Span) -> Token | None:
    """The first personal pronoun after ``ent`` in the clause it is the subject of."""
    if ent.root.dep_ != "nsubj":
        return None
    return next((t for t in ent.root.head.subtree if t.i >= ent.end
                 and t.tag_ in ("PRP", "PRP$")), None)


def _title_apposed(ent: Span) -> bool:
    """Cue 1: a person's title in apposition to the name, not a place's preposition before it."""
    root = ent.root
    if _after_place_prep(ent):
        return False  # "a shift of trade to Valoria, ...": a place, whatever follows
    first = _first_pronoun(ent)
    if first is not None and first.lower_ in _NEUTER:
        return False  # "Acme, head of the group, said its bid ...": a body
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
    return any(h.pos_ in ("NOUN", "PROPN") and _person_head(h)
               and not any(t.ent_type_ == "PERSON" for t in h.subtree)
               and not _verb_after(h) for h in heads)


def _person_head(t: Token) -> bool:
    """Whether ``t`` is a title word that heads a person's apposition ("chief executive")."""
    return t.lower_ == "executive" or is_title_word(t.text) and t.lower_ not in _BODY_TITLES


def _verb_after(head: Token) -> bool:
    """Whether a verb follows the phrase of ``head`` with no comma or bracket closing it."""
    end = head.right_edge
    nxt = end.doc[end.i + 1] if end.i + 1 < len(end.doc) else None
    return not end.is_punct and nxt is not None and nxt.pos_ == "VERB"


def _person_before(ent: Span, people: list[Span]) -> bool:
    """Whether a person, named or not, is written in ``ent``'s sentence before it or in the
    sentences before (as far back as coreference looks)."""
    doc = ent.doc
    start = ent.sent.start
    for _ in range(LOOKBACK):
        if start > 0:
            start = doc[start - 1].sent.start
    return any(start <= p.start < ent.start for p in people) \
        or any(person_noun(t) for t in doc[start : ent.start])


def _own_pronoun(ent: Span, spans: list[Span]) -> bool:
    """Cue 2: the first personal pronoun of the clause the name is subject of is "his",
    "her" (a possessive), "he" or "she" (a subject), with no person who could be it."""
    if len(ent) < 2:
        return False
    first = _first_pronoun(ent)
    if first is None or first.lower_ not in _GENDERED \
            or first.tag_ == "PRP" and first.dep_ not in ("nsubj", "nsubjpass"):
        return False  # "her" as an object is someone else
    # Organisations between are no antecedent of "his"; a person may be ("Vorka said
    # Anna Moravec would keep his ...", "Vorka named a chairman, and he ...").
    between = [e for e in spans if ent.end <= e.start < first.i
               and (e.label_ == "PERSON" or e.label_ in _RETYPED and person_like(e.text.split()))]
    people = [e for e in spans if e.label_ == "PERSON"]
    return not between and not any(person_noun(t) for t in ent.doc[ent.end : first.i]) \
        and not _person_before(ent, people)


def _shown(ent: Span, spans: list[Span]) -> bool:
    """Whether a cue of the module shows the name ``ent`` to be a person's."""
    return person_like(ent.text.split()) and not _journey_place(ent) \
        and (_title_apposed(ent) or _own_pronoun(ent, spans))


@dataclass(frozen=True)
class Cued:
    """The spans of a story after :func:`people_by_cue`, with what its cues settled."""

    spans: list[Span]
    #: Names (lower case) a cue shows to be people's, whatever NER typed them, where a place
    #: is written the same: that place does not make them places.
    shown: frozenset[str]
    #: Tokens of the names a journey goes to or comes from (:func:`_journey_place`): never a
    #: person's surname.
    journeys: frozenset[int]


def people_by_cue(spans: list[Span]) -> Cued:
    """``spans`` with the organisation and place spans the module's cues show to be people
    (and every span written the same, or ending in such a one-word surname) as PERSON; but the
    place of a journey written as a person the cues show, or as his surname, is a place:
    "Keller, chairman of the panel, will fly to Keller"."""
    journeys = [e for e in spans if _journey_place(e)]
    cued = [e for e in spans if e.label_ in _RETYPED and _shown(e, spans)]
    # A person NER typed one matters only beside a place of his name: his cues are read
    # there alone, as they cost a look at the sentences before.
    placed = {bare_name(e.text).casefold() for e in spans if e.label_ in ("GPE", "LOC")} \
        | {f(e.text).casefold() for e in journeys for f in (str, bare_name)}
    shown = frozenset(e.text.casefold() for e in cued) | frozenset(
        e.text.casefold() for e in spans if e.label_ == "PERSON"
        and (e.text.casefold() in placed or e.text.split()[-1].casefold() in placed)
        and _shown(e, spans))
    tokens = frozenset(t.i for e in journeys for t in e)
    # "Paul Keller, chairman of the panel, will fly to Keller": his surname is the place too
    away = shown | {n.split()[-1] for n in shown}
    places = [e for e in journeys if e.text.casefold() in away]
    if not cued and not places:
        return Cued(spans, shown, tokens)
    names = {tuple(e.text.split()) for e in cued}
    single = {n[0] for n in names if len(n) == 1}
    out = []
    for e in spans:
        written = e.text.split()
        if e in places:
            e = Span(e.doc, e.start, e.end, label="GPE") if e.label_ == "PERSON" else e
        elif e.label_ in _RETYPED and person_like(written) \
                and (tuple(written) in names or written[-1] in single):
            e = Span(e.doc, e.start, e.end, label="PERSON")
        out.append(e)
    return Cued(out, shown, tokens)
