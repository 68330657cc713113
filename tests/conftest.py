"""Shared fixtures: the seed path, hand-built stores, and the (lazily loaded) spaCy pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

SEED = ROOT / "seeds" / "001-us-envoy-heads-to-moscow.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The sample article."""
    return SEED


@pytest.fixture(scope="session")
def nlp():
    """The pinned spaCy pipeline with the kg components (model tests only)."""
    from kg.extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture
def site():
    """The local test web site (tests/web_site.py) served on a free loopback port."""
    from web_site import Site, serve

    s = Site()
    server = serve(s)
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture(params=["memory", "oxigraph"])
def fixture_store(request, tmp_path):
    """A store of either kind holding the hand-built fixture article and its summary graph,
    as `kg build` leaves it."""
    from fixtures import extraction

    from kg.ingest.summary_graph import refresh_summary
    from kg.rdf.mapping import to_rdf
    from kg.store import open_store

    store = open_store("memory:" if request.param == "memory" else tmp_path / "store")
    store.replace_article(to_rdf(extraction()))
    refresh_summary(store)
    yield store
    store.close()
