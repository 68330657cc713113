"""Quotations in an article: which tokens are quoted, and who speaks them.

>>> from spacy.lang.en import English
>>> doc = English()('He said "we will meet" today.')
>>> sorted(doc[i].text for i in quoted_tokens(doc))
['meet', 'we', 'will']
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

__all__ = ["FIRST_PERSON", "SPEECH_VERBS", "quoted_tokens", "speaker_token"]

_QUOTES = frozenset({'"', "“", "”", "``", "''"})
#: First-person singular pronouns: inside a quote they mean its speaker.
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
#: Lemmas of verbs that attribute a quotation to their subject.
SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "insist", "note", "declare", "state", "explain", "stress", "write",
     "argue", "recall", "ask", "warn", "comment", "reply", "remark", "admit", "acknowledge"}
)


def quoted_tokens(doc: Doc) -> set[int]:
    """Tokens inside quotation marks. A quote left open ends with its paragraph, as news
    writes a quotation that runs on into the next paragraph with a new opening mark."""
    inside: set[int] = set()
    is_open = False
    last = len(doc) - 1
    for tok in doc:
        text = tok.text
        # 'it"s' is a mistyped apostrophe, not a quotation mark (looked at only for a mark).
        if text in _QUOTES and not (0 < tok.i < last and not tok.whitespace_
                                    and not doc[tok.i - 1].whitespace_
                                    and doc[tok.i - 1].is_alpha):
            is_open = not is_open
        elif tok.is_space and "\n" in text:
            is_open = False
        elif is_open:
            inside.add(tok.i)
    return inside


def speaker_token(tok: Token, quoted: set[int]) -> Token | None:
    """The subject of the speech verb that the quotation holding ``tok`` depends on.

    The parse attaches a quote to its speech verb ('"...," Berg said'); the first head
    outside the quote must be that verb, with a subject, or there is no speaker.
    """
    cur = tok
    for _ in range(12):
        if cur.i not in quoted:
            break
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    if cur.i in quoted or cur.lemma_.casefold() not in SPEECH_VERBS:
        return None
    return next((c for c in cur.children if c.dep_ == "nsubj"), None)
