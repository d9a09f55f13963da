"""CSV export: one file per table, BOM, RFC 4180 line ends, the same columns, formula safety."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ropa.diagnostics import Report
from ropa.export.cells import ExportWarning, csv_escape
from ropa.export.columns import table
from ropa.export.csv import write_csv
from ropa.models import Register
from tests.export.conftest import with_activity

ALL_FILES = [
    "organisation.csv",
    "activities.csv",
    "parties.csv",
    "recipient-categories.csv",
    "transfers.csv",
    "retention.csv",
    "data-subjects.csv",
    "data-categories.csv",
    "security-measures.csv",
    "processor-record.csv",
    "findings.csv",
]


def read(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw[3:].decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_one_file_per_table(tmp_path: Path, webshop: Register, report: Report) -> None:
    written = write_csv(webshop, tmp_path / "out", lang="nl", report=report)
    assert [p.name for p in written] == ALL_FILES
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(ALL_FILES)


def test_same_columns_as_the_workbook(tmp_path: Path, webshop: Register) -> None:
    write_csv(webshop, tmp_path, lang="de")
    rows = read(tmp_path / "activities.csv")
    assert rows[0] == [c.label("de") for c in table("activities").columns]
    assert [r[0] for r in rows[1:]] == ["orders", "newsletter", "bookkeeping"]
    organisation = read(tmp_path / "organisation.csv")
    assert len(organisation) == 2
    assert organisation[1][0] == "De Theepot B.V."


def test_values_are_labels_dates_are_iso_lists_are_lines(tmp_path: Path, webshop: Register) -> None:
    write_csv(webshop, tmp_path, lang="nl")
    header, orders, *_ = read(tmp_path / "activities.csv")
    row = dict(zip(header, orders, strict=True))
    assert row["Rechtsgrond"] == (
        "1. Art. 6(1)(b) AVG – uitvoering van een overeenkomst\n2. Art. 6(1)(a) AVG – toestemming"
    )
    assert row["Laatst beoordeeld"] == "2026-02-15"
    assert row["Status"] == "Actief"
    assert row["Doorgiften aan derde landen of internationale organisaties"] == "Geen"
    assert row["Opmerkingen"] == ""


def test_line_ends_are_crlf(tmp_path: Path, webshop: Register) -> None:
    write_csv(webshop, tmp_path)
    raw = (tmp_path / "data-subjects.csv").read_bytes()
    assert raw.count(b"\r\n") == 4
    assert b"\n" not in raw.replace(b"\r\n", b"")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+31 20 123 4567", "'+31 20 123 4567"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("Salaries;=1+1", "Salaries;'=1+1"),
        ('x; "=HYPERLINK(1)', "x; \"'=HYPERLINK(1)"),
        ("a\t@SUM(1)", "a\t'@SUM(1)"),
        ("one\n-two\r\n+three", "one\n'-two\r\n'+three"),
        ("a, -2", "a, '-2"),
        ('"=1+1"', '\'"=1+1"'),
        ("e-mail, name", "e-mail, name"),
    ],
)
def test_csv_escape(text: str, expected: str) -> None:
    assert csv_escape(text) == expected


def test_formula_like_text_gets_an_apostrophe(tmp_path: Path, webshop: Register) -> None:
    write_csv(with_activity(webshop, name="=cmd|' /C calc'!A0"), tmp_path)
    assert read(tmp_path / "activities.csv")[1][1] == "'=cmd|' /C calc'!A0"


def test_control_characters_are_removed_with_a_warning(tmp_path: Path, webshop: Register) -> None:
    with pytest.warns(ExportWarning) as caught:
        write_csv(with_activity(webshop, name="a\x00b"), tmp_path)
    assert str(caught[0].message).startswith("activities.csv: removed 1 control character(s)")
    assert read(tmp_path / "activities.csv")[1][1] == "ab"


def test_fields_with_any_separator_are_quoted(tmp_path: Path, webshop: Register) -> None:
    write_csv(with_activity(webshop, name="a;b\tc"), tmp_path)
    raw = (tmp_path / "activities.csv").read_text(encoding="utf-8-sig")
    assert ',"a;b\tc",' in raw
    assert read(tmp_path / "activities.csv")[1][1] == "a;b\tc"


def test_a_table_file_ropa_did_not_write_is_kept(tmp_path: Path, webshop: Register, report: Report) -> None:
    """Only ropa's own table files are removed when a later export leaves a table out (the class of 14.1)."""
    (tmp_path / "findings.csv").write_text("my own findings\n", encoding="utf-8")
    write_csv(webshop, tmp_path)
    assert (tmp_path / "findings.csv").read_text(encoding="utf-8") == "my own findings\n"


def test_stale_table_files_are_removed(tmp_path: Path, webshop: Register, report: Report) -> None:
    write_csv(webshop, tmp_path, report=report)
    (tmp_path / "notes.txt").write_text("mine")
    plain = webshop.model_copy(update={"processor_activities": []})
    written = write_csv(plain, tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "processor-record.csv" not in names
    assert "findings.csv" not in names
    assert "notes.txt" in names  # only ropa's own table files are touched
    assert len(written) == 9


def test_unsupported_language(tmp_path: Path, webshop: Register) -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        write_csv(webshop, tmp_path, lang="es")  # type: ignore[arg-type]
