"""A small generated corpus for the crash and concurrency tests (and benchmarks/reliability.py)."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

PEOPLE = ["Alice Archer", "Bob Baker", "Carol Chen", "Dmitri Volkov", "Emma Schultz",
          "Farid Haddad", "Grace Okafor", "Hiro Tanaka", "Ines Duarte", "Jonas Berg"]
PLACES = ["Paris", "Moscow", "Miami", "Berlin", "Tokyo", "Nairobi", "Lima", "Oslo"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TEMPLATES = [
    "{a} met {b} in {p} on {d}.",
    "{a} will meet {b} in {p} on {d}, officials said.",
    "{a} and {b} held talks in {p} on {d} about trade and security.",
    "The ministry said {a} had spoken with {b} by phone on {d}.",
    "{a} criticised the plan, while {b} said it would help farmers in {p}.",
]


def write_corpus(directory: Path, articles: int = 12, sentences: int = 6, seed: int = 7,
                 prefix: str = "article") -> Path:
    """Write ``articles`` .txt files of generated news prose into ``directory``, named
    ``PREFIX-NNN.txt`` (the file name is the article id)."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    for n in range(articles):
        lines = []
        for _ in range(sentences):
            a, b = rng.sample(PEOPLE, 2)
            lines.append(rng.choice(TEMPLATES).format(a=a, b=b, p=rng.choice(PLACES),
                                                      d=rng.choice(DAYS)))
        (directory / f"{prefix}-{n:03d}.txt").write_text(
            f"Report {n}\n\n" + " ".join(lines) + "\n", encoding="utf-8")
    return directory


def snapshot_kg(directory: Path) -> Path:
    """Copy the ``kg`` package into ``directory`` and return it, for use as the ``cwd`` of
    ``python -m kg`` runs: builds compared quad for quad must run the same code, and in a
    shared working tree the extraction code can change between two runs."""
    import shutil

    src = Path(__file__).resolve().parent.parent / "kg"
    shutil.copytree(src, directory / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    return directory


def store_graphs(store: Path) -> dict[str, set[str]]:
    """``{graph IRI: set of N-Quads lines}`` of a store, opened read-only (it must open)."""
    import pyoxigraph as ox

    from kg.store import open_store

    with open_store(store, writable=False) as s:
        data = s.export("nquads")
    out: dict[str, set[str]] = defaultdict(set)
    for q in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        out[str(q.graph_name)].add(str(q))
    return dict(out)
