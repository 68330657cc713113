"""kg: a knowledge-graph builder for news — who met whom, where and when, with provenance.

The stages are plain functions: :func:`kg.extract.extract` (spaCy ``Doc`` → Extraction),
:func:`kg.rdf.to_rdf` (→ rdflib graph), :func:`kg.graph.to_networkx` (→ NetworkX) and
:func:`kg.render.render_html` (→ offline HTML map). Names are imported lazily so that
``import kg`` loads no model and no heavy library. For notebooks, :mod:`kg.frames` gives
pandas views, :mod:`kg.analytics` network measures and :mod:`kg.export` TriG, JSON-LD and
GraphML files; ``notebooks/walkthrough.ipynb`` shows them all.

>>> import kg
>>> kg.__version__
'0.1.0'

A session on the hand-made sample of :mod:`kg.sample` (``kg.build(["seeds"], store)`` does
the same from article files, with the spaCy pipeline):

>>> from kg.sample import sample_extraction
>>> store = kg.open_store("memory:")
>>> store.replace_article(kg.to_rdf(sample_extraction()))
>>> kg.run_query(store, kg.load_query("who-met-whom")).values("participant2")
['Vladimir Putin', 'Volodymyr Zelensky']
>>> g = kg.to_networkx(store)
>>> g.number_of_nodes(), "<!DOCTYPE html>" in kg.render_html(g)
(6, True)
>>> import kg.build
>>> callable(kg.build), callable(kg.extract)
(True, True)
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "kg.model",
    "Provenance": "kg.model",
    "Entity": "kg.model",
    "Mention": "kg.model",
    "Triple": "kg.model",
    "Meeting": "kg.model",
    "MeetingStatus": "kg.model",
    "Extraction": "kg.model",
    "KGError": "kg.errors",
    "extract": "kg.extract",
    "load_nlp": "kg.extract.pipeline",
    "to_rdf": "kg.rdf",
    "open_store": "kg.store",
    "build": "kg.build",
    "run_query": "kg.query",
    "load_query": "kg.query",
    "to_networkx": "kg.graph",
    "render_html": "kg.render",
    "show": "kg.render",
    "MapQuery": "kg.mapview",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        # Importing kg.build or kg.extract binds the submodule on the package, which would
        # shadow the function of the same name: kg.build(...) would work once, then fail.
        if name in _EXPORTS and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
