"""Hand-built extractions for fast tests: no model, exact expected output."""

from __future__ import annotations

from datetime import date

from kg.model import (
    Argument,
    Article,
    Entity,
    EntityType,
    Extraction,
    Meeting,
    MeetingStatus,
    Mention,
    Provenance,
    Triple,
)

TEXT = (
    "Alice Archer met Bob Baker in Paris on Monday. "
    "Ms. Archer will meet Carol Chen in Rome on Friday. "
    "Bob Baker leads Acme Corp."
)
S0 = TEXT.index("Alice")
S1 = TEXT.index("Ms. Archer")
S2 = TEXT.index("Bob Baker leads")


def prov(article: str, i: int) -> Provenance:
    """Provenance of sentence ``i`` of :data:`TEXT`."""
    starts = [S0, S1, S2, len(TEXT) + 1]
    end = starts[i + 1] - 1
    return Provenance(article, i, starts[i], end, TEXT[starts[i]:end])


def person(name: str, *aliases: str, titles: tuple[str, ...] = ()) -> Entity:
    """A person entity with one name mention."""
    start = TEXT.index(name) if name in TEXT else 0
    return Entity(
        key=f"person:{name.casefold()}", label=name, type=EntityType.PERSON,
        aliases=aliases, titles=titles,
        mentions=(Mention(name, start, start + len(name), 0),),
    )


def extraction(article_id: str = "fx-1", text: str = TEXT) -> Extraction:
    """Three people, a company, two places; one happened and one planned meeting; one triple."""
    a = Article(article_id, "Fixture article", text, published=date(2025, 12, 1))
    alice = person("Alice Archer", "Ms. Archer", "Archer")
    bob = person("Bob Baker")
    carol = person("Carol Chen", titles=("Minister",))
    acme = Entity("organization:acme corp", "Acme Corp", EntityType.ORGANIZATION)
    paris = Entity("place:paris", "Paris", EntityType.PLACE)
    rome = Entity("place:rome", "Rome", EntityType.PLACE)
    p0, p1, p2 = prov(article_id, 0), prov(article_id, 1), prov(article_id, 2)
    meetings = (
        Meeting((alice.key, bob.key), MeetingStatus.HAPPENED, p0, "met", place="Paris",
                place_entity=paris.key, time="Monday", date=date(2025, 12, 1)),
        Meeting((alice.key, carol.key), MeetingStatus.PLANNED, p1, "will meet", place="Rome",
                place_entity=rome.key, time="Friday", date=date(2025, 12, 5)),
    )
    triples = (
        Triple(Argument("Bob Baker", S2, S2 + 9, bob.key), "leads", "lead",
               Argument("Acme Corp", S2 + 16, S2 + 25, acme.key), p2, 0.9),
        Triple(Argument("Alice Archer", S0, S0 + 12, alice.key), "met", "meet",
               Argument("Bob Baker", S0 + 17, S0 + 26, bob.key), p0, 0.8,
               extra=(Argument("in Paris", 27, 35, paris.key),)),
    )
    return Extraction(a, (alice, bob, carol, acme, paris, rome), triples, meetings, (p0, p1, p2))


SHORTCUT = "Carol Chen met Bob Baker in Rome."


def shortcut(article_id: str = "fx-short") -> Extraction:
    """One more article in which Carol Chen met Bob Baker: a direct link between two people that
    the fixture article links through Alice Archer."""
    a = Article(article_id, "Shortcut article", SHORTCUT, published=date(2025, 12, 2))
    p = Provenance(article_id, 0, 0, len(SHORTCUT), SHORTCUT)
    carol = Entity("person:carol chen", "Carol Chen", EntityType.PERSON,
                   mentions=(Mention("Carol Chen", 0, 10, 0),))
    bob = Entity("person:bob baker", "Bob Baker", EntityType.PERSON,
                 mentions=(Mention("Bob Baker", 15, 24, 0),))
    meeting = Meeting((carol.key, bob.key), MeetingStatus.HAPPENED, p, "met", place="Rome")
    return Extraction(a, (carol, bob), (), (meeting,), (p,))
