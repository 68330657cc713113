"""kg: a knowledge-graph builder for news — who met whom, where and when, with provenance.

The public API, all importable from ``kg`` itself (imported lazily, so that ``import kg``
loads no model and no heavy library):

- :func:`build` (paths -> store; :mod:`kg.ingest.build`), :func:`open_store` (:mod:`kg.store`);
- :func:`load_query` and :func:`run_query` (:mod:`kg.query.library`);
- :func:`to_networkx` (:mod:`kg.network.graph`), :func:`render_html` and :func:`show`
  (:mod:`kg.map.render`), ``kg.export`` (:mod:`kg.network.export`: TriG, JSON-LD, GraphML);
- the records (:class:`Article`, :class:`Extraction`, ...) and :class:`KGError`.

The folders follow the pipeline: ``sources`` (reading articles) -> ``extract`` (spaCy ``Doc``
-> Extraction; the function is :func:`kg.extract.extract`) -> ``rdf`` -> ``store`` ->
``ingest`` (the build) -> ``query`` -> ``endpoint``, ``network``, ``map``, ``notebook``.
``notebooks/walkthrough.ipynb`` shows a session.

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
>>> import kg.ingest.build
>>> callable(kg.build), callable(kg.extract.extract), callable(kg.export.export_trig)
(True, True, True)
"""

from __future__ import annotations

from kg.lazy import lazy_getattr

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
    "load_nlp": "kg.extract.pipeline",
    "to_rdf": "kg.rdf.mapping",
    "open_store": "kg.store",
    "build": "kg.ingest.build",
    "run_query": "kg.query.library",
    "load_query": "kg.query.library",
    "to_networkx": "kg.network.graph",
    "render_html": "kg.map.render",
    "show": "kg.map.render",
    "MapQuery": "kg.map.view",
}
#: Modules reachable as attributes without importing them first (``kg.export.export_trig``).
_MODULES = {
    "export": "kg.network.export",
    **{name: f"kg.{name}" for name in (
        "sources", "extract", "rdf", "store", "ingest", "query", "endpoint", "network", "map",
        "notebook", "eval", "cli", "errors", "model", "sample", "info", "docs")},
}

__all__ = ["__version__", *_EXPORTS, "export"]

__getattr__ = lazy_getattr("kg", _EXPORTS, _MODULES)
