"""Names inside one article: person drafts grouped, surname aliases resolved, the index built.

A :class:`NameBuilder` collects mentions of every entity type and builds the
:class:`~kg.extract.index.EntityIndex`; for people it decides which full name a
bare surname ("Witkoff", "Mr. Witkoff") refers to.

>>> surname_match(("witkoff",), ("steve", "witkoff"))
True
>>> surname_match(("steve",), ("steve", "witkoff"))
False
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from kg.extract.entities.person_drafts import PersonDraft
from kg.extract.gazetteer import (
    FEMALE_HONORIFICS,
    HONORIFICS,
    MALE_HONORIFICS,
    ORG_HEADS,
    country_of,
    is_title,
)
from kg.extract.index import EntityIndex
from kg.model import Entity, EntityType, Mention

__all__ = ["NameBuilder", "PersonMention", "name_word", "surname_match"]

@dataclass(frozen=True, slots=True)
class PersonMention:
    """Where a person is mentioned, for the pronoun and title resolvers."""

    key: str
    root: int
    sentence_index: int
    is_subject: bool


def name_word(word: Sequence[Token]) -> bool:
    """Whether a written word (its tokens: "Vos", or "Leigh", "-", "Pemberton") may be a word
    of a person's name: a capitalised proper noun that is no organisation's head ("Bank"),
    no title and no country. Readers that know more of the span add their own tests.

    >>> from spacy.lang.en import English
    >>> from spacy.tokens import Doc
    >>> doc = Doc(English().vocab, words=["Ann", "Bank", "France"], pos=["PROPN"] * 3)
    >>> [name_word([t]) for t in doc]
    [True, False, False]
    """
    first = word[0]
    text = "".join(t.text for t in word)
    return first.pos_ == "PROPN" and text[:1].isupper() and text.lower() not in ORG_HEADS \
        and not is_title(text) and country_of(text) is None


def surname_match(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether the name ``short`` is a trailing part of the longer name ``full``, or the
    family name of a name written family name first ("Park" of "Park Min-soo").

    >>> surname_match(("chung",), ("chung", "in-yong"))
    True
    >>> surname_match(("novak",), ("pedro", "novak", "keller"))
    False
    """
    if len(full) == 2 and short == full[:1] and "-" in full[1].strip("-"):
        # A hyphenated given name after a one-word family name (Korean romanisation).
        return True
    return 0 < len(short) < len(full) and full[-len(short) :] == short


def _first_family_name(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """Whether ``short`` is the first of the two family names of the three-word name ``full``
    (Spanish and Portuguese names carry the father's and the mother's: "Pedro Novak Keller
    ... Novak said"). No initial and no country is such a name.

    >>> _first_family_name(("novak",), ("pedro", "novak", "keller"))
    True
    >>> _first_family_name(("chile",), ("banco", "chile", "norte"))
    False
    >>> _first_family_name(("j.",), ("peter", "j.", "keller"))
    False
    """
    return len(full) == 3 and short == full[1:2] and "." not in short[0] \
        and country_of(short[0]) is None


def _fits(short: tuple[str, ...], fulls: Sequence[tuple[str, ...]],
          middle: bool = True) -> list[tuple[str, ...]]:
    """The names of ``fulls`` that ``short`` may stand for: those it ends; only when none
    does (a second "Ivan Novak" keeps "Novak"), and ``middle``, those whose first family name
    it is, unless the word also begins a name ("Ann" beside "Ann Moravec": a given name).

    >>> _fits(("novak",), [("pedro", "novak", "keller"), ("ivan", "novak")])
    [('ivan', 'novak')]
    >>> _fits(("novak",), [("pedro", "novak", "keller")])
    [('pedro', 'novak', 'keller')]
    >>> _fits(("ann",), [("mary", "ann", "keller"), ("ann", "moravec")])
    []
    """
    ending = [f for f in fulls if surname_match(short, f)]
    if ending or not middle or any(len(f) > 1 and f[:1] == short for f in fulls):
        return ending
    return [f for f in fulls if _first_family_name(short, f)]


def _words(name: str) -> tuple[str, ...]:
    return tuple(name.casefold().split())


@dataclass
class _Cluster:
    label: str
    type: EntityType
    aliases: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)
    country: str | None = None
    gender: str | None = None


class NameBuilder:
    """Collects mentions of entities and builds the article's entity index."""

    def __init__(self, sent_of: dict[int, int]) -> None:
        self.sent_of = sent_of  # token index -> sentence index
        self.clusters: dict[str, _Cluster] = {}
        self.token_entity: dict[int, str] = {}
        self.token_entities: dict[int, list[str]] = {}
        self.person_mentions: list[PersonMention] = []
        self._forms: dict[tuple[str, ...], str] = {}  # person name words -> key

    def add(self, key: str, label: str, etype: EntityType, mention: Mention,
            tokens: list[int], country: str | None = None, titles: tuple[str, ...] = ()) -> None:
        """Record one mention of entity ``key``, and the tokens that denote it."""
        c = self.clusters.get(key)
        if c is None:
            c = self.clusters[key] = _Cluster(label or mention.text, etype, country=country)
        c.mentions.setdefault((mention.start, mention.end), mention)
        if mention.text != c.label and mention.kind != "pronoun":
            c.aliases.add(mention.text)
        for t in titles:
            if t not in c.titles:
                c.titles.append(t)
        for i in tokens:
            self.token_entity.setdefault(i, key)

    def add_multi(self, token_i: int, key: str) -> None:
        """``token_i`` (a coordinated head) denotes ``key`` among others."""
        keys = self.token_entities.setdefault(token_i, [])
        if key not in keys:
            keys.append(key)

    def add_persons(self, drafts: list[PersonDraft], doc: Doc,
                    places: frozenset[int] = frozenset()) -> None:
        """Group person mentions: a name that ends another, longer name joins it; a token of
        ``places`` is never a person's surname."""
        fulls = {_words(d.name) for d in drafts}
        names = sorted(fulls)
        distinct: set[tuple[str, ...]] = set()
        for d in drafts:
            for e in drafts:
                if surname_match(_words(d.name), _words(e.name)) and _coordinated(doc, d, e):
                    distinct.add(_words(d.name))
        seen: dict[tuple[str, ...], list[int]] = {}
        titled: dict[tuple[str, ...], set[str]] = {}
        for d in drafts:
            seen.setdefault(_words(d.name), []).append(d.mention.start)
            titled.setdefault(_words(d.name), set()).update(_title_words(d))

        def pick(names: list[tuple[str, ...]], d: PersonDraft) -> tuple[str, ...]:
            # The longest name; between equally long ones ("Tom Hale", "Ann Hale"
            # for "Hale") the one sharing a title word ("Secretary Hale" after "Treasury
            # Secretary Tom Hale"), then the one named last before this mention, as a
            # reader resolves it, then the first named. Never set order, which varies with
            # the hash seed.
            mine = _title_words(d)

            def rank(f: tuple[str, ...]) -> tuple[int, bool, int, int]:
                before = [p for p in seen[f] if p <= d.mention.start]
                return len(f), bool(mine & titled[f]), max(before, default=-1), -min(seen[f])

            return max(names, key=rank)

        for d in drafts:
            words = _words(d.name)
            longer = [f for f in _fits(words, names) if surname_match(words, f)
                      or _titles_agree(_title_words(d), titled[f])] \
                if words not in distinct else []
            if not longer and len(words) == 1 and _title_words(d) & {"sir", "dame"}:
                # "Sir Colin" is Sir Colin Ward: a knight is called by his first name.
                firsts = [f for f in fulls if len(f) > 1 and f[0] == words[0]]
                longer = firsts if len(firsts) == 1 else []
            target = pick(longer, d) if longer else words
            while words not in distinct:
                nxt = [f for f in fulls if surname_match(target, f)]
                if not nxt:
                    break
                target = pick(nxt, d)
            label = _best_label(drafts, target)
            key = f"person:{' '.join(target)}"
            self._forms[words] = key
            self._forms[target] = key
            self.add(key, label, EntityType.PERSON, d.mention, list(d.tokens) + [d.root],
                     titles=d.titles)
            c = self.clusters[key]
            c.country = c.country or (f"country:{d.country.casefold()}" if d.country else None)
            c.gender = c.gender or d.gender
            self.mentioned(key, doc[d.root])
        self._surname_tokens(doc, places)

    def _surname_tokens(self, doc: Doc, places: frozenset[int]) -> None:
        """Proper nouns that NER missed but that repeat a known person's surname, and such a
        surname the tagger read as a common word (a sentence's first "Vosberg," after a quote
        mark, tagged an adjective)."""
        lower = {t.text for t in doc if t.text.islower()}
        # A word of a company's name ("Novak Industries") or a word the story names a place
        # ("Juan Santiago Rivera ... in Santiago") is no first family name. Only that weak
        # tie is refused: NER glues a surname into an organisation too ("Kato, Valoria News").
        firms = {t.i for e in doc.ents if e.label_ == "ORG" and len(e) > 1 for t in e}
        towns = {e.text.casefold() for e in doc.ents if e.label_ in ("GPE", "LOC")}
        for tok in doc:
            if tok.i in self.token_entity or tok.i in places or len(tok.text) < 3 \
                    or tok.pos_ != "PROPN" and not _word_read_surname(tok, lower):
                continue
            key = self.person_for_surname(tok.text, tok.i,
                                          tok.lower_ not in towns and tok.i not in firms)
            if key is None or not tok.text[:1].isupper() \
                    or tok.pos_ != "PROPN" and " " not in key:
                continue  # a common word's reading stands unless a full name is known
            si = self.sent_of[tok.i]
            self.add(key, "", EntityType.PERSON,
                     Mention(tok.text, tok.idx, tok.idx + len(tok), si, "alias"), [tok.i])
            self.mentioned(key, tok)
            c = self.clusters[key]
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of" and c.country is None:
                    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    country = country_of(" ".join(t.text for t in obj.subtree)) if obj else None
                    c.country = f"country:{country.casefold()}" if country else None

    def person_for_surname(self, text: str, token_i: int, middle: bool = True) -> str | None:
        """The person whose name ``text`` is, or ends, when exactly one person fits; without
        ``middle``, not a first family name (a place: "Juan Santiago Rivera ... in Santiago")."""
        words = _words(text)
        if words in self._forms:
            return self._forms[words]
        fits = _fits(words, list(self._forms), middle)
        keys = {self._forms[f] for f in fits}
        return keys.pop() if len(keys) == 1 else None

    def mentioned(self, key: str, tok: Token) -> None:
        """Person ``key`` is mentioned at ``tok`` (a name, alias or reference): an antecedent
        the pronoun and title resolvers may take."""
        self.person_mentions.append(
            PersonMention(key, tok.i, self.sent_of[tok.i], tok.dep_ in ("nsubj", "nsubjpass"))
        )

    def add_person_reference(self, key: str, tok: Token, kind: str) -> None:
        """A pronoun or title-only mention (``kind``) of the person ``key`` at ``tok``."""
        si = self.sent_of[tok.i]
        self.add(key, "", EntityType.PERSON, Mention(tok.text, tok.idx, tok.idx + len(tok),
                                                          si, kind), [tok.i])
        self.mentioned(key, tok)

    def person(self, key: str) -> _Cluster:
        """The cluster of person ``key``."""
        return self.clusters[key]

    def build(self) -> EntityIndex:
        """The finished, frozen index."""
        entities = []
        for key, c in self.clusters.items():
            mentions = tuple(sorted(c.mentions.values(), key=lambda m: m.start))
            entities.append(Entity(key=key, label=c.label, type=c.type,
                                   aliases=tuple(sorted(c.aliases - {c.label})),
                                   titles=tuple(c.titles), mentions=mentions, country=c.country))
        return EntityIndex(tuple(entities), dict(self.token_entity),
                           {i: tuple(ks) for i, ks in self.token_entities.items()})


def _word_read_surname(tok: Token, lower: set[str]) -> bool:
    """Whether ``tok``, tagged a common noun, adjective or verb, may be a name: capitalised, no
    word the article writes in lower case too ("Sales rose" beside "sales"), and no word of a
    longer name ("Vosberg Media": a capitalised neighbour in its sentence)."""
    if tok.pos_ not in ("NOUN", "ADJ", "VERB") or not tok.text[:1].isupper() or tok.is_upper \
            or tok.lower_ in lower or tok.is_stop:
        return False
    doc = tok.doc
    near = ([doc[tok.i - 1]] if tok.i and not tok.is_sent_start else []) \
        + ([doc[tok.i + 1]] if tok.i + 1 < len(doc) and not doc[tok.i + 1].is_sent_start else [])
    return not any(t.is_alpha and t.text[:1].isupper() for t in near)


def _coordinated(doc: Doc, a: PersonDraft, b: PersonDraft) -> bool:
    """Whether two person mentions are conjuncts ("Tom Hale and Ann Hale": two people)."""
    if a.mention.sentence_index != b.mention.sentence_index:
        return False
    lo, hi = sorted((a.tokens[-1], b.tokens[0]))
    between = doc[lo + 1 : hi]
    return len(between) <= 2 and any(t.dep_ == "cc" or t.text == "and" for t in between)


def _titles_agree(mine: set[str], theirs: set[str]) -> bool:
    """Whether a mention's title words fit the full name's: a first family name is too weak a
    tie to join a differently titled person ("Pope Paul" is not John Paul Keller), but an
    untitled full name takes an office title later ("President Novak"); only a title worn with
    a given name ("Pope", "King") refuses it."""
    extra = mine - HONORIFICS - theirs
    return not extra or not theirs and not extra & (MALE_HONORIFICS | FEMALE_HONORIFICS)


def _title_words(d: PersonDraft) -> set[str]:
    return {w.casefold() for t in d.titles for w in t.split()}


def _best_label(drafts: list[PersonDraft], words: tuple[str, ...]) -> str:
    names = [d.name for d in drafts if _words(d.name) == words]
    mixed = [n for n in names if not n.isupper()]
    return (mixed or names or [" ".join(w.capitalize() for w in words)])[0]
