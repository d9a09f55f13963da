"""The subcommands ``publish``, ``notice``, ``diagram`` and ``export --format jsonld|subprocessors``:
outputs, languages and exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ropa.cli import main
from ropa.publishing import diagram as graph

from .conftest import SHOP

BROKEN = """\
activities:
  - id: ok
    name: Fine
  - id: broken
    nmae: Typo
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_publish_writes_the_site_in_the_registers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["publish", str(SHOP), "-o", str(tmp_path / "site")], capsys)
    assert (code, out) == (0, "")
    assert "ropa: wrote" in err
    assert '<html lang="en">' in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_publish_includes_findings_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(
        ["publish", str(SHOP), "-o", str(tmp_path / "s"), "--lang", "nl", "--include", "findings,notes"],
        capsys,
    )
    assert code == 0
    index = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    assert "Bevindingen" in index
    assert "INTERNAL-ACTIVITY-NOTE" in (tmp_path / "s" / "activity-orders.html").read_text(encoding="utf-8")


def test_publish_usage_errors_exit_2_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["publish", str(SHOP), "-o", str(tmp_path / "s"), "--include", "passwords"], capsys)
    assert code == 2
    assert "unknown internal part(s) passwords" in err
    assert not (tmp_path / "s").exists()
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "index.html").write_text("someone else's")
    code, _, err = run(["publish", str(SHOP), "-o", str(tmp_path / "taken")], capsys)
    assert code == 2
    assert "not written by 'ropa publish'" in err
    assert (tmp_path / "taken" / "index.html").read_text() == "someone else's"
    code, _, err = run(["publish", str(tmp_path / "nowhere"), "-o", str(tmp_path / "s")], capsys)
    assert code == 2


def test_structural_errors_still_publish_and_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register = tmp_path / "reg"
    register.mkdir()
    (register / "register.yaml").write_text(BROKEN, encoding="utf-8")
    code, _, err = run(["publish", str(register), "-o", str(tmp_path / "s")], capsys)
    assert code == 1
    assert "STR-" in err
    assert (tmp_path / "s" / "activity-ok.html").is_file()


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_notice_to_stdout_and_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    code, out, _ = run(["notice", str(SHOP), "--lang", lang, "--today", "2026-12-03"], capsys)
    assert code == 0
    assert out.startswith("# ")
    target = tmp_path / "notice.html"
    code, out, _ = run(["notice", str(SHOP), "--lang", lang, "-f", "html", "-o", str(target)], capsys)
    assert (code, out) == (0, "")
    assert f'<html lang="{lang}">' in target.read_text(encoding="utf-8")


def test_diagram_mermaid_by_default_svg_by_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["diagram", str(SHOP)], capsys)
    assert code == 0
    assert out.startswith("flowchart LR\n")
    if graph.svg_available():
        target = tmp_path / "flows.svg"
        code, _, _ = run(["diagram", str(SHOP), "-o", str(target), "--no-systems"], capsys)
        assert code == 0
        assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
        assert "ShopERP" not in target.read_text(encoding="utf-8")


def test_export_jsonld_and_subprocessors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["export", str(SHOP), "--format", "jsonld"], capsys)
    assert code == 0
    assert json.loads(out)["@graph"][0]["@type"] == "dpv:ROPA"
    code, out, _ = run(["export", str(SHOP), "--format", "subprocessors"], capsys)
    assert code == 0
    assert out.startswith("# Sub-processors of Example Shop B.V.")
    target = tmp_path / "subprocessors.csv"
    code, _, _ = run(["export", str(SHOP), "-f", "subprocessors", "-o", str(target), "--lang", "fr"], capsys)
    assert code == 0
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert rows[0][0] == "Destinataire"
    assert len(rows) == 4
    code, _, err = run(["export", str(SHOP), "-f", "subprocessors", "-o", str(tmp_path / "x.pdf")], capsys)
    assert code == 2
    assert "use a .csv, .md or .html file" in err
    code, _, _ = run(["export", str(SHOP), "-o", str(tmp_path / "r.jsonld")], capsys)
    assert code == 0
    assert json.loads((tmp_path / "r.jsonld").read_text(encoding="utf-8"))["@context"]["dpv"]


def test_a_missing_extra_is_a_clear_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from ropa.publishing import _render

    _render._environment.cache_clear()
    monkeypatch.setitem(sys.modules, "jinja2", None)
    try:
        code, _, err = run(["notice", str(SHOP)], capsys)
    finally:
        _render._environment.cache_clear()
    assert code == 2
    assert "pip install 'ropa-register[publish]'" in err


@pytest.mark.parametrize("command", ["publish", "notice", "diagram"])
def test_every_option_is_documented(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    import re

    docs = (Path(__file__).resolve().parents[2] / "docs" / "publishing.md").read_text(encoding="utf-8")
    assert main([command, "--help"]) == 0
    options = set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", capsys.readouterr().out)) - {"--help"}
    assert options
    assert sorted(o for o in options if o not in docs) == []


def test_notice_and_diagram_write_to_stdout_with_a_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["notice", str(SHOP), "--lang", "en", "--today", "2026-12-03", "-o", "-"], capsys)
    assert (code, "wrote" in err) == (0, False)
    assert out.startswith("# ")
    code, out, err = run(["diagram", str(SHOP), "-o", "-"], capsys)
    assert (code, "wrote" in err) == (0, False)
    assert out.startswith("flowchart LR\n")
    if graph.svg_available():
        code, out, _ = run(["diagram", str(SHOP), "-f", "svg", "-o", "-"], capsys)
        assert code == 0
        assert out.lstrip().startswith("<?xml")
    assert not (tmp_path / "-").exists()  # no file called "-"


@pytest.mark.parametrize("command", [["notice"], ["diagram"], ["diagram", "-f", "mermaid"]])
def test_notice_and_diagram_refuse_a_named_pipe_as_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    import os
    import stat

    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    code, _out, err = run([*command, str(SHOP), "-o", str(pipe)], capsys)
    assert code == 2
    assert stat.S_ISFIFO(pipe.lstat().st_mode)  # still the pipe: not replaced by a regular file
    assert "not a regular file" in err
    assert "wrote" not in err


def test_publish_refuses_a_dash_its_site_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["publish", str(SHOP), "-o", "-"], capsys)
    assert (code, out) == (2, "")
    assert "not one file" in err
    assert list(tmp_path.iterdir()) == []
