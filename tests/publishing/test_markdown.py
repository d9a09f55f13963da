"""The Markdown that ropa writes (notice, sub-processor list), rendered by a real CommonMark renderer
(markdown-it-py, with raw HTML allowed as a permissive renderer would): register text never becomes a
tag, a link, an image or a block of its own."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import ropa
from ropa.models import PartyRole, Register
from ropa.publishing._render import md_escape

from .conftest import HOSTILE, parse_html

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (a test dependency) is not installed")

TAGS = {
    "h1",
    "h2",
    "p",
    "em",
    "strong",
    "ul",
    "li",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def render(text: str) -> str:
    html: str = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    return html


def test_the_hostile_notice_renders_to_plain_structure(hostile: Register) -> None:
    page = parse_html(render(ropa.notice(hostile, format="md", today=dt.date(2026, 12, 3))))
    assert {tag for tag, _ in page.tags} <= TAGS
    flat = " ".join(page.all_text.split())
    for payload in HOSTILE:
        if " ".join(payload.split()) in flat:
            break
    else:
        pytest.fail("no payload is shown as text")


def test_the_hostile_sub_processor_table_keeps_its_columns(hostile: Register) -> None:
    parties = [p.model_copy(update={"role": PartyRole.PROCESSOR}) for p in hostile.parties or ()]
    register = hostile.model_copy(update={"parties": parties})
    html = render(ropa.export_subprocessors(register, format="md"))
    page = parse_html(html)
    assert {tag for tag, _ in page.tags} <= TAGS
    rows = html.split("<tr>")[1:]
    assert rows
    for row in rows:
        assert row.count("<td>") + row.count("<th>") == 6


@example("&amp; &copy; &#60;x&#62;")
@example("x\\")
@example("1. not a list")
@given(st.text())
def test_any_text_renders_as_itself(text: str) -> None:
    html = render(f"- {md_escape(text)}\n")
    page = parse_html(html)
    assert [tag for tag, _ in page.tags] == ["ul", "li"] or [tag for tag, _ in page.tags] == ["ul", "li", "p"]
    shown = " ".join(page.all_text.split())
    assert shown == " ".join(text.replace("\x00", "\ufffd").split())
