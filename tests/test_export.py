"""kg.network.export: every format reads back with the same content, graph names and attributes kept."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset

from kg.errors import StoreError
from kg.model import Article, Extraction
from kg.network.export import export_graphml, export_jsonld, export_trig
from kg.network.graph import to_networkx
from kg.rdf.iri import graph_iri, summary_graph_iri
from kg.rdf.mapping import to_rdf
from kg.sample import sample_store


def two_article_store():  # type: ignore[no-untyped-def]
    store = sample_store()
    store.replace_article(to_rdf(Extraction(Article("other", "Other", "Nothing happened."))))
    return store


def _graphs(ds: Dataset) -> dict[str, int]:
    return {str(g.identifier): len(g) for g in ds.graphs() if len(g)}


@pytest.mark.parametrize("fmt", ["trig", "json-ld"])
def test_exports_read_back_with_every_named_graph(tmp_path: Path, fmt: str) -> None:
    store = two_article_store()
    write = export_trig if fmt == "trig" else export_jsonld
    path = write(store, tmp_path / "sub" / f"kg.{fmt}")
    ds = Dataset()
    ds.parse(path, format=fmt)
    graphs = _graphs(ds)
    summary = {g: n for g, n in graphs.items() if g.startswith(str(summary_graph_iri()))}
    assert {g: n for g, n in graphs.items() if g not in summary} == {
        str(graph_iri("sample")): 94, str(graph_iri("other")): 4}
    assert sum(summary.values()) == 41  # the sample store's summary: ranks and shards
    assert not list(tmp_path.glob("sub/*.part"))


def test_jsonld_is_compacted_with_the_project_prefixes(tmp_path: Path) -> None:
    doc = json.loads(export_jsonld(sample_store(), tmp_path / "kg.jsonld").read_text())
    assert doc["@context"]["schema"] == "https://schema.org/"
    types = [n.get("@type") for n in doc["@graph"][0]["@graph"]]
    assert ["kg:Meeting", "schema:Event"] in types


def test_jsonld_export_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    # rdflib's serialiser walks sets, so without sorting the output depends on the
    # interpreter's hash seed; separate processes are the only way to vary it.
    script = (
        "import sys; from kg.network.export import export_jsonld; from kg.sample import sample_store; "
        "export_jsonld(sample_store(), sys.argv[1])"
    )
    outputs = []
    for seed in ("0", "1", "2", "3"):
        out = tmp_path / f"{seed}.jsonld"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(out)], env=env, check=True)
        outputs.append(out.read_bytes())
    assert all(o == outputs[0] for o in outputs)
    ids = [n["@id"] for n in json.loads(outputs[0])["@graph"][0]["@graph"]]
    assert ids == sorted(ids)


def test_graphml_keeps_labels_types_aliases_and_edge_sentences(tmp_path: Path) -> None:
    g = to_networkx(sample_store())
    back = nx.read_graphml(export_graphml(g, tmp_path / "kg.graphml"), force_multigraph=True)
    putin = "https://w3id.org/kg-news/id/person/vladimir-putin"
    assert back.nodes[putin]["label"] == "Vladimir Putin"
    assert back.nodes[putin]["aliases"] == "President Vladimir Putin"
    assert back.number_of_edges() == g.number_of_edges()
    meeting = [d for _, _, d in back.edges(data=True) if d["kind"] == "meeting"][0]
    assert meeting["sentence"].startswith(("President Vladimir Putin", "Ukrainian President"))


def test_unwritable_target_is_a_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot write"):
        export_trig(sample_store(), blocker / "kg.trig")
