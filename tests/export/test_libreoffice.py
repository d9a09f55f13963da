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
import zipfile
from pathlib import Path

import pytest

from ropa.diagnostics import Report
from ropa.export.xlsx import write_workbook
from ropa.models import Register
from tests.export.conftest import with_activity

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


def pdf_pages(pdf: Path) -> int:
    """The page count of ``pdf`` (``pdfinfo`` when present, else the page objects)."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is not None:
        info = subprocess.run([pdfinfo, str(pdf)], check=True, capture_output=True, text=True, timeout=60)
        return int(re.search(r"^Pages:\s+(\d+)", info.stdout, flags=re.MULTILINE).group(1))  # type: ignore[union-attr]
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def test_libreoffice_prints_the_workbook(tmp_path: Path, webshop: Register, report: Report) -> None:
    workbook = write_workbook(webshop, tmp_path / "register.xlsx", lang="nl", report=report)
    outdir = tmp_path / "out"
    profile = tmp_path / "profile"
    pdf = convert(workbook, "pdf", outdir, profile)

    assert pdf.read_bytes().startswith(b"%PDF-")
    # summary, activities (2 wide), recipients, transfers, retention, categories and measures, processor
    # record, findings: one page each at most, but the activities
    assert 8 <= pdf_pages(pdf) <= 10

    text = " ".join(pdf_text(pdf, workbook, outdir, profile).split())
    for expected in (
        "Register van de verwerkingsactiviteiten",
        "De Theepot B.V.",
        "Bestellingen afhandelen",
        "Verwerkingsdoeleinden",
        "7 jaar na afloop van het boekjaar",
        "Standaardcontractbepalingen",
        "Verenigde Staten (US)",
        "RET-001",
    ):
        assert expected in text, expected
    assert "ropa-register-json/1" not in text  # hidden sheets are not printed
    if shutil.which("pdftotext"):
        assert "Pagina 1 van" in text  # the footer


FIRST_USER = Path(__file__).resolve().parents[2] / "registers" / "miki4all"


def five_activities(folder: Path) -> Path:
    """The first user's register with its first five activities (as files sort): a small register."""
    target = folder / "register"
    shutil.copytree(FIRST_USER, target)
    for extra in sorted((target / "activities").iterdir())[5:]:
        extra.unlink()
    return target


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_five_activity_register_prints_on_six_pages(tmp_path: Path, lang: str) -> None:
    """Issue 10: 18 pages before (tiled activities, one sheet per table, empty columns printed)."""
    import ropa

    register = ropa.load(five_activities(tmp_path)).register
    assert len(register.activities or ()) == 5
    workbook = write_workbook(register, tmp_path / "register.xlsx", lang=lang)  # type: ignore[arg-type]
    pdf = convert(workbook, "pdf", tmp_path / "out", tmp_path / "profile")
    assert pdf_pages(pdf) <= 6
    text = " ".join(pdf_text(pdf, workbook, tmp_path / "out", tmp_path / "profile").split())
    assert "(organisatiebreed)" in text or "(organisation-wide)" in text  # inherited measures, printed
    hidden = {"nl": "Gerechtvaardigd belang", "en": "Legitimate interests"}[lang]
    assert hidden not in text  # an optional column nobody filled in is not printed


@pytest.mark.parametrize("layout", ["ico", "ap", "cnil", "vvt"])
def test_libreoffice_opens_and_prints_every_layout(tmp_path: Path, webshop: Register, layout: str) -> None:
    workbook = write_workbook(webshop, tmp_path / f"{layout}.xlsx", layout=layout)
    pdf = convert(workbook, "pdf", tmp_path / "out", tmp_path / "profile")
    assert pdf_pages(pdf) >= 1
    text = " ".join(pdf_text(pdf, workbook, tmp_path / "out", tmp_path / "profile").split())
    assert "Bestellingen afhandelen" in text
    assert "ropa-register-json/1" not in text


LITERAL_ESCAPES = "_x0041_ _x005F_ _x000D_ x_x0041__x0042_y a _x0022_ quote \\_x0009_"
"""Text that looks like the escapes of spreadsheet XML (issue 14.10): ``_x0022_`` (a quote) would even
break the embedded JSON if it were decoded."""


def test_literal_escapes_survive_a_libreoffice_save(tmp_path: Path, webshop: Register) -> None:
    """Exported, opened and saved again by LibreOffice, imported back: the same register, and the visible
    cell shows the text as written."""
    from ropa.export.cells import ooxml_unescape
    from ropa.export.json import register_to_json
    from ropa.importer import import_file
    from ropa.importer._limits import TextBudget, TextLimits
    from ropa.importer._ooxml import read_shared_strings

    register = with_activity(webshop, name=LITERAL_ESCAPES, description=f"{LITERAL_ESCAPES}\n" * 3)
    workbook = write_workbook(register, tmp_path / "register.xlsx", lang="en")
    saved = convert(workbook, "xlsx:Calc MS Excel 2007 XML", tmp_path / "saved", tmp_path / "profile")
    result = import_file(saved)
    assert [d.code for d in result.diagnostics if d.severity.value == "error"] == []
    assert result.embedded
    assert register_to_json(result.register) == register_to_json(register)
    with zipfile.ZipFile(saved) as archive, archive.open("xl/sharedStrings.xml") as part:
        strings = read_shared_strings(part, TextBudget(TextLimits()))
    assert LITERAL_ESCAPES in [ooxml_unescape(text) for text in strings]  # as ropa's reader decodes cells
    assert LITERAL_ESCAPES not in strings  # LibreOffice wrote the escapes, as the standard asks
