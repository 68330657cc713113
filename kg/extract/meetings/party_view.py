"""What the parse readers need of a sentence's parties: the view that
:class:`kg.extract.meetings.parties.Parties` gives them, as a protocol, so that the readers
below it (trigger_syntax, noun_clauses, members) depend on this leaf and not on the class.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Token

from kg.extract.index import EntityIndex

__all__ = ["PartiesOf"]


class PartiesOf(Protocol):
    """The named parties of a sentence, read from its parse."""

    index: EntityIndex

    def expand(self, tok: Token, depth: int = 0) -> list[str]: ...

    def subjects(self, verb: Token, depth: int = 0, agent: bool = True) -> list[str]: ...

    def agents(self, verb: Token) -> list[str]: ...

    def prep_objects(self, tok: Token, preps: tuple[str, ...]) -> list[str]: ...

    def prep_object_tokens(self, tok: Token, preps: tuple[str, ...]) -> list[Token]: ...

    def eligible(self, key: str) -> bool: ...

    def stand_in(self, key: str) -> str: ...

    def is_org(self, key: str) -> bool: ...
