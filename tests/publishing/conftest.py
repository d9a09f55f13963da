"""Registers shared by the publishing tests: the MiKi4all register, a small shop with every published
feature (and internal material marked ``INTERNAL-``), and a register with hostile text in every field."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

import ropa
from ropa.models import Register

pytest.importorskip("jinja2", reason="the publish extra (jinja2) is not installed")
pytest.importorskip("babel", reason="the publish extra (babel) is not installed")

REPO = Path(__file__).resolve().parents[2]
SHOP = Path(__file__).parent / "fixtures" / "shop"
MIKI = REPO / "registers" / "miki4all"

HOSTILE = [
    "<script>alert('x1')</script>",
    '"><img src=x onerror=alert(2)>',
    "javascript:alert(3)",
    "</textarea></title><svg onload=alert(4)>",
    "{{ 7*7 }} {% raw %}",
    "[link](javascript:alert(5)) **bold** # heading\n- item\n> quote",
    '" onmouseover="alert(6)',
    "&lt;script&gt;alert(7)&lt;/script&gt;",
    "%%{init: {'securityLevel': 'loose'}}%%",
    "end\n  x --> y\nclick y call alert(8)",
    '\\N \\G "quoted" <b>dot</b>',
    "]]> <!-- --> <![CDATA[",
]
"""Payloads for every free-text field: HTML, attributes, URLs, template syntax, Markdown, Mermaid
directives and Graphviz escapes."""


def load(path: Path) -> Register:
    result = ropa.load(path)
    assert not [d for d in result.diagnostics if d.severity is ropa.Severity.ERROR], result.diagnostics
    return result.register


@pytest.fixture(scope="session")
def shop() -> Register:
    return load(SHOP)


@pytest.fixture(scope="session")
def miki() -> Register:
    return load(MIKI)


@pytest.fixture(scope="session")
def hostile() -> Register:
    from tests.adversarial.test_exports import register_with

    return register_with(HOSTILE)


class Markup(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def hrefs(self) -> Iterator[str]:
        for tag, attrs in self.tags:
            for name in ("href", "src"):
                value = attrs.get(name)
                if value is not None and tag in ("a", "link", "img"):
                    yield value


def parse_html(text: str) -> Markup:
    parser = Markup()
    parser.feed(text)
    parser.close()
    return parser
