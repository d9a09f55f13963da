from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

import ropa
from ropa.cli._common import progress, show_progress, split_codes, use_color
from ropa.cli._validate import FORMATS
from ropa.reporters import REPORTERS
from ropa.schema import report_schema
from tests.cli.conftest import BAD, GOOD, STRUCTURALLY_BROKEN, Run, write_register

LAW = ("--select", "LAW-001")


# --- exit codes ---------------------------------------------------------------------------------------


def test_clean_register_exits_0(run: Run, good: Path) -> None:
    result = run("validate", good, *LAW)
    assert result.code == 0
    assert result.out == "no findings in 1 file\n"


def test_findings_exit_1(run: Run, bad: Path) -> None:
    result = run("validate", bad, *LAW)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("bad/activities.yaml:5:9 LAW-001 error ")
    assert lines[-1] == "1 error, 0 warnings, 0 infos in 1 file"


def test_structural_errors_exit_1(run: Run, workdir: Path) -> None:
    folder = write_register(workdir / "broken", {"a.yaml": STRUCTURALLY_BROKEN})
    result = run("validate", folder, *LAW)
    assert result.code == 1
    assert "broken/a.yaml:3:5 STR-002 error" in result.out


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [("error", 0), ("warning", 1), ("info", 1), ("never", 0)],
)
def test_fail_on_threshold_with_a_warning(run: Run, workdir: Path, fail_on: str, expected: int) -> None:
    folder = write_register(
        workdir / "reg", {"empty.yaml": "", "a.yaml": GOOD}
    )  # empty file: STR-001 warning
    result = run("validate", folder, *LAW, "--fail-on", fail_on)
    assert "STR-001 warning" in result.out
    assert result.code == expected


def test_fail_on_never_even_with_errors(run: Run, bad: Path) -> None:
    assert run("validate", bad, *LAW, "--fail-on", "never").code == 0


def test_unreadable_register_exits_2(run: Run, workdir: Path) -> None:
    (workdir / "empty").mkdir()
    result = run("validate", workdir / "empty", *LAW, "--format", "json")
    assert result.code == 2
    codes = [d["code"] for d in json.loads(result.out)["diagnostics"]]
    assert codes == ["IO-002"]  # the report is still written


def test_missing_path_exits_2(run: Run, workdir: Path) -> None:
    result = run("validate", workdir / "nowhere")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith("ropa: error: ")
    assert "nowhere" in result.err


@pytest.mark.parametrize(
    "argv",
    [
        ("--today", "2026-13-01"),
        ("--select", "NOPE-999"),
        ("--format", "yaml"),
        ("--fail-on", "fatal"),
        ("--profile", "xx"),
        ("--color", "sometimes"),
    ],
)
def test_usage_errors_exit_2(run: Run, bad: Path, argv: tuple[str, ...]) -> None:
    result = run("validate", bad, *argv)
    assert result.code == 2
    assert result.out == ""
    assert "error" in result.err


def test_real_exit_code_from_a_subprocess(good: Path, bad: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    cmd = [sys.executable, "-m", "ropa", "validate", *LAW]
    failing = subprocess.run([*cmd, str(bad)], capture_output=True, text=True, env=env, check=False)
    assert failing.returncode == 1, failing.stderr
    assert "LAW-001 error" in failing.stdout
    passing = subprocess.run([*cmd, str(good)], capture_output=True, text=True, env=env, check=False)
    assert passing.returncode == 0, passing.stderr


# --- configuration ------------------------------------------------------------------------------------


def test_config_is_found_above_the_register(run: Run, workdir: Path) -> None:
    folder = write_register(workdir / "reg", {"a.yaml": BAD})
    (workdir / "ropa.toml").write_text('select = ["LAW-001"]\nfail-on = "never"\n', encoding="utf-8")
    result = run("validate", folder)
    assert result.code == 0  # fail-on from the configuration
    assert "LAW-001 error" in result.out
    assert run("validate", folder, "--fail-on", "error").code == 1  # the option overrides it


def test_config_option_and_severity_override(run: Run, workdir: Path) -> None:
    folder = write_register(workdir / "reg", {"a.yaml": BAD})
    config = workdir / "elsewhere" / "strict.toml"
    config.parent.mkdir()
    config.write_text('select = ["LAW-001"]\n[severity]\nLAW-001 = "info"\n', encoding="utf-8")
    result = run("validate", folder, "--config", config)
    assert result.code == 0
    assert "LAW-001 info" in result.out
    assert run("validate", folder, "--config", config, "--fail-on", "info").code == 1


def test_invalid_config_exits_2(run: Run, workdir: Path) -> None:
    folder = write_register(workdir / "reg", {"a.yaml": GOOD})
    (workdir / "ropa.toml").write_text('selekt = ["LAW-001"]\n', encoding="utf-8")
    result = run("validate", folder)
    assert result.code == 2
    assert "invalid configuration" in result.err
    assert run("validate", folder, "--config", workdir / "missing.toml").code == 2


def test_ignore_replaces_the_selection(run: Run, bad: Path) -> None:
    result = run("validate", bad, *LAW, "--ignore", "LAW-001")
    assert result.code == 0
    assert "LAW-001" not in result.out


def test_profile_option_is_accepted(run: Run, good: Path) -> None:
    assert run("validate", good, *LAW, "--profile", "eu", "--profile", "nl").code == 0


def test_today_option_is_accepted(run: Run, good: Path) -> None:
    assert run("validate", good, *LAW, "--today", "2026-06-01").code == 0


def test_split_codes() -> None:
    assert split_codes(None) is None
    assert split_codes(["LAW,TRF-002", " RET ", "a,,b"]) == ["LAW", "TRF-002", "RET", "a", "b"]


# --- formats and streams ------------------------------------------------------------------------------


def test_format_choices_are_the_reporters() -> None:
    assert set(FORMATS) == {*REPORTERS, "auto"}


def test_json_goes_to_stdout_alone_and_the_summary_to_stderr(run: Run, bad: Path) -> None:
    result = run("validate", bad, *LAW, "--format", "json")
    assert result.code == 1
    document = json.loads(result.out)  # nothing else on stdout
    jsonschema.Draft202012Validator(report_schema()).validate(document)
    assert document["root"] == "bad"
    assert document["diagnostics"][0]["location"]["file"] == "bad/activities.yaml"
    assert result.err == "1 error, 0 warnings, 0 infos in 1 file\n"
    assert run("validate", bad, *LAW, "--format", "json", "-q").err == ""


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github"])
def test_machine_formats_write_only_their_output(run: Run, bad: Path, fmt: str) -> None:
    result = run("validate", bad, *LAW, "--format", fmt)
    assert result.code == 1
    assert result.err == "1 error, 0 warnings, 0 infos in 1 file\n"
    if fmt == "sarif":
        assert json.loads(result.out)["version"] == "2.1.0"
    elif fmt == "junit":
        assert ET.fromstring(result.out).get("failures") == "1"  # noqa: S314 - our own output
    else:
        assert all(line.startswith("::") for line in result.out.splitlines())


def test_auto_picks_github_under_github_actions(run: Run, bad: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("validate", bad, *LAW).out.startswith("bad/activities.yaml:5:9 LAW-001")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    out = run("validate", bad, *LAW).out.splitlines()
    assert out[0] == "::group::bad/activities.yaml"
    assert out[1].startswith(
        "::error file=bad/activities.yaml,line=5,col=9,title=LAW-001 missing-lawful-basis::"
    )
    assert run("validate", bad, *LAW, "--format", "text").out.startswith("bad/activities.yaml:5:9")


def test_github_step_summary(run: Run, bad: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = workdir / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run("validate", bad, *LAW, "--format", "text").code == 1
    assert summary.read_text(encoding="utf-8") == "earlier step\n"  # only the github format writes it
    assert run("validate", bad, *LAW, "--format", "github").code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## ropa validate\n")
    assert "| error | LAW-001 missing-lawful-basis | bad/activities.yaml:5 |" in text


def test_output_file_is_written_and_stdout_stays_empty(run: Run, bad: Path, workdir: Path) -> None:
    target = workdir / "out" / "report.sarif"
    result = run("validate", bad, *LAW, "--format", "sarif", "-o", target)
    assert result.code == 1
    assert result.out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "LAW-001"
    target.write_text("old", encoding="utf-8")
    assert run("validate", bad, *LAW, "--format", "json", "--output", target).code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "1"
    assert [p.name for p in target.parent.iterdir()] == ["report.sarif"]  # no temporary file left


def test_text_to_a_file_has_no_colour_and_the_summary_also_goes_to_stderr(
    run: Run, bad: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    target = workdir / "report.txt"
    result = run("validate", bad, *LAW, "-o", target)
    assert "\x1b[" not in target.read_text(encoding="utf-8")
    assert result.err == "1 error, 0 warnings, 0 infos in 1 file\n"


def test_unwritable_output_exits_2(run: Run, bad: Path, workdir: Path) -> None:
    (workdir / "file").write_text("x", encoding="utf-8")
    result = run("validate", bad, *LAW, "-o", workdir / "file" / "report.json")
    assert result.code == 2
    assert result.err.startswith("ropa: error: ")


def test_verbosity(run: Run, bad: Path) -> None:
    normal = run("validate", bad, *LAW).out
    verbose = run("validate", bad, *LAW, "-v").out
    quiet = run("validate", bad, *LAW, "-q").out
    silent = run("validate", bad, *LAW, "-qq")
    assert "    hint: " in verbose
    assert "    hint: " not in normal
    assert "in 1 file" in normal
    assert "in 1 file" not in quiet
    assert "LAW-001" in quiet
    assert silent.out == silent.err == ""
    assert silent.code == 1  # the exit code still tells


@pytest.mark.parametrize(
    ("argv", "env", "coloured"),
    [
        (("--color", "always"), {}, True),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        ((), {}, False),  # captured output is not a terminal
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "always", "--format", "json"), {}, False),  # machine formats never
    ],
)
def test_colour(
    run: Run,
    bad: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
    env: dict[str, str],
    coloured: bool,
) -> None:
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert ("\x1b[" in run("validate", bad, *LAW, *argv).out) is coloured


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("mode", "env", "tty", "expected"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # empty means unset
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"TERM": "dumb"}, True, False),
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_use_color(mode: str, env: dict[str, str], tty: bool, expected: bool) -> None:
    stream = _Tty() if tty else io.StringIO()
    assert use_color(mode, stream, env) is expected  # type: ignore[arg-type]


def test_help_documents_exit_codes_and_environment(run: Run) -> None:
    result = run("validate", "--help")
    assert result.code == 0
    for text in ("exit codes:", "NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS", "ROPA_TRACEBACK", "--fail-on"):
        assert text in result.out


# ---- progress bars -------------------------------------------------------------------------------------


MIKI_FOR_PROGRESS = Path(__file__).resolve().parents[2] / "registers" / "miki4all"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("quiet", "environ", "terminal", "shown"),
    [
        (False, {}, True, True),
        (True, {}, True, False),
        (False, {"CI": "true"}, True, False),
        (False, {"GITHUB_ACTIONS": "true"}, True, False),
        (False, {"TERM": "dumb"}, True, False),
        (False, {}, False, False),
    ],
)
def test_progress_only_on_a_terminal(
    quiet: bool, environ: dict[str, str], terminal: bool, shown: bool
) -> None:
    stream = _Terminal() if terminal else io.StringIO()
    assert show_progress(quiet, stream, environ) is shown


def test_progress_bar_is_drawn_and_library_gets_a_callback() -> None:
    stream = _Terminal()
    with progress("loading", enabled=True, stream=stream, delay=0) as update:
        assert update is not None
        result = ropa.load(MIKI_FOR_PROGRESS, progress=update)
    assert "loading" in stream.getvalue()
    assert f"/{len(result.files)} [" in stream.getvalue()
    with progress("loading", enabled=False, stream=stream) as update:
        assert update is None


def test_no_progress_in_a_pipe() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ropa",
            "validate",
            str(MIKI_FOR_PROGRESS),
            "--today",
            "2026-12-01",
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "\r" not in done.stderr
    assert "it/s" not in done.stderr


@pytest.mark.parametrize(("below", "element"), [("skipped", "skipped"), ("passed", "system-out")])
def test_junit_below_fail_on(run: Run, bad: Path, below: str, element: str) -> None:
    # With --fail-on never the check exits 0: by default its findings are still failures in the XML.
    default = run("validate", bad, "--format", "junit", "--fail-on", "never")
    assert default.code == 0
    assert int(ET.fromstring(default.out).get("failures", "0")) > 1  # noqa: S314 - our own output
    result = run("validate", bad, "--format", "junit", "--fail-on", "never", "--junit-below", below)
    assert result.code == 0
    root = ET.fromstring(result.out)  # noqa: S314 - our own output
    assert root.get("failures") == "0"
    marked = [c for c in root.iter("testcase") if c.find(element) is not None]
    assert len(marked) == int(default.out.count("<failure"))
    # An error still fails, whatever --junit-below says.
    failing = run("validate", bad, "--format", "junit", "--select", "LAW-001", "--junit-below", below)
    assert failing.code == 1
    assert ET.fromstring(failing.out).get("failures") == "1"  # noqa: S314 - our own output
