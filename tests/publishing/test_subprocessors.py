"""``ropa.export_subprocessors``: the processors and sub-processors as CSV, Markdown and HTML."""

from __future__ import annotations

import csv
import io

import pytest

import ropa
from ropa.models import PartyRole, Register

from .conftest import HOSTILE, parse_html


def test_csv_lists_processors_then_their_sub_processors(shop: Register) -> None:
    rows = list(csv.reader(io.StringIO(ropa.export_subprocessors(shop, format="csv"))))
    assert rows[0] == [
        "Recipient",
        "Role",
        "Service",
        "Location",
        "Appropriate safeguards",
        "Processing activities",
    ]
    assert [r[:4] for r in rows[1:]] == [
        ["CloudHost GmbH", "Processor", "Hosts the web shop.", "Germany"],
        [
            "Backup Inc.",
            "Sub-processor of CloudHost GmbH",
            "Off-site backups for CloudHost.",
            "United States",
        ],
        ["Mailer LLC", "Processor", "Sends the newsletter.", "United States"],
    ]
    safeguards = [r[4] for r in rows[1:]]
    assert safeguards[0] == "Within the EEA: no transfer to a third country"
    assert safeguards[1].startswith("Standard contractual clauses")
    assert "module 3" in safeguards[1]
    assert "certified under the EU-US Data Privacy Framework (checked on 1 October 2026)" in safeguards[2]
    assert [r[5] for r in rows[1:]] == ["Order handling", "", "Newsletter"]


def test_markdown_and_html_hold_the_same_rows(shop: Register) -> None:
    md = ropa.export_subprocessors(shop, format="md", lang="nl")
    table = [line for line in md.splitlines() if line.startswith("| ")]
    assert len(table) == 2 + 3  # header, separator, three rows
    assert "Subverwerker van CloudHost GmbH" in md
    page = parse_html(ropa.export_subprocessors(shop, format="html", lang="de"))
    assert page.tags[0] == ("html", {"lang": "de"})
    heads = [t for t, a in page.tags if t == "th" and a.get("scope") == "row"]
    assert len(heads) == 3
    assert "Unterauftragsverarbeiter von CloudHost GmbH" in page.all_text


def test_an_unknown_format_is_a_value_error(shop: Register) -> None:
    with pytest.raises(ValueError, match="csv, md or html"):
        ropa.export_subprocessors(shop, format="xlsx")  # type: ignore[arg-type]


def _processor_register(hostile: Register) -> Register:
    parties = [p.model_copy(update={"role": PartyRole.PROCESSOR}) for p in hostile.parties or ()]
    return hostile.model_copy(update={"parties": parties})


def test_hostile_text_cannot_become_a_formula_markup_or_a_table_cell(hostile: Register) -> None:
    register = _processor_register(hostile)
    for row in csv.reader(io.StringIO(ropa.export_subprocessors(register, format="csv"))):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    md = ropa.export_subprocessors(register, format="md")
    for line in md.splitlines():
        if line.startswith("| ") and "---" not in line:
            assert line.count(" | ") - line.count("\\|") == 5, line  # six cells, pipes in text escaped
    assert "<" not in md
    page = parse_html(ropa.export_subprocessors(register, format="html"))
    assert "script" not in {t for t, _ in page.tags}
    flat = " ".join(page.all_text.split())
    assert any(" ".join(p.split()) in flat for p in HOSTILE)
