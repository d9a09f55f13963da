"""Measure the .ods readers the import could use: python-calamine, odfpy and ropa's streaming reader.

    pip install python-calamine odfpy     # only for this measurement; ropa depends on neither
    python benchmarks/ods_readers.py

Two files: a 1,000-row register converted to .ods by LibreOffice (``soffice``), and an 803-byte file
that repeats one cell 10,000 columns x 9,000 rows. Each reader runs in a child process with a 6 GB
address-space limit and a 120 s timeout, so a reader that explodes is measured, not fatal. The results
are in docs/import.md (OpenDocument).
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import io, json, sys, time, resource
path, reader = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
if reader == "calamine":
    from python_calamine import CalamineWorkbook
elif reader == "odfpy":
    from odf.opendocument import load
    from odf.table import Table, TableRow
else:
    from ropa.importer import Limits
    from ropa.importer._ods import read_ods
    from ropa.importer._report import Reporter
start = time.perf_counter()
if reader == "calamine":
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    rows = sum(len(book.get_sheet_by_name(name).to_python()) for name in book.sheet_names)
elif reader == "odfpy":
    doc = load(io.BytesIO(data))
    rows = sum(len(t.getElementsByType(TableRow)) for t in doc.spreadsheet.getElementsByType(Table))
else:
    sheets = read_ods(data, Limits(), Reporter(path), sheet=None) or []
    rows = sum(len(s.rows) for s in sheets)
seconds = time.perf_counter() - start
print(json.dumps({"rows": rows, "ms": round(seconds * 1000, 1),
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def register_ods(folder: Path) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Name", "Purpose of processing", "Categories of individuals", "Retention schedule"])
    for i in range(1000):
        ws.append([f"Activity {i}", "Invoicing customers and debt collection", "Customers", "7 years"])
    xlsx = folder / "register.xlsx"
    wb.save(xlsx)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed to make the .ods file")
    subprocess.run(
        [soffice, "--headless", "--convert-to", "ods", "--outdir", str(folder), str(xlsx)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / "register.ods"


def repeat_ods(folder: Path) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.odswriter import OdsSheet, content_xml, write_ods

    content = content_xml([OdsSheet("S", [["x"]])]).replace(
        '<table:table-row><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>',
        '<table:table-row table:number-rows-repeated="9000"><table:table-cell office:value-type="string" '
        'table:number-columns-repeated="10000"><text:p>xxxxxxxxxx</text:p></table:table-cell>',
    )
    return write_ods(folder / "repeat.ods", [], content=content)


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (6 * 1024**3, 6 * 1024**3))


def measure(path: Path, reader: str) -> dict[str, object]:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), reader],
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=_limit,  # a resource limit for the child only
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"outcome": "timeout after 120 s"}
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"outcome": f"failed (exit {done.returncode}) after {seconds:.1f} s: {last[:120]}"}
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = {"1,000-row register": register_ods(folder), "803-byte repeat file": repeat_ods(folder)}
        for label, path in files.items():
            for reader in ("calamine", "odfpy", "ropa"):
                print(f"{label:22} {reader:9} {measure(path, reader)}")


if __name__ == "__main__":
    main()
