"""Where a meeting word sits in the parse: the verb that governs a meeting noun, the clause
chain above a verb, "with" phrases the parser hung elsewhere, and proposal nouns.

>>> "proposal" in PROPOSAL_NOUNS and "round" in QUANTITY and "end" in EVENT_PARTS
True
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.extract import meeting_words as mw
from kg.extract.index import EntityIndex
from kg.extract.meeting_words import MOTION, PRESENCE, SETTING
from kg.extract.meetings.party_view import PartiesOf
from kg.model import MeetingStatus

__all__ = ["QUANTITY", "EVENT_PARTS", "ORDINALS", "PROPOSAL_NOUNS", "OCCUR", "POSSIBLE", "OUT_OF",
           "looked_through", "verb_lemma", "governor", "chain", "inside_party",
           "addressees", "proposed", "only_possible", "answered", "definite", "on_verb",
           "trigger_text", "present_at"]

#: Measure nouns looked through: "six hours of talks" are talks.
QUANTITY = frozenset({"hour", "day", "round", "series", "week", "minute", "session", "month",
                      "year", "lot", "couple"})
#: Parts of an event, looked through like quantities: "at the end of two days of talks", "after
#: the collapse of talks" place the talks where the part is; "the eve of" a meeting is before
#: it. Not its "outcome" or "result", which anyone may judge ("disappointed at the outcome").
EVENT_PARTS = frozenset({"end", "close", "conclusion", "start", "beginning", "opening",
                         "breakdown", "collapse", "failure", "resumption", "eve", "sideline",
                         "margin", "wake", "aftermath", "middle", "course"})
#: Nouns that only propose a meeting: "suggestions for talks", "a letter that they meet".
PROPOSAL_NOUNS = frozenset({"suggestion", "proposal", "call", "request", "invitation", "offer",
                            "idea", "possibility", "prospect", "hope", "demand", "bid", "need",
                            "plea", "appeal", "pressure", "way", "letter", "message"})


#: How a verb with the particle "out" governs a meeting noun ("pulled out of the talks"): the
#: parser hangs "of" on "out", not on the verb.
OUT_OF = "out of"
#: Particles of such verbs that the parser hangs the "of" or "from" phrase on.
_PARTICLES = frozenset({"out", "away", "back"})
#: Ordinals that pick one of a series: "in the first of three rounds of talks".
ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "last", "latest", "final"})


def looked_through(prep: Token) -> bool:
    """Whether an "of" phrase is what its head noun measures or is part of ("two days of
    talks", "the end of the meeting"), or which one of a series it is ("the first of a series
    of talks"): the meeting then stands where that noun stands."""
    return prep.lower_ == "of" and (prep.head.lemma_.casefold() in QUANTITY | EVENT_PARTS
                                    or prep.head.lower_ in ORDINALS)


def verb_lemma(verb: Token) -> str:
    """A verb's lemma, phrasal verbs of cancelling read as "cancel" ("called off the talks",
    "put off the meeting"), and "rule out" as one verb."""
    lemma = verb.lemma_.casefold()
    if lemma in ("call", "put") and any(c.dep_ in ("prt", "prep") and c.lower_ == "off"
                                        and not list(c.children) for c in verb.children):
        return "cancel"
    if lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return "rule out"  # "ruled out a meeting": it will not take place
    return lemma


def governor(noun: Token) -> tuple[Token | None, str]:
    """The verb that governs a meeting noun, and how: "dobj", a preposition, "out of" or
    "nsubj".

    Quantities are looked through: in "had six hours of talks" the verb "had" governs
    "talks" as its object.
    """
    cur, via = noun, ""
    for _ in range(6):
        if cur.dep_ == "pobj" and (cur.head.dep_ == "prep" or cur.head.dep_ == "conj"
                                   and cur.head.pos_ == "ADP"):
            # A coordinated phrase ("to attend X and for talks with Y") counts as the first's.
            prep = cur.head
            if looked_through(prep):
                if prep.head.lemma_.casefold() == "eve":
                    via = via or "before"  # "on the eve of talks": they are still ahead
                cur = prep.head
                continue
            if prep.lower_ in ("of", "from") and prep.head.lower_ in _PARTICLES \
                    and prep.head.dep_ in ("prep", "prt", "advmod") \
                    and prep.head.head.pos_ == "VERB":
                # "pulled out of the talks", "walked out of the meeting", "backed away from
                # talks": the verb with its particle governs the meeting
                via = via or (OUT_OF if prep.lower_ == "of" else prep.lower_)
                cur = prep.head.head
            elif prep.head.dep_ == "advmod" and prep.head.head.i != prep.head.i:
                via = via or prep.head.lower_  # "ahead of talks"
                cur = prep.head.head
            else:
                via = via or prep.lower_
                cur = prep.head
        elif cur.dep_ == "dobj" and cur.head.lower_ == "following" and cur.head.dep_ in (
                "prep", "advcl", "pcomp", "acl"):
            # "following talks" read as a verb, also on a noun ("at a briefing following
            # talks with Y"): the preposition's verb is the one above.
            via = via or "following"
            cur = cur.head.head
            if cur.pos_ in ("VERB", "AUX"):
                return cur, via
            continue
        elif cur.dep_ in ("conj", "appos") and cur.head.dep_ in ("dobj", "pobj", "nsubj",
                                                                 "nsubjpass", "attr"):
            # "have candid and frank talks", "attending a WTO (WTO) ministerial meeting"
            # read as an apposition: the governor of the first conjunct.
            cur = cur.head
            continue
        elif cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "conj", "appos"):
            via = via or cur.dep_
            cur = cur.head
        else:
            return None, ""
        if cur.pos_ in ("VERB", "AUX"):
            return cur, via
    return None, ""


def addressees(parties: PartiesOf, verb: Token) -> list[str]:
    """The named parties a verb deals with face to face ("told Y", "gave Y a plan", "made no
    promise to Y", "was briefed by X": its passive subject; "raised it with Y", "sought
    assurances from Y"): at a meeting with nobody else named, its subject met them. An
    organisation one "tells" is the press ("told Reuters at the meeting"), not a party."""
    lemma = verb.lemma_.casefold()
    out: list[str] = []
    if lemma in mw.TELL:
        deps = ("nsubjpass",) if parties.agents(verb) else ("dobj", "dative")
        out += [k for c in verb.children if c.dep_ in deps for k in parties.expand(c)
                if lemma != "tell" or not parties.is_org(k)]
    if lemma in mw.TELL | mw.SPEAK_TO and not any(c.dep_ == "auxpass" for c in verb.children):
        # "to Y" is the dative ("handed the draft to Y") or the verb's phrase ("explained it to
        # Y"); a passive ("proposals were made to Y") does not say who spoke to Y.
        out += [k for c in verb.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                for g in c.children if g.dep_ == "pobj" for k in parties.expand(g)]
    preps = ("with",) if lemma in mw.DEAL_WITH else ("from",) if lemma in mw.GET_FROM else ()
    # The small parser hangs the phrase on the verb or on its object ("raised the issue with Y").
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    return out + [k for h in heads for k in parties.prep_objects(h, preps)]


def on_verb(noun: Token, gov: Token) -> bool:
    """Whether the phrase of ``noun`` hangs on ``gov`` itself, not on a noun in between:
    "met at the summit" does, "progress in talks", "spoke for producers at the talks" do not
    (the verb's subject is not a party of a meeting that only modifies another noun)."""
    cur = noun
    while cur.dep_ == "pobj" and looked_through(cur.head):
        cur = cur.head.head  # "after two days of talks", "at the end of the meeting"
    if cur.dep_ != "pobj":
        return True  # an object or subject of the verb
    prep = cur.head
    if prep.dep_ == "conj" and prep.head.dep_ == "prep":
        prep = prep.head  # "to attend X and for talks with Y"
    host = prep.head
    if prep.lower_ in SETTING and (host.dep_ == "dobj" and host.head.i == gov.i or (
            host.dep_ == "pobj" and host.head.dep_ == "prep" and host.head.head.i == gov.i)):
        # "reached agreement at the talks", "said in a statement at the meeting": the
        # parser's attachment to the verb's object or adjunct
        return True
    if prep.lower_ in ("for", "to") and answered(noun, gov) is not None:
        return True  # "accepted an invitation for talks with Y"
    if prep.lower_ == "to" and verb_lemma(gov) not in PRESENCE | MOTION:
        return False  # "objected to talks with Y"; but "drove to a meeting with Y"
    if prep.lower_ == "for" and prep.head.dep_ in ("nsubj", "nsubjpass") \
            and prep.head.head.i == gov.i:
        return True  # "X, in Rome for talks with Y, said": why the subject is there
    return prep.head.i == gov.i or prep.head.dep_ == "advmod" and prep.head.head.i == gov.i


#: Nouns of speaking to an audience: "in a speech to the annual meeting of X" is there.
_ADDRESS = frozenset({"speech", "address", "remarks", "statement", "presentation"})
#: Verbs whose object is the audience addressed: "X told (addressed) the meeting of Y".
_ADDRESS_VERBS = frozenset({"tell", "address", "brief"})


def present_at(noun: Token, gov: Token, via: str) -> bool:
    """Whether the phrase of a meeting noun puts the subject of ``gov`` at the meeting: "X
    will be in Lima for the annual meeting of Y", "X, in Lima for it, said", "X said at a
    meeting of Y", "X said in a speech to the annual meeting of Y" (addressing a body's
    meeting is attending it), or during it; not a passive's subject ("rates were set at it")."""
    while noun.dep_ in ("appos", "conj") and noun.head.i < noun.i:
        noun = noun.head  # "for the Acme Bank (AB) meeting" read as an apposition to the bank
    while noun.dep_ == "pobj" and looked_through(noun.head):
        noun = noun.head.head  # "speaking at the end of the annual meeting of Y": at its end
    if via == "dobj":
        return verb_lemma(gov) in _ADDRESS_VERBS and noun.head.i == gov.i \
            and not any(c.dep_ == "auxpass" for c in gov.children)
    if via in ("for", "at", "during"):
        host = noun.head.head
        if via == "for" and host.dep_ == "nsubj" and host.head.i == gov.i:
            return True  # "X, in Lima for the annual meeting of Y, said": why X is there
        return (verb_lemma(gov) in PRESENCE or via != "for") and host.i == gov.i \
            and not any(c.dep_ == "auxpass" for c in gov.children)
    host = noun.head.head
    if via == "to" and verb_lemma(gov) == "speak" and host.i == gov.i:
        return True  # "X, speaking to the annual meeting of Y, said"
    return via == "to" and host.lemma_.casefold() in _ADDRESS and host.dep_ == "pobj" \
        and host.head.head.i == gov.i


def inside_party(tok: Token, keys: list[str], index: EntityIndex) -> bool:
    """Whether ``tok`` modifies the phrase of one of the parties ``keys`` ("Acme" in "Acme
    chairman X", "X of Acme Inc")."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "pobj" and cur.head.lower_ in ("of", "from", "at") \
                and cur.head.dep_ == "prep":
            cur = cur.head  # "X of Acme Inc": X's own company
        elif cur.dep_ not in ("compound", "poss", "nmod", "amod", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if set(index.keys_of(cur)) & set(keys):
            return True
    return False


def proposed(noun: Token, gov: Token) -> bool:
    """Whether a noun between the meeting and its verb proposes it ("suggestions for talks"),
    and the verb does not answer the proposal (:func:`answered`), or the meeting's own
    predicate makes it only possible (:func:`only_possible`)."""
    if only_possible(noun, gov):
        return True
    if noun.head.head.i == gov.i and any(c.dep_ == "dobj" and c.lower_ in ("way", "door")
                                         for c in gov.children):
        return True  # "open the way for a summit": a prospect, not yet a meeting
    return _proposal(noun, gov) is not None and answered(noun, gov) is None


#: Predicates that say a meeting takes place ("talks will take place", "be held", "go ahead").
OCCUR = frozenset({"happen", "occur", "go", "proceed", "hold", "convene", "start", "begin",
                   "resume", "open", "materialise", "materialize"})
#: Modals of possibility: "could meet" is hypothetical under the guide.
POSSIBLE = frozenset({"could", "might", "may", "can"})


def only_possible(noun: Token, gov: Token) -> bool:
    """Whether the predicate a meeting noun is the subject of makes the meeting only possible
    or conditional: "talks could take place next week", "a meeting may be held in May", "the
    talks would be difficult if ...". A modal on how the meeting goes ("the talks should be
    harmonious") presupposes it, and "would" under a verb of saying is reported "will"."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i != gov.i:
        return False
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in gov.children) or any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                      for g in c.children) for c in gov.children):
        return True
    occurs = gov.lemma_.casefold() in OCCUR or gov.lemma_.casefold() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in gov.children)
    return occurs and any(c.dep_ == "aux" and c.lower_ in POSSIBLE for c in gov.children)


def _proposal(noun: Token, gov: Token) -> Token | None:
    cur = noun.head
    while cur.i != gov.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in SETTING:
            return None  # "the call at the meeting", "a plea in the talks": made there
        if cur.pos_ == "NOUN" and cur.lemma_.casefold() in PROPOSAL_NOUNS:
            return cur
        cur = cur.head
    return None


#: Verbs that refuse a proposal ("turned down requests for a meeting").
_REFUSE = frozenset({"reject", "refuse", "decline", "rebuff", "spurn", "turn down"})


def answered(noun: Token, gov: Token) -> MeetingStatus | None:
    """The status a verb gives a meeting it answers the proposal of: "accepted an invitation
    for talks", "agreed to a request for talks" plan it; "turned down requests for a meeting",
    "rejected an invitation to talks" negate it. None when the proposal is not answered."""
    prop = _proposal(noun, gov)
    if prop is None or prop.head.i != gov.i and not (
            prop.dep_ == "pobj" and prop.head.lower_ == "to" and prop.head.head.i == gov.i):
        return None
    lemma = gov.lemma_.casefold()
    if lemma == "turn" and any(c.dep_ == "prt" and c.lower_ == "down" for c in gov.children):
        lemma = "turn down"
    negated = any(c.dep_ == "neg" for c in gov.children)
    if lemma in ("accept", "agree"):
        return MeetingStatus.NEGATED if negated else MeetingStatus.PLANNED
    # Refusing what was asked of one ("an invitation", "a request") refuses to meet; refusing
    # "suggestions for talks" is a stance on a policy, not a meeting turned down.
    asked = prop.lemma_.casefold() in ("invitation", "request", "offer")
    return MeetingStatus.NEGATED if lemma in _REFUSE and asked and not negated else None


def chain(verb: Token) -> set[int]:
    """The verb and the heads it hangs from by xcomp/purpose ("is expected to meet")."""
    out = {verb.i}
    cur = verb
    for _ in range(3):
        aux = {c.lower_ for c in cur.children if c.dep_ == "aux"}
        if cur.dep_ in ("xcomp", "acomp") or (cur.dep_ == "advcl" and "to" in aux):
            cur = cur.head
        elif cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            cur = cur.head.head  # "before visiting X"
        else:
            break
        out.add(cur.i)
    return out


def definite(noun: Token) -> bool:
    """ "the talks", "this meeting", "their summit", "Saturday's meeting"; not "the annual
    meeting", "the OPEC meeting" or "the meeting of the council", which name an event of
    their own."""
    kids = list(noun.children)
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
               or c.dep_ == "poss" for c in kids) \
        and not any(c.dep_ in ("amod", "compound", "nmod") or c.dep_ == "prep" and c.lower_ == "of"
                    for c in kids)


def trigger_text(tok: Token) -> str:
    """The trigger word with its particle ("call on", "sit down")."""
    parts = [c for c in tok.children if c.dep_ == "prt"]
    return " ".join(t.text for t in sorted([tok, *parts], key=lambda t: t.i))
