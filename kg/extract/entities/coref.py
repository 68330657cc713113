"""In-article coreference of personal pronouns (title-only mentions: title_refs.py).

The pronoun resolver is deliberately simple and measurable (tests/test_entities_coref.py):

1. a pronoun in a sentence that already names a person, before it, takes the nearest
   such person that is a subject, else the nearest one (never a co-argument of the
   same verb: "Putin met him"; never the counterpart of a meeting the pronoun's clause
   tells: "After talks with Putin, he said", nor an object in a phrase put before it:
   "Speaking to Putin, he said");
2. otherwise it takes the subject person of the nearest earlier sentence (up to three
   back) that names a compatible person, else that sentence's first person;
3. a person whose honorific gives a gender ("Mrs", "King"), or who already took a
   gendered pronoun, only takes matching pronouns;
4. but a pronoun in a phrase put before its sentence's named person subject, with no
   person before it in the sentence, is that subject ("In his speech, Keller said").

>>> PRONOUN_GENDER["she"], PRONOUN_GENDER["his"]
('f', 'm')
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.extract.entities.names import NameBuilder, PersonMention
from kg.extract.entities.quotes import FIRST_PERSON, quoted_tokens, speaker_token
from kg.extract.entities.roles import PERSON_NOUNS
from kg.extract.meeting_words import NOUN_TRIGGERS, VERB_TRIGGERS
from kg.extract.walks import clause_verb, first_conjunct
from kg.model import EntityType, Mention

__all__ = ["LOOKBACK", "PRONOUN_GENDER", "resolve_pronouns", "resolve_it", "resolve_first_person"]

PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
#: How many sentences back a pronoun may find its person.
LOOKBACK = 3


def _compatible(b: NameBuilder, m: PersonMention, gender: str) -> bool:
    known = b.person(m.key).gender
    return known is None or known == gender


def _same_verb(a: Token, b: Token) -> bool:
    """Whether ``a`` (a name) and the pronoun ``b`` are co-arguments of one verb: then
    "him" cannot be ``a`` ("Putin met him", "X held talks with him")."""
    if b.tag_ == "PRP$" or b.lower_ in ("himself", "herself"):
        return False
    if a.head.i == b.head.i:
        return True
    if a.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = clause_verb(b)
    # "Putin agreed to meet him": the subject of "agreed" is the one who meets, unless an
    # object of its own is ("Putin asked Ruiz to meet him": Ruiz meets him).
    while verb.dep_ == "xcomp" and verb.head.i != a.head.i and not _has_object(verb.head):
        verb = verb.head
    if verb.dep_ == "xcomp" and verb.head.i == a.head.i and not _has_object(verb.head):
        verb = verb.head
    return a.head.i == verb.i


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _counterpart(a: Token, b: Token) -> bool:
    """Whether the name ``a`` is the counterpart ("with" object, or what is met) of a meeting
    told in the clause whose subject is the pronoun ``b``: then ``b`` is the other side, not
    ``a`` ("Speaking after talks with Ruiz, he said"; "in meetings with Ruiz she stressed")."""
    if b.dep_ not in ("nsubj", "nsubjpass"):
        return False
    a = first_conjunct(a)  # "with Ruiz and his ministers"
    if a.dep_ == "pobj" and a.head.lower_ == "with":
        word = a.head.head
    elif a.dep_ == "dobj" and a.head.lemma_.casefold() == "meet":
        word = a.head
    else:
        return False
    if word.lemma_.casefold() not in (NOUN_TRIGGERS if word.pos_ == "NOUN" else VERB_TRIGGERS):
        return False
    cur = word
    for _ in range(6):  # up to the pronoun's verb, through clauses without a subject of their own
        if cur.i == b.head.i:
            return True
        if cur is not word and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children) \
                or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _fronted(a: Token, b: Token) -> bool:
    """Whether the name ``a`` is an object in a phrase put before the pronoun subject ``b`` of
    its clause: then ``b`` is someone else ("At a dinner hosted by Ruiz, he said"; "Speaking
    to Ruiz, she"), while a subject or owner there may be ``b`` ("After Ruiz left, he")."""
    if b.dep_ not in ("nsubj", "nsubjpass") or a.i > b.i:
        return False
    cur = _fronted_phrase(a, b.head, ("nsubj", "nsubjpass", "poss"))
    return cur is not None and cur.dep_ in ("prep", "advcl") and cur.i < b.i


def _fronted_phrase(tok: Token, verb: Token, stops: tuple[str, ...] = ()) -> Token | None:
    """The child of ``verb`` whose phrase holds ``tok``, climbing through no word (``tok``
    included) whose relation is one of ``stops``; None when the climb misses ``verb``."""
    cur = tok
    while cur.head.i != verb.i:
        if cur.head.i == cur.i or cur.dep_ in stops:
            return None
        cur = cur.head
    return cur


def _speaker_key(b: NameBuilder, tok: Token, quoted: set[int]) -> str | None:
    subject = speaker_token(tok, quoted)
    key = b.token_entity.get(subject.i) if subject is not None else None
    return key if key is not None and b.clusters[key].type is EntityType.PERSON else None


def resolve_first_person(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Link "I", "me", "my" inside a quotation to its speaker, when the speech verb the
    quote depends on has a resolved person as its subject ("My talks with X," Berg said)."""
    quoted: set[int] | None = None
    for tok in doc:
        if tok.lower_ not in FIRST_PERSON or tok.tag_ not in ("PRP", "PRP$") \
                or tok.i in b.token_entity:
            continue
        if quoted is None:
            quoted = quoted_tokens(doc)
        if tok.i not in quoted:
            continue
        key = _speaker_key(b, tok, quoted)
        if key is not None:
            b.add_person_reference(key, tok, "pronoun")


def _names_person(b: NameBuilder, t: Token) -> bool:
    """Whether subject ``t`` is, or is apposed to, or is said to be, a named person
    ("Funaro, who ...", "the spokeswoman, Ann Vos, ...", "the person ... is Ann Vos")."""
    if t.tag_ in ("WP", "WDT") and t.head.dep_ == "relcl":
        t = t.head.head
    near = [t, *(c for c in t.children if c.dep_ == "appos")]
    near += [c for c in t.head.children if c.dep_ == "attr"] if t.head.lemma_ == "be" else []
    return any(b.token_entity.get(x.i) in b.clusters
               and b.clusters[b.token_entity[x.i]].type is EntityType.PERSON for x in near)


def _unnamed_person_subject(doc: Doc, b: NameBuilder, tok: Token,
                            sent_of: dict[int, int]) -> bool:
    """Whether the latest person subject before ``tok`` (this sentence or up to three
    before) is an unnamed one: then "he" continues that person, not a name further back."""
    first = tok.i
    while first > 0 and sent_of[first - 1] >= sent_of[tok.i] - LOOKBACK:
        first -= 1
    for t in reversed(doc[first : tok.i]):
        if t.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if _names_person(b, t):
            return False
        if t.pos_ != "PRON" and t.tag_ == "NN" and t.lemma_.casefold() in PERSON_NOUNS:
            return True
    return False


def resolve_pronouns(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Link he/him/his/she/her to a person of ``b`` by the rules in the module docstring."""
    quoted: set[int] | None = None
    for tok in doc:
        gender = PRONOUN_GENDER.get(tok.lower_)
        if gender is None or tok.tag_ not in ("PRP", "PRP$") or tok.i in b.token_entity:
            continue
        named = _bracketed(doc, b, tok)
        if named is not None:  # "He (Okafor) said": the editor names him
            b.add_person_reference(named, tok, "pronoun")
            continue
        if quoted is None:
            quoted = quoted_tokens(doc)
        si = sent_of[tok.i]
        # "... my meeting with Okafor," he said: the speaker is not a name in the quote,
        # and "him" in a quote is not its speaker.
        speaker = _speaker_key(b, tok, quoted) if tok.i in quoted else None
        mentions = [m for m in b.person_mentions if m.root < tok.i and _compatible(b, m, gender)
                    and (m.root not in quoted or tok.i in quoted) and m.key != speaker]
        mentions.sort(key=lambda m: m.root)  # names, then surnames NER missed: text order
        coargs = {m.key for m in mentions if m.sentence_index == si
                  and (_same_verb(doc[m.root], tok) or _counterpart(doc[m.root], tok)
                       or _fronted(doc[m.root], tok))}
        mentions = [m for m in mentions if m.key not in coargs]
        same = [m for m in mentions if m.sentence_index == si]
        choice = None
        ahead = None if same else _cataphor(b, tok, quoted, gender)
        if ahead is not None:  # "During his visit, Keller will meet ...": Keller's visit
            b.add_person_reference(ahead, tok, "pronoun")  # a gender only if read back
            continue
        if _unnamed_person_subject(doc, b, tok, sent_of):
            continue  # "a spokesman would not comment. But he said ...": the spokesman
        if same:
            subjects = [m for m in same if m.is_subject]
            choice = (subjects or same)[-1]
        else:
            for back in range(1, LOOKBACK + 1):
                earlier = [m for m in mentions if m.sentence_index == si - back]
                if earlier:
                    subjects = [m for m in earlier if m.is_subject]
                    choice = (subjects or earlier)[0]
                    break
        if choice is not None:
            b.add_person_reference(choice.key, tok, "pronoun")
            # A resolved "he" tells the person's gender, which steers later pronouns.
            b.person(choice.key).gender = b.person(choice.key).gender or gender


#: Nouns of what one person does or suffers for another's act: "In his absence, Keller will
#: chair", "At her invitation, Keller flew": the owner is not the subject after the phrase.
_OTHERS_NOUNS = frozenset(
    {"absence", "request", "invitation", "behalf", "place", "stead", "resignation", "death",
     "departure", "illness", "retirement", "instruction", "order", "suggestion", "urging",
     "initiative", "behest", "expense", "recommendation", "proposal", "funeral", "successor"}
)
#: Object pronouns of each gender: "When he came, Keller met him" leaves "he" to someone else.
_OBJECTS = {"m": frozenset({"him"}), "f": frozenset({"her"})}


def _cataphor(b: NameBuilder, tok: Token, quoted: set[int], gender: str) -> str | None:
    """The named person subject of the main clause when the pronoun ``tok`` sits in a phrase
    put before that subject ("In his speech, Keller said", "During his visit, Keller will
    meet X"): the phrase tells of the subject, whoever the sentence before named. Not inside
    a quote, and not when the main clause has an object pronoun of the same gender ("When he
    came, Keller met him": "he" is the one met)."""
    if tok.i in quoted or tok.tag_ == "PRP" and tok.dep_ not in ("nsubj", "nsubjpass"):
        return None  # "After meeting him, Keller said": "him" is someone else
    if tok.dep_ == "poss" and tok.head.lemma_.casefold() in _OTHERS_NOUNS:
        return None  # "At her request, Keller will fly": the one who asked is named before
    root = tok.sent.root
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].pos_ == "PRON" or subjects[0].i < tok.i:
        return None
    cur = _fronted_phrase(tok, root)
    if cur is None or cur.dep_ not in ("prep", "advcl", "npadvmod") or cur.i > subjects[0].i:
        return None
    key = b.token_entity.get(subjects[0].i)
    if key is None or b.clusters[key].type is not EntityType.PERSON \
            or b.person(key).gender not in (None, gender):
        return None
    fronted = {t.i for t in cur.subtree}
    if any(t.lower_ in _OBJECTS[gender] and t.tag_ == "PRP" and t.i not in fronted
           for t in root.subtree):
        return None
    return key


def _bracketed(doc: Doc, b: NameBuilder, tok: Token) -> str | None:
    """The person a name in brackets right after the pronoun ``tok`` gives ("he (Okafor)"), or,
    for "himself"/"herself", the resolved subject of its own clause ("he talked himself")."""
    if tok.lower_ in ("himself", "herself"):
        subjects = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        key = b.token_entity.get(subjects[0].i) if subjects else None
    elif tok.i + 2 < len(doc) and doc[tok.i + 1].text == "(":
        key = b.token_entity.get(doc[tok.i + 2].i)
    else:
        return None
    return key if key in b.clusters and b.clusters[key].type is EntityType.PERSON else None


def resolve_it(doc: Doc, b: NameBuilder, sent_of: dict[int, int]) -> None:
    """Link "it"/"its" to an organisation or country: the subject one earlier in the
    sentence ("Acme said it held talks"), else the subject one of the previous sentence."""
    kinds = {EntityType.ORGANIZATION, EntityType.COUNTRY}
    subjects: dict[int, list[Token]] | None = None  # sentence index -> its subjects, in order
    for tok in doc:
        if tok.lower_ not in ("it", "its") or tok.i in b.token_entity:
            continue
        if tok.lower_ == "it" and tok.dep_ not in ("nsubj", "nsubjpass"):
            continue  # "it" as an object or a dummy subject is too often not a party
        if subjects is None:
            # Collected once, not rescanned from the start of the doc for every "it".
            subjects = {}
            for t in doc:
                if t.dep_ in ("nsubj", "nsubjpass"):
                    subjects.setdefault(sent_of[t.i], []).append(t)
        si = sent_of[tok.i]
        choice = None
        # "The group said it ...": a subject earlier in the sentence that is not a named
        # organisation means "it" is that subject, not something from the sentence before.
        own_subject = any(tok.i - 40 <= t.i < tok.i for t in subjects.get(si, ()))
        for back in (0,) if own_subject else (0, 1):
            cands = [
                t for t in subjects.get(si - back, ())
                if t.i < tok.i
                and t.i in b.token_entity and b.clusters[b.token_entity[t.i]].type in kinds
            ]
            if cands:
                choice = cands[-1] if back == 0 else cands[0]
                break
        if choice is not None:
            key = b.token_entity[choice.i]
            b.add(key, "", b.clusters[key].type,
                  Mention(tok.text, tok.idx, tok.idx + len(tok), si, "pronoun"), [tok.i])
