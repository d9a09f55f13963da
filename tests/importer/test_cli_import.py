"""``ropa import FILE -o FOLDER``: writes a register folder, prints diagnostics, never overwrites silently."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import ropa
from ropa.cli import main
from ropa.export.yaml import write_register_folder
from ropa.importer import import_file
from ropa.models import Register
from tests.importer._books import dutch_workbook, ico_workbook, simple_workbook


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    def call(*argv: str | Path) -> Result:
        capsys.readouterr()
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ROPA_TRACEBACK", raising=False)
    return tmp_path


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def test_import_writes_a_register_folder(workdir: Path, run: Run) -> None:
    book = dutch_workbook(workdir / "verwerkingsregister.xlsx")
    result = run("import", book, "-o", "registers/miki/")
    assert result.code == 1  # imported, with warnings (an unknown column, an unclear lawful basis)
    folder = workdir / "registers" / "miki"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.yaml")) == [
        "activities/1.yaml",
        "activities/2.yaml",
        "activities/3.yaml",
        "activities/4.yaml",
        "organisation.yaml",
        "parties.yaml",
        "vocabulary.yaml",
    ]
    assert ropa.load(folder).register == import_file(book).register
    assert f"{book}:Register!K9 IMP-022 warning" in result.out
    assert "    hint: " in result.out
    assert "ropa validate registers/miki" in result.err
    assert "imported 4 activities" in result.err


def test_clean_import_exits_0(workdir: Path, run: Run) -> None:
    csv = workdir / "register.csv"
    csv.write_text(
        "Name,Purpose,Lawful basis,Retention period\nPayroll,Salaries,6(1)(c),7 years\n", encoding="utf-8"
    )
    result = run("import", csv, "-o", "out")
    assert result.code == 0, result.out
    assert "warning" not in result.out
    assert ropa.load(workdir / "out").register.activities is not None


def test_refuses_to_overwrite_without_force(workdir: Path, run: Run) -> None:
    book = ico_workbook(workdir / "ico.xlsx")
    folder = workdir / "registers" / "acme"
    folder.mkdir(parents=True)
    (folder / "activities.yaml").write_text("activities: []\n", encoding="utf-8")
    (folder / "notes.md").write_text("mine\n", encoding="utf-8")
    before = snapshot(folder)
    result = run("import", book, "-o", folder)
    assert result.code == 2
    assert "not empty" in result.err
    assert "--force" in result.err
    assert result.out == ""
    assert snapshot(folder) == before


def test_force_replaces_the_register(workdir: Path, run: Run) -> None:
    book = ico_workbook(workdir / "ico.xlsx")
    folder = workdir / "acme"
    stale = Register.model_validate({"activities": [{"id": "stale", "name": "Stale"}]})
    write_register_folder(stale, folder)
    (folder / "notes.md").write_text("mine\n", encoding="utf-8")
    result = run("import", book, "-o", folder, "--force")
    assert result.code == 1
    assert not (folder / "activities" / "stale.yaml").exists()
    assert (folder / "notes.md").read_text(encoding="utf-8") == "mine\n"
    names = [a.name for a in ropa.load(folder).register.activities or []]
    assert "Stale" not in names
    assert "Monthly newsletter" in names


def test_force_refuses_a_folder_ropa_did_not_write(workdir: Path, run: Run) -> None:
    """Hand-written register files are not ropa's to replace: refused, listed, nothing read or written."""
    book = ico_workbook(workdir / "ico.xlsx")
    folder = workdir / "acme"
    folder.mkdir()
    (folder / "activities.yaml").write_text("activities:\n  - id: stale\n    name: Stale\n", encoding="utf-8")
    (folder / "notes.md").write_text("mine\n", encoding="utf-8")
    before = snapshot(folder)
    result = run("import", book, "-o", folder, "--force")
    assert result.code == 2
    assert "not a ropa register" in result.err
    assert "activities.yaml" in result.err
    assert result.out == ""  # refused before the workbook was read
    assert snapshot(folder) == before


def test_refused_file_writes_nothing(workdir: Path, run: Run) -> None:
    bomb = workdir / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    result = run("import", bomb, "-o", "out")
    assert result.code == 2
    assert f"{bomb} IMP-003 error" in result.out
    assert "nothing was imported" in result.err
    assert not (workdir / "out").exists()


def test_missing_file(workdir: Path, run: Run) -> None:
    result = run("import", "nope.xlsx", "-o", "out")
    assert result.code == 2
    assert "IMP-001" in result.out
    assert not (workdir / "out").exists()


def test_mapping_file(workdir: Path, run: Run) -> None:
    csv = workdir / "register.csv"
    csv.write_text("Wat doen we?;Grondslag;Soort gegevens;Kleur\nWebshop;uitvoering overeenkomst;Naam;rood\n")
    mapping = workdir / "mapping.toml"
    mapping.write_text(
        '[columns]\n"Wat doen we?" = "name"\n"soort gegevens" = "data_categories"\nKleur = "ignore"\n',
        encoding="utf-8",
    )
    result = run("import", csv, "-o", "out", "--mapping", mapping)
    assert result.code == 0, result.out
    (act,) = ropa.load(workdir / "out").register.activities or []
    assert act.name == "Webshop"
    assert act.data_categories == ("naam",)
    assert act.unmapped is None
    assert "(mapping file)" in result.out


def test_bad_mapping_file_is_a_usage_error(workdir: Path, run: Run) -> None:
    csv = workdir / "register.csv"
    csv.write_text("Name,Purpose\nA,B\n", encoding="utf-8")
    mapping = workdir / "mapping.yaml"
    mapping.write_text("columns:\n  Name: nmae\n", encoding="utf-8")
    result = run("import", csv, "-o", "out", "--mapping", mapping)
    assert result.code == 2
    assert "Did you mean 'name'?" in result.err
    assert not (workdir / "out").exists()


def test_sheet_option(workdir: Path, run: Run) -> None:
    def hidden(wb: object) -> None:
        ws = wb.create_sheet("Archive")  # type: ignore[attr-defined]
        ws.append(["Name", "Purpose"])
        ws.append(["Archived activity", "Old purpose"])
        ws.sheet_state = "hidden"

    book = simple_workbook(workdir / "book.xlsx", extra=hidden)
    result = run("import", book, "-o", "out", "--sheet", "Archive")
    assert result.code == 0, result.out
    assert [a.name for a in ropa.load(workdir / "out").register.activities or []] == ["Archived activity"]


def test_output_that_is_a_file(workdir: Path, run: Run) -> None:
    (workdir / "out").write_text("x", encoding="utf-8")
    result = run("import", simple_workbook(workdir / "b.xlsx"), "-o", "out")
    assert result.code == 2
    assert (workdir / "out").read_text(encoding="utf-8") == "x"


def test_help_lists_the_options(run: Run) -> None:
    result = run("import", "--help")
    assert result.code == 0
    for option in ("--output", "--force", "--mapping", "--sheet", "--trust-embedded"):
        assert option in result.out
