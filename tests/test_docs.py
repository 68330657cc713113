"""The documentation a new user meets: generated files are current and cover the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.docs import cli_markdown, kg_terms_markdown, main, missing_help
from kg.query.library import saved_queries

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PY_PREFIX = {"KG": "kg", "SDO": "schema", "PROV": "prov", "SKOS": "skos", "RDFS": "rdfs",
             "RDF": "rdf", "XSD": "xsd"}
_PY_TERM = re.compile(r"\b(KG|SDO|PROV|SKOS|RDFS|RDF|XSD)\.([A-Za-z]\w*)")
_RQ_TERM = re.compile(r"(?<![\w<#/])(kg|schema|prov|skos|rdfs|rdf|xsd):([A-Za-z]\w*)")


def _block(text: str, name: str) -> str:
    return text.split(f"<!-- begin {name} -->\n", 1)[1].split(f"<!-- end {name} -->", 1)[0]


def terms_used_in_code() -> dict[str, set[str]]:
    """``{"schema:attendee": {"kg/rdf/mapping.py", ...}}`` for every vocabulary term the code uses."""
    used: dict[str, set[str]] = {}
    for path in sorted((ROOT / "kg").rglob("*.py")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith((">>>", "...")):
                continue  # doctests may show unknown terms on purpose
            for ns, name in _PY_TERM.findall(line):
                used.setdefault(f"{PY_PREFIX[ns]}:{name}", set()).add(str(path.relative_to(ROOT)))
    rq_files = [*sorted((ROOT / "queries").glob("*.rq")), *sorted((ROOT / "kg").rglob("*.rq"))]
    for path in rq_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith(("#", "PREFIX")):
                continue
            for prefix, name in _RQ_TERM.findall(line):
                used.setdefault(f"{prefix}:{name}", set()).add(str(path.relative_to(ROOT)))
    return used


def test_cli_md_is_current() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == cli_markdown(), \
        "docs/cli.md is out of date: run `python -m kg.docs cli`"


def test_every_command_and_option_has_help_text() -> None:
    assert missing_help() == []


def test_cli_md_covers_every_command() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    from kg.cli import cli

    for name in cli.list_commands(None):  # type: ignore[arg-type]
        assert f"## `kg {name}`" in text


def test_every_vocabulary_term_in_the_code_is_documented() -> None:
    doc = (DOCS / "vocabulary.md").read_text(encoding="utf-8")
    used = terms_used_in_code()
    assert {"kg:Meeting", "schema:attendee", "prov:wasDerivedFrom", "skos:altLabel"} <= set(used)
    missing = {t: sorted(files) for t, files in used.items()
               if not re.search(re.escape(t) + r"(?!\w)", doc)}
    assert not missing, f"terms used in the code but not in docs/vocabulary.md: {missing}"


def test_kg_terms_table_matches_vocab_module() -> None:
    doc = (DOCS / "vocabulary.md").read_text(encoding="utf-8")
    assert _block(doc, "kg-terms").strip() == kg_terms_markdown().strip(), \
        "run `python -m kg.docs vocabulary`"


def test_example_turtle_parses_and_shows_a_meeting_with_provenance() -> None:
    doc = (DOCS / "vocabulary.md").read_text(encoding="utf-8")
    turtle = _block(doc, "example-turtle").strip().removeprefix("```turtle").removesuffix("```")
    g = Graph().parse(data=turtle, format="turtle")
    rows = list(g.query("""
        PREFIX kg: <https://w3id.org/kg-news/vocab#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <https://schema.org/>
        SELECT ?m ?text WHERE { ?m a kg:Meeting ; schema:attendee ?a ;
                                   prov:wasDerivedFrom/schema:text ?text }"""))
    assert rows and "Macron" in str(rows[0][1])


def test_queries_md_documents_every_saved_query() -> None:
    text = (DOCS / "queries.md").read_text(encoding="utf-8")
    for q in saved_queries(ROOT / "queries"):
        assert f"\n## {q.name}\n" in text, f"docs/queries.md lacks {q.name}: run " \
                                           "`python -m kg.docs queries`"


def test_docs_check_reports_a_stale_file_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    stale = tmp_path / "docs" / "cli.md"
    stale.write_text("old\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["cli", "--root", str(tmp_path), "--check"])
    assert r.exit_code == 1 and "out of date" in r.output
    assert stale.read_text(encoding="utf-8") == "old\n"
    r = CliRunner().invoke(main, ["cli", "--root", str(tmp_path)])
    assert r.exit_code == 0 and stale.read_text(encoding="utf-8") == cli_markdown()


@pytest.mark.parametrize("doc", ["cli.md", "vocabulary.md", "queries.md"])
def test_doc_exists_and_says_it_is_generated(doc: str) -> None:
    assert "python -m kg.docs" in (DOCS / doc).read_text(encoding="utf-8")


def test_every_public_name_has_a_runnable_example() -> None:
    import importlib
    import inspect

    import kg

    bare = []
    for name in kg.__all__:
        if name == "__version__":
            continue
        obj = getattr(kg, name)
        # kg.export is a module (kg.network.export); its own docstring must show it in use.
        module = obj if inspect.ismodule(obj) else importlib.import_module(kg._EXPORTS[name])
        own = ">>>" in (inspect.getdoc(obj) or "")
        in_module = re.search(r">>>.*\b" + re.escape(name) + r"\b", module.__doc__ or "")
        if not (own or in_module):
            bare.append(name)
    assert not bare, f"kg exports without a doctest example (pytest runs them): {bare}"


@pytest.mark.model
def test_generated_docs_of_this_checkout_are_current() -> None:
    # The vocabulary page embeds the pipeline's own Turtle for an example sentence, so a change
    # in extraction or serialisation must come with `python -m kg.docs all`.
    r = CliRunner().invoke(main, ["all", "--root", str(ROOT), "--check"])
    assert r.exit_code == 0, r.output
