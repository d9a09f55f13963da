"""The report cache (``.ropa_cache/``): a cached report is always the report a fresh run would give.

The property test changes one input at a time (a file's bytes, a file added, removed or renamed, the
configuration, the date, ropa's own files) and checks that the cached run equals an uncached run; an
unchanged register is served from the cache without loading it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ropa
from ropa._api import cached_validation
from ropa.config import Config
from ropa.loading import cache as cache_module
from ropa.loading import loader as loader_module
from ropa.loading.cache import CACHE_DIR, ReportCache

REPO = Path(__file__).resolve().parents[2]
MIKI = REPO / "registers" / "miki4all"
TODAY = dt.date(2026, 12, 1)


def _copy(tmp: Path) -> Path:
    folder = tmp / "register"
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(MIKI, folder, ignore=shutil.ignore_patterns(CACHE_DIR))
    (folder / "ropa.toml").write_text("")  # the configuration (and so the cache) lives here
    return folder


def _fresh(folder: Path, config: Config, today: dt.date) -> ropa.Report:
    return ropa.validate(folder, config, today=today)


def _no_load(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the register was loaded although the cache holds its report")

    monkeypatch.setattr(loader_module, "load", refuse)
    monkeypatch.setattr("ropa._api.load", refuse)


def test_unchanged_register_is_served_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy(tmp_path)
    config = ropa.find_config(folder)
    first = cached_validation(folder, config, today=TODAY, cache=True)
    assert first.report == _fresh(folder, config, TODAY)
    assert (folder / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    assert (
        (folder / CACHE_DIR / "CACHEDIR.TAG")
        .read_text()
        .startswith("Signature: 8a477f597d28d172789f06886806bc55")
    )
    _no_load(monkeypatch)
    second = cached_validation(folder, config, today=TODAY, cache=True)
    assert second == first
    assert len(second.report) > 0


_EDITS = st.sampled_from(
    [
        "edit-byte",
        "append-comment",
        "break-yaml",
        "add-file",
        "remove-file",
        "rename-file",
        "config-select",
        "config-severity",
        "config-option",
        "today",
        "package",
    ]
)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edit=_EDITS, which=st.integers(0, 100), data=st.data())
def test_any_change_of_an_input_invalidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str, which: int, data: st.DataObject
) -> None:
    folder = _copy(tmp_path)
    config = ropa.find_config(folder)
    today = TODAY
    cached_validation(folder, config, today=today, cache=True)  # fill the cache
    files = sorted(p for p in folder.rglob("*.yaml") if CACHE_DIR not in p.parts)
    target = files[which % len(files)]
    if edit == "edit-byte":
        text = target.read_bytes()
        position = data.draw(st.integers(0, len(text) - 1))
        char = data.draw(st.sampled_from([b"x", b" ", b"\n", b":", b"-", b"0"]))
        target.write_bytes(text[:position] + char + text[position + 1 :])
    elif edit == "append-comment":
        target.write_bytes(target.read_bytes() + b"# a comment changes the bytes, not the report\n")
    elif edit == "break-yaml":
        target.write_bytes(target.read_bytes() + b"  - [\n")
    elif edit == "add-file":
        (folder / "activities" / "new.yaml").write_text("activity:\n  id: new-one\n  name: New\n")
    elif edit == "remove-file":
        target.unlink()
    elif edit == "rename-file":
        target.rename(target.with_name("renamed-" + target.name))
    elif edit == "config-select":
        config = config.model_copy(update={"select": [data.draw(st.sampled_from(["RET", "LAW", "TRF-002"]))]})
    elif edit == "config-severity":
        config = config.model_copy(update={"severity": {"RET-001": ropa.Severity.ERROR}})
    elif edit == "config-option":
        config = config.model_copy(update={"fail_on": "warning"})
    elif edit == "today":
        today = data.draw(st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)))
    else:  # an upgrade or an edited rule: ropa's own files change
        monkeypatch.setattr(cache_module, "_package_digest", lambda: "another ropa")
    cached = cached_validation(folder, config, today=today, cache=True)
    assert cached.report == _fresh(folder, config, today)


def test_a_corrupt_entry_is_a_miss_and_is_replaced(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    config = ropa.find_config(folder)
    expected = cached_validation(folder, config, today=TODAY, cache=True)
    entries = list((folder / CACHE_DIR / "reports").rglob("*.json"))
    assert len(entries) == 1
    for damage in (b"", b"{not json", json.dumps({"format": "ropa-cache/3", "key": "other"}).encode()):
        entries[0].write_bytes(damage)
        assert ReportCache(folder / CACHE_DIR).get(entries[0].stem) is None
        assert cached_validation(folder, config, today=TODAY, cache=True) == expected


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would be")
    config = ropa.find_config(folder)
    report = cached_validation(folder, config, today=TODAY, cache=blocker / "cache").report
    assert report == _fresh(folder, config, TODAY)


def test_concurrent_writers_leave_one_whole_entry(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    config = ropa.find_config(folder)
    expected = _fresh(folder, config, TODAY)
    results: list[ropa.Report] = []

    def run() -> None:
        results.append(cached_validation(folder, config, today=TODAY, cache=True).report)

    threads = [threading.Thread(target=run) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 6
    assert len(list((folder / CACHE_DIR / "reports").rglob("*.json"))) == 1
    assert not list((folder / CACHE_DIR).rglob("*.tmp"))


def test_concurrent_cli_runs_agree_with_no_cache(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    command = [sys.executable, "-m", "ropa", "validate", str(folder), "--today", TODAY.isoformat()]
    plain = subprocess.run([*command, "--no-cache"], capture_output=True, text=True, check=False)
    assert not (folder / CACHE_DIR).exists()  # --no-cache writes nothing
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [(run.communicate()[0], run.returncode) for run in runs]
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    assert outputs == [(plain.stdout, plain.returncode)] * 3
    assert (again.stdout, again.returncode) == (plain.stdout, plain.returncode)
    assert (folder / CACHE_DIR / ".gitignore").exists()


def test_cache_lives_beside_the_configuration(tmp_path: Path) -> None:
    project = tmp_path / "project"
    folder = project / "registers" / "acme"
    shutil.copytree(MIKI, folder, ignore=shutil.ignore_patterns(CACHE_DIR))
    (project / "pyproject.toml").write_text("[tool.ropa]\nignore = ['GOV']\n")
    config = ropa.find_config(folder)
    cached_validation(folder, config, today=TODAY, cache=True)
    assert (project / CACHE_DIR / ".gitignore").exists()
    assert not (folder / CACHE_DIR).exists()
    assert ropa.load(folder).files == ropa.load(MIKI).files  # and the loader never reads it


def test_without_configuration_the_cache_is_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "register"
    shutil.copytree(MIKI, folder, ignore=shutil.ignore_patterns(CACHE_DIR))
    here = tmp_path / "work"
    here.mkdir()
    monkeypatch.chdir(here)
    cached_validation(folder, Config(), today=TODAY, cache=True)
    assert (here / CACHE_DIR / ".gitignore").exists()
    assert not (folder / CACHE_DIR).exists()


def test_old_entries_are_pruned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 3)
    folder = _copy(tmp_path)
    config = ropa.find_config(folder)
    for day in range(1, 7):
        cached_validation(folder, config, today=dt.date(2026, 12, day), cache=True)
    entries = list((folder / CACHE_DIR / "reports").rglob("*.json"))
    assert len(entries) == 3
    fresh = cached_validation(folder, config, today=dt.date(2026, 12, 6), cache=True)
    assert fresh.report == _fresh(folder, config, dt.date(2026, 12, 6))


def test_a_cached_report_translates_like_a_fresh_one(tmp_path: Path) -> None:
    """The templates of the messages are cached with them, so a cached Dutch report is Dutch."""
    from ropa.i18n import translate_report

    folder = _copy(tmp_path)
    config = ropa.find_config(folder)
    cached_validation(folder, config, today=TODAY, cache=True)
    hit = cached_validation(folder, config, today=TODAY, cache=True).report
    fresh = _fresh(folder, config, TODAY)
    assert [d.template for d in hit] == [d.template for d in fresh]
    dutch = [d.message for d in translate_report(hit, "nl")]
    assert dutch == [d.message for d in translate_report(fresh, "nl")]
    assert dutch != [d.message for d in fresh]


def test_a_repeat_run_in_the_registers_language_takes_the_translation_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first run stores the report in Dutch too; the repeat run neither loads nor translates, and
    says exactly what the first run and a run without the cache say."""
    from ropa import i18n
    from ropa.cli import main

    folder = _copy(tmp_path)
    english = _fresh(folder, ropa.find_config(folder), TODAY)
    dutch = [d.message for d in i18n.translate_report(english, "nl")]
    assert dutch != [d.message for d in english]
    argv = ["validate", str(folder), "--today", TODAY.isoformat(), "--lang", "nl", "--format", "json"]
    runs = []
    for extra in (["--no-cache"], []):
        code = main([*argv, *extra])
        runs.append((code, json.loads(capsys.readouterr().out)["diagnostics"]))

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("translated again although the cache holds the translation")

    _no_load(monkeypatch)
    monkeypatch.setattr(i18n, "translate_report", refuse)
    code = main(argv)
    runs.append((code, json.loads(capsys.readouterr().out)["diagnostics"]))
    assert runs[0] == runs[1] == runs[2]
    assert [d["message"] for d in runs[2][1]] == dutch


# --- incremental validation: what the file store keeps between runs never changes a result ----------------

_STEPS = st.sampled_from(
    [
        "edit-byte",  # any file, activities or not
        "append-comment",  # new bytes, the same register: the positions of later files stay
        "insert-line",  # every position below the edit moves
        "break-yaml",
        "country",  # the organisation's country: the profiles, and so the rules that run
        "drop-party",  # a party activities refer to is gone
        "add-activity-file",
        "remove-file",
        "config-file",  # ropa.toml
        "today",
        "package",  # ropa's files: code and rule data
        "version",
        "undo",  # back to an earlier state: its entries are used again
    ]
)


def _apply(step: str, folder: Path, data: st.DataObject, history: list[dict[Path, bytes]]) -> None:
    files = sorted(p for p in folder.rglob("*.yaml") if CACHE_DIR not in p.parts)
    target = data.draw(st.sampled_from(files)) if files else None
    if step == "undo" and history:
        state = data.draw(st.sampled_from(history))
        for path in files:
            if path not in state:
                path.unlink()
        for path, content in state.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    elif target is None:
        (folder / "activities" / "new.yaml").write_text("activity:\n  id: new-one\n  name: New\n")
    elif step == "edit-byte":
        text = target.read_bytes()
        position = data.draw(st.integers(0, max(len(text) - 1, 0)))
        char = data.draw(st.sampled_from([b"x", b" ", b"\n", b":", b"-", b"0"]))
        target.write_bytes(text[:position] + char + text[position + 1 :])
    elif step == "append-comment":
        target.write_bytes(target.read_bytes() + b"# a comment\n")
    elif step == "insert-line":
        target.write_bytes(b"# a first line\n" + target.read_bytes())
    elif step == "break-yaml":
        target.write_bytes(target.read_bytes() + b"  - [\n")
    elif step == "country":
        register = folder / "register.yaml"
        if register.exists():
            country = data.draw(st.sampled_from(["DE", "BE", "US"]))
            register.write_bytes(
                register.read_bytes().replace(b"  country: NL\n", f"  country: {country}\n".encode())
            )
    elif step == "drop-party":
        parties = folder / "parties.yaml"
        if parties.exists():
            parties.write_bytes(
                parties.read_bytes().replace(b"  - id: myonlinestore\n", b"  - id: someone-else\n")
            )
    elif step == "add-activity-file":
        (folder / "activities" / f"new-{len(files)}.yaml").write_text(
            "activity:\n  id: new-one\n  name: New\n  purposes: [Something]\n"
        )
    elif step == "remove-file":
        target.unlink()
    elif step == "config-file":
        choice = data.draw(st.sampled_from(['select = ["LAW", "RET"]\n', 'fail_on = "warning"\n', ""]))
        (folder / "ropa.toml").write_text(choice)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_STEPS, min_size=1, max_size=3), data=st.data())
def test_incremental_runs_equal_fresh_runs_after_any_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steps: list[str], data: st.DataObject
) -> None:
    """After each change the cached run (report cache missing, parses, findings per file and positions
    from the file store) gives exactly the report, positions included, of a run without the cache."""
    folder = _copy(tmp_path)
    today = TODAY
    history: list[dict[Path, bytes]] = []

    def state() -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in folder.rglob("*.yaml") if CACHE_DIR not in p.parts}

    ropa.check(folder, today=today, cache=True)  # fill the report cache and the file store
    for step in steps:
        history.append(state())
        if step == "today":
            today = data.draw(st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31)))
        elif step == "package":
            digest = data.draw(st.sampled_from(["another ropa", "a third ropa"]))
            monkeypatch.setattr(cache_module, "_package_digest", lambda digest=digest: digest)
        elif step == "version":
            monkeypatch.setattr(cache_module, "__version__", data.draw(st.sampled_from(["98.0", "99.0"])))
        else:
            _apply(step, folder, data, history)
        cached = ropa.check(folder, today=today, cache=True)
        fresh = ropa.check(folder, today=today, cache=False)
        assert cached.report == fresh.report, step
        assert (cached.selected, cached.fail_on, cached.language) == (
            fresh.selected,
            fresh.fail_on,
            fresh.language,
        )


def test_an_edited_activity_file_is_the_only_one_parsed_and_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file store does its work: after one activity file is edited, only that file is parsed again
    (the others' parses come from the store), and the report equals a fresh one."""
    from ropa.loading import incremental

    monkeypatch.setattr(incremental, "RACY_SECONDS", 0.0)
    folder = _copy(tmp_path)
    ropa.check(folder, today=TODAY, cache=True)
    edited = folder / "activities" / "reviews.yaml"
    edited.write_bytes(edited.read_bytes() + b"# edited\n")
    parsed: list[int] = []
    real = loader_module.parse_bytes

    def counting(data: bytes) -> object:
        parsed.append(len(data))
        return real(data)

    monkeypatch.setattr(loader_module, "parse_bytes", counting)
    cached = ropa.check(folder, today=TODAY, cache=True)
    assert parsed == [len(edited.read_bytes())]
    monkeypatch.setattr(loader_module, "parse_bytes", real)
    assert cached.report == ropa.check(folder, today=TODAY, cache=False).report
