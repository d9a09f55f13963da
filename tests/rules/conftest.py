"""Helpers for rule tests: run one rule on a fixture and read the ``# expect: CODE`` markers."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import ropa
from ropa.config import Config
from ropa.diagnostics import Report

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_TODAY = dt.date(2026, 6, 1)
"""The date every rule fixture is checked on, so that date-dependent rules are deterministic."""

_MARKER = re.compile(r"#\s*expect:\s*([A-Z]+-\d{3}(?:\s*,\s*[A-Z]+-\d{3})*)")


_TODAY = re.compile(r"^#\s*today:\s*(\d{4}-\d{2}-\d{2})\s*$", re.MULTILINE)


def fixture_today(source: str | Path) -> dt.date:
    """The date a fixture is checked on: its ``# today: YYYY-MM-DD`` line, else :data:`FIXTURE_TODAY`."""
    if isinstance(source, Path):
        files = [source] if source.is_file() else sorted(source.rglob("*.y*ml"))
        text = "\n".join(f.read_text(encoding="utf-8") for f in files)
    else:
        text = source
    match = _TODAY.search(text)
    return dt.date.fromisoformat(match.group(1)) if match else FIXTURE_TODAY


DEFAULT_PROFILES = frozenset({"ORG-008"})
"""Rules about how the profiles are chosen: their fixtures run with the profiles ropa chooses itself."""


def run_rule(code: str, source: str | Path) -> Report:
    """Validate ``source`` (YAML text, a file or a folder) with only rule ``code``, both profiles on
    (except for the rules of :data:`DEFAULT_PROFILES`)."""
    result = ropa.loads(source) if isinstance(source, str) else ropa.load(source)
    config = Config(select=[code], profile=None if code in DEFAULT_PROFILES else ["eu", "nl"])
    return ropa.validate(result, config, today=fixture_today(source))


def expected_lines(path: Path, code: str) -> set[tuple[str, int]]:
    """``(file, line)`` of every ``# expect: CODE`` marker under ``path`` (a file or a folder)."""
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*.y*ml"))
    out = set()
    for file in files:
        name = file.name if path.is_file() else file.relative_to(path).as_posix()
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            match = _MARKER.search(line)
            if match and code in [c.strip() for c in match.group(1).split(",")]:
                out.add((name, number))
    return out


def fixture(code: str, kind: str) -> Path:
    """``fixtures/<code>/<kind>.yaml`` or the folder ``fixtures/<code>/<kind>/``."""
    base = FIXTURES / code
    single = base / f"{kind}.yaml"
    return single if single.exists() else base / kind


def fixture_cases(code: str, kind: str) -> list[Path]:
    """The main ``kind`` fixture of a rule, then its named cases ``<kind>-<case>.yaml`` (or folders), each
    a register of its own built from one case (e.g. ``fail-medical-file.yaml``)."""
    base = FIXTURES / code
    cases = sorted(p for p in base.glob(f"{kind}-*") if p.suffix in (".yaml", "") or p.is_dir())
    return [fixture(code, kind), *cases]


def all_fixture_cases(kind: str) -> list[tuple[str, Path]]:
    """``(code, path)`` of every ``kind`` fixture of every rule."""
    from ropa.rules import ALL_RULES

    return [(rule.code, path) for rule in ALL_RULES for path in fixture_cases(rule.code, kind)]
