"""``ropa.notice``: the register-derived privacy-notice sections, in four languages, marked as a draft."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings

import ropa
from ropa.models import Register
from ropa.publishing import _text
from ropa.publishing._view import build_view
from ropa.publishing.notice import build_notice
from tests.strategies import registers

from .conftest import HOSTILE, parse_html

DAY = dt.date(2026, 12, 3)


def sections(register: Register, lang: str = "en") -> dict[str, str]:
    """Section key → the section's text (titles, paragraphs and items)."""
    doc = build_notice(build_view(register, lang), register, DAY)  # type: ignore[arg-type]
    return {
        s.key: "\n".join([s.title, *(b.text for b in s.blocks), *(i for b in s.blocks for i in b.items)])
        for s in doc.sections
    }


def test_the_sections_say_what_the_register_says(shop: Register) -> None:
    found = sections(shop)
    assert list(found) == [
        "controller", "purposes", "data", "recipients", "transfers", "retention", "rights", "automated",
        "sources",
    ]  # fmt: skip
    assert "Example Shop B.V." in found["controller"]
    assert "dpo@shop.example" in found["controller"]
    assert "Prevent payment fraud – Art. 6(1)(f) GDPR – legitimate interests" in found["purposes"]
    assert "Our legitimate interest: Not being defrauded." in found["purposes"]
    assert "Credit score" in found["data"]
    assert "CloudHost GmbH (Germany)" in found["recipients"]
    assert "Web analytics: United States (Analytics Corp) – No safeguard recorded" in found["transfers"]
    assert "[To review: no safeguard recorded for this transfer]" in found["transfers"]
    assert "7 years after the end of the financial year" in found["retention"]
    assert "Credit Bureau supplies a score" in found["sources"]
    assert "Orders with a low credit score are refused automatically." in found["automated"]


def test_rights_follow_the_lawful_bases(shop: Register) -> None:
    rights = sections(shop)["rights"]
    # Consent (newsletter) brings withdrawal; 6(1)(f) brings objection; 6(1)(a)/(b) portability.
    assert "withdraw your consent at any time" in rights
    assert "(for: Newsletter)" in rights
    assert "right to object" in rights
    assert "(for: Order handling, Web analytics)" in rights
    assert "The right to data portability (for: Order handling, Newsletter)" in rights
    assert "within 1 month of receiving it" in rights
    assert "extend this by 2 months" in rights
    assert "Autoriteit Persoonsgegevens (https://www.autoriteitpersoonsgegevens.nl)" in rights
    assert "Art. 22 GDPR" in rights  # automated decisions exist


def test_rights_a_register_does_not_give_are_left_out(miki: Register) -> None:
    rights = sections(miki)["rights"]
    assert "object" not in rights  # no activity relies on 6(1)(e) or (f)
    assert "Art. 22" not in rights  # no automated decisions


def test_gaps_are_marked_for_review_not_invented(miki: Register) -> None:
    found = sections(miki)
    assert "[To review: no legal basis recorded]" in found["purposes"]
    assert "[To review: the register states no purposes for this activity]" in found["purposes"]
    assert "[To review: the register does not say whether a data protection officer" in found["controller"]


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_notice_is_a_marked_draft_in_every_language(shop: Register, lang: str, fmt: str) -> None:
    text = ropa.notice(shop, lang=lang, format=fmt, today=DAY)  # type: ignore[arg-type]
    draft = _text.t("notice.draft", lang, date=_text.date(DAY, lang))  # type: ignore[arg-type]
    if fmt == "html":
        page = parse_html(text)
        assert page.tags[0] == ("html", {"lang": lang})
        assert draft in page.all_text
        assert ("p", {"class": "draft", "role": "note"}) in page.tags
    else:
        assert text.startswith("# ")
        assert re.sub(r"\\(.)", r"\1", text.splitlines()[2]) == f"> **{draft}**"
    assert _text.label("column.lawful_basis", lang) or True  # the labels come from ropa.i18n


def test_the_notice_is_written_atomically_when_a_path_is_given(shop: Register, tmp_path: object) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / "notice.md"
    text = ropa.notice(shop, target, today=DAY)
    assert target.read_text(encoding="utf-8") == text


def test_an_unknown_format_is_a_value_error(shop: Register) -> None:
    with pytest.raises(ValueError, match="md or html"):
        ropa.notice(shop, format="pdf")  # type: ignore[arg-type]


def test_hostile_text_in_the_markdown_stays_text(hostile: Register) -> None:
    text = ropa.notice(hostile, format="md", today=DAY)
    body = text.split("\n", 1)[1]
    # No HTML tag and no Markdown link, image or raw block survives.
    assert "<" not in body
    assert not re.search(r"(?<!\\)\]\(", body), "an unescaped link target"
    assert "\\[link\\](javascript:alert(5))" in body
    for line in body.splitlines():
        assert not line.startswith(("<", "```", "    <")), line


def test_hostile_text_in_the_html_stays_text(hostile: Register) -> None:
    page = parse_html(ropa.notice(hostile, format="html", today=DAY))
    assert {tag for tag, _ in page.tags} <= {
        "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "section", "ul",
        "li",
    }  # fmt: skip
    flat = " ".join(page.all_text.split())
    assert any(" ".join(p.split()) in flat for p in HOSTILE)


@settings(max_examples=25)
@given(registers())
def test_any_register_gives_a_notice_in_both_formats(register: Register) -> None:
    for fmt in ("md", "html"):
        text = ropa.notice(register, format=fmt, today=DAY)  # type: ignore[arg-type]
        assert _text.t("notice.h_rights", "en") in text.replace("\\", "")
