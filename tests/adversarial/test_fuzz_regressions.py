"""Inputs found by fuzzing (tests/fuzz/fuzz_loader.py) that once made ropa misbehave, and the fuzz target
itself: it must keep running on its corpus and under the fallback mutator.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import ropa

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"


def _fuzz_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_loader", FUZZ / "fuzz_loader.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_loader", module)
    spec.loader.exec_module(module)
    return module


fuzz_loader = _fuzz_module()


# --- regressions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An unknown key with '[' in it was dropped from the error location as if it were a pydantic
        # union tag, and the loader raised IndexError (CLI exit 3). Found by the mutator in seconds.
        ("organisation:\n  x[1]: y\n", [("STR-002", 2, 3, "/organisation/x[1]")]),
        (
            "activities:\n  - id: a\n    name: b\n    purposes[0]: x\n",
            [("STR-002", 4, 5, "/activities/0/purposes[0]")],
        ),
        (
            'organisation:\n  name: "Caf\\u00e9"\n  nam[[[]]]e: 1\n',
            [("STR-002", 3, 3, "/organisation/nam[[[]]]e")],
        ),
        # ... and a key with '[' inside 'unmapped' pointed at the wrong place
        (
            'activities:\n  - id: a\n    name: b\n    unmapped:\n      ok: x\n      "col[1]": [x]\n',
            [("STR-003", 6, 7, "/activities/0/unmapped/col[1]")],
        ),
    ],
)
def test_keys_with_brackets(text: str, expected: list[tuple[str, int, int, str]]) -> None:
    result = ropa.loads(text)
    found = [(d.code, d.location.line, d.location.column, d.location.pointer) for d in result.diagnostics]
    assert found == expected


def test_crash_inputs_of_the_fuzzer_are_fixed() -> None:
    """Every input the fuzzer ever saved under tests/fuzz/crashes/ (not committed) passes now."""
    crashes = FUZZ / "crashes"
    for path in sorted(crashes.iterdir()) if crashes.is_dir() else []:
        fuzz_loader.check(path.read_bytes())


# --- the fuzz target keeps working -------------------------------------------------------------


def test_corpus_passes_the_target() -> None:
    corpus = sorted((FUZZ / "corpus").iterdir())
    assert len(corpus) >= 10
    for path in corpus:
        fuzz_loader.check(path.read_bytes())


def test_corpus_holds_valid_and_invalid_registers() -> None:
    results = [ropa.loads(p.read_bytes()) for p in sorted((FUZZ / "corpus").iterdir())]
    assert sum(1 for r in results if not r.diagnostics) >= 4
    assert sum(1 for r in results if r.diagnostics) >= 4


def test_dictionary_is_read() -> None:
    tokens = fuzz_loader.dictionary_tokens()
    assert b"<<: " in tokens
    assert b"\xef\xbb\xbf" in tokens
    assert len(tokens) > 50


def test_short_mutator_run_finds_nothing() -> None:
    executions, failures = fuzz_loader.run_mutator(
        [FUZZ / "corpus"], seconds=60, seed=20_260_601, limit=1500, crashes=None
    )
    assert executions == 1500
    assert failures == [], failures[0][1]


def test_mutator_reports_what_the_target_raises() -> None:
    """The harness itself: a target that fails on some input is caught and reported, not hidden."""

    def picky(data: bytes) -> None:
        if b"organisation" in data:
            raise ValueError("boom")

    executions, failures = fuzz_loader.run_mutator(
        [FUZZ / "corpus"], seconds=60, seed=1, limit=50, crashes=None, target=picky
    )
    assert executions == 50
    assert failures
    assert all(b"organisation" in data for data, _ in failures)
    assert "ValueError: boom" in failures[0][1]
