"""A read-only SPARQL 1.1 Protocol endpoint over a store, with the saved queries and a query page.

Why not ``rdflib-endpoint``: it was evaluated first (its ``sparql_router.py``). It hands the
query text straight to ``rdflib.Graph.query``, so ``SERVICE`` and ``FROM <url>`` are evaluated
by rdflib, which opens the URL (an SSRF and local-file hole); it has no time or row limit, no
``default-graph-uri``/``named-graph-uri`` handling, only rdflib graphs (not our Oxigraph store
and its engine), and its page loads YASGUI from a CDN. Only its update refusal met our rules,
so this is a thin Starlette app instead.

Routes: ``/`` (the query page, or the endpoint when given a ``query``), ``/sparql`` (the
endpoint), ``/queries`` (saved queries as JSON), ``/queries/NAME?param=...`` (a saved query,
parameters passed as bindings).

Limits: every query is checked by :mod:`kg.query.guard` before evaluation. Rows are read
lazily and both the row limit and the deadline are checked between rows, which stops a
runaway join or cross product. Work an engine does before its first row (a big ORDER BY or
GROUP BY) cannot be interrupted from inside, so on an on-disk store queries run in worker
processes (:mod:`kg.endpoint.pool`) and one that misses the time limit is killed and replaced.
An in-memory store (``memory:``) cannot be shared with another process: its queries run in
worker threads, where such work runs on after the 503 (at most ``workers`` at a time).

>>> ServeConfig(timeout=2.0, max_rows=10).workers
4
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import threading
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rdflib import Literal
from rdflib.term import Node

from kg.errors import (
    KGError,
    QueryError,
    QueryNotFoundError,
    QueryRefusedError,
    QueryTimeoutError,
)
from kg.store import Store

__all__ = ["ServeConfig", "ProtocolRequest", "create_app", "read_request", "serve", "status_of",
           "UnsupportedContentTypeError", "MAX_QUERY_CHARS"]

log = logging.getLogger(__name__)

_TRUNCATED = "KG-Result-Truncated"
#: Longer query texts are refused before parsing, which runs on the event loop.
MAX_QUERY_CHARS = 100_000
#: How often the server looks for a newer snapshot of an on-disk store (a listdir).
FOLLOW_SECONDS = 0.5


class UnsupportedContentTypeError(KGError):
    """A POST whose body is none of the SPARQL Protocol's content types."""


#: The HTTP status for each error a request can end in, most specific first: the one place
#: where the endpoint maps errors to statuses.
_STATUS: tuple[tuple[type[KGError], int], ...] = (
    (UnsupportedContentTypeError, 415),
    (QueryTimeoutError, 503),
    (QueryNotFoundError, 404),
    (QueryRefusedError, 403),
    (QueryError, 400),
    (KGError, 500),
)


def status_of(e: KGError) -> int:
    """The HTTP status answering a request that failed with ``e``.

    >>> status_of(QueryRefusedError("no")), status_of(QueryError("bad")), status_of(KGError())
    (403, 400, 500)
    """
    return next(status for cls, status in _STATUS if isinstance(e, cls))


@dataclass(frozen=True, slots=True)
class ProtocolRequest:
    """What a SPARQL 1.1 Protocol request asks: the query (None if absent), whether it is an
    update, and the dataset it names (None: the union of all article graphs)."""

    text: str | None
    update: bool = False
    default_graph: list[str] | None = None
    named_graphs: list[str] | None = None


async def read_request(request: Any) -> ProtocolRequest:
    """Read a query or update from a GET, a direct POST or a form POST (SPARQL 1.1 Protocol)."""
    params = request.query_params
    text: str | None = params.get("query")
    update = "update" in params
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "application/sparql-query":
            text = (await request.body()).decode("utf-8", errors="replace")
        elif ctype == "application/x-www-form-urlencoded" or ctype == "multipart/form-data":
            form = await request.form()
            update = update or "update" in form
            field = form.get("query")
            text = field if isinstance(field, str) else text
            params = form
        elif ctype == "application/sparql-update":
            update = True
        else:
            raise UnsupportedContentTypeError(f"unsupported content type {ctype or '(none)'}")
    return ProtocolRequest(
        text, update,
        params.getlist("default-graph-uri") if "default-graph-uri" in params else None,
        params.getlist("named-graph-uri") if "named-graph-uri" in params else None)


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """Endpoint settings: time limit (s), row limit, workers, CORS on or off, and whether
    queries on an on-disk store run in killable worker processes (else in threads)."""

    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 4
    cors: bool = False
    processes: bool = True


def create_app(store: Store, config: ServeConfig | None = None) -> Any:
    """The Starlette application serving ``store``."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.cors import CORSMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
    from starlette.routing import Route

    from kg.endpoint.pool import QueryJob, QueryPool, answer
    from kg.query.guard import check_query
    from kg.query.library import load_query, saved_queries

    cfg = config or ServeConfig()
    executor = ThreadPoolExecutor(max_workers=cfg.workers, thread_name_prefix="kg-sparql")
    use_pool = cfg.processes and store.shared_by_processes
    store.publish()  # a writer's own writes: the query workers read published snapshots
    pools: list[QueryPool] = []  # made at startup (or on first use), closed at shutdown

    def pool() -> QueryPool:
        with pool_lock:
            if not pools:
                pools.append(QueryPool(store.location, cfg.workers))
            return pools[0]

    pool_lock = threading.Lock()
    page = resources.files("kg.endpoint").joinpath("assets/query.html").read_text(encoding="utf-8")

    def error(status: int, message: str) -> Response:
        return PlainTextResponse(message + "\n", status_code=status)

    def failure(e: KGError) -> Response:
        return error(status_of(e), str(e))

    async def evaluate(request: Request, text: str, kind: str, bindings: dict[str, Node],
                       saved: Any = None, default_graph: list[str] | None = None,
                       named_graphs: list[str] | None = None) -> Response:
        job = QueryJob(saved or text, kind, request.headers.get("accept"), cfg.max_rows,
                       cfg.timeout, bindings,
                       tuple(default_graph) if default_graph is not None else None,
                       tuple(named_graphs) if named_graphs is not None else None)

        def work() -> tuple[bytes, str, bool]:
            # Serialising happens off the event loop too, so a big result never blocks it.
            a = pool().run(job) if use_pool else answer(store, job)
            return a.body, a.media, a.truncated

        loop = asyncio.get_running_loop()
        try:
            # A little slack: the pool itself stops at the limit and says why.
            body, media, truncated = await asyncio.wait_for(
                loop.run_in_executor(executor, work), cfg.timeout + 1.0)
        except (TimeoutError, QueryTimeoutError):
            return failure(QueryTimeoutError(f"query stopped at the time limit ({cfg.timeout:g}s)"))
        except KGError as e:
            return failure(e)
        headers = {_TRUNCATED: "true"} if truncated else {}
        if truncated:
            log.info("result cut at %d rows", cfg.max_rows)
        return Response(body, media_type=media, headers=headers)

    async def sparql(request: Request) -> Response:
        try:
            asked = await read_request(request)
        except KGError as e:
            return failure(e)
        if asked.update:
            return error(403, "SPARQL Update is refused: this endpoint is read-only")
        if not asked.text:
            if request.url.path == "/":
                return HTMLResponse(page, headers=_PAGE_HEADERS)
            return error(400, "give a SPARQL query in the query parameter")
        if len(asked.text) > MAX_QUERY_CHARS:
            return error(413, f"query longer than {MAX_QUERY_CHARS} characters")
        try:
            checked = check_query(asked.text)
        except KGError as e:
            return failure(e)
        return await evaluate(request, checked.text, checked.kind, {},
                              default_graph=asked.default_graph, named_graphs=asked.named_graphs)

    async def list_saved(request: Request) -> Response:
        return JSONResponse([{"name": q.name, "description": q.description,
                              "params": list(q.params), "param_help": list(q.param_help)}
                             for q in saved_queries()])

    async def saved(request: Request) -> Response:
        name = request.path_params["name"]
        try:
            q = load_query(name)
            checked = check_query(q.text)
        except KGError as e:
            return failure(e)
        bindings: dict[str, Node] = {k: Literal(v) for k, v in request.query_params.items()}
        return await evaluate(request, q.text, checked.kind, bindings, saved=q)

    async def saved_text(request: Request) -> Response:
        try:
            return PlainTextResponse(load_query(request.path_params["name"]).text)
        except KGError as e:
            return failure(e)

    def follow() -> None:
        # A build in another process published a snapshot: new queries read it from now on.
        if store.refresh():
            log.info("now serving the newest snapshot of %s", store.location)
        if pools:
            pools[0].follow()

    async def following() -> None:
        loop = asyncio.get_running_loop()
        while True:
            await asyncio.sleep(FOLLOW_SECONDS)
            try:
                await loop.run_in_executor(None, follow)
            except KGError as e:  # say so, keep serving the snapshot we have
                log.warning("cannot move to the newest snapshot: %s", e)

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        if use_pool:  # workers start with the server, not with its first query
            await asyncio.get_running_loop().run_in_executor(None, pool)
        follower = asyncio.create_task(following()) if store.shared_by_processes else None
        yield
        if follower is not None:
            follower.cancel()
        executor.shutdown(wait=False, cancel_futures=True)
        for p in pools:
            p.close()

    middleware = []
    if cfg.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=["*"],
                                     allow_methods=["GET", "POST"], allow_headers=["*"]))
    app = Starlette(routes=[
        Route("/", sparql, methods=["GET", "POST"]),
        Route("/sparql", sparql, methods=["GET", "POST"]),
        Route("/queries", list_saved, methods=["GET"]),
        Route("/queries/{name:str}", saved, methods=["GET"]),
        Route("/queries/{name:str}/text", saved_text, methods=["GET"]),
    ], middleware=middleware, lifespan=lifespan)
    app.state.query_pools = pools
    return app


# The page must stay offline: nothing but this origin may be contacted from it.
_PAGE_HEADERS = {"Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; "
                 "style-src 'unsafe-inline'; connect-src 'self'"}


def serve(store: Store, host: str = "127.0.0.1", port: int = 8000,
          config: ServeConfig | None = None) -> None:
    """Run the endpoint with uvicorn until interrupted."""
    import uvicorn

    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        log.warning("serving on %s: reachable from other machines", host)
    uvicorn.run(create_app(store, config), host=host, port=port, log_level="warning")
