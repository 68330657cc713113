"""Meetings: who met whom, their status, place and time, from a parsed article."""

from __future__ import annotations

from kg.lazy import lazy_getattr

#: The stage's public names and the modules defining them, imported on first use, so that
#: importing one module of the stage never loads the others.
_EXPORTS = {
    "MeetingComponent": "kg.extract.meetings.meetings",
    "find_meetings": "kg.extract.meetings.meetings",
}

__all__ = list(_EXPORTS)

__getattr__ = lazy_getattr(__name__, _EXPORTS)
