"""ropa validate --lang, and the register's language as the default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import BAD, Run, write_register

LAW = ("--select", "LAW-001")


def _dutch(workdir: Path) -> Path:
    return write_register(
        workdir / "nl", {"register.yaml": "register:\n  language: nl\n", "activities.yaml": BAD}
    )


P = "'Send the monthly newsletter'"
CASES = [
    ("en", f"activity newsletter: purpose {P} has no lawful basis", "1 error, 0 warnings, 0 infos in 1 file"),
    (
        "nl",
        f"activiteit newsletter: verwerkingsdoel {P} heeft geen grondslag",
        "1 fout, 0 waarschuwingen, 0 info's in 1 bestand",
    ),
    (
        "fr",
        f"activité newsletter : la finalité {P} n'a pas de base légale",
        "1 erreur, 0 avertissement, 0 info dans 1 fichier",
    ),
    (
        "de",
        f"Verarbeitungstätigkeit newsletter: der Zweck {P} hat keine Rechtsgrundlage",
        "1 Fehler, 0 Warnungen, 0 Hinweise in 1 Datei",
    ),
]


@pytest.mark.parametrize(("lang", "message", "summary"), CASES)
def test_lang_option(run: Run, bad: Path, lang: str, message: str, summary: str) -> None:
    result = run("validate", bad, *LAW, "--lang", lang)
    assert result.code == 1
    first, *_, last = result.out.splitlines()
    assert first.startswith("bad/activities.yaml:5:9 LAW-001 error ")
    assert message in first
    assert last == summary


def test_legal_references_and_hints_in_the_language(run: Run, bad: Path) -> None:
    result = run("validate", bad, *LAW, "--lang", "de", "-v")
    lines = result.out.splitlines()
    assert lines[0].endswith("[Art. 5 Abs. 1 lit. a DSGVO, Art. 5 Abs. 2 DSGVO, Art. 6 Abs. 1 DSGVO]")
    assert lines[1].startswith("    Tipp: Ergänzen Sie beim Zweck 'lawful_basis:'")
    assert lines[2].startswith("    Doku: https://")


def test_the_registers_language_is_the_default(run: Run, workdir: Path) -> None:
    folder = _dutch(workdir)
    assert "heeft geen grondslag" in run("validate", folder, *LAW).out
    assert "has no lawful basis" in run("validate", folder, *LAW, "--lang", "en").out


def test_a_language_ropa_lacks_falls_back_to_english_with_a_note(run: Run, workdir: Path) -> None:
    folder = write_register(workdir / "es", {"register.yaml": "register:\n  language: es\n", "a.yaml": BAD})
    result = run("validate", folder, *LAW)
    assert "has no lawful basis" in result.out
    assert "no translation for the register's language 'es'; using en" in result.err


def test_machine_output_keeps_codes_and_fingerprints(run: Run, workdir: Path) -> None:
    folder = _dutch(workdir)
    dutch = json.loads(run("validate", folder, *LAW, "-f", "json").out)["diagnostics"]
    english = json.loads(run("validate", folder, *LAW, "-f", "json", "--lang", "en").out)["diagnostics"]
    assert [d["message"] for d in dutch] != [d["message"] for d in english]
    for key in ("code", "rule", "severity", "location", "fingerprint", "legal_refs"):
        assert [d[key] for d in dutch] == [d[key] for d in english]


def test_plurals_in_the_summary(run: Run, workdir: Path) -> None:
    folder = write_register(workdir / "two", {"a.yaml": BAD, "b.yaml": BAD.replace("newsletter", "mailing")})
    result = run("validate", folder, *LAW, "--lang", "nl")
    assert result.out.splitlines()[-1] == "2 fouten, 0 waarschuwingen, 0 info's in 2 bestanden"


def test_an_unknown_language_is_a_usage_error(run: Run, bad: Path) -> None:
    assert run("validate", bad, "--lang", "es").code == 2


def test_english_validation_reads_no_catalogue(workdir: Path) -> None:
    """Cold start: English messages come from the code; no catalogue file is opened or parsed."""
    import subprocess
    import sys

    folder = write_register(workdir / "reg", {"a.yaml": BAD})
    probe = (
        "import sys\n"
        "from ropa.cli import main\n"
        f"code = main(['validate', {str(folder)!r}, '-v'])\n"
        "import ropa.i18n as i18n\n"
        "print(code, i18n.catalogue.cache_info().currsize, file=sys.stderr)\n"
    )
    english = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert english.stderr.split()[-2:] == ["1", "0"]
    dutch = subprocess.run(
        [sys.executable, "-c", probe.replace("'-v'", "'-v', '--lang', 'nl'")], capture_output=True, text=True
    )
    assert dutch.stderr.split()[-2:] == ["1", "1"]
