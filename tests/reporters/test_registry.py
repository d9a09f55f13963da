from __future__ import annotations

from pathlib import Path

import pytest

from ropa.diagnostics import Report, Severity
from ropa.loading.codes import STRUCTURAL
from ropa.reporters import REPORTERS, RenderOptions, catalogue, register_paths, render
from ropa.rules import ALL_RULES
from ropa.rules.engine import META_CODES


def test_registry_names_and_kinds() -> None:
    assert list(REPORTERS) == ["text", "json", "sarif", "github", "junit"]
    assert [name for name, r in REPORTERS.items() if not r.machine] == ["text"]
    for name, reporter in REPORTERS.items():
        assert reporter.name == name
        assert reporter.description


def test_every_reporter_renders_a_report_to_text(report: Report, options: RenderOptions) -> None:
    for name in REPORTERS:
        out = render(report, name, options)
        assert out.endswith("\n")
        assert "LAW-001" in out


def test_unknown_format() -> None:
    with pytest.raises(KeyError):
        render(Report(), "yaml")


def test_catalogue_holds_every_code_once() -> None:
    infos = catalogue()
    codes = [c.code for c in infos]
    assert len(codes) == len(set(codes))
    assert codes == [r.code for r in ALL_RULES] + list(STRUCTURAL) + list(META_CODES)
    kinds = {c.code: c.kind for c in infos}
    assert {kinds[r.code] for r in ALL_RULES} == {"rule"}
    assert {kinds[c] for c in STRUCTURAL} == {"structural"}
    assert {kinds[c] for c in META_CODES} == {"suppression"}
    for info in infos:
        assert info.summary
        if info.kind != "rule":
            assert info.doc.startswith(f"{info.code} {info.name}: ")
    by_code = {c.code: c for c in infos}
    assert by_code["SUP-002"].severity is Severity.WARNING
    assert by_code["SYN-001"].severity is Severity.ERROR
    assert by_code["LAW-001"].family == "LAW"


def test_register_paths(tmp_path: Path) -> None:
    folder = tmp_path / "registers" / "acme"
    folder.mkdir(parents=True)
    (folder / "a.yaml").write_text("", encoding="utf-8")
    assert register_paths(folder, cwd=tmp_path) == ("registers/acme", "registers/acme")
    assert register_paths(folder / "a.yaml", cwd=tmp_path) == ("registers/acme/a.yaml", "registers/acme")
    assert register_paths(folder, cwd=folder) == (".", "")
    assert register_paths(folder, cwd=tmp_path / "elsewhere") == (folder.as_posix(), folder.as_posix())


def test_display_paths_are_normalised() -> None:
    options = RenderOptions(root="registers/acme", base="registers/acme")
    assert options.path("activities/a.yaml") == "registers/acme/activities/a.yaml"
    assert options.path(".") == "registers/acme"  # IO-001 on the register folder itself
    assert options.path(None) is None
    assert RenderOptions().path("a.yaml") == "a.yaml"
