"""The ``kg`` command line: thin click commands over the library; errors become one clean line.

>>> sorted(cli.commands)[:4]
['build', 'extract', 'info', 'map']
"""

from __future__ import annotations

import sys
from datetime import date

import click

from kg.cli_common import (
    DELAY_OPTION,
    LANG_OPTION,
    MODEL_OPTION,
    STORE_OPTION,
    TIMEOUT_OPTION,
    Progress,
    fetcher,
    handle_errors,
    iso_date,
)

__all__ = ["cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
def cli(verbose: int) -> None:
    """kg: build a knowledge graph of who met whom, where and when, from news articles."""
    import logging

    logging.basicConfig(
        level=[logging.ERROR, logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 3)],
        format="kg: %(levelname)s: %(message)s",
    )


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@STORE_OPTION
@MODEL_OPTION
@click.option("--published", callback=iso_date,
              help="Publication date (YYYY-MM-DD) for articles that lack one.")
@click.option("--force", is_flag=True,
              help="Rebuild articles even when their content is unchanged.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="spaCy worker processes.")
@click.option("--scheduler", metavar="tcp://HOST:PORT|local:N", default=None,
              help="Extract on a Dask cluster (a scheduler address, or N local workers).")
@click.option("--bulk/--no-bulk", default=None,
              help="Load a new, empty store with Oxigraph's bulk loader: about 4x faster, all "
                   "or nothing (default: bulk whenever the store is new). --no-bulk commits "
                   "each article on its own, so an interrupted build keeps what it finished.")
@LANG_OPTION
@DELAY_OPTION
@TIMEOUT_OPTION
@click.option("--retry-failed", is_flag=True,
              help="For URLs: fetch again now the ones that failed in earlier builds (by "
                   "default they wait: hours to a week after a timeout or a 5xx, 30 days after "
                   "a 404, a 410 or a robots.txt refusal).")
@handle_errors
def build(paths: tuple[str, ...], store_spec: str, model: str | None, published: date | None,
          force: bool, jobs: int, lang: str, scheduler: str | None, bulk: bool | None,
          delay: float, timeout: float, retry_failed: bool) -> None:
    """Ingest article files, directories or URLs into the store.

    Inputs: .txt (title on line 1), .jsonl/.jsonl.gz, .html, - for JSON lines on stdin, or
    an http(s) URL of a page, an RSS/Atom feed or a sitemap (robots.txt is honoured).

    Re-ingesting an article replaces its facts; unchanged articles are skipped, and feed or
    sitemap entries whose URL is already stored are not fetched again. The store remembers
    what happened to every URL (kg urls lists it), the URLs that failed (they wait before
    being tried again) and each feed's and sitemap's ETag and Last-Modified (one unchanged
    since the last build is not read again).
    """
    from kg.ingest.build import build as run_build
    from kg.ingest.summary import build_report
    from kg.store import open_store

    progress = Progress(sys.stderr.isatty())
    try:
        with open_store(store_spec) as store:
            if scheduler:
                from kg.ingest.distributed import build_distributed

                s = build_distributed(list(paths), store, scheduler, model=model,
                                      published=published, force=force, lang=lang,
                                      progress=progress,
                                      fetcher=fetcher(delay, timeout, retry_failed))
            else:
                s = run_build(list(paths), store, model=model, published=published,
                              force=force, jobs=jobs, progress=progress, lang=lang, bulk=bulk,
                              fetcher=fetcher(delay, timeout, retry_failed))
    finally:
        progress.end()
    report = build_report(s, store_spec)
    click.echo(report.out)
    for line in report.err:
        click.echo(line, err=True)
    if report.status:
        sys.exit(report.status)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=iso_date,
              help="Publication date (YYYY-MM-DD) for articles that lack one.")
@DELAY_OPTION
@TIMEOUT_OPTION
@handle_errors
def read(paths: tuple[str, ...], published: date | None, delay: float, timeout: float) -> None:
    """Print the articles that build would ingest, as JSON Lines (no NLP).

    Takes the same inputs as build: files, directories, - for stdin, page, feed or sitemap
    URLs. Each line has id, title, published, url, author and text; an input that cannot be
    read is one line on stderr, and the others go on.
    """
    from kg.sources.articles import ArticleProblem
    from kg.sources.inputs import article_json, read_inputs

    problems = n_read = 0
    for item in read_inputs(list(paths), published, fetcher=fetcher(delay, timeout)):
        if isinstance(item, ArticleProblem):
            problems += 1
            click.echo(f"kg: skipped {item.source}: {item.reason}", err=True)
        else:
            n_read += 1
            click.echo(article_json(item))
    if problems and not n_read:
        sys.exit(1)


@cli.command()
@click.argument("article_ids", nargs=-1, required=True)
@STORE_OPTION
@handle_errors
def remove(article_ids: tuple[str, ...], store_spec: str) -> None:
    """Remove articles (by id) from the store, and update the meeting events they reported.

    An id that is not stored is refused, and then nothing is removed.
    """
    from kg.ingest.derivation import remove_articles
    from kg.store import open_store

    with open_store(store_spec) as store:
        u = remove_articles(store, article_ids)
    click.echo(f"removed {len(set(article_ids))} articles from {store_spec}; meeting events: "
               f"{u.created} created, {u.updated} updated, {u.removed} removed")


@cli.command()
@click.argument("query")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml"]),
              default="table", show_default=True,
              help="Output format (json is SPARQL 1.1 JSON results).")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Bind a query parameter (repeatable); passed as a binding, never pasted in.")
@handle_errors
def query(query: str, store_spec: str, fmt: str, params: tuple[str, ...]) -> None:
    """Run SPARQL: a saved query NAME (queries/NAME.rq), a .rq FILE, or the query text itself."""
    from kg.query.library import load_query, parse_params, run_query
    from kg.query.results import format_result
    from kg.store import open_store

    q = load_query(query)
    with open_store(store_spec, writable=False) as store:
        result = run_query(store, q, parse_params(params))
    click.echo(format_result(result, fmt).rstrip("\n"))


@cli.command("queries")
@handle_errors
def list_queries() -> None:
    """List the saved queries with what they answer and their parameters."""
    from kg.query.library import saved_queries

    for q in saved_queries():
        params = f" (params: {', '.join(q.params)})" if q.params else ""
        click.echo(f"{q.name:<20} {q.description}{params}")


@cli.command()
@STORE_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the store to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
              help="Query time limit in seconds (503 after it).")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1),
              help="Result row limit; longer results are cut and flagged in a response header.")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests from any web page.")
@handle_errors
def serve(store_spec: str, host: str, port: int, timeout: float, max_rows: int,
          cors: bool) -> None:
    """Serve the store read-only as a SPARQL 1.1 endpoint (/sparql), with a query page at /."""
    from kg.endpoint.app import ServeConfig
    from kg.endpoint.app import serve as run_server
    from kg.store import open_store

    with open_store(store_spec, writable=False) as store:
        click.echo(f"kg: serving {store_spec} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
        run_server(store, host, port, ServeConfig(timeout=timeout, max_rows=max_rows, cors=cors))


@cli.command("map")
@STORE_OPTION
@click.option("-o", "--output", default="out/map.html", show_default=True,
              help="HTML file to write.")
@click.option("--focus", metavar="NAME",
              help="Only the ego network of this entity (any of its names).")
@click.option("--hops", default=1, show_default=True, type=click.IntRange(0, 10),
              help="With --focus: how many edges away from it to go.")
@click.option("--only", "only", multiple=True, metavar="meetings|RELATION",
              help="Only meeting edges, or edges of this relation/predicate (repeatable).")
@click.option("--article", metavar="ID", help="Only facts from this article.")
@click.option("--since", callback=iso_date, metavar="DATE",
              help="Leave out meetings dated before DATE and facts from articles published "
                   "before DATE, and undated ones.")
@click.option("--until", callback=iso_date, metavar="DATE",
              help="Leave out meetings dated after DATE and facts from articles published "
                   "after DATE, and undated ones.")
@click.option("--max-nodes", type=click.IntRange(1), metavar="N",
              help="Draw N entities first (default 400: every meeting's participants, then "
                   "the most connected); the page's search and expansion reach the rest.")
@handle_errors
def map_cmd(store_spec: str, output: str, focus: str | None, hops: int, only: tuple[str, ...],
            article: str | None, since: date | None, until: date | None,
            max_nodes: int | None) -> None:
    """Write the relationship map: one offline HTML file that opens in any browser."""
    from kg.map.corpus import DEFAULT_BUDGET
    from kg.map.render import write_map
    from kg.map.view import MapQuery
    from kg.store import open_store

    q = MapQuery(focus=focus, hops=hops, only=only, article=article, since=since, until=until,
                 max_nodes=max_nodes)
    with open_store(store_spec, writable=False) as store:
        view = write_map(store, output, q)
    g = view.graph
    click.echo(f"wrote {output}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
    if view.dropped:
        more = f" and {len(view.dropped) - 20} more" if len(view.dropped) > 20 else ""
        click.echo(f"the first view left out {len(view.dropped)} entities (--max-nodes "
                   f"{max_nodes or DEFAULT_BUDGET}; search or expand to see them): "
                   f"{', '.join(view.dropped[:20])}{more}", err=True)


@cli.command()
@click.argument("paths", nargs=-1)
@MODEL_OPTION
@click.option("--published", callback=iso_date,
              help="Publication date (YYYY-MM-DD) for articles that lack one.")
@click.option("--sentences", type=click.Path(dir_okay=False),
              help="Open IE on FILE: one pre-tokenised sentence per line, no segmentation.")
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl", "carb", "tsv"]),
              default="text", show_default=True,
              help="Output format (carb and tsv only with --sentences).")
@LANG_OPTION
@handle_errors
def extract(paths: tuple[str, ...], model: str | None, published: date | None, fmt: str,
            sentences: str | None, lang: str) -> None:
    """Print the entities, triples and meetings found in articles, without storing them."""
    if sentences:
        if paths:
            raise click.UsageError("give either article PATHS or --sentences FILE, not both")
        from kg.extract.openie import extract_sentence_file

        extract_sentence_file(sentences, sys.stdout, "tsv" if fmt == "text" else fmt, model)
        return
    if not paths or fmt in ("carb", "tsv"):
        raise click.UsageError("give article PATHS (text or jsonl), or --sentences FILE")
    from kg.extract.report import extraction_jsonl, extraction_text
    from kg.ingest.build import extract_paths

    extractions, problems = extract_paths(list(paths), model=model, published=published,
                                          lang=lang)
    for x in extractions:
        click.echo(extraction_jsonl(x) if fmt == "jsonl" else extraction_text(x))
    for p in problems:
        click.echo(f"kg: skipped {p.source}: {p.reason}", err=True)
    if problems and not extractions:
        sys.exit(1)


@cli.command()
@STORE_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@handle_errors
def info(store_spec: str, as_json: bool) -> None:
    """Summarise a store: the model that built it, counts of articles, entities, triples and
    meetings, and its size on disk."""
    from kg.info import info_json, info_text, store_info
    from kg.store import open_store

    with open_store(store_spec, writable=False) as store:
        summary = store_info(store)
    click.echo(info_json(summary) if as_json else info_text(summary))


@cli.command()
@STORE_OPTION
@handle_errors
def urls(store_spec: str) -> None:
    """List every URL web builds looked at, with what the last one did with it (stored,
    unchanged, already stored, not modified, refused, failed, disallowed by robots.txt or
    waiting for its retry time) and why: tab-separated, one URL a line."""
    from kg.ingest.fetch_state import fetch_log_lines
    from kg.store import open_store

    with open_store(store_spec, writable=False) as store:
        lines = fetch_log_lines(store)
    click.echo("\n".join(lines))


def main() -> None:
    """Entry point for ``python -m kg``."""
    cli()


if __name__ == "__main__":
    main()

