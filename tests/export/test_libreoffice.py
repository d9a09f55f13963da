"""The workbook opens in a real spreadsheet application: LibreOffice prints it to PDF.

Skipped only when LibreOffice (``soffice``) is not installed; CI installs ``libreoffice-calc-nogui``. The
text of the PDF is read with ``pdftotext`` (poppler-utils) when present, else LibreOffice also converts the
workbook to HTML and the text is read from there.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ropa.diagnostics import Report
from ropa.export.xlsx import write_workbook
from ropa.models import Register

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def convert(
    source: Path, target_format: str, outdir: Path, profile: Path, *, infilter: str | None = None
) -> Path:
    assert SOFFICE is not None
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",  # a private profile: no clash with other runs
            "--headless",
            "--norestore",
            *([f"--infilter={infilter}"] if infilter else []),
            "--convert-to",
            target_format,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    suffix = target_format.split(":")[0]
    result = outdir / f"{source.stem}.{suffix}"
    assert result.exists(), f"LibreOffice wrote no {suffix}"
    return result


def pdf_text(pdf: Path, workbook: Path, outdir: Path, profile: Path) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is not None:
        return subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60
        ).stdout
    page = convert(workbook, "html", outdir, profile).read_text(encoding="utf-8", errors="replace")
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_libreoffice_prints_the_workbook(tmp_path: Path, webshop: Register, report: Report) -> None:
    workbook = write_workbook(webshop, tmp_path / "register.xlsx", lang="nl", report=report)
    outdir = tmp_path / "out"
    profile = tmp_path / "profile"
    pdf = convert(workbook, "pdf", outdir, profile)

    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert pages >= 10  # cover, organisation, the tiled activities sheet, ..., findings

    text = " ".join(pdf_text(pdf, workbook, outdir, profile).split())
    for expected in (
        "Register van de verwerkingsactiviteiten",
        "De Theepot B.V.",
        "Bestellingen afhandelen",
        "Verwerkingsdoeleinden",
        "7 jaar na afloop van het boekjaar",
        "Standaardcontractbepalingen",
        "RET-001",
    ):
        assert expected in text, expected
    assert "ropa-register-json/1" not in text  # hidden sheets are not printed
    if shutil.which("pdftotext"):
        assert "Pagina 1 van" in text  # the footer
