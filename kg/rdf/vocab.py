"""The ``kg`` vocabulary: the few terms schema.org, PROV-O, RDFS and SKOS do not already have.

Reused vocabularies carry the rest: ``schema:Event``, ``schema:attendee``,
``schema:location``, ``schema:startDate``, ``schema:NewsArticle``, ``schema:author``,
``schema:publisher``, ``schema:name``, ``prov:wasDerivedFrom``,
``rdfs:label``, ``skos:prefLabel`` and ``skos:altLabel``. See ``docs/vocabulary.md``.

>>> str(KG.Meeting)
'https://w3id.org/kg-news/vocab#Meeting'
>>> KG.NoSuchTerm  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'NoSuchTerm' not in namespace
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace

__all__ = ["KG", "KGR", "BASE", "PREFIXES", "SDO", "PROV", "RDF", "RDFS", "SKOS", "XSD"]

#: Where every resource IRI of ``kg`` lives (entities, articles, meetings, statements, graphs).
BASE = "https://w3id.org/kg-news/id/"

#: Relation properties minted from normalised relation lemmas ("meet with" -> KGR["meet-with"]).
KGR = Namespace("https://w3id.org/kg-news/relation/")


class KG(DefinedNamespace):
    """Terms of the ``kg`` vocabulary, one a line."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg-news/vocab#")

    # Classes
    Meeting: URIRef  # an n-ary meeting event; rdfs:subClassOf schema:Event
    Sentence: URIRef  # one sentence of an article; the unit of provenance
    Group: URIRef  # a collective tied to a country ("the American delegation"), an Organization
    MeetingStatus: URIRef  # the class of the status individuals below
    MeetingEvent: URIRef  # one real meeting of two or more people, reconciled from its reports

    # Meeting status individuals
    Happened: URIRef  # the meeting took place
    Planned: URIRef  # the meeting is expected, scheduled or announced
    Negated: URIRef  # the meeting did not happen, was cancelled or refused
    Disputed: URIRef  # an event's reports of one day disagree on whether it happened

    # Meeting properties
    status: URIRef  # a meeting's kg:MeetingStatus
    timeText: URIRef  # the meeting's time as written ("on Tuesday" -> "Tuesday")
    placeText: URIRef  # the meeting's place as written, also when it is no resolved entity
    trigger: URIRef  # the words that signal the meeting ("is expected to meet with")
    earliestDate: URIRef  # xsd:date: first day a report's meeting can be on (absent: open)
    latestDate: URIRef  # xsd:date: last day a report's meeting can be on (absent: open)
    datePrecision: URIRef  # day, week, month, year(s); bound or window (publication only); unknown

    # Meeting event properties (derived graphs; reports are linked by prov:wasDerivedFrom)
    reportCount: URIRef  # xsd:integer: how many articles report the event
    attendeeNames: URIRef  # an event's attendee names, "; "-joined in attendee-IRI order
    firstReported: URIRef  # xsd:date: publication date of the earliest report
    lastReported: URIRef  # xsd:date: publication date of the latest report

    # Statement (reified open-IE triple) properties
    relationText: URIRef  # the surface relation, as Open IE reports it
    subjectText: URIRef  # the subject argument as written
    objectText: URIRef  # the object argument as written
    extraArgument: URIRef  # a further argument of an n-ary extraction, as written
    negated: URIRef  # xsd:boolean: the relation is negated ("did not meet")
    modality: URIRef  # the modal or hedge that qualifies the relation ("may", "expected")
    attributedTo: URIRef  # who asserts the fact ("X said that ...") as written

    # Provenance properties
    confidence: URIRef  # xsd:double in [0, 1]: how sure the extractor is
    sentenceIndex: URIRef  # xsd:integer: the sentence's index inside its article, from 0
    charStart: URIRef  # xsd:integer: start offset of the sentence in the article text
    charEnd: URIRef  # xsd:integer: end offset (exclusive) of the sentence in the article text
    contentHash: URIRef  # SHA-256 of the article content the graph was built from
    extractor: URIRef  # the spaCy pipeline (name and version) that produced a graph

    # Entity properties
    country: URIRef  # the country of a demonym group ("American delegation" -> United States)

    # Corpus summary graph (kg/ingest/summary_graph.py), derived from the article graphs
    nameKey: URIRef  # a lower-cased label or alias of the entity, or its tail after a space
    commonLabel: URIRef  # the label most article graphs give the entity
    partner: URIRef  # another entity it met or shares a statement with (both ways)
    partnerCount: URIRef  # xsd:integer: distinct entities it met or shares a statement with
    meetingCount: URIRef  # xsd:integer: meetings in which it has a partner
    statementCount: URIRef  # xsd:integer: statements linking it to another entity
    connectedRank: URIRef  # xsd:integer: 1 = most partners (ties by label), for the first 100

    # Web fetch log (kg/ingest/fetch_state.py): what earlier builds learnt about each URL
    fetchedUrl: URIRef  # xsd:anyURI: the URL a fetch-log record is about
    urlOutcome: URIRef  # what the last build that looked at the URL did: stored, refused, ...
    urlKind: URIRef  # what the URL held when last read: feed, sitemap, sitemap-index or page
    failureCount: URIRef  # xsd:integer: failed fetches of the URL in a row
    lastFailure: URIRef  # xsd:dateTime: when the last of them happened
    outcomeReason: URIRef  # why that outcome: why it failed or was refused, as reported
    refusedForLang: URIRef  # the --lang a page was refused under (refused again if unchanged)
    permanentFailure: URIRef  # xsd:boolean: a 404, 410, robots.txt refusal or unreadable page
    listedBy: URIRef  # xsd:anyURI: the feed or sitemap that listed the URL
    etag: URIRef  # the ETag of the URL's last full answer (sent back as If-None-Match)
    lastModified: URIRef  # its Last-Modified (sent back as If-Modified-Since)
    recordChanged: URIRef  # xsd:dateTime: when the record last changed (same outcome since)
    listedModified: URIRef  # xsd:dateTime: when its feed or sitemap said the page last changed
    answeredFrom: URIRef  # xsd:anyURI: where a redirect led its last full answer (validators' URL)

    # Derivation marker (kg/ingest/derivation.py): a write began that events and summary lag
    derivationPending: URIRef  # xsd:dateTime: when a build or removal began writing articles


#: Prefixes bound on every graph and used by saved queries.
PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "kgr": str(KGR),
    "schema": str(SDO),
    "prov": str(PROV),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "rdf": str(RDF),
}
