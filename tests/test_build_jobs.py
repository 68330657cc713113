"""--jobs 2 (forked workers) builds exactly what one process builds, in input order."""

from __future__ import annotations

import json

import pytest

from kg.build import build
from kg.store import open_store

ARTICLES = [
    {"id": f"j{n}", "title": f"T{n}", "published": "2024-03-04", "text": text}
    for n, text in enumerate([
        "Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Beijing "
        "on Monday. Blinken will meet President Xi Jinping on Tuesday.",
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris.",
        "Shares in Acme Corp rose after the company reported higher profits.",
        "Prime Minister Rishi Sunak met Ukrainian President Volodymyr Zelensky in Kyiv.",
        "The central bank held rates, governor Andrew Bailey said in London.",
    ])
]


@pytest.mark.model
def test_two_workers_build_the_same_graphs(tmp_path, nlp):
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    quads = []
    for jobs in (1, 2):
        with open_store(tmp_path / f"s{jobs}") as s:
            summary = build([str(src)], s, jobs=jobs, batch_size=2)
            assert summary.built == tuple(a["id"] for a in ARTICLES)
            quads.append(set(s.quads()))
    assert quads[0] == quads[1]
