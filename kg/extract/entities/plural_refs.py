"""Plural references to parties named together: "they", "the two men", "both sides".

Wire copy names two parties once ("Acme and the metal workers' union ...") and then writes
"they", "both sides" or "the two rivals". A plural reference resolves to the pair only when
the pair is unambiguous:

1. "they"/"them"/"their" take the latest coordination of people, countries or organisations
   earlier in the sentence (organisations not for "them"), else the last two people named
   earlier in it, else (a subject outside quotes) what a "they" subject of the previous
   sentence stands for, else a coordination of people or countries in the previous
   sentence; never after an unnamed plural subject ("officials said they");
2. "the two X" / "both X" (and a bare "the two", of any kind; "the pair", of people) take
   the latest pair of X's kind coordinated in the same sentence or up to three before, or
   named alone in the nearest sentences; further back, only the article's one such pair
   (two different pairs named earlier leave the phrase unresolved).

The noun says which kind of party it may mean:

>>> sorted(t.value for t in pair_kinds("men")), sorted(t.value for t in pair_kinds("companies"))
(['person'], ['organization'])
>>> len(pair_kinds("sides")), pair_kinds("reporters")
(3, frozenset())
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities.names import NameBuilder
from kg.extract.entities.quotes import quoted_tokens
from kg.extract.gazetteer import demonym_country
from kg.model import EntityType, Mention

__all__ = ["coordinations", "pair_kinds", "resolve_pairs", "resolve_plural"]

_PLURAL = frozenset({"they", "their", "them"})
_PERSON, _COUNTRY, _ORG = EntityType.PERSON, EntityType.COUNTRY, EntityType.ORGANIZATION
_PARTY_TYPES = frozenset({_PERSON, _COUNTRY, _ORG})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
#: Where a bare "the two" stands for a pair: as the subject or object of its clause.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
#: Within this many sentences back, the latest pair wins; beyond, only the article's one pair.
_NEAR = 3

#: Plural nouns that, after "the two" or "both", mean two people named together.
_PAIR_PEOPLE = frozenset(
    {"ministers", "leaders", "men", "women", "presidents", "premiers", "officials", "envoys",
     "politicians", "heads", "chancellors", "secretaries", "diplomats", "negotiators",
     "counterparts", "statesmen", "executives", "chairmen"}
)
#: ... two countries named together.
_PAIR_COUNTRIES = frozenset({"countries", "nations", "governments", "neighbours", "neighbors",
                             "states"})
#: ... two organisations named together.
_PAIR_ORGS = frozenset({"companies", "firms", "banks", "unions", "groups", "carmakers",
                        "airlines", "organisations", "organizations", "concerns", "utilities",
                        "bodies", "agencies", "exchanges"})
#: ... two parties of any kind named together ("both sides": a union and a company).
_PAIR_ANY = frozenset({"sides", "parties", "rivals", "partners"})


def pair_kinds(noun: str) -> frozenset[EntityType]:
    """The entity types a plural noun after "the two"/"both" may stand for (empty: none)."""
    noun = noun.casefold()
    if noun in _PAIR_PEOPLE:
        return frozenset({_PERSON})
    if noun in _PAIR_COUNTRIES:
        return frozenset({_COUNTRY})
    if noun in _PAIR_ORGS:
        return frozenset({_ORG})
    return _PARTY_TYPES if noun in _PAIR_ANY else frozenset()


def coordinations(doc: Doc, b: NameBuilder) -> list[tuple[int, tuple[str, ...]]]:
    """Coordinated people, countries or organisations ("Hale and Okafor"): (last token, keys)."""
    out = []
    for tok in doc:
        conj = tok.conjuncts or _apposed_conjuncts(tok, b)
        if not conj or any(c.i < tok.i for c in conj) or tok.dep_ in _MODIFIER_DEPS:
            continue  # "the Louvre and Washington accords": modifiers of another noun
        keys: list[str] = []
        for t in (tok, *conj):
            k = b.token_entity.get(t.i)
            if k and b.clusters[k].type in _PARTY_TYPES and k not in keys:
                keys.append(k)
        if len(keys) >= 2:
            out.append((max(c.i for c in conj), tuple(keys)))
    return out


def _apposed_conjuncts(tok: Token, b: NameBuilder) -> list[Token]:
    """Names the parser hung on ``tok`` as appositions after an "and": a coordination it
    misread, as it does when a line break or a bracket comes between ("Acme Corp and
    <Bolt Inc>"). Only a name of the same kind as ``tok`` counts ("Acme and its unit, Bolt
    Inc" names the unit, not a second party of the pair)."""
    key = b.token_entity.get(tok.i)
    if key is None:
        return []
    ands = [c.i for c in tok.children if c.dep_ == "cc" and c.lower_ == "and"]
    kind = b.clusters[key].type
    return [c for c in tok.children if c.dep_ == "appos" and ands and min(ands) < c.i
            and b.token_entity.get(c.i) not in (None, key)
            and b.clusters[b.token_entity[c.i]].type is kind]


def _add_plural(b: NameBuilder, tok_i: int, text: str, idx: int, si: int,
                keys: tuple[str, ...], kind: str) -> None:
    for k in keys:
        b.add_multi(tok_i, k)
        b.add(k, "", b.clusters[k].type, Mention(text, idx, idx + len(text), si, kind), [])


def _unnamed_plural_subject(doc: Doc, b: NameBuilder, at: int) -> bool:
    """Whether the last subject before ``at`` in its sentence is an unnamed plural: in
    "airline officials said they ..." or "several of the bankers told X they ..." the pronoun
    is those people, not a pair named earlier ("countries such as A and B" are named)."""
    subjects = [t for t in doc[doc[at].sent.start : at] if t.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    subj = subjects[-1]
    plural = subj.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.tag_ == "NNS" for g in c.children)
        for c in subj.children)
    if not plural:
        return False
    owners = {d.i for c in subj.children if c.dep_ == "poss" for d in c.subtree}
    members = {b.token_entity[t.i] for t in subj.subtree if t.i not in owners
               and t.i in b.token_entity
               and b.clusters[b.token_entity[t.i]].type in _PARTY_TYPES}
    return len(members) < 2  # "X's views" and "the G-6 countries" name no two members


def _has_org(b: NameBuilder, keys: tuple[str, ...]) -> bool:
    return any(b.clusters[k].type is _ORG for k in keys)


def resolve_plural(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Link "they"/"their"/"them" to a group of parties named together (rule 1)."""
    coords: list[tuple[int, tuple[str, ...]]] | None = None
    quoted: set[int] | None = None
    for tok in doc:
        if tok.lower_ not in _PLURAL or tok.i in b.token_entities:
            continue
        if coords is None:  # found on the first pronoun, before anything is linked
            coords = coordinations(doc, b)
        si = sent_of[tok.i]
        if _unnamed_plural_subject(doc, b, tok.i):
            continue
        # Organisations named together are "they" in their own sentence only, and not an
        # object "them": read on development articles, "they" a sentence later and "pay for
        # them" were more often something else (creditors, subsidies) than the two companies.
        orgs = tok.lower_ != "them"
        same = [keys for end, keys in coords if end < tok.i and sent_of[end] == si
                and (orgs or not _has_org(b, keys))]
        keys: tuple[str, ...] = same[-1] if same else ()
        if not keys:
            people: list[str] = []
            for m in sorted(b.person_mentions, key=lambda m: -m.root):
                if m.sentence_index == si and m.root < tok.i and m.key not in people:
                    people.append(m.key)
            keys = tuple(people[:2]) if len(people) >= 2 else ()
        if not keys and tok.dep_ in ("nsubj", "nsubjpass"):
            quoted = quoted_tokens(doc) if quoted is None else quoted
            # In a quote "they" is whoever the speaker means ("someone ... they wouldn't").
            keys = () if tok.i in quoted else _subject_they_before(doc, b, sent_of, tok.i)
        if not keys:
            prev = [k for end, k in coords if sent_of[end] == si - 1 and not _has_org(b, k)]
            keys = prev[0] if prev else ()
        _add_plural(b, tok.i, tok.text, tok.idx, si, keys, "pronoun")


def _subject_they_before(doc: Doc, b: NameBuilder, sent_of: dict[int, int], at: int
                         ) -> tuple[str, ...]:
    """The parties a resolved "they" subject of the sentence before ``at`` stands for: "they"
    as a subject goes on with them ("A and B flew to Oslo. They met X. They then left"), not
    with parties the sentence before lists as objects ("they sought help in A and B")."""
    si = sent_of[at]
    for i in range(doc[at].sent.start - 1, -1, -1):
        t = doc[i]
        if sent_of[i] < si - 1:
            break
        if t.lower_ == "they" and t.dep_ in ("nsubj", "nsubjpass") and i in b.token_entities:
            return tuple(b.token_entities[i])
    return ()


def _pairs_before(coords: list[tuple[int, tuple[str, ...]]], b: NameBuilder, at: int,
                  kinds: frozenset[EntityType]) -> list[tuple[int, tuple[str, ...]]]:
    return [(end, keys) for end, keys in coords if end < at and len(keys) == 2
            and all(b.clusters[k].type in kinds for k in keys)]


def _two_named(doc: Doc, b: NameBuilder, sent_of: dict[int, int], at: int,
               kinds: frozenset[EntityType]) -> list[tuple[str, ...]]:
    """The two parties of ``kinds`` the nearest sentences before ``at`` name, when the pair
    is not coordinated: "A is in dispute with B. Both sides met", "X flew to Oslo. Y met him
    there. The two men ..." Sentences are read back until two parties are named; a third
    named by then (a source, an observer) leaves the pair unsaid. A noun of any kind
    ("sides") takes only two of one kind named in one sentence: "the two sides" after a
    sentence naming an envoy and a country are seldom those two."""
    named: list[str] = []
    si = sent_of[at]
    for back in range(_NEAR + 1):
        if si - back < 0:
            break
        sent = doc[at].sent if back == 0 else None
        toks = range(sent.start, at) if sent is not None else \
            [i for i, s in sent_of.items() if s == si - back]
        for i in sorted(toks, reverse=True):
            k = b.token_entity.get(i)
            if k is not None and b.clusters[k].type in kinds and k not in named \
                    and not _modifier_name(doc[i], b, k):
                named.append(k)
        if len(named) >= 2 or named and len(kinds) > 1:
            break
    if len(named) != 2 or len({b.clusters[k].type for k in named}) > 1:
        return []
    return [tuple(sorted(named))]


def _modifier_name(tok: Token, b: NameBuilder, key: str) -> bool:
    """Whether the name ``tok`` only modifies a common noun ("a Valoria Cent coin", "the Oslo
    accord"): then it names no party of its sentence."""
    while tok.head.i != tok.i and b.token_entity.get(tok.head.i) == key:
        tok = tok.head
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "NOUN" \
        and tok.head.i not in b.token_entity


def _offices_listed(tok: Token) -> bool:
    """Whether coordinated modifiers other than nationalities ("the foreign and transport
    ministers") say which two holders the plural noun means: two offices of their own, not a
    pair named before ("both the U.S. and Japanese ministers" still may be)."""
    for c in tok.lefts:
        if c.dep_ in _MODIFIER_DEPS and c.conjuncts and any(
                demonym_country(m.text) is None and m.ent_type_ not in ("GPE", "NORP")
                for m in (c, *c.conjuncts)):
            return True
    return False


def resolve_pairs(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Link "the two ministers", "both sides", "the two companies" to the pair named together
    that the noun fits (rule 2)."""
    coords: list[tuple[int, tuple[str, ...]]] | None = None
    for tok in doc:
        kinds = pair_kinds(tok.lower_) if tok.tag_ == "NNS" else frozenset()
        kids = {c.lower_ for c in tok.children if c.dep_ in ("nummod", "det", "predet")}
        if tok.lower_ == "two" and tok.dep_ in _ARGUMENTS and kids == {"the"}:
            kinds, kids = _PARTY_TYPES, {"the", "two"}  # "The two will meet again"
        elif tok.lower_ == "pair" and tok.tag_ == "NN" and tok.dep_ in _ARGUMENTS \
                and kids == {"the"}:
            kinds, kids = frozenset({_PERSON}), {"the", "two"}  # "The pair met on Monday"
        if not kinds or tok.i in b.token_entities:
            continue
        if not ({"the", "two"} <= kids or "both" in kids) \
                or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
            continue  # "both sides of the border" is a place
        if _offices_listed(tok):
            continue  # "both the foreign and transport ministers": two offices, named anew
        if coords is None:
            coords = coordinations(doc, b)
        si = sent_of[tok.i]
        before = _pairs_before(coords, b, tok.i, kinds)
        pairs = [keys for end, keys in before if sent_of[end] >= si - _NEAR][-1:]
        if not pairs:
            pairs = _two_named(doc, b, sent_of, tok.i, kinds)
        if not pairs:
            # Far back, "both countries" is the pair only if the article names no other.
            distinct = {frozenset(keys) for _, keys in before}
            pairs = [before[-1][1]] if len(distinct) == 1 else []
        if pairs:
            _add_plural(b, tok.i, tok.text, tok.idx, si, pairs[-1], "title")

