"""Workbooks that stay inside the archive limits but expand to gigabytes once read (issue 14.3).

The attack: a 32 KB workbook whose cells all name one 30 MB shared string (2.6 GB, exit 3), a 206 KB
workbook with one 100 MB row (3 GB) and a 2.5 MB workbook with 1 GB of shared strings (13 minutes,
5.4 GB, exit 0). ropa now counts the text it materialises (:mod:`ropa.importer._limits`), streams the
shared strings and bounds the XML of a row: each is refused with ``IMP-003`` in a second or two and a
little memory. ``python -m tests.adversarial.measure_bombs`` measures the full-size files.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from ropa.importer import Limits, import_workbook
from ropa.importer._limits import LimitExceeded, TextBudget, TextLimits
from ropa.importer._ooxml import GuardedArchive, escape, read_shared_strings, unescape

from . import _bombs
from ._helpers import run_cli

pytest.importorskip("openpyxl")


def refused_with_imp003(run_result: object) -> None:
    run = run_result
    assert hasattr(run, "assert_handled")
    run.assert_handled(2)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("build", "words"),
    [
        (
            lambda p: _bombs.one_string_many_cells(p, megabytes=30, cells=40),
            "shared string 1 of the workbook",
        ),
        (lambda p: _bombs.one_huge_row(p, megabytes=40), "row 2 of the workbook part"),
        (lambda p: _bombs.many_shared_strings(p, megabytes=40), "more than 1,000,000 shared strings"),
    ],
    ids=["30-MB-string-in-80-cells", "40-MB-row", "40-MB-of-shared-strings"],
)
def test_expanding_workbooks_are_refused_quickly_and_in_little_memory(
    tmp_path: Path, build: object, words: str
) -> None:
    book = build(tmp_path / "bomb.xlsx")  # type: ignore[operator]
    run = run_cli("import", book, "-o", tmp_path / "out", timeout=120)
    run.assert_handled(2)
    lines = [line for line in run.stdout.splitlines() if " IMP-003 error " in line]
    assert len(lines) == 1, run.stdout
    assert words in lines[0]
    assert "nothing was imported" in run.stderr
    assert not (tmp_path / "out").exists()
    assert run.max_rss_mb < 300, run.max_rss_mb
    assert run.cpu_seconds < 30, run.cpu_seconds


def test_the_cell_budget_counts_every_reference_to_a_shared_string(tmp_path: Path) -> None:
    """40,000 cells naming one 50,000-character string: each within the cell limit, together 2 billion."""
    book = _bombs.write_book(
        tmp_path / "many.xlsx",
        _bombs._sheet(
            [_bombs.HEADER]
            + [
                f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c><c r="B{r}" t="s"><v>0</v></c></row>'
                for r in range(2, 20_002)
            ]
        ),
        _bombs._strings(["<si><t>" + "x" * 50_000 + "</t></si>"], 1),
    )
    result = import_workbook(book)
    assert not result.imported
    [problem] = [d for d in result.diagnostics if d.code == "IMP-003"]
    assert "the cells read so far hold more than 100,000,000 characters" in problem.message
    assert problem.location.pointer.startswith("/Register/")  # the cell where the budget ran out


def test_a_workbook_within_the_limits_still_imports(tmp_path: Path) -> None:
    rows = [_bombs.HEADER] + [
        f'<row r="{r}"><c r="A{r}" t="s"><v>{r % 2}</v></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>Purpose {r}</t></is></c></row>'
        for r in range(2, 12)
    ]
    strings = [
        "<si><t>Payroll</t></si>",
        "<si><r><t>News</t></r><r><t>letter</t></r><rPh><t>ニュース</t></rPh></si>",
    ]
    book = _bombs.write_book(tmp_path / "ok.xlsx", _bombs._sheet(rows), _bombs._strings(strings, 2))
    result = import_workbook(book, sheet="Register")
    assert result.imported, result.diagnostics
    names = sorted({a.name for a in result.register.activities or []})
    assert names == ["Newsletter", "Payroll"]


# --- the budget, the shared-string reader and the archive guard -----------------------------------------


def test_budget_per_cell_and_in_all() -> None:
    budget = TextBudget(TextLimits(max_cell_chars=10, max_cell_total_chars=25))
    budget.cell(10, sheet="S", row=1, column=1)
    with pytest.raises(LimitExceeded) as caught:
        budget.cell(11, sheet="S", row=2, column=3)
    assert (caught.value.sheet, caught.value.row, caught.value.column) == ("S", 2, 3)
    budget.cell(5, repeat=3)
    with pytest.raises(LimitExceeded, match="more than 25 characters"):
        budget.cell(1)


def test_budget_of_shared_strings() -> None:
    budget = TextBudget(TextLimits(max_cell_chars=10, max_shared_strings=2, max_shared_chars=15))
    budget.string(4, index=0)
    budget.string(8, index=0)  # the same string, grown: 8 characters so far, not 12
    assert budget.shared_chars == 8
    with pytest.raises(LimitExceeded, match=r"shared string 2 .* more than 10 characters"):
        budget.string(11, index=1)
    budget = TextBudget(TextLimits(max_shared_strings=2))
    budget.string(0, index=0)
    budget.string(0, index=1)
    with pytest.raises(LimitExceeded, match="more than 2 shared strings"):
        budget.string(0, index=2)


def _sst(*items: str) -> io.BytesIO:
    body = "".join(items)
    return io.BytesIO(f'<?xml version="1.0"?><sst xmlns="{_bombs.MAIN}">{body}</sst>'.encode())


def test_shared_strings_plain_rich_and_phonetic() -> None:
    strings = read_shared_strings(
        _sst(
            "<si><t>plain</t></si>",
            "<si><r><rPr><b/></rPr><t>ri</t></r><r><t xml:space='preserve'>ch </t></r></si>",
            "<si><t>東京</t><rPh sb='0' eb='2'><t>トウキョウ</t></rPh></si>",
            "<si/>",
            "<si><t>_x000D__x005F_x0041_</t></si>",
        ),
        TextBudget(TextLimits()),
    )
    assert strings == ["plain", "rich ", "東京", "", "_x000D__x005F_x0041_"]  # escapes decoded per cell
    assert unescape(strings[4]) == "\r_x0041_"


def test_a_long_shared_string_is_refused_before_it_is_complete() -> None:
    class Counting(io.BytesIO):
        consumed = 0

        def read(self, size: int | None = -1) -> bytes:
            data = super().read(size)
            Counting.consumed += len(data)
            return data

    body = f'<sst xmlns="{_bombs.MAIN}"><si><t>' + "A" * (20 * 1024 * 1024) + "</t></si></sst>"
    stream = Counting(body.encode())
    with pytest.raises(LimitExceeded, match="more than 100,000 characters"):
        read_shared_strings(stream, TextBudget(TextLimits()))
    assert Counting.consumed < 1024 * 1024  # stopped within the first megabyte


@pytest.mark.parametrize(
    "text", ['<!DOCTYPE sst [<!ENTITY a "b">]><sst/>', '<!DOCTYPE sst SYSTEM "file:///etc/passwd"><sst/>']
)
def test_shared_strings_refuse_a_dtd(text: str) -> None:
    with pytest.raises(LimitExceeded, match="DTD"):
        read_shared_strings(io.BytesIO(text.encode()), TextBudget(TextLimits()))


def _archive(parts: dict[str, bytes], limits: TextLimits) -> GuardedArchive:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return GuardedArchive(buffer.getvalue(), limits)


def _row(cells: int, *, prefix: str = "") -> bytes:
    return (
        f"<{prefix}row>".encode()
        + f"<{prefix}c><{prefix}v>1</{prefix}v></{prefix}c>".encode() * cells
        + f"</{prefix}row>".encode()
    )


@pytest.mark.parametrize("prefix", ["", "x:"])
def test_the_row_guard(prefix: str) -> None:
    limits = TextLimits(max_row_bytes=1000, max_cells_per_row=20)
    ok = b"<ws>" + _row(20, prefix=prefix) * 200 + b"</ws>"
    with _archive({"s.xml": ok}, limits).open("s.xml") as handle:
        assert handle.read() == ok
    many = b"<ws>" + _row(3, prefix=prefix) + _row(21, prefix=prefix) + b"</ws>"
    with _archive({"s.xml": many}, limits).open("s.xml") as handle, pytest.raises(LimitExceeded) as caught:
        handle.read()
    assert caught.value.row == 2
    assert "more than 20 cells" in caught.value.message
    wide = b"<ws>" + f"<{prefix}row><{prefix}c><{prefix}v>".encode() + b"9" * 5000 + b"</v></c></row></ws>"
    with (
        _archive({"s.xml": wide}, limits).open("s.xml") as handle,
        pytest.raises(LimitExceeded, match="1,000 bytes"),
    ):
        handle.read()


def test_the_row_guard_refuses_cdata() -> None:
    data = b"<ws><row><c><is><t><![CDATA[<row></row>]]></t></is></c></row></ws>"
    with (
        _archive({"s.xml": data}, TextLimits()).open("s.xml") as handle,
        pytest.raises(LimitExceeded, match="CDATA"),
    ):
        handle.read()


def test_parts_read_whole_are_bounded() -> None:
    archive = _archive({"styles.xml": b"<a/>" * 300, "small.xml": b"<a/>"}, TextLimits(max_part_bytes=1000))
    assert archive.read("small.xml") == b"<a/>"
    with pytest.raises(LimitExceeded, match=r"styles\.xml"):
        archive.read("styles.xml")


def test_bloated_styles_are_refused(tmp_path: Path) -> None:
    """The class of 14.3 beyond shared strings: a part openpyxl parses whole (here the style sheet)."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Name", "Purpose"])
    wb.active.append(["Payroll", "Salaries"])
    path = tmp_path / "styled.xlsx"
    wb.save(path)
    bloated = tmp_path / "bloated.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bloated, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/styles.xml":
                data = data.replace(
                    b"</styleSheet>", b"<extLst>" + b"<ext uri='x'/>" * 3_000_000 + b"</extLst></styleSheet>"
                )
            target.writestr(info, data)
    result = import_workbook(bloated, limits=Limits(max_part_bytes=8 * 1024 * 1024))
    assert not result.imported
    [problem] = [d for d in result.diagnostics if d.code == "IMP-003"]
    assert "xl/styles.xml" in problem.message


def test_escape_and_unescape_are_inverse() -> None:
    for text in ["_x0041_", "a_x005F_b", "_x00", "x_x0041__x0042_y", "_X0041_", "plain"]:
        assert unescape(escape(text)) == text
    assert escape("_x0041_") == "_x005F_x0041_"
    assert unescape("_x000a__x0009_") == "\n\t"
