"""The endpoint's query page in headless Chromium: saved-query dropdown, parameters, results
table, and no request leaving the server's origin."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_serve import running

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.mark.browser
def test_query_page_runs_saved_and_typed_queries(fixture_store, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with running(fixture_store) as base, sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, args=ARGS, headless=True)
        page = ctx.new_page()
        foreign: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(base) else foreign.append(r.url))
        page.goto(base)
        page.wait_for_selector("#saved option[value=meetings-of]", state="attached")
        page.select_option("#saved", "meetings-of")
        page.wait_for_selector("#params input[name=name]")
        page.fill("#params input[name=name]", "Archer")
        page.click("#run")
        page.locator("#results tr").nth(1).wait_for()
        cells = page.eval_on_selector_all(
            "#results tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
        head = cells[0]
        partners = sorted(row[head.index("partner")] for row in cells[1:])
        assert partners == ["Bob Baker", "Carol Chen"]

        page.fill("#query", "SELECT ?x WHERE { ?x ?y }")
        page.click("#run")
        page.wait_for_selector("#status.err")
        assert "malformed SPARQL" in page.text_content("#status")
        ctx.close()
    assert foreign == []
