"""Untrusted spreadsheets through ``ropa import`` in a measured subprocess: zip bombs, entity expansion,
external entities and links, formulas, hidden and huge sheets, and files that are not workbooks.

tests/importer/test_hostile.py checks each refusal in-process; here the whole command runs as a user
runs it: it must end with exit 0, 1 or 2 (never 3, no traceback), within 5 s of CPU and 200 MB for the
refusals, write nothing when it refuses, never read a local file named by an entity, and never
evaluate a formula.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from ._helpers import PYTHON, CliRun, run_cli_batch, run_measured

pytest.importorskip("ropa.importer", reason="the importer (ropa.importer) has not landed")
openpyxl = pytest.importorskip("openpyxl")

SHEET = "xl/worksheets/sheet1.xml"
MB = 1024 * 1024


def _book(rows: int = 3) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append(["Name", "Purpose", "Lawful basis", "Categories of personal data", "Retention period"])
    for i in range(rows):
        ws.append([f"Activity {i + 1}", f"Purpose {i + 1}", "6(1)(b)", "Name", "2 years"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _rewrite(
    data: bytes, change: Callable[[str, bytes], bytes | None], add: dict[str, bytes] | None = None
) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            new = change(info.filename, content)
            target.writestr(info.filename, content if new is None else new)
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(SHEET, "w", force_zip64=True) as entry:
            block = b"\0" * MB
            for _ in range(150):  # 150 MB that deflate to about 150 KB
                entry.write(block)
    return out.getvalue()


def _doctype(part: str, doctype: str, reference: str) -> bytes:
    def change(name: str, data: bytes) -> bytes | None:
        if name != part:
            return None
        text = data.decode("utf-8")
        head, sep, rest = text.partition("?>")
        text = head + sep + doctype + rest if sep else doctype + text
        return text.replace("Purpose 1", reference).encode("utf-8")

    return _rewrite(_book(), change)


LAUGHS = (
    '<!DOCTYPE x [<!ENTITY a0 "lol">'
    + "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    + "]>"
)
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _formula_with_cached_value() -> bytes:
    """B2 holds a formula that would start a program, with the saved result 'Salaries'."""

    def change(name: str, data: bytes) -> bytes | None:
        if name != SHEET:
            return None
        text = data.decode("utf-8")
        start = text.index('<c r="B2"')
        end = text.index("</c>", start) + len("</c>")
        cell = '<c r="B2" t="str"><f>cmd|\' /C calc\'!A0</f><v>Salaries</v></c>'
        return (text[:start] + cell + text[end:]).encode("utf-8")

    return _rewrite(_book(), change)


def _external_link() -> bytes:
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/externalLinkPath" Target="http://evil.example/x.xlsx" '
        b'TargetMode="External"/></Relationships>'
    )
    return _rewrite(
        _book(),
        lambda name, data: None,
        add={
            "xl/externalLinks/externalLink1.xml": b"<externalLink/>",
            "xl/externalLinks/_rels/externalLink1.xml.rels": rels,
        },
    )


def _hidden_sheets() -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(_book()))
    hidden = wb.create_sheet("Hidden")
    hidden.append(["Name", "Purpose"])
    hidden.append(["Secret activity", "Smuggled"])
    hidden.sheet_state = "hidden"
    very = wb.create_sheet("VeryHidden")
    very.append(["Name", "Purpose"])
    very.append(["Very secret", "Smuggled too"])
    very.sheet_state = "veryHidden"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _huge_sheet(rows: int = 120_000, dimension: str | None = None) -> bytes:
    """A sheet XML written by hand: many rows of varied text (so it compresses like a real sheet), with
    a ``<dimension>`` that tells the truth unless ``dimension`` is given."""
    body = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>Activity {r * 7919 % 100003}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>Purpose {r * 104729 % 99991}</t></is></c></row>'
        for r in range(2, rows + 2)
    )
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><dimension ref="{dimension or f"A1:B{rows + 1}"}"/><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Purpose</t></is></c>'
        f"</row>{body}</sheetData></worksheet>"
    ).encode()
    return _rewrite(_book(), lambda name, data: sheet if name == SHEET else None)


CASES: dict[str, tuple[Callable[[], bytes], int, str | None]] = {
    # name: (the file, the exit code, a code the output must name)
    "zip-bomb": (_zip_bomb, 2, "IMP-003"),
    "laughs-in-styles": (lambda: _doctype("xl/styles.xml", LAUGHS, "&a9;"), 2, "IMP-004"),
    "external-entity": (lambda: _doctype(SHEET, XXE, "&xxe;"), 2, "IMP-004"),
    "external-entity-in-properties": (lambda: _doctype("docProps/core.xml", XXE, "&xxe;"), 2, "IMP-004"),
    "not-a-zip": (lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, 2, None),
    "empty-file": (lambda: b"", 2, None),
    "truncated": (lambda: _book()[:1500], 2, None),
    "formula-with-cached-value": (_formula_with_cached_value, 0, "IMP-017"),  # an info: results read
    "external-link": (_external_link, 1, "IMP-012"),
    "hidden-sheets": (_hidden_sheets, 1, None),
}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, CliRun]]:
    """``ropa import BOOK -o OUT`` for every case, in one measured process (see run_cli_batch)."""
    folders = {}
    for name, (make, _, _) in CASES.items():
        folders[name] = tmp_path_factory.mktemp(name)
        (folders[name] / "register.xlsx").write_bytes(make())
    argvs = [["import", folders[n] / "register.xlsx", "-o", folders[n] / "out"] for n in CASES]
    return {n: (folders[n], run) for n, run in zip(CASES, run_cli_batch(argvs), strict=True)}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_workbook_through_the_cli(runs: dict[str, tuple[Path, CliRun]], name: str) -> None:
    folder, run = runs[name]
    _, exit_code, code = CASES[name]
    run.assert_handled(exit_code)
    if code is not None:
        assert f" {code} " in run.stdout, run.output[-2000:]
    if exit_code == 2:
        assert not (folder / "out").exists()  # a refused file writes nothing
    assert run.cpu_seconds < 5.0, run.cpu_seconds
    assert run.max_rss_mb < 200, run.max_rss_mb


def _written(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((folder / "out").rglob("*.yaml")))


def test_no_local_file_is_read_through_an_entity(runs: dict[str, tuple[Path, CliRun]]) -> None:
    passwd = Path("/etc/passwd")
    secret = passwd.read_text(encoding="utf-8").splitlines()[0] if passwd.exists() else "root:x:0:0"
    for name in ("external-entity", "external-entity-in-properties"):
        folder, run = runs[name]
        assert secret not in run.output
        assert not (folder / "out").exists()


def test_a_formula_is_read_as_its_saved_result_never_evaluated(runs: dict[str, tuple[Path, CliRun]]) -> None:
    folder, _ = runs["formula-with-cached-value"]
    written = _written(folder)
    assert "Salaries" in written
    assert "cmd|" not in written
    assert "calc" not in written


def test_hidden_sheets_are_not_imported_silently(runs: dict[str, tuple[Path, CliRun]]) -> None:
    folder, run = runs["hidden-sheets"]
    written = _written(folder)
    assert "Activity 1" in written
    assert "Secret activity" not in written
    assert "Very secret" not in written
    assert "Hidden" in run.output  # the skipped sheets are named in a diagnostic


_IMPORT_HUGE = r"""
import json, sys, time
from ropa.importer import Limits, import_file
start = time.process_time()
result = import_file(sys.argv[1], limits=Limits(max_rows=5000))
print(json.dumps({
    "cpu": time.process_time() - start,
    "activities": len(result.register.activities or []),
    "codes": sorted({d.code for d in result.diagnostics}),
}))
"""


def test_huge_sheet_is_bounded(tmp_path: Path) -> None:
    """120,000 rows: read up to the row limit, the rest reported, in bounded time and memory.

    (The CLI's limit is 50,000 rows; importing that many activities takes minutes, most of it writing
    one YAML file per activity, so the test uses a limit of 5,000 through the library.)
    """
    book = tmp_path / "huge.xlsx"
    book.write_bytes(_huge_sheet())
    assert book.stat().st_size < 5 * MB
    run = run_measured([PYTHON, "-c", _IMPORT_HUGE, str(book)], timeout=300)
    assert run.returncode == 0, run.output[-3000:]
    seen = json.loads(run.stdout)
    assert "IMP-010" in seen["codes"]
    assert 4000 <= seen["activities"] <= 5000
    assert seen["cpu"] < 10, seen
    assert run.max_rss_mb < 300, run.max_rss_mb


def test_rows_beyond_a_lying_dimension_are_not_lost(tmp_path: Path) -> None:
    from ropa.importer import import_file

    book = tmp_path / "lying.xlsx"
    book.write_bytes(_huge_sheet(rows=10, dimension="A1:B2"))
    result = import_file(book)
    assert len(result.register.activities or []) == 10
