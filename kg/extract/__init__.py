"""The extract stage: a spaCy ``Doc`` run through the ``kg`` components → ``Extraction``."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.extract.provenance import sentence_provenance
from kg.model import Article, Extraction

__all__ = ["extract"]


def extract(doc: Doc, article: Article) -> Extraction:
    """Collect what the ``kg`` components found in ``doc`` into one :class:`Extraction`.

    ``doc`` must come from :func:`kg.extract.pipeline.load_nlp` (or any pipeline with the
    ``kg_*_v1`` components) run on ``article.text``.

    >>> from kg.extract.pipeline import load_nlp
    >>> a = Article("a", "Talks", "Angela Merkel met Emmanuel Macron in Berlin on Monday.")
    >>> m = extract(load_nlp()(a.text), a).meetings[0]
    >>> m.participants, m.status.value, m.place, m.time
    (('person:angela merkel', 'person:emmanuel macron'), 'happened', 'Berlin', 'Monday')
    """
    index = doc._.kg_entities
    sentences = tuple(
        sentence_provenance(article.id, i, s) for i, s in enumerate(doc.sents)
    )
    return Extraction(
        article=article,
        entities=index.entities if index is not None else (),
        triples=tuple(doc._.kg_triples),
        meetings=tuple(doc._.kg_meetings),
        sentences=sentences,
        skipped_sentences=doc._.kg_skipped,
    )
