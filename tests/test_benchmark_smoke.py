"""Smoke test of the benchmark suite: the generator's registers load cleanly and every row reports results.

Asserts results (counts, diagnostics, parsable exports), never times.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

import ropa
from ropa.loading.codes import STRUCTURAL

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"ropa_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    return _module("generate")


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize(
    "text",
    [
        "NO",
        "yes",
        "Off",
        "null",
        "6-1-b",
        "49-1-2",
        "2026.3",
        "+31 20 123 4567",
        "key: value",
        "ends with colon:",
        "a # comment",
        "’s-Hertogenbosch",
        "§ 147 AO",
        "Łódź, Kraków & Gdańsk",
        "東京データ 株式会社",
        "https://example.test/privacy#x",
        "line one\nline two",
        "word " * 40 + "end",
        "Müller & Söhne " * 12 + "GmbH",
        '"quoted" and \\ backslash',
    ],
)
def test_emitter_round_trips(gen: ModuleType, text: str) -> None:
    document = {"register": {"title": text, "list": [text, {"nested": text}]}, "date": dt.date(2026, 1, 2)}
    emitted = gen.to_yaml(document)
    assert _plain(yaml.load(emitted, Loader=yaml.CSafeLoader)) == _plain(document)
    from ropa.loading._yaml import parse

    data, problems = parse(emitted)
    assert problems == []
    assert data == _plain(document)


def test_generator_is_deterministic(gen: ModuleType) -> None:
    first = [gen.to_yaml({kind: value}) for kind, value in gen.iter_register(30)]
    second = [gen.to_yaml({kind: value}) for kind, value in gen.iter_register(30)]
    assert first == second
    kinds = Counter(kind for kind, _ in gen.iter_register(30))
    assert kinds["activity"] == 30


@pytest.mark.parametrize("layout", ["per-file", "single"])
def test_generated_register_loads_without_structural_diagnostics(
    gen: ModuleType, layout: str, tmp_path: Path
) -> None:
    path = gen.register_path(200, layout, cache=tmp_path)
    result = ropa.load(path)
    assert result.diagnostics == ()
    register = result.register
    assert len(register.activities or ()) == 200
    assert len(register.parties or ()) == gen.party_count(200)
    names = "".join(a.name for a in register.activities or ())
    assert any(ch in names for ch in "łźóéüö")
    assert any("\u4e00" <= ch <= "\u9fff" or "\u3040" <= ch <= "\u30ff" for ch in names)
    assert any(
        t.country == "US" and t.mechanism == "scc"
        for a in register.activities or ()
        for t in a.transfers or ()
    )
    # The second call is served from the cache.
    assert gen.register_path(200, layout, cache=tmp_path) == path


def test_fides_mapping_covers_every_activity(gen: ModuleType) -> None:
    measures: dict[str, str] = {}
    kinds: Counter[str] = Counter()
    for kind, value in gen.iter_register(20):
        for fides_kind, _ in gen.fides_resources(kind, value, measures):
            kinds[fides_kind] += 1
    assert kinds["system"] == 20 + gen.party_count(20)
    assert kinds["organization"] == 1
    assert kinds["data_category"] == gen.category_count(20)


def test_benchmark_run_reports_results(tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    tasks = "validate,json,xlsx,raw-parse,raw-pydantic"
    command = [
        sys.executable,
        str(BENCH / "run.py"),
        "--sizes=1000",
        "--layouts=per-file",
        f"--tasks={tasks}",
        "--repeat=1",
        "--cli-runs=1",
        "--no-peer",
        "--no-docs",
        f"--results={results}",
        f"--cache-dir={tmp_path / 'cache'}",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "| 1,000 | per-file | validate |" in done.stdout
    data = json.loads(results.read_text(encoding="utf-8"))
    rows = {row["task"]: row for row in data["rows"]}

    validate = rows["validate"]["info"]
    assert validate["activities"] == 1000
    assert validate["structural"] == 0
    assert not set(validate["codes"]) & set(STRUCTURAL)
    assert validate["codes"].get("LAW-001", 0) > 0  # the generator leaves a few purposes without a basis

    assert rows["json"]["info"]["activities"] == 1000
    assert rows["raw-parse"]["info"]["activities"] == 1000
    assert rows["raw-pydantic"]["info"]["activities"] == 1000
    assert rows["raw-pydantic"]["info"]["entities"] > 1000

    if data["xlsx_exporter"]:
        xlsx = rows["xlsx"]["info"]
        assert max(xlsx["sheets"].values()) >= 1000  # a row per activity on the register sheet
        assert xlsx["cells"] > 1000 * 20
    else:
        assert rows["xlsx"]["skipped"].startswith("ropa.export.xlsx")  # not written yet, or half-written

    assert data["registers"]["1,000 per-file"]["files"] == 1006
    cold = data["cold"]
    assert "openpyxl" not in cold["import ropa loads"]
    assert "jsonschema" not in cold["import ropa loads"]
    assert {b["budget"] for b in data["budgets"]} >= {"growth 10,000 → 100,000", "xlsx, 10,000"}
