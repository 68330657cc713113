"""The benchmarks' parse cache gives the same Extractions as parsing every time."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

_PATH = list(sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import _parses  # noqa: E402

sys.path[:] = _PATH

pytestmark = pytest.mark.model

TEXT = ("Foreign Minister Anna Moravec met Peter Novak, the head of Keller Steel, in Prague on "
        "Tuesday. She will meet him again next month. Novak said the talks went well.")


def test_cached_parses_give_the_same_extractions(tmp_path):
    from kg.extract.pipeline import load_nlp
    from kg.model import Article

    nlp = load_nlp()
    arts = [Article("a1", "T", TEXT, published=date(2024, 3, 8)),
            Article("a2", "T", TEXT.replace("Prague", "Vienna"))]
    plain = _parses.extract_cached(arts, nlp, None)
    cold = _parses.extract_cached(arts, nlp, tmp_path)
    files = sorted(tmp_path.rglob("*.spacy"))
    warm = _parses.extract_cached(arts, nlp, tmp_path)
    assert len(files) == 2  # one parse per text, written on the first run only
    assert sorted(tmp_path.rglob("*.spacy")) == files
    assert plain == cold == warm
    assert plain[0].meetings and plain[0] != plain[1]


def test_no_cache_unless_asked(monkeypatch, tmp_path):
    monkeypatch.delenv(_parses.CACHE_ENV, raising=False)
    assert _parses.cache_dir(None) is None
    monkeypatch.setenv(_parses.CACHE_ENV, str(tmp_path))
    assert _parses.cache_dir(None) == tmp_path
    assert _parses.cache_dir("elsewhere") == Path("elsewhere")
