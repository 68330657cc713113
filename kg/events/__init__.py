"""Meeting events: one real meeting of a pair of participants, reconciled from every article
that reports it (:mod:`kg.events.cluster`), kept in derived graphs (:mod:`kg.events.derive`).

>>> from kg.events import update_events, EventUpdate
>>> EventUpdate().created
0
"""

from kg.events.cluster import Event, Report, cluster_reports, reconcile_status
from kg.events.derive import EventUpdate, update_events

__all__ = ["Event", "Report", "EventUpdate", "cluster_reports", "reconcile_status",
           "update_events"]
