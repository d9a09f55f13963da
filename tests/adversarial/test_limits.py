"""Time and memory stay bounded on hostile input: each group of files is loaded in a fresh, measured process.

A YAML-level attack of about 1 MB (an alias bomb, 500,000 open brackets, a 1 MB scalar, 1 MB of binary)
must be handled in under 2 s of CPU and under 200 MB. Files whose every few bytes are a separate
problem ("diagnostic floods") cost time in proportion to the number of problems; they are measured at
50 KB with a bound that a quadratic slowdown would break.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ropa
from ropa.loading.loader import MAX_DIAGNOSTICS_PER_FILE

from ._helpers import PYTHON, run_cli, run_measured

MB = 1_000_000

_MEASURE_LOAD = r"""
import json, sys, time
import ropa
ropa.validate(ropa.loads("activities:\n  - {id: warm, name: up}\n"))  # build the models before timing
out = {}
for path in sys.argv[1:]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = ropa.load(path)
    report = ropa.validate(result)
    codes = {}
    for d in result.diagnostics:
        codes[d.code] = codes.get(d.code, 0) + 1
    out[path] = {
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - wall,
        "codes": codes,
        "lines": sorted({d.location.line for d in result.diagnostics})[:5],
        "findings": len(report),
    }
    del result, report
print(json.dumps(out))
"""


def measure_loads(paths: list[Path], timeout: float = 300.0) -> tuple[dict[str, dict[str, Any]], float]:
    """Load and validate each path in turn in one fresh process.

    Returns what was measured per path (CPU and wall seconds, diagnostic codes) and the peak RSS of the
    process in MB: an upper bound of the peak of each load on its own.
    """
    run = run_measured([PYTHON, "-c", _MEASURE_LOAD, *map(str, paths)], timeout=timeout)
    assert run.returncode == 0, run.output[-3000:]
    return json.loads(run.stdout), run.max_rss_mb


def _fill(head: str, unit: str, tail: str = "", size: int = MB) -> str:
    return head + unit * ((size - len(head) - len(tail)) // len(unit)) + tail


def _billion_laughs() -> str:
    lines = ["lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n" + "# " + "x" * (MB - 1000) + "\n"


def _alias_fan_out() -> str:
    return _fill("x: &x [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nactivities:\n", "- *x\n")


def _random_bytes() -> bytes:
    return random.Random(1).randbytes(MB)  # noqa: S311 - seeded: the same bytes every run


def _printable_noise() -> str:
    rng = random.Random(2)  # noqa: S311 - seeded: the same text every run
    return "".join(rng.choice("abc:-[]{}&*!|>'\"#%@ \n\t,?") for _ in range(MB))


ATTACKS: dict[str, tuple[Callable[[], str | bytes], str]] = {
    # name: (content, the code it must produce)
    "billion-laughs": (_billion_laughs, "SYN-004"),
    "alias-fan-out": (_alias_fan_out, "SYN-004"),
    "recursive-alias": (lambda: "a: &a [*a]\n# " + "x" * MB + "\n", "SYN-004"),
    "open-brackets": (lambda: "activities: " + "[" * MB, "SYN-007"),
    "balanced-brackets": (lambda: "activities: " + "[" * (MB // 2) + "]" * (MB // 2), "SYN-007"),
    "open-braces": (lambda: "activities: " + "{a: " * (MB // 4), "SYN-007"),
    "deep-block-sequence": (lambda: "activities:\n" + "- " * (MB // 2) + "x\n", "SYN-007"),
    "long-scalar": (lambda: "activities:\n  - id: a\n    name: " + "x" * MB + "\n", "STR-005"),
    "long-multibyte-scalar": (
        lambda: "activities:\n  - id: a\n    name: " + "😀" * (MB // 4) + "\n",
        "STR-005",
    ),
    "long-key": (lambda: "organisation:\n  " + "k" * MB + ": 1\n", "SYN-001"),
    "long-comment": (lambda: "# " + "x" * MB + "\norganisation: {name: X}\nfoo: 1\n", "STR-002"),
    "long-quoted-escapes": (lambda: "organisation:\n  name: '" + "''" * (MB // 2) + "'\n", ""),
    "long-number": (
        lambda: "activities:\n  - id: n\n    name: N\n    transfers:\n      - scc_module: " + "9" * MB + "\n",
        "STR-003",  # longer than a number can be, so it is text
    ),
    "many-anchors": (
        lambda: (
            "activities:\n  - id: a\n    name: A\n    systems:\n"
            + "".join(f"      - &a{i} x\n" for i in range(MB // 18))
        ),
        "",
    ),
    "random-bytes": (_random_bytes, "SYN-006"),
    "printable-noise": (_printable_noise, "SYN-001"),
}


@pytest.fixture(scope="module")
def attack_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("attacks")
    for name, (make, _) in ATTACKS.items():
        content = make()
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert MB * 0.9 <= len(data) <= MB * 1.2, (name, len(data))
        sub = folder / name
        sub.mkdir()
        (sub / "attack.yaml").write_bytes(data)
    return folder


@pytest.fixture(scope="module")
def attacks_measured(attack_folder: Path) -> tuple[dict[str, dict[str, Any]], float]:
    measured, rss = measure_loads([attack_folder / name / "attack.yaml" for name in ATTACKS])
    return {Path(path).parent.name: value for path, value in measured.items()}, rss


@pytest.mark.parametrize("name", list(ATTACKS))
def test_one_megabyte_attack_is_bounded(
    attacks_measured: tuple[dict[str, dict[str, Any]], float], name: str
) -> None:
    measured = attacks_measured[0][name]
    expected = ATTACKS[name][1]
    if expected:
        assert expected in measured["codes"], measured["codes"]
    assert measured["cpu"] < 2.0, measured


def test_one_megabyte_attacks_stay_under_200_mb(attacks_measured: tuple[dict[str, Any], float]) -> None:
    assert attacks_measured[1] < 200


def test_the_cli_on_all_attacks_at_once(attack_folder: Path) -> None:
    run = run_cli("validate", attack_folder, timeout=300)
    run.assert_handled(1)
    for name, (_, code) in ATTACKS.items():
        if code:
            assert run.lines_with(f"{name}/attack.yaml", None, code), name
    # 16 files of 1 MB each, read, parsed, reported and checked by the rules
    assert run.cpu_seconds < 2.0 * len(ATTACKS), run.cpu_seconds
    assert run.max_rss_mb < 400, run.max_rss_mb


def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    path = tmp_path / "line.yaml"
    path.write_bytes(b"activities:\n  - {id: a, name: " + b"x" * (10 * MB) + b"}\n")
    measured, rss = measure_loads([path])
    assert measured[str(path)]["codes"] == {"STR-005": 1}  # longer than the 100,000 characters of Text
    assert measured[str(path)]["lines"] == [2]
    assert measured[str(path)]["cpu"] < 5.0, measured
    assert rss < 400, rss


def test_alias_expansion_budget() -> None:
    """Up to MAX_ALIAS_NODES nodes may come from aliases; one more is refused."""
    from ropa.loading._yaml import MAX_ALIAS_NODES

    ten = "[" + ", ".join(["x"] * 9) + "]"  # a list counts 1 + its 9 items = 10 nodes
    uses = MAX_ALIAS_NODES // 10
    ok = f"a: &a {ten}\nb: [{', '.join(['*a'] * uses)}]\n"
    result = ropa.loads(ok)
    assert "SYN-004" not in {d.code for d in result.diagnostics}
    over = f"a: &a {ten}\nb: [{', '.join(['*a'] * (uses + 1))}]\n"
    result = ropa.loads(over)
    assert [d.code for d in result.diagnostics] == ["SYN-004"]


# --- diagnostic floods ------------------------------------------------------------------------

FLOOD_SIZE = 50_000

FLOODS: dict[str, tuple[str, str]] = {
    "unknown-fields": (
        "activities:\n  - id: a\n    name: x\n" + "".join(f"    k{i}: 1\n" for i in range(FLOOD_SIZE // 12)),
        "STR-002",
    ),
    "unknown-kinds": ("".join(f"kind{i}: 1\n" for i in range(FLOOD_SIZE // 10)), "STR-002"),
    "scalar-entities": (_fill("activities:\n", "- 1\n", size=FLOOD_SIZE), "STR-003"),
    "empty-entities": (_fill("activities:\n", "- {}\n", size=FLOOD_SIZE), "STR-004"),
    "flow-empty-entities": (_fill("activities: [", "{},", "]", size=FLOOD_SIZE), "STR-004"),
    "duplicate-keys": (
        _fill("activities:\n  - id: a\n    name: x\n", "    notes: y\n", size=FLOOD_SIZE),
        "SYN-002",
    ),
    "tags": (_fill("activities:\n", "- !x 1\n", size=FLOOD_SIZE), "SYN-003"),
    "bad-countries": (
        _fill("parties:\n", "- {id: a, name: b, country: UK}\n", size=FLOOD_SIZE),
        "STR-005",
    ),
}


@pytest.fixture(scope="module")
def floods_measured(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, dict[str, Any]], float]:
    folder = tmp_path_factory.mktemp("floods")
    paths = []
    for name, (text, _) in FLOODS.items():
        (folder / name).mkdir()
        paths.append(folder / name / "flood.yaml")
        paths[-1].write_text(text)
    measured, rss = measure_loads(paths)
    return {Path(path).parent.name: value for path, value in measured.items()}, rss


@pytest.mark.parametrize("name", list(FLOODS))
def test_diagnostic_flood_is_linear(
    floods_measured: tuple[dict[str, dict[str, Any]], float], name: str
) -> None:
    """50 KB with a problem every few bytes: thousands of problems, in well under a second; the first
    MAX_DIAGNOSTICS_PER_FILE are reported one by one, the rest counted in one STR-008 line."""
    measured = floods_measured[0][name]
    code = FLOODS[name][1]
    assert measured["codes"].get(code, 0) == MAX_DIAGNOSTICS_PER_FILE, measured["codes"]
    assert measured["codes"].get("STR-008") == 1, measured["codes"]
    assert measured["cpu"] < 2.0, measured


def test_diagnostic_floods_stay_under_200_mb(floods_measured: tuple[dict[str, Any], float]) -> None:
    assert floods_measured[1] < 200


def test_unknown_fields_cost_no_more_than_other_problems(
    floods_measured: tuple[dict[str, dict[str, Any]], float],
) -> None:
    """A "did you mean" suggestion (difflib) costs about 0.1 ms; a flood of unknown keys must not pay it
    for every key. Compared with entities that are empty mappings (two STR-004 each), about as many
    problems in as many bytes."""
    measured = floods_measured[0]
    assert measured["unknown-fields"]["cpu"] < 2.5 * measured["empty-entities"]["cpu"]
    assert measured["unknown-kinds"]["cpu"] < 2.5 * measured["empty-entities"]["cpu"]


def test_suggestions_stop_after_a_budget_but_hints_remain() -> None:
    text = "organisation:\n" + "".join(f"  nmae{i}: x\n" for i in range(150)) + "  nmae: x\n"
    result = ropa.loads(text)
    hints = [d.hint or "" for d in result.diagnostics]
    assert len(hints) == 151
    assert "Did you mean 'name'?" in hints[0]
    assert all("Known keys: " in hint for hint in hints)
    assert "Did you mean" not in hints[-1]  # 'nmae' is close to 'name', but the budget is spent


# --- a register file larger than the limit (issue 14.7) ---------------------------------------------


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    """A 200 MB register file needed 10.9 GB and exited 3 under an 8 GB cap. Now: IO-003, not read, the rest
    of the register loads, and the process stays small (the file is sparse: nothing but its size is real)."""
    from ropa.loading.loader import MAX_FILE_BYTES

    (tmp_path / "a.yaml").write_text("activity: {id: a, name: A}\n", encoding="utf-8")
    with (tmp_path / "huge.yaml").open("wb") as handle:
        handle.truncate(200 * MB)
    result = ropa.load(tmp_path)
    assert [(d.code, d.location.file) for d in result.diagnostics] == [("IO-003", "huge.yaml")]
    assert f"more than {MAX_FILE_BYTES:,} bytes" in result.diagnostics[0].message
    assert result.diagnostics[0].hint is not None
    assert [a.id for a in result.register.activities or []] == ["a"]
    run = run_cli("validate", tmp_path)
    run.assert_handled(2)  # IO-*: the register could not be checked completely
    assert run.lines_with("huge.yaml", None, "IO-003")
    assert run.max_rss_mb < 200


def test_the_limit_is_the_files_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ropa.loading import loader

    path = tmp_path / "r.yaml"
    path.write_text("activity: {id: a, name: A}\n", encoding="utf-8")
    size = path.stat().st_size
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", size - 1)
    assert [d.code for d in ropa.load(path).diagnostics] == ["IO-003"]
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", size)
    assert ropa.load(path).diagnostics == ()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_file_larger_than_its_stated_size_is_cut_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/proc files say they have 0 bytes: the read itself stops at the limit."""
    from ropa.loading import loader

    (tmp_path / "status.yaml").symlink_to("/proc/self/status")
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 100)
    assert [d.code for d in ropa.load(tmp_path).diagnostics] == ["IO-003"]
