"""``ropa.publish``: the static site, read back with an HTML parser."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings

import ropa
from ropa.models import Register
from ropa.publishing import diagram as graph
from tests.strategies import registers

from .conftest import HOSTILE, parse_html

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "link", "body", "a", "header", "nav", "ul", "li", "main", "footer",
    "p", "h1", "h2", "h3", "table", "caption", "thead", "tbody", "tr", "th", "td", "span", "section",
    "strong", "br", "address", "figure", "img", "figcaption", "dl", "dt", "dd",
}  # fmt: skip
INTERNAL = "INTERNAL-"


def pages(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.html"))}


@pytest.fixture(scope="module")
def shop_site(shop: Register, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("shop") / "site"
    ropa.publish(shop, folder, lang="en")
    return folder


def test_every_page_is_written_with_its_language(shop_site: Path, shop: Register) -> None:
    html = pages(shop_site)
    activity_pages = {f"activity-{a.id}.html" for a in shop.activities or ()}
    assert activity_pages <= set(html)
    assert {"index.html", "recipients.html", "transfers.html", "contact.html"} <= set(html)
    for name, text in html.items():
        root = parse_html(text).tags[0]
        assert root == ("html", {"lang": "en"}), name
        assert "<script" not in text.lower(), name
    assert (shop_site / "style.css").is_file()
    assert (shop_site / ".ropa-site").read_text().splitlines() == sorted(
        p.name for p in shop_site.iterdir() if not p.name.startswith(".")
    )


def test_every_link_resolves_to_a_written_file_and_anchor(shop_site: Path) -> None:
    html = pages(shop_site)
    ids = {name: {a.get("id") for _, a in parse_html(text).tags} for name, text in html.items()}
    checked = 0
    for name, text in html.items():
        for href in parse_html(text).hrefs():
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            assert not parts.scheme, (name, href)
            target = parts.path or name
            assert (shop_site / target).is_file(), (name, href)
            if parts.fragment and target.endswith(".html"):
                assert parts.fragment in ids[target], (name, href)
            checked += 1
    assert checked > 50


def _table_rows(text: str) -> list[tuple[str, list[str]]]:
    """(activity id, cell texts) of the activity table, read back from the HTML."""
    from html.parser import HTMLParser

    rows: list[tuple[str, list[str]]] = []

    class Rows(HTMLParser):
        current: list[str] | None = None
        cell: list[str] | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "tr" and found.get("data-activity"):
                self.current = []
                rows.append((found["data-activity"] or "", self.current))
            elif tag in ("td", "th") and self.current is not None:
                self.cell = []
            elif tag == "li" and self.cell is not None and self.cell:
                self.cell.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("td", "th") and self.current is not None and self.cell is not None:
                self.current.append("".join(self.cell).strip())
                self.cell = None
            elif tag == "tr":
                self.current = None

        def handle_data(self, data: str) -> None:
            if self.cell is not None:
                self.cell.append(data)

    Rows().feed(text)
    return rows


def test_the_activity_table_matches_the_register(shop_site: Path, shop: Register) -> None:
    rows = _table_rows((shop_site / "index.html").read_text(encoding="utf-8"))
    activities = shop.activities or []
    assert [r[0] for r in rows] == [a.id for a in activities]
    subjects = {s.id: s.name for s in shop.data_subjects or ()}
    categories = {c.id: c.name for c in shop.data_categories or ()}
    parties = {p.id: p.name for p in shop.parties or ()}
    for (_, cells), activity in zip(rows, activities, strict=True):
        name, purposes, bases, who, data, recipients, _countries = cells
        assert name == activity.name
        assert purposes.split("\n") == [p.description for p in activity.purposes or ()]
        expected_bases = list(
            dict.fromkeys(p.lawful_basis for p in activity.purposes or () if p.lawful_basis)
        )
        assert bases.split("\n") == [ropa_label(b) for b in expected_bases]
        assert who.split("\n") == [subjects[s] for s in activity.data_subjects or ()]
        assert data.split("\n") == [categories[c] for c in activity.data_categories or ()]
        assert recipients.split("\n") == [parties[r.party] for r in activity.recipients or ()]


def ropa_label(code: object) -> str:
    from ropa.i18n import label

    return label(code, "en")  # type: ignore[arg-type]


def test_filter_pages_list_exactly_the_matching_activities(shop_site: Path, shop: Register) -> None:
    index = parse_html((shop_site / "index.html").read_text(encoding="utf-8"))
    links = [a["href"] for tag, a in index.tags if tag == "a" and (a.get("href") or "").startswith("filter-")]
    assert links
    by_basis = [h for h in links if h and h.startswith("filter-basis-")]
    # 6-1-b, 6-1-f and 6-1-a, in the order they first occur.
    assert len(by_basis) == 3
    rows = _table_rows((shop_site / by_basis[1]).read_text(encoding="utf-8"))  # 6-1-f
    expected = [
        a.id for a in shop.activities or () if any(p.lawful_basis == "6-1-f" for p in a.purposes or ())
    ]
    assert [r[0] for r in rows] == expected == ["orders", "web-analytics"]


def test_internal_parts_stay_out_unless_named(shop: Register, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    ropa.publish(shop, plain, lang="en")
    for name, text in pages(plain).items():
        assert INTERNAL not in text, name
    assert INTERNAL not in (plain / "diagram.svg").read_text(encoding="utf-8")

    everything = tmp_path / "everything"
    report = ropa.validate(shop)
    ropa.publish(shop, everything, lang="en", include=ropa.PUBLISH_INTERNAL_PARTS, report=report)
    text = "\n".join(pages(everything).values())
    for marker in (
        "INTERNAL-ACTIVITY-NOTE",
        "INTERNAL-PARTY-NOTE",
        "INTERNAL-SUPPRESSION-ACTIVITY",
        "INTERNAL-MEASURE-DETAIL",
        "INTERNAL-SPECIFIC-MEASURE",
        "INTERNAL-UNMAPPED-VALUE",
        "INTERNAL-SYSTEM-NAME",
        "INTERNAL-STORAGE-LOCATION",
    ):
        assert marker in text, marker
    assert any(d.code in text for d in report.diagnostics)
    # References to internal documents are never published, whatever is included.
    for marker in ("INTERNAL-DPA-REF", "INTERNAL-LIA-REF", "INTERNAL-TIA-REF", "INTERNAL-CONSENT-RECORDS"):
        assert marker not in text, marker


def test_an_unknown_internal_part_is_a_value_error(shop: Register, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown internal part"):
        ropa.publish(shop, tmp_path / "x", include=["secrets"])
    assert not (tmp_path / "x").exists()


def test_a_folder_with_other_files_is_refused_and_left_alone(shop: Register, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me")
    with pytest.raises(ropa.ExportError, match="not written by 'ropa publish'"):
        ropa.publish(shop, folder)
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]


def test_republishing_removes_its_own_stale_pages_only(shop: Register, tmp_path: Path) -> None:
    folder = tmp_path / "site"
    ropa.publish(shop, folder)
    (folder / "notes.txt").write_text("added by hand after publishing")
    smaller = shop.model_copy(update={"activities": (shop.activities or [])[:1]})
    ropa.publish(smaller, folder)
    assert not (folder / "activity-newsletter.html").exists()
    assert (folder / "activity-orders.html").exists()
    assert (folder / "notes.txt").read_text() == "added by hand after publishing"


def test_transfers_show_country_and_safeguard_status(shop_site: Path) -> None:
    page = parse_html((shop_site / "transfers.html").read_text(encoding="utf-8"))
    text = " ".join(page.all_text.split())
    assert "United States" in text
    assert "Standard contractual clauses" in text or "standard contractual clauses" in text.lower()
    assert "certified under the EU-US Data Privacy Framework (checked on 1 October 2026)" in text
    statuses = [
        a.get("class") for tag, a in page.tags if tag == "span" and "status" in (a.get("class") or "")
    ]
    assert statuses.count("status status-missing") == 1
    assert statuses.count("status status-safeguarded") == 2


def test_recipients_page_lists_processors_with_their_sub_processors(shop_site: Path) -> None:
    page = parse_html((shop_site / "recipients.html").read_text(encoding="utf-8"))
    ids = [a.get("id") for tag, a in page.tags if tag == "tr" and a.get("id")]
    # Backup Inc. is nobody's direct recipient but CloudHost's sub-processor: it is listed too.
    assert ids == ["party-hosting", "party-backup", "party-mailer", "party-analytics", "party-carrier"]
    assert "Sub-processor of CloudHost GmbH" in page.all_text


@pytest.mark.parametrize("lang", ["nl", "fr", "de"])
def test_the_site_speaks_the_language_asked_for(shop: Register, tmp_path: Path, lang: str) -> None:
    from ropa.publishing import _text

    ropa.publish(shop, tmp_path, lang=lang)  # type: ignore[arg-type]
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in index
    assert _text.t("site.overview", lang) in index  # type: ignore[arg-type]
    assert _text.country("US", lang) in (tmp_path / "transfers.html").read_text(encoding="utf-8")  # type: ignore[arg-type]


def test_no_diagram_without_graphviz_and_no_link_to_it(shop: Register, tmp_path: Path) -> None:
    ropa.publish(shop, tmp_path, diagram=False)
    assert not (tmp_path / "diagram.svg").exists()
    assert "diagram.html" not in (tmp_path / "index.html").read_text(encoding="utf-8")


@pytest.mark.skipif(not graph.svg_available(), reason="Graphviz (dot) is not installed")
def test_the_diagram_page_embeds_the_svg_as_an_image(shop_site: Path) -> None:
    page = parse_html((shop_site / "diagram.html").read_text(encoding="utf-8"))
    images = [a for tag, a in page.tags if tag == "img"]
    assert images == [{"src": "diagram.svg", "alt": images[0]["alt"], "class": "diagram"}]
    assert images[0]["alt"]


# --- hostile text -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(hostile: Register, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "site"
    ropa.publish(hostile, folder, include=ropa.PUBLISH_INTERNAL_PARTS)
    return folder


def test_hostile_text_never_becomes_markup(hostile_site: Path) -> None:
    for name, text in pages(hostile_site).items():
        page = parse_html(text)
        for tag, attrs in page.tags:
            assert tag in ALLOWED_TAGS, (name, tag)
            for attr, value in attrs.items():
                assert not attr.startswith("on"), (name, tag, attr)
                if attr in ("href", "src"):
                    assert not (value or "").lower().lstrip().startswith(("javascript:", "data:")), (
                        name,
                        value,
                    )


def test_hostile_text_is_shown_as_text(hostile_site: Path) -> None:
    shown = "\n".join(parse_html(t).all_text for t in pages(hostile_site).values())
    flat = " ".join(shown.split())
    for payload in HOSTILE:
        assert " ".join(payload.split()) in flat, payload


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(register=registers())
def test_any_register_publishes_and_every_link_resolves(register: Register, tmp_path: Path) -> None:
    folder = tmp_path / f"site-{abs(hash(register.model_dump_json())) % 10**9}"
    ropa.publish(register, folder, diagram=False)
    html = pages(folder)
    assert len(html) >= 4 + len(register.activities or ())
    for name, text in html.items():
        for href in parse_html(text).hrefs():
            parts = urlsplit(href)
            if not parts.scheme:
                assert (folder / (parts.path or name)).is_file(), (name, href)
