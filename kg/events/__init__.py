"""Meeting events: one real meeting of two or more participants, reconciled across articles.

Every article that reports it counts (:mod:`kg.events.cluster` per pair, :mod:`kg.events.merge`
across pairs); the events are kept in derived graphs (:mod:`kg.events.derive`).

>>> from kg.events import update_events, EventUpdate
>>> EventUpdate().created
0
"""

from kg.events.cluster import Event, Report, cluster_reports, reconcile_status
from kg.events.derive import EventUpdate, update_events
from kg.events.merge import MeetingEvent, merge_pair_events

__all__ = ["Event", "Report", "EventUpdate", "MeetingEvent", "cluster_reports",
           "merge_pair_events", "reconcile_status", "update_events"]
