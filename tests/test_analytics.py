"""kg.network.analytics and kg.notebook.frames on hand-made graphs whose answers are known."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import EntityNotFoundError, KGError
from kg.model import Article, Extraction, Meeting, MeetingStatus, Provenance
from kg.network import analytics
from kg.network.graph import to_networkx
from kg.notebook.frames import meetings_frame, records_frame, triples_frame
from kg.notebook.helpers import Progress
from kg.sample import sample_extraction, sample_store


def chain() -> nx.MultiDiGraph:
    """a - b - c - d in a line, plus e hanging off b; b is the hub."""
    g = nx.MultiDiGraph()
    for n, label in zip("abcde", ["Ann Able", "Bob Baker", "Cy Cole", "Dee Dunn", "Eve Ezra"],
                        strict=True):
        g.add_node(n, label=label, type="person", aliases=[label.split()[0]], titles=[])
    g.add_node("p", label="Paris", type="place", aliases=[], titles=[])
    g.add_edge("a", "b", kind="relation", relation="advises", confidence=0.9,
               sentence="Ann advises Bob.", article="x")
    g.add_edge("c", "b", kind="relation", relation="works for", confidence=0.4,
               sentence="Cy works for Bob.", article="x")
    g.add_edge("b", "c", kind="meeting", relation="met", sentence="Bob met Cy.", article="y")
    g.add_edge("c", "d", kind="relation", relation="calls", confidence=0.5,
               sentence="Cy calls Dee.", article="y")
    g.add_edge("e", "b", kind="relation", relation="knows", confidence=0.2,
               sentence="Eve knows Bob.", article="y")
    return g


def test_centrality_ranks_the_hub_first_with_exact_betweenness() -> None:
    ranks = analytics.centrality(chain())
    assert [c.label for c in ranks][:2] == ["Bob Baker", "Cy Cole"]
    bob = ranks[0]
    # Bob lies on the shortest paths a-c, a-d, a-e, c-e and d-e; networkx normalises by the
    # (n-1)(n-2)/2 = 10 pairs of the other nodes of the whole graph (6 nodes with Paris).
    assert bob.neighbours == 3 and bob.betweenness == pytest.approx(5 / 10, abs=1e-4)
    assert "Paris" not in [c.label for c in ranks]
    assert "Paris" in [c.label for c in analytics.centrality(chain(), types=None)]


def test_shortest_path_prefers_meetings_and_reads_each_edge_its_own_way() -> None:
    steps = analytics.shortest_path(chain(), "ann able", "Dee")
    assert [(s.source, s.relation, s.target) for s in steps] == [
        ("Ann Able", "advises", "Bob Baker"),
        ("Bob Baker", "met", "Cy Cole"),
        ("Cy Cole", "calls", "Dee Dunn"),
    ]
    assert steps[1].sentence == "Bob met Cy." and steps[1].article == "y"
    assert analytics.shortest_path(chain(), "Ann", "Paris") == []


def test_unknown_names_raise_the_projects_error() -> None:
    with pytest.raises(EntityNotFoundError, match="Nobody"):
        analytics.shortest_path(chain(), "Ann", "Nobody")
    assert issubclass(EntityNotFoundError, KGError)


def test_ego_network_and_communities() -> None:
    ego = analytics.ego_network(chain(), "Cy Cole")
    assert sorted(ego.nodes) == ["b", "c", "d"]
    assert ego.number_of_edges() == 3  # both b-c edges are kept, and c-d
    groups = analytics.communities(chain())
    assert sorted(x for grp in groups for x in grp) == sorted(
        ["Ann Able", "Bob Baker", "Cy Cole", "Dee Dunn", "Eve Ezra"])


def test_meetings_frame_groups_n_ary_meetings_with_their_sentence() -> None:
    x = sample_extraction()
    s = x.sentences[1]
    three = Meeting(("person:volodymyr zelensky", "person:emmanuel macron",
                     "person:vladimir putin"), MeetingStatus.NEGATED, s, "did not meet")
    store = sample_store()
    from kg.rdf.mapping import to_rdf

    store.replace_article(to_rdf(Extraction(x.article, x.entities, x.triples,
                                            (*x.meetings, three), x.sentences)))
    df = meetings_frame(store)
    assert len(df) == 3
    row = df[df.status == "negated"].iloc[0]
    assert row.participants == ("Emmanuel Macron", "Vladimir Putin", "Volodymyr Zelensky")
    assert row.sentence == s.sentence and row.sentence_index == 1
    assert df.iloc[0].participants == ("Steve Witkoff", "Vladimir Putin")


def test_frames_of_an_empty_store_and_extraction_keep_their_columns() -> None:
    from kg.store import open_store

    assert list(meetings_frame(open_store("memory:")).columns)[:3] == [
        "participants", "status", "place"]
    empty = Extraction(Article("e", "T", "x"), sentences=(Provenance("e", 0, 0, 1, "x"),))
    assert triples_frame([empty]).empty and "sentence" in triples_frame([empty]).columns
    assert records_frame([]).empty


def test_projection_of_the_sample_has_one_meeting_edge_per_meeting() -> None:
    g = to_networkx(sample_store())
    kinds = sorted(d["kind"] for _, _, d in g.edges(data=True))
    assert kinds == ["meeting", "meeting", "relation", "relation"]


def test_progress_counts_articles_and_words_without_a_notebook() -> None:
    from kg.ingest.build import BuildProgress

    p = Progress(total=3, display=False)
    p(BuildProgress(1, "a", 10))
    p(BuildProgress(2, "b", 5))
    assert p.text() == "2/3 articles, 15 words — b"


def test_map_focus_and_analytics_pick_the_same_node_by_any_name():
    from kg.map.view import MapQuery, select
    from kg.network.graph import to_networkx

    g = to_networkx(sample_store())
    for name in ("Vladimir Putin", "president vladimir putin", "PUTIN", "Zelensky"):
        centre = analytics.find_node(g, name)
        assert select(g, MapQuery(focus=name, hops=0)).focus == centre
        assert centre in analytics.ego_network(g, name, radius=0)
