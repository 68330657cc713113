"""A small news site served on 127.0.0.1 for the web tests: pages, a feed, a sitemap, a
sitemap index with two sitemaps, a robots.txt that disallows /private/, a slow page, 404s, a
410, a 503, redirects, a page in German, a page without article text, a PDF and a "feed" that
is not XML. Feeds, sitemaps and pages carry an ETag (pages a Last-Modified too), and answer 304
to a request that sends them back. Every request is logged, with its conditional headers."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = "User-agent: *\nDisallow: /private/\n"


def page(title: str, author: str, day: str, *paras: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (f"<!doctype html><html lang='en'><head><title>{title} | Harbour Times</title>"
            f"<meta property='og:title' content='{title}'>"
            f"<meta property='og:site_name' content='Harbour Times'>"
            f"<meta name='author' content='{author}'>"
            f"<meta property='article:published_time' content='{day}T07:00:00Z'>"
            f"<link rel='canonical' href='https://harbour.example/{day}/{author.split()[0].lower()}'>"
            f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer><p>Copyright Harbour Times. All rights reserved.</p></footer></body></html>")


PAGES = {
    "/news/envoy.html": page(
        "Envoy lands in Lisbon", "Marta Quintela", "2026-03-02",
        "The trade envoy Ilse Varga arrived in Lisbon on Monday for two days of talks with "
        "the Portuguese economy minister about fishing quotas.",
        "Varga told reporters at the airport that she expected a difficult first meeting, "
        "but that both governments wanted an agreement before the summer."),
    "/news/talks.html": page(
        "Port talks resume", "Owen Brackley", "2026-03-03",
        "Dock workers and the port authority of Valletta resumed talks on Tuesday after a "
        "strike that had closed the container terminal for nine days.",
        "The union leader Karl Mifsud said the new offer on night shifts was a step forward, "
        "and a vote of the members is planned for Friday."),
    "/news/summit.html": page(
        "Mayors meet in Ghent", "Lena Duarte", "2026-03-04",
        "The mayors of Ghent and Rotterdam met in Ghent on Wednesday to plan a shared "
        "tram line across the border, city officials said.",
        "The two cities will ask the regional governments for money in the spring budget."),
    "/news/hafen.html": page(
        "Hafengespräche gehen weiter", "Jonas Albrecht", "2026-03-03",
        "Die Hafenarbeiter und die Verwaltung des Hafens haben am Dienstag ihre Gespräche "
        "wieder aufgenommen, nachdem der Streik die Anlegestelle neun Tage lang geschlossen hatte.",
        "Der Vorsitzende der Gewerkschaft sagte, das neue Angebot für die Nachtschichten sei "
        "ein Schritt nach vorn, und die Mitglieder sollen am Freitag darüber abstimmen."),
    "/news/ferry.html": page(
        "Ferry line reopens", "Aino Salo", "2026-04-01",
        "The ferry between Tallinn and Helsinki resumed its night crossings on Wednesday "
        "after the port of Helsinki finished repairs to its second quay.",
        "The operator said tickets for the spring weekends were almost sold out."),
    "/news/menu.html": "<!doctype html><html lang='en'><head><title>Sections</title></head>"
                       "<body><nav><a href='/'>Home</a></nav></body></html>",
    "/private/secret.html": page(
        "Secret draft", "Nobody Atall", "2026-03-05",
        "This page is disallowed by robots.txt and must never be requested by the crawler."),
}


REDIRECTS = {"/go/secret": "/private/secret.html", "/go/talks": "/news/talks.html"}
#: Answers other than 200 and 404.
STATUS = {"/news/withdrawn.html": 410, "/news/busy.html": 503}
LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT"
#: Served with their own content types: a PDF, and a "feed" that is an error text, not XML.
FILES = {"/files/report.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
                               "application/pdf"),
         "/broken-feed.xml": (b"Service moved: the feed is under maintenance.",
                              "application/rss+xml")}


def rss(base: str, paths: list[str]) -> str:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link>"
                    f"<pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate></item>" for p in paths)
    return (f"<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
            f"<title>Harbour Times</title><link>{base}/</link>{items}</channel></rss>")


def sitemap_index(base: str, paths: list[str]) -> str:
    maps = "".join(f"<sitemap><loc>{base}{p}</loc></sitemap>" for p in paths)
    return ("<?xml version='1.0' encoding='UTF-8'?><sitemapindex "
            f"xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{maps}</sitemapindex>")


def sitemap(base: str, paths: list[str], lastmod: dict[str, str] | None = None) -> str:
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>{(lastmod or {}).get(p, '2026-03-01')}"
                   "</lastmod></url>" for p in paths)
    return ("<?xml version='1.0' encoding='UTF-8'?><urlset "
            f"xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>")


@dataclass
class Site:
    """The running server: its base URL, the request log and the feed's entries."""

    base: str = ""
    log: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    feed: list[str] = field(default_factory=lambda: ["/news/envoy.html", "/news/talks.html",
                                                     "/private/secret.html"])
    #: The sitemaps of /sitemap-index.xml and the pages each lists (tests change them).
    sitemaps: dict[str, list[str] | None] = field(default_factory=lambda: {
        "/sitemaps/march.xml": ["/news/summit.html", "/news/envoy.html"],
        "/sitemaps/april.xml": ["/news/talks.html"]})
    #: Pages whose text a test changed: path -> the new last paragraph.
    changed: dict[str, str] = field(default_factory=dict)
    #: The sitemaps' <lastmod> of a page, when not 2026-03-01.
    lastmod: dict[str, str] = field(default_factory=dict)
    slow_seconds: float = 3.0
    etags: bool = True  #: False: answers carry Last-Modified only
    #: (path, If-None-Match, If-Modified-Since) of every request that sent either.
    conditional: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    def requests(self, since: int = 0) -> list[str]:
        return self.log[since:]


def serve(site: Site) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # quiet test output
            pass

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            site.log.append(self.path)
            site.agents.append(self.headers.get("User-Agent", ""))
            site.times.append(time.monotonic())
            if self.path == "/news/slow.html":
                time.sleep(site.slow_seconds)
            match, since = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
            if match or since:
                site.conditional.append((self.path, match, since))
            if self.path in STATUS:
                self.send_error(STATUS[self.path])
                return
            if self.path in REDIRECTS:
                self.send_response(302)
                self.send_header("Location", site.base + REDIRECTS[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path in FILES:
                data, ctype = FILES[self.path]
            else:
                body, ctype = self._body()
                if body is None:
                    self.send_error(404, "Not Found")
                    return
                data = body.encode("utf-8")
            etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"' if site.etags else None
            # Feeds and sitemaps change between builds, so only their ETag may say they did
            # not; a changed page gets a later date.
            modified = (None if self.path.endswith(".xml") else
                        "Tue, 10 Mar 2026 08:00:00 GMT" if self.path in site.changed
                        else LAST_MODIFIED)
            if (match == etag) if match else (since is not None and since == modified):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            if etag:
                self.send_header("ETag", etag)
            if modified:
                self.send_header("Last-Modified", modified)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the slow page)

        def _body(self) -> tuple[str | None, str]:
            if self.path == "/robots.txt":
                return ROBOTS, "text/plain"
            if self.path == "/feed.xml":
                return rss(site.base, site.feed), "application/rss+xml"
            if self.path == "/sitemap.xml":
                return sitemap(site.base, ["/news/summit.html", "/news/envoy.html"],
                               site.lastmod), "text/xml"
            if self.path == "/sitemap-index.xml":
                return sitemap_index(site.base, list(site.sitemaps)), "application/xml"
            listed = site.sitemaps.get(self.path)
            if listed is not None:  # (None: listed by the index, but not served)
                return sitemap(site.base, listed, site.lastmod), "application/xml"
            if self.path in site.changed:
                return PAGES[self.path].replace(
                    "</article>", f"<p>{site.changed[self.path]}</p></article>"), "text/html"
            if self.path == "/news/slow.html":
                return PAGES["/news/envoy.html"], "text/html"
            return PAGES.get(self.path), "text/html; charset=utf-8"

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
