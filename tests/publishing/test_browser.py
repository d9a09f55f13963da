"""The published site in a real browser: Playwright driving Chromium (Debian's ``/usr/bin/chromium``).

One browser for the whole module. Every page of the site is visited over HTTP from a server on
127.0.0.1 (and the index from ``file://``): it loads without console errors, every link resolves (the
target answers 200 and the fragment names an element), the activity table holds what the register says,
and axe-core (from the npm registry, ``tests/publishing/browser``), injected into each page, reports no
serious or critical violation of WCAG 2.1 A/AA. The site built from a register with hostile text in every
field opens no dialog and has no script element. ``ROPA_UPDATE_SCREENSHOTS=1`` rewrites the screenshots
in ``docs/images/``.

Playwright's own browser download is not used: ``ROPA_CHROMIUM`` (default ``/usr/bin/chromium``) is
launched with ``executable_path``; Playwright gives each launch a fresh temporary user-data-dir.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import pytest

import ropa
from ropa.models import Register

from .conftest import REPO

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python is not installed (pip install playwright)"
)

CHROMIUM = os.environ.get("ROPA_CHROMIUM", "/usr/bin/chromium")
AXE = Path(os.environ.get("ROPA_AXE_JS", Path(__file__).parent / "browser/node_modules/axe-core/axe.min.js"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = REPO / "docs" / "images"

if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
    pytest.skip(
        f"Chromium not found at {CHROMIUM} (install Debian's chromium package, or set ROPA_CHROMIUM)",
        allow_module_level=True,
    )


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True, timeout=60_000)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def sites(
    shop: Register, hostile: Register, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, str]]:
    root = tmp_path_factory.mktemp("served")
    ropa.publish(shop, root / "shop", lang="en")
    ropa.publish(shop, root / "shop-nl", lang="nl")
    ropa.publish(hostile, root / "hostile", include=ropa.PUBLISH_INTERNAL_PARTS)
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    yield {"base": base, "root": str(root)}
    server.shutdown()
    server.server_close()


def _listen(page: Any) -> list[str]:
    """The console errors and uncaught page errors of ``page``, as they come."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def _visit(page: Any, url: str, errors: list[str] | None = None) -> list[str]:
    """Open ``url``; the console errors and uncaught page errors it produced."""
    if errors is None:
        errors = _listen(page)
    errors.clear()
    response = page.goto(url, wait_until="load")
    if response is not None and response.status != 200:
        errors.append(f"HTTP {response.status}")
    return errors


def _crawl(browser: Any, start: str, *, axe: bool) -> dict[str, dict[str, Any]]:
    """Every page reachable from ``start`` on the same site: errors, links and axe's serious findings."""
    context = browser.new_context(bypass_csp=axe)  # axe is injected as a script; the CSP forbids that
    if axe:  # loaded into every page before it runs: about five times faster than a script tag per page
        context.add_init_script(path=str(AXE))
    seen: dict[str, dict[str, Any]] = {}
    queue = [start]
    site = start.rsplit("/", 1)[0] + "/"
    page = context.new_page()
    listened = _listen(page)
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        errors = list(_visit(page, url, listened))
        links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
        violations: list[str] = []
        if axe:
            result = page.evaluate(
                "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
            )
            violations = [
                f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
        seen[url] = {"errors": errors, "links": links, "ids": set(ids), "axe": violations}
        for link in links:
            target, _ = urldefrag(link)
            if target.startswith(site) and target.endswith(".html") and target not in seen:
                queue.append(target)
    page.close()
    context.close()
    return seen


@pytest.fixture(scope="module")
def crawled(browser: Any, sites: dict[str, str]) -> dict[str, dict[str, Any]]:
    if not AXE.is_file():
        pytest.skip(
            f"axe-core not found at {AXE} (npm ci --prefix tests/publishing/browser, or set ROPA_AXE_JS)"
        )
    return _crawl(browser, urljoin(sites["base"], "shop/index.html"), axe=True)


def test_every_page_is_reached_and_loads_without_console_errors(
    crawled: dict[str, dict[str, Any]], sites: dict[str, str]
) -> None:
    written = {p.name for p in (Path(sites["root"]) / "shop").glob("*.html")}
    reached = {url.rsplit("/", 1)[1] for url in crawled}
    assert reached == written
    assert {url: r["errors"] for url, r in crawled.items() if r["errors"]} == {}


def test_every_link_resolves(crawled: dict[str, dict[str, Any]], browser: Any, sites: dict[str, str]) -> None:
    request = browser.new_context().request
    external: set[str] = set()
    for url, result in crawled.items():
        for link in result["links"]:
            target, fragment = urldefrag(link)
            if not target.startswith(sites["base"]):
                external.add(link)
                continue
            if target in crawled:
                if fragment:
                    assert fragment in crawled[target]["ids"], (url, link)
            else:
                assert request.get(target).status == 200, (url, link)
    # Only the controller's own addresses leave the site.
    assert external == {"mailto:privacy@shop.example", "https://shop.example/", "mailto:dpo@shop.example"}


def test_axe_finds_no_serious_violation(crawled: dict[str, dict[str, Any]]) -> None:
    assert {url: r["axe"] for url, r in crawled.items() if r["axe"]} == {}


def test_the_activity_table_in_the_browser_matches_the_register(
    browser: Any, sites: dict[str, str], shop: Register
) -> None:
    page = browser.new_page()
    page.goto(urljoin(sites["base"], "shop/index.html"))
    rows = page.eval_on_selector_all(
        "table.activities tbody tr",
        """rows => {
            const items = (r, f) =>
                [...r.querySelectorAll(`td[data-field=${f}] li`)].map(li => li.innerText.trim());
            return rows.map(r => ({id: r.dataset.activity, name: r.querySelector('th').innerText.trim(),
                purposes: items(r, 'purposes'), subjects: items(r, 'data_subjects'),
                recipients: items(r, 'recipients')}));
        }""",
    )
    page.close()
    subjects = {s.id: s.name for s in shop.data_subjects or ()}
    parties = {p.id: p.name for p in shop.parties or ()}
    assert rows == [
        {
            "id": a.id,
            "name": a.name,
            "purposes": [p.description for p in a.purposes or ()],
            "subjects": [subjects[s] for s in a.data_subjects or ()],
            "recipients": [parties[r.party] for r in a.recipients or ()],
        }
        for a in shop.activities or ()
    ]


def test_the_site_works_from_file_urls(browser: Any, sites: dict[str, str]) -> None:
    index = Path(sites["root"]) / "shop-nl" / "index.html"
    page = browser.new_page()
    errors = _visit(page, index.as_uri())
    assert errors == []
    assert page.evaluate("document.documentElement.lang") == "nl"
    # The stylesheet applied: the header is dark blue.
    assert (
        page.eval_on_selector("header.site", "e => getComputedStyle(e).backgroundColor") == "rgb(18, 53, 91)"
    )
    page.click("text=Ontvangers en verwerkers")
    assert page.url.endswith("/recipients.html")
    page.close()


def test_hostile_text_opens_no_dialog_and_adds_no_script(browser: Any, sites: dict[str, str]) -> None:
    context = browser.new_context()  # the site's own Content-Security-Policy applies
    dialogs: list[str] = []
    pages = sorted((Path(sites["root"]) / "hostile").glob("*.html"))
    assert len(pages) > 5
    for path in pages:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        errors = _visit(page, urljoin(sites["base"], f"hostile/{path.name}"))
        assert errors == [], path.name
        assert page.evaluate("document.querySelectorAll('script, iframe, object, embed').length") == 0
        assert page.evaluate(HANDLERS) is False
        page.close()
    context.close()
    assert dialogs == []


HANDLERS = (
    "[...document.querySelectorAll('*')].some(e => [...e.attributes].some(a => a.name.startsWith('on')))"
)
"""True when any element has an event-handler attribute."""

SHOTS = [
    ("shop/index.html", "publish-index.png", 1000),
    ("shop/activity-orders.html", "publish-activity.png", 1500),
    ("shop/transfers.html", "publish-transfers.png", 600),
    ("shop/diagram.html", "publish-diagram.png", 900),
    ("shop-nl/recipients.html", "publish-recipients-nl.png", 700),
]


def test_screenshots_for_the_docs(browser: Any, sites: dict[str, str], tmp_path: Path) -> None:
    folder = SCREENSHOTS if os.environ.get("ROPA_UPDATE_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    for url, name, height in SHOTS:
        if not (Path(sites["root"]) / url).exists():  # no diagram without Graphviz
            continue
        page.goto(urljoin(sites["base"], url))
        page.set_viewport_size({"width": 1200, "height": height})
        page.screenshot(path=str(folder / name))
        assert (folder / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.close()
