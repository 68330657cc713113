"""The words that make a meeting: triggers, light verbs and the words of a trigger's context.

The meeting finder (:mod:`kg.extract.meetings.meetings`) reads a trigger's context with these sets.

>>> "summit" in NOUN_TRIGGERS and "hold" in LIGHT_VERBS
True
"""

from __future__ import annotations

from kg.extract.journeys import TRAVEL_VERBS

__all__ = ["VERB_TRIGGERS", "NOUN_TRIGGERS", "LIGHT_VERBS", "ATTEND", "NEEDS_WITH", "PERSON_ONLY",
           "TALK_MEDIA", "RECIPROCAL", "CONTEXT_PREPS", "SETTING", "AFTER", "BEFORE_AFTER",
           "OCCASIONS", "HOLD_SESSION", "HELD", "SAY", "PRESENCE", "TAKE_PART", "TOPIC",
           "DELEGATIONS", "ALONE",
           "SPEAK_TO", "MOTION", "TELL", "DEAL_WITH", "GET_FROM", "APPEARANCES",
           "HOSPITALITY_NOUNS", "CALL_NOUNS", "COME_TOGETHER", "JOINT_NOUNS", "AMONG",
           "PRESUPPOSED", "BODY_SESSIONS", "MEMBER_BODIES"]

VERB_TRIGGERS = frozenset(
    {"meet", "confer", "negotiate", "talk", "chat", "host", "receive", "visit", "sit", "call",
     "join", "gather", "convene", "assemble"}
)
NOUN_TRIGGERS = frozenset(
    {"talk", "meeting", "summit", "discussion", "negotiation", "consultation", "audience",
     "gathering"}
)
#: Nouns of a gathering that is a meeting only as a named body's, attended or addressed: "told
#: the annual conference of X", "at the X convention"; a news conference, or one no body holds,
#: is none.
BODY_SESSIONS = frozenset({"conference", "convention"})
#: Words of a body's name that say its members meet as it ("Association", "Council",
#: "Organisation"): its conference is their session, and one who addresses it attends it. A
#: conference a company, a university, an exchange or a magazine holds is one it stages for
#: an audience: no meeting with its host.
MEMBER_BODIES = frozenset(
    {"association", "associations", "federation", "confederation", "council", "union",
     "unions", "organisation", "organization", "community", "conference", "league", "society",
     "committee", "commission", "club", "countries", "nations", "forum", "agreement",
     "alliance", "chamber", "institute", "party", "congress", "assembly", "parliament",
     "cooperation", "co-operation", "movement", "fund", "caucus", "guild", "brotherhood",
     "organisations", "organizations", "states", "producers", "exporters", "importers",
     "workers", "bankers", "growers", "farmers", "manufacturers", "dealers", "refiners",
     "teamsters", "employers"}
)
#: Verbs whose subject takes part in the meeting their object names.
LIGHT_VERBS = frozenset(
    {"hold", "have", "begin", "start", "resume", "open", "conduct", "continue", "attend",
     "boycott", "skip", "chair", "host", "join", "convene", "enter", "wrap", "conclude",
     "cancel", "postpone", "end", "miss", "break", "terminate", "suspend", "complete",
     "finish", "discontinue", "rule out"}
)
#: Social occasions that bring a host and a guest together (:mod:`kg.extract.meetings.hospitality`).
HOSPITALITY_NOUNS = frozenset({"reception", "dinner", "lunch", "luncheon", "banquet",
                               "breakfast", "supper"})
#: "a courtesy call on X", "paid a call on X".
CALL_NOUNS = frozenset({"call"})
ATTEND = frozenset({"attend", "boycott", "skip", "miss"})
#: Meetings whose attendees meet each other when no body holds them: "A, B and C will attend
#: a summit"; a meeting or a conference may be anyone's, its co-attendees did not meet.
JOINT_NOUNS = frozenset({"summit", "talk"})
#: Prepositions that name all sides of a meeting, like "between": "talks among A, B and C".
AMONG = ("among", "amongst")
NEEDS_WITH = frozenset({"confer", "negotiate", "talk", "chat"})
#: Verbs that bring their subjects together only when they take no object: "A, B and C
#: gathered in Oslo", not "gathered information" or "convened the board".
COME_TOGETHER = frozenset({"gather", "convene", "assemble"})
#: Verbs whose coordinated subjects meet each other with no object: "A and B met", "A and B
#: negotiated a deal" ("A and B talked to reporters" addressed someone else).
RECIPROCAL = frozenset({"meet", "confer", "negotiate"}) | COME_TOGETHER
PERSON_ONLY = frozenset({"visit", "receive", "host", "join", "call"})
TALK_MEDIA = frozenset({"phone", "telephone", "video", "videoconference", "letter", "radio"})
CONTEXT_PREPS = frozenset({"after", "during", "at", "in", "before", "following", "from",
                            "since", "ahead", "for", "on", "into", "to"})
#: "seek support at the meeting": the meeting is the setting, not what is sought; "ahead of"
#: and "prior to" the meeting place it in time as "before" does.
SETTING = frozenset({"at", "during", "in", "after", "before", "following", "ahead", "prior"})
#: How a meeting noun hangs from a verb when the verb's wish or modal is not on the meeting:
#: its setting, or a thing of the meeting ("welcomed the outcome of the talks").
PRESUPPOSED = SETTING | {"of"}
#: Words that put a meeting before what they hang on ("left after the talks", "agreed to
#: merge following talks"), not make it its purpose or setting.
AFTER = frozenset({"after", "following"})
BEFORE_AFTER = AFTER | {"before", "ahead", "since"}
OCCASIONS = HOSPITALITY_NOUNS | CALL_NOUNS
#: Deals whose other company a meeting's topic names: "talks on a merger with X".
DEALS = frozenset({"merger", "takeover", "acquisition", "bid", "offer", "sale", "purchase",
                   "buyout", "venture", "partnership", "alliance", "acquire", "buy", "merge",
                   "sell"})
#: Verbs that open, hold or close a session ("opened a two-day meeting", "a meeting held last
#: week", "talks that ended on Monday").
HOLD_SESSION = frozenset({"open", "hold", "begin", "start", "end", "close", "resume", "conclude",
                          "continue", "have", "wind", "adjourn"})
HELD = frozenset({"hold", "schedule", "plan", "set", "slate", "arrange", "due"})
SAY = frozenset({"say", "tell", "report", "announce", "disclose", "add"})
PRESENCE = TRAVEL_VERBS | {"be"}
#: Getting somewhere besides travelling: "drove straight to a meeting with Y".
MOTION = frozenset({"drive", "walk", "rush", "hurry", "hasten", "return"})
#: Verbs of speaking to someone: "X assured Y at the meeting" puts X and Y at one meeting.
TELL = frozenset({"tell", "ask", "urge", "assure", "brief", "inform", "warn", "press", "promise",
                  "give", "hand", "offer", "thank", "congratulate", "persuade", "convince",
                  "reassure", "remind", "advise"})
#: Verbs of taking something up with someone: at a meeting, "with Y" is the other side.
DEAL_WITH = frozenset({"raise", "discuss", "take", "explore", "review", "share", "exchange",
                       "settle", "sign", "agree", "disagree", "clash", "argue", "plead",
                       "lodge", "negotiate", "conclude", "reach", "work", "cooperate"})
#: Verbs of getting something from someone: at a meeting, "from Y" is the other side.
GET_FROM = frozenset({"seek", "get", "obtain", "receive", "win", "secure", "extract", "demand",
                      "request", "hear", "elicit", "wring", "accept"})
#: Verbs that address someone through "to": "explained the plan to Y at the meeting".
SPEAK_TO = frozenset({"explain", "present", "submit", "make", "deliver", "outline", "describe",
                      "convey", "put", "express", "repeat", "show", "complain", "protest",
                      "pledge", "pass", "read"})
TAKE_PART = frozenset({"take", "participate", "join", "sit"})
#: "spoke on the talks", "a briefing about the negotiations": the talks are the topic.
TOPIC = frozenset({"on", "about", "over", "regarding", "concerning"})
#: Groups sent to meet others: when one visits a named body, it meets that body.
DELEGATIONS = frozenset({"delegation", "mission", "team"})
#: What each attendee does on their own: "A and B will retire at the meeting" only share it,
#: where "A and B discussed (said, agreed ...) at the meeting" met.
ALONE = frozenset({"retire", "resign", "quit", "step", "leave", "vote", "abstain", "testify",
                   "stand", "run", "walk", "depart", "arrive"})
#: Where people appear together before an audience: sharing one is no meeting ("was joined on
#: stage by", "joined at the launch by"; the guide leaves out press conferences and speeches).
APPEARANCES = frozenset({"launch", "stage", "platform", "podium", "rostrum", "rally", "photocall",
                         "walkabout", "hustings", "campaign", "tour"})
