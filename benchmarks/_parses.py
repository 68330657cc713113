"""Benchmark articles' spaCy parses kept on disk: a rule change is measured without parsing.

spaCy's own pipeline is about 70 % of extraction time, and a change to ``kg``'s rules does not
change it: the tagger, parser and NER see only the text. With ``KG_PARSE_CACHE=DIR`` (or a
benchmark's ``--parse-cache DIR``) each article's parse by the trained components is stored
under DIR, keyed by the pipeline's name and version, spaCy's version, the sentence cap and the
text; ``kg``'s components then run on it as in ``kg build``. The output is the same
Extraction as :func:`kg.ingest.build.extract_articles` gives (checked by ``--check``).

    KG_PARSE_CACHE=/work/data/parses .venv/bin/python benchmarks/meetings.py --direct
    .venv/bin/python benchmarks/_parses.py --check [DATA_DIR]   # cached == uncached
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from kg.model import Article, Extraction

__all__ = ["CACHE_ENV", "cache_dir", "parsed_docs", "extract_cached"]

#: Environment setting naming the parse cache folder (unset: no cache).
CACHE_ENV = "KG_PARSE_CACHE"


def cache_dir(flag: str | None = None) -> Path | None:
    """The cache folder: the flag's value, else ``$KG_PARSE_CACHE``, else None (no cache)."""
    where = flag or os.environ.get(CACHE_ENV)
    return Path(where) if where else None


def _prefix(nlp: Language) -> str:
    import spacy

    from kg.sources.limits import MAX_SENTENCE_TOKENS

    meta = nlp.meta
    return (f"{meta.get('name')}-{meta.get('version')}-spacy{spacy.__version__}"
            f"-cap{MAX_SENTENCE_TOKENS}-v2")


def _key(prefix: str, text: str) -> str:
    return hashlib.sha256(f"{prefix}\n{text}".encode()).hexdigest()


def parsed_docs(articles: list[Article], nlp: Language, cache: Path) -> Iterator[Doc]:
    """Each article's Doc, parsed by the trained components only (from the cache when there),
    with the article's id and date stamped, in order."""
    from spacy.tokens import Doc

    from kg.extract.pipeline import COMPONENTS, set_doc_context
    from kg.sources.limits import cap_sentences

    folder = cache / _prefix(nlp)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"{_key(folder.name, a.text)}.spacy" for a in articles]
    todo = [(a, p) for a, p in zip(articles, paths, strict=True) if not p.exists()]
    if todo:
        def fresh() -> Iterator[Doc]:
            for a, _ in todo:
                doc = nlp.make_doc(a.text)
                cap_sentences(doc)  # as kg build does, before the parser sees the doc
                yield doc

        trained = [n for n in nlp.pipe_names if n not in COMPONENTS]
        with nlp.select_pipes(enable=trained):
            for (_, p), doc in zip(todo, nlp.pipe(fresh(), batch_size=16), strict=True):
                # Written whole, then renamed: two benchmarks may fill the cache at once.
                with tempfile.NamedTemporaryFile(dir=folder, delete=False) as fh:
                    fh.write(doc.to_bytes(exclude=["user_data", "tensor"]))
                os.replace(fh.name, p)
    for a, p in zip(articles, paths, strict=True):
        doc = Doc(nlp.vocab).from_bytes(p.read_bytes())
        yield set_doc_context(doc, a.id, a.published)


def extract_cached(articles: Iterable[Article], nlp: Language,
                   cache: Path | None) -> list[Extraction]:
    """The articles' Extractions, as ``extract_articles`` gives them; parses cached if asked."""
    from kg.extract import extract
    from kg.extract.pipeline import COMPONENTS
    from kg.ingest.build import extract_articles

    articles = list(articles)
    if cache is None:
        return list(extract_articles(articles, nlp))
    out = []
    for a, doc in zip(articles, parsed_docs(articles, nlp, cache), strict=True):
        for name in COMPONENTS:
            doc = nlp.get_pipe(name)(doc)
        out.append(extract(doc, a))
    return out


def _check(argv: list[str]) -> int:
    import argparse

    import meetings as mb

    from kg.extract.pipeline import load_nlp

    ap = argparse.ArgumentParser(description="cached extraction == uncached extraction")
    ap.add_argument("--check", action="store_true", required=True)
    ap.add_argument("data", nargs="?", default=str(mb.DEFAULT_DATA))
    ap.add_argument("--extra", default=None)
    args = ap.parse_args(argv)
    articles = mb.load_articles(Path(args.data))
    articles += mb.extra_articles(Path(args.extra)) if args.extra else []
    nlp = load_nlp()
    plain = extract_cached(articles, nlp, None)
    with tempfile.TemporaryDirectory() as tmp:
        cold = extract_cached(articles, nlp, Path(tmp))
        warm = extract_cached(articles, nlp, Path(tmp))
    bad = [p.article.id for p, c, w in zip(plain, cold, warm, strict=True)
           if not (p == c == w)]
    sys.stdout.write(f"{len(articles)} articles; extractions differing from uncached: "
                     f"{len(bad)} {bad[:10]}\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(_check(sys.argv[1:]))
