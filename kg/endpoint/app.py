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
import functools
import ipaddress
import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from rdflib import Literal
from rdflib.term import Node
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg.endpoint.pool import Answer, QueryJob, QueryPool, answer
from kg.errors import (
    KGError,
    QueryError,
    QueryNotFoundError,
    QueryRefusedError,
    QueryTimeoutError,
)
from kg.query.guard import check_query
from kg.query.library import load_query, saved_queries
from kg.store import Store

__all__ = ["ServeConfig", "ProtocolRequest", "create_app", "read_request", "serve", "status_of",
           "UnsupportedContentTypeError", "QueryTooLongError", "MAX_QUERY_CHARS"]

log = logging.getLogger(__name__)

_TRUNCATED = "KG-Result-Truncated"
#: Longer query texts are refused before parsing, which runs on the event loop.
MAX_QUERY_CHARS = 100_000
#: How often the server looks for a newer snapshot of an on-disk store (a listdir).
FOLLOW_SECONDS = 0.5


class UnsupportedContentTypeError(KGError):
    """A POST whose body is none of the SPARQL Protocol's content types."""


class QueryTooLongError(QueryError):
    """A query text over :data:`MAX_QUERY_CHARS`, refused before parsing."""


# The page must stay offline: nothing but this origin may be contacted from it.
_PAGE_HEADERS = {"Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; "
                 "style-src 'unsafe-inline'; connect-src 'self'"}


#: The HTTP status for each error a request can end in, most specific first: the one place
#: where the endpoint maps errors to statuses.
_STATUS: tuple[tuple[type[KGError], int], ...] = (
    (UnsupportedContentTypeError, 415),
    (QueryTooLongError, 413),
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


@dataclass(frozen=True, slots=True)
class _Endpoint:
    """What the handlers share, held in ``app.state.endpoint``: the store, the settings, the
    query page, the thread executor and the pool of query processes (made on first use)."""

    store: Store
    cfg: ServeConfig
    page: str
    executor: ThreadPoolExecutor
    use_pool: bool
    pools: list[QueryPool] = field(default_factory=list)  # made at startup, closed at shutdown
    lock: threading.Lock = field(default_factory=threading.Lock)

    def pool(self) -> QueryPool:
        with self.lock:
            if not self.pools:
                self.pools.append(QueryPool(self.store.location, self.cfg.workers))
            return self.pools[0]

    def answer(self, job: QueryJob) -> Answer:
        # Runs in the executor: serialising happens off the event loop too, so a big result
        # never blocks it.
        return self.pool().run(job) if self.use_pool else answer(self.store, job)

    def follow(self) -> None:
        # A build in another process published a snapshot: new queries read it from now on.
        if self.store.refresh():
            log.info("now serving the newest snapshot of %s", self.store.location)
        if self.pools:
            self.pools[0].follow()


def _endpoint(request: Request) -> _Endpoint:
    endpoint: _Endpoint = request.app.state.endpoint
    return endpoint


_Handler = Callable[[Request], Awaitable[Response]]


def _answering(handler: _Handler) -> _Handler:
    """``handler``, with a failure answered by the status :func:`status_of` gives (the only
    place where a request's error becomes a response)."""
    @functools.wraps(handler)
    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except KGError as e:
            return PlainTextResponse(f"{e}\n", status_code=status_of(e))
    return run


async def _evaluate(request: Request, text: str, kind: str, bindings: dict[str, Node],
                    saved: Any = None, default_graph: list[str] | None = None,
                    named_graphs: list[str] | None = None) -> Response:
    ep = _endpoint(request)
    cfg = ep.cfg
    job = QueryJob(saved or text, kind, request.headers.get("accept"), cfg.max_rows,
                   cfg.timeout, bindings,
                   tuple(default_graph) if default_graph is not None else None,
                   tuple(named_graphs) if named_graphs is not None else None)
    loop = asyncio.get_running_loop()
    try:
        # A little slack: the pool itself stops at the limit and says why.
        a = await asyncio.wait_for(loop.run_in_executor(ep.executor, ep.answer, job),
                                   cfg.timeout + 1.0)
    except (TimeoutError, QueryTimeoutError) as e:
        raise QueryTimeoutError(f"query stopped at the time limit ({cfg.timeout:g}s)") from e
    if a.truncated:
        log.info("result cut at %d rows", cfg.max_rows)
    return Response(a.body, media_type=a.media,
                    headers={_TRUNCATED: "true"} if a.truncated else {})


@_answering
async def _sparql(request: Request) -> Response:
    asked = await read_request(request)
    if asked.update:
        raise QueryRefusedError("SPARQL Update is refused: this endpoint is read-only")
    if not asked.text:
        if request.url.path == "/":
            return HTMLResponse(_endpoint(request).page, headers=_PAGE_HEADERS)
        raise QueryError("give a SPARQL query in the query parameter")
    if len(asked.text) > MAX_QUERY_CHARS:
        raise QueryTooLongError(f"query longer than {MAX_QUERY_CHARS} characters")
    checked = check_query(asked.text)
    return await _evaluate(request, checked.text, checked.kind, {},
                           default_graph=asked.default_graph, named_graphs=asked.named_graphs)


async def _list_saved(request: Request) -> Response:
    return JSONResponse([{"name": q.name, "description": q.description,
                          "params": list(q.params), "param_help": list(q.param_help)}
                         for q in saved_queries()])


@_answering
async def _saved(request: Request) -> Response:
    q = load_query(request.path_params["name"])
    checked = check_query(q.text)
    bindings: dict[str, Node] = {k: Literal(v) for k, v in request.query_params.items()}
    return await _evaluate(request, q.text, checked.kind, bindings, saved=q)


@_answering
async def _saved_text(request: Request) -> Response:
    return PlainTextResponse(load_query(request.path_params["name"]).text)


async def _following(ep: _Endpoint) -> None:
    loop = asyncio.get_running_loop()
    while True:
        await asyncio.sleep(FOLLOW_SECONDS)
        try:
            await loop.run_in_executor(None, ep.follow)
        except KGError as e:  # say so, keep serving the snapshot we have
            log.warning("cannot move to the newest snapshot: %s", e)


@contextlib.asynccontextmanager
async def _lifespan(app: Any) -> AsyncIterator[None]:
    ep: _Endpoint = app.state.endpoint
    if ep.use_pool:  # workers start with the server, not with its first query
        await asyncio.get_running_loop().run_in_executor(None, ep.pool)
    follower = asyncio.create_task(_following(ep)) if ep.store.shared_by_processes else None
    yield
    if follower is not None:
        follower.cancel()
    ep.executor.shutdown(wait=False, cancel_futures=True)
    for p in ep.pools:
        p.close()


def create_app(store: Store, config: ServeConfig | None = None) -> Any:
    """The Starlette application serving ``store``."""
    cfg = config or ServeConfig()
    page = resources.files("kg.endpoint").joinpath("assets/query.html").read_text(encoding="utf-8")
    executor = ThreadPoolExecutor(max_workers=cfg.workers, thread_name_prefix="kg-sparql")
    ep = _Endpoint(store, cfg, page, executor, cfg.processes and store.shared_by_processes)
    store.publish()  # a writer's own writes: the query workers read published snapshots
    middleware = []
    if cfg.cors:
        middleware.append(Middleware(CORSMiddleware, allow_origins=["*"],
                                     allow_methods=["GET", "POST"], allow_headers=["*"]))
    app = Starlette(routes=[
        Route("/", _sparql, methods=["GET", "POST"]),
        Route("/sparql", _sparql, methods=["GET", "POST"]),
        Route("/queries", _list_saved, methods=["GET"]),
        Route("/queries/{name:str}", _saved, methods=["GET"]),
        Route("/queries/{name:str}/text", _saved_text, methods=["GET"]),
    ], middleware=middleware, lifespan=_lifespan)
    app.state.endpoint = ep
    app.state.query_pools = ep.pools
    return app


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
