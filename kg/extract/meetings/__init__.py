"""Meetings: who met whom, their status, place and time, from a parsed article."""

from __future__ import annotations

import importlib
from typing import Any

#: The stage's public names and the modules defining them, imported on first use, so that
#: importing one module of the stage never loads the others.
_EXPORTS = {
    "MeetingComponent": "kg.extract.meetings.meetings",
    "find_meetings": "kg.extract.meetings.meetings",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
