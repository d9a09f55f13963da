"""The benchmark suite: ropa from 10 to 100,000 activities, against raw baselines and a peer.

For each size and layout (see :mod:`generate`) every measurement runs in a fresh Python process, which
reports the wall time of the measured step and its peak resident set size (``VmHWM``):

- ``validate``: ``ropa.load`` + ``ropa.validate`` (every rule), what ``ropa validate`` does;
- ``load``: ``ropa.load`` alone (the share of the rules is ``validate - load``);
- ``xlsx``: ``ropa.export_xlsx`` of a loaded register (skipped while ``ropa.export.xlsx`` is missing);
- ``json``: ``ropa.export_json`` of a loaded register;
- ``pipeline``: load, validate, xlsx and JSON in one process, as ``make demo`` does;
- ``raw-parse``: ``yaml.load(text, Loader=yaml.CSafeLoader)`` of the same files, GC paused;
- ``raw-pydantic``: ``model_validate`` of every entity on the dicts of ``raw-parse`` (parsed untimed);
- ``raw-openpyxl``: a write-only openpyxl workbook of exactly the cells ropa's workbook holds;
- ``fideslang`` / ``fideslang-models`` / ``fideslang-refs``: the peer on the same content (its own
  ``yaml.safe_load`` loader and models; models only; plus its reference check).

Cold-process rows time ``python -m ropa validate`` on the 10-activity register and
``python -c "import ropa"``, and check that ``import ropa`` imports neither openpyxl nor jsonschema.

Usage::

    python benchmarks/run.py                  # 10, 1,000 and 10,000 activities
    python benchmarks/run.py --full           # ... and 100,000
    python benchmarks/run.py --sizes 1000 --layouts per-file --repeat 1 --no-docs

The table goes to stdout, the figures to ``benchmarks/results/<date>-<host>.json`` and the latest table
into ``docs/performance.md`` (between its ``bench:begin`` / ``bench:end`` markers).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import pickle
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import generate as gen

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS_DIR = HERE / "results"
DOCS = ROOT / "docs" / "performance.md"
PEER_VENV = gen.CACHE_DIR / "peer-venv"
PEER_SCRIPT = HERE / "peer_fides.py"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"

DEFAULT_SIZES = (10, 1_000, 10_000)
FULL_SIZE = 100_000
REPEATS = {10: 10, 1_000: 5, 10_000: 3, 100_000: 1}
"""Runs per measurement (the median is reported); fewer at large sizes."""
PEER_MAX = 10_000
"""fideslang parses with the pure-Python ``yaml.safe_load``: about 15 s per 1,000 activities."""
PEER_REFS_MAX = 1_000
"""fideslang's reference check scans every resource for every key: quadratic, small sizes only."""
CLI_RUNS = 10
DEFAULT_MEMORY_GIB = 10.0
"""Address-space limit of each worker: on a shared machine a runaway measurement fails alone."""
TASKS = (
    "validate",
    "load",
    "xlsx",
    "json",
    "pipeline",
    "raw-parse",
    "raw-pydantic",
    "raw-openpyxl",
    "fideslang",
    "fideslang-models",
    "fideslang-refs",
)
DEFAULT_TASKS = tuple(t for t in TASKS if t != "load")
"""``load`` is left out by default: ``validate`` reports its load step too."""

# Budgets: (key, description, limit)
BUDGET_CLI = 2.5
"""``ropa validate`` of 10 activities ÷ ``python -c 'import pydantic, yaml'``."""
BUDGET_IMPORT = 0.150
BUDGET_RATIO = 1.0
BUDGET_FULL_SECONDS = 60.0
BUDGET_FULL_RSS_MIB = 4 * 1024
BUDGET_GROWTH = 11.0
BUDGET_PEER = 5.0


# ==================================================================================================
# Workers: one measurement in a fresh process, one JSON line on stdout
# ==================================================================================================


def _limit_memory(gib: float) -> None:
    if gib <= 0:
        return
    import resource

    limit = int(gib * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _peak_kib() -> int:
    """Peak resident set size of this process so far (``VmHWM``; ``ru_maxrss`` as a fallback)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _yaml_files(path: Path) -> list[Path]:
    """The register's YAML files, as ropa finds them (hidden entries skipped, sorted)."""
    if path.is_file():
        return [path]
    found = [
        p
        for p in path.rglob("*")
        if p.suffix in (".yaml", ".yml")
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    ]
    return sorted(found, key=lambda p: p.relative_to(path).as_posix())


def _activities_in(docs: Iterable[Any]) -> int:
    count = 0
    for doc in docs:
        if isinstance(doc, dict):
            count += 1 if "activity" in doc else len(doc.get("activities") or ())
    return count


def _structural(diagnostics: Iterable[Any]) -> int:
    from ropa.loading.codes import STRUCTURAL

    return sum(1 for d in diagnostics if d.code in STRUCTURAL)


def _xlsx_problem() -> str | None:
    """Why the xlsx rows cannot run (the exporter is being written), or None."""
    import importlib.util

    if importlib.util.find_spec("ropa.export.xlsx") is None:
        return "ropa.export.xlsx does not exist yet"
    try:
        import ropa.export.xlsx  # noqa: F401
    except Exception as exc:  # a half-written exporter must not stop the other rows
        return f"ropa.export.xlsx fails to import: {type(exc).__name__}: {exc}"
    return None


def _have_xlsx() -> bool:
    return _xlsx_problem() is None


def _sheets(path: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return [(ws.title, [tuple(row) for row in ws.iter_rows(values_only=True)]) for ws in workbook]
    finally:
        workbook.close()


def work_validate(path: Path, work: Path) -> dict[str, Any]:
    import ropa

    start, cpu = time.perf_counter(), time.process_time()
    result = ropa.load(path)
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    report = ropa.validate(result, today=gen.TODAY)
    seconds = time.perf_counter() - start
    cpu_s = time.process_time() - cpu
    peak = _peak_kib()
    from ropa.rules import ALL_RULES

    codes = Counter(d.code for d in report)
    return {
        "seconds": seconds,
        "cpu_s": cpu_s,
        "peak_rss_kib": peak,
        "load_seconds": loaded - start,
        "load_cpu_s": loaded_cpu - cpu,
        "activities": len(result.register.activities or ()),
        "parties": len(result.register.parties or ()),
        "structural": _structural(result.diagnostics),
        "findings": len(report) - _structural(report),
        "codes": dict(sorted(codes.items())),
        "rules": len(ALL_RULES),
    }


def work_load(path: Path, work: Path) -> dict[str, Any]:
    import ropa

    start, cpu = time.perf_counter(), time.process_time()
    result = ropa.load(path)
    seconds = time.perf_counter() - start
    cpu_s = time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_s": cpu_s,
        "peak_rss_kib": _peak_kib(),
        "activities": len(result.register.activities or ()),
        "structural": _structural(result.diagnostics),
    }


def work_xlsx(path: Path, work: Path) -> dict[str, Any]:
    problem = _xlsx_problem()
    if problem:
        return {"skipped": problem}
    import ropa

    result = ropa.load(path)
    out = work / "ropa.xlsx"
    start, cpu = time.perf_counter(), time.process_time()
    ropa.export_xlsx(result, out, lang="en")
    seconds = time.perf_counter() - start
    cpu_s = time.process_time() - cpu
    peak = _peak_kib()
    # Untimed: read the workbook back, count its cells, and keep them for the raw-openpyxl row.
    sheets = _sheets(out)
    grid = work / "grid.pickle"
    if not grid.exists():
        with grid.open("wb") as handle:
            pickle.dump(sheets, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return {
        "seconds": seconds,
        "cpu_s": cpu_s,
        "peak_rss_kib": peak,
        "activities": len(result.register.activities or ()),
        "sheets": {name: len(rows) for name, rows in sheets},
        "cells": sum(len(row) for _, rows in sheets for row in rows),
        "bytes": out.stat().st_size,
    }


def work_json(path: Path, work: Path) -> dict[str, Any]:
    import ropa

    result = ropa.load(path)
    out = work / "ropa.json"
    start, cpu = time.perf_counter(), time.process_time()
    ropa.export_json(result, out)
    seconds = time.perf_counter() - start
    cpu_s = time.process_time() - cpu
    peak = _peak_kib()
    data = json.loads(out.read_text(encoding="utf-8"))
    return {
        "seconds": seconds,
        "cpu_s": cpu_s,
        "peak_rss_kib": peak,
        "activities": len(data.get("activities") or ()),
        "bytes": out.stat().st_size,
    }


def work_pipeline(path: Path, work: Path) -> dict[str, Any]:
    import ropa

    problem = _xlsx_problem()
    xlsx = problem is None
    start, cpu = time.perf_counter(), time.process_time()
    result = ropa.load(path)
    report = ropa.validate(result, today=gen.TODAY)
    validated = time.perf_counter()
    if xlsx:
        ropa.export_xlsx(result, work / "pipeline.xlsx", lang="en", report=report)
    exported = time.perf_counter()
    ropa.export_json(result, work / "pipeline.json")
    seconds = time.perf_counter() - start
    cpu_s = time.process_time() - cpu
    out: dict[str, Any] = {
        "seconds": seconds,
        "cpu_s": cpu_s,
        "peak_rss_kib": _peak_kib(),
        "validate_seconds": validated - start,
        "xlsx_seconds": exported - validated,
        "json_seconds": seconds - (exported - start),
        "activities": len(result.register.activities or ()),
        "findings": len(report),
    }
    if problem:
        out["note"] = f"without xlsx: {problem}"
    return out


def _parse_raw(path: Path) -> list[Any]:
    import yaml

    texts = [p.read_text(encoding="utf-8") for p in _yaml_files(path)]
    return [yaml.load(text, Loader=yaml.CSafeLoader) for text in texts]


def work_raw_parse(path: Path, work: Path) -> dict[str, Any]:
    import yaml

    texts = [p.read_text(encoding="utf-8") for p in _yaml_files(path)]
    gc.disable()
    start, cpu = time.perf_counter(), time.process_time()
    docs = [yaml.load(text, Loader=yaml.CSafeLoader) for text in texts]
    seconds = time.perf_counter() - start
    cpu_s = time.process_time() - cpu
    gc.enable()
    return {
        "seconds": seconds,
        "cpu_s": cpu_s,
        "peak_rss_kib": _peak_kib(),
        "activities": _activities_in(docs),
        "files": len(texts),
    }


def work_raw_pydantic(path: Path, work: Path) -> dict[str, Any]:
    from ropa.loading.loader import SINGULAR
    from ropa.models.register import KINDS

    gc.disable()
    docs = _parse_raw(path)
    entities = 0
    start, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        for key, value in doc.items():
            kind = SINGULAR.get(key, key)
            model = KINDS[kind]
            if kind != key or not isinstance(value, list):
                model.model_validate(value)
                entities += 1
            else:
                for item in value:
                    model.model_validate(item)
                entities += len(value)
    seconds = time.perf_counter() - start
    cpu_s = time.process_time() - cpu
    gc.enable()
    return {
        "seconds": seconds,
        "cpu_s": cpu_s,
        "peak_rss_kib": _peak_kib(),
        "activities": _activities_in(docs),
        "entities": entities,
    }


def work_raw_openpyxl(path: Path, work: Path) -> dict[str, Any]:
    grid = work / "grid.pickle"
    if not grid.exists():
        return {"skipped": "no workbook to copy (the xlsx row did not run)"}
    from openpyxl import Workbook

    with grid.open("rb") as handle:
        sheets = pickle.load(handle)  # noqa: S301 - our own file, written by work_xlsx
    out = work / "raw.xlsx"
    start, cpu = time.perf_counter(), time.process_time()
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(out)
    seconds = time.perf_counter() - start
    cpu_s = time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_s": cpu_s,
        "peak_rss_kib": _peak_kib(),
        "sheets": {name: len(rows) for name, rows in sheets},
        "cells": sum(len(row) for _, rows in sheets for row in rows),
        "bytes": out.stat().st_size,
    }


WORKERS: dict[str, Callable[[Path, Path], dict[str, Any]]] = {
    "validate": work_validate,
    "load": work_load,
    "xlsx": work_xlsx,
    "json": work_json,
    "pipeline": work_pipeline,
    "raw-parse": work_raw_parse,
    "raw-pydantic": work_raw_pydantic,
    "raw-openpyxl": work_raw_openpyxl,
}


# ==================================================================================================
# The parent: spawning, statistics, tables, budgets
# ==================================================================================================


@dataclass
class Row:
    """The runs of one measurement."""

    n: int
    layout: str
    task: str
    runs: list[dict[str, Any]] = field(default_factory=list)
    skipped: str | None = None

    @property
    def seconds(self) -> float | None:
        times = [r["seconds"] for r in self.runs if "seconds" in r]
        return statistics.median(times) if times else None

    @property
    def cpu(self) -> float | None:
        """Median CPU seconds of the measured step (less sensitive to other load than wall time)."""
        times = [r["cpu_s"] for r in self.runs if "cpu_s" in r]
        return statistics.median(times) if times else None

    @property
    def peak_mib(self) -> float | None:
        peaks = [r["peak_rss_kib"] for r in self.runs if "peak_rss_kib" in r]
        return max(peaks) / 1024 if peaks else None

    def info(self) -> dict[str, Any]:
        """The non-timing fields of the last run (counts, codes, sizes)."""
        if not self.runs:
            return {}
        skip = {"seconds", "cpu_s", "peak_rss_kib", "process_s"}
        return {k: v for k, v in self.runs[-1].items() if k not in skip}

    def as_json(self) -> dict[str, Any]:
        seconds = self.seconds
        out: dict[str, Any] = {"n": self.n, "layout": self.layout, "task": self.task}
        if self.skipped:
            out["skipped"] = self.skipped
            return out
        out.update(
            median_s=_round(seconds),
            runs_s=[_round(r["seconds"]) for r in self.runs],
            median_cpu_s=_round(self.cpu),
            process_s=[r.get("process_s") for r in self.runs],
            activities_per_s=_round(self.n / seconds, 1) if seconds else None,
            peak_rss_mib=_round(self.peak_mib, 1),
            info=self.info(),
            raw_runs=self.runs,
        )
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        """The row of a results file (for ``--render``)."""
        return cls(
            data["n"], data["layout"], data["task"], list(data.get("raw_runs", ())), data.get("skipped")
        )


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


@dataclass
class Spawned:
    """A finished child process: wall and CPU seconds, its own peak RSS (``wait4``), its stdout."""

    wall: float
    cpu: float
    peak_kib: int
    stdout: str


def _spawn(command: list[str], *, cwd: Path | None = None, ok: tuple[int, ...] = (0,)) -> Spawned:
    """Run ``command`` and wait for it.

    Raises:
        RuntimeError: the exit code is not in ``ok`` (the message holds the end of stderr).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            raise
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        if process.returncode not in ok:
            raise RuntimeError(
                f"{' '.join(command)} exited with {process.returncode}:\n"
                + err.read().decode("utf-8", "replace")[-4_000:]
            )
    return Spawned(wall, usage.ru_utime + usage.ru_stime, int(usage.ru_maxrss), stdout)


def _worker_command(task: str, path: Path, work: Path) -> list[str]:
    if task.startswith("fideslang"):
        peer = {"fideslang": "load", "fideslang-models": "models", "fideslang-refs": "references"}[task]
        return [str(PEER_VENV / "bin" / "python"), str(PEER_SCRIPT), peer, str(path)]
    return [sys.executable, str(Path(__file__).resolve()), "--worker", task, str(path), str(work)]


def _measure(task: str, path: Path, work: Path) -> dict[str, Any]:
    done = _spawn(_worker_command(task, path, work), cwd=work)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"worker {task} printed no result:\n{done.stdout[-2_000:]}")
    result: dict[str, Any] = json.loads(lines[-1])
    result["process_s"] = round(done.wall, 4)
    return result


def ensure_peer(log: Callable[[str], None]) -> str | None:
    """The peer virtual environment with fideslang; ``None`` when ready, else why it is unavailable.

    fideslang 3 pins ``pydantic<2.13``: installed into the project's venv it would downgrade pydantic, so
    it gets a venv of its own under ``benchmarks/.cache/``.
    """
    python = PEER_VENV / "bin" / "python"
    probe = [str(python), "-c", "import fideslang, sys; sys.stdout.write(fideslang.__version__)"]
    if python.exists() and subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return None
    log("setting up the fideslang peer venv (benchmarks/.cache/peer-venv) ...")
    base = getattr(sys, "_base_executable", sys.executable)
    try:
        subprocess.run([base, "-m", "venv", "--clear", str(PEER_VENV)], check=True, capture_output=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", "fideslang>=3"],
            check=True,
            capture_output=True,
            timeout=900,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        return f"fideslang not installable here: {exc} {detail.decode('utf-8', 'replace')[-300:]}".strip()
    return None


def _peer_versions() -> dict[str, str]:
    python = PEER_VENV / "bin" / "python"
    code = (
        "import json, importlib.metadata as m;"
        "print(json.dumps({p: m.version(p) for p in ('fideslang', 'pydantic', 'pydantic-core', 'PyYAML')}))"
    )
    try:
        done = subprocess.run([str(python), "-c", code], capture_output=True, check=True, text=True)
    except (OSError, subprocess.SubprocessError):
        return {}
    versions: dict[str, str] = json.loads(done.stdout)
    return versions


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    import importlib.metadata as md

    import yaml

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    packages = {}
    for name in ("ropa-register", "pydantic", "pydantic-core", "PyYAML", "openpyxl", "jsonschema"):
        try:
            packages[name] = md.version(name)
        except md.PackageNotFoundError:
            packages[name] = "not installed"
    libyaml = yaml.__with_libyaml__
    if libyaml:
        from yaml import _yaml

        packages["libyaml"] = _yaml.get_version_string()
    commit = _git("rev-parse", "--short", "HEAD")
    dirty = bool(_git("status", "--porcelain", "--untracked-files=no", "--", "ropa"))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gib": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "packages": packages,
        "git": f"{commit}{' + uncommitted changes in ropa/' if dirty else ''}",
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip()


def _rule_count() -> int:
    from ropa.rules import ALL_RULES

    return len(ALL_RULES)


def cold_rows(path10: Path, runs: int, work: Path) -> dict[str, Any]:
    """Cold-process timings: ``python -m ropa validate`` and ``python -c 'import ropa'``."""
    python = sys.executable
    # As installed: with the bytecode of ropa's modules (PYTHONDONTWRITEBYTECODE may be set here).
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "ropa")], check=False, capture_output=True)
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "python -c 'import pydantic, yaml'": [python, "-c", "import pydantic, yaml"],
        "python -c 'import ropa'": [python, "-c", "import ropa"],
        "ropa validate --no-cache (10 activities)": [
            python,
            "-m",
            "ropa",
            "validate",
            str(path10),
            "--today",
            gen.TODAY.isoformat(),
            "--no-cache",
        ],
        "ropa validate (10 activities)": [
            python,
            "-m",
            "ropa",
            "validate",
            str(path10),
            "--today",
            gen.TODAY.isoformat(),
        ],
    }
    # The cached row: warm the cache once, so that every timed run is a repeat run.
    _spawn(commands["ropa validate (10 activities)"], cwd=work, ok=(0, 1))
    out: dict[str, Any] = {}
    for name, command in commands.items():
        runs_done = [_spawn(command, cwd=work, ok=(0, 1)) for _ in range(runs)]  # 1: findings
        out[name] = {
            "median_s": _round(statistics.median(d.wall for d in runs_done)),
            "runs_s": [_round(d.wall) for d in runs_done],
            "median_cpu_s": _round(statistics.median(d.cpu for d in runs_done)),
            "peak_rss_mib": _round(max(d.peak_kib for d in runs_done) / 1024, 1),
        }
    probe = (
        "import sys, json, ropa; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('openpyxl', 'jsonschema', 'pydantic', 'yaml', 'ropa') and '.' not in m)))"
    )
    imported = json.loads(_spawn([python, "-c", probe], cwd=work).stdout.strip().splitlines()[-1])
    out["import ropa loads"] = imported
    return out


def cache_rows(path: Path, runs: int, work: Path) -> dict[str, Any]:
    """Repeat ``ropa validate`` of a copy of ``path`` with a warm cache: unchanged, and after editing one
    activity file before each run (a miss every time), against one run with ``--no-cache``."""
    copy = work / "cached-register"
    shutil.copytree(path, copy, ignore=shutil.ignore_patterns(".ropa_cache"))
    command = [sys.executable, "-m", "ropa", "validate", str(copy), "--today", gen.TODAY.isoformat()]
    _spawn(command, cwd=work, ok=(0, 1))  # fills the cache
    # and once more, as a user's repeat run finds it: the stats of files copied a moment ago are not
    # trusted (ropa.loading.incremental.RACY_SECONDS), so the first run reads and hashes every file again
    time.sleep(2.5)
    _spawn(command, cwd=work, ok=(0, 1))
    edited = sorted((copy / "activities").glob("*.yaml"))[0]
    original = edited.read_bytes()
    out: dict[str, Any] = {}
    plans: dict[str, list[str]] = {
        "unchanged": command,
        "one file edited": command,
        "--no-cache": [*command, "--no-cache"],
    }
    for name, argv in plans.items():
        done = []
        for index in range(1 if name == "--no-cache" else runs):
            if name == "one file edited":
                edited.write_bytes(original + f"# edit {index}\n".encode())
            done.append(_spawn(argv, cwd=work, ok=(0, 1)))
        out[name] = {
            "median_s": _round(statistics.median(d.wall for d in done)),
            "runs_s": [_round(d.wall) for d in done],
            "median_cpu_s": _round(statistics.median(d.cpu for d in done)),
            "peak_rss_mib": _round(max(d.peak_kib for d in done) / 1024, 1),
        }
    out["activities"] = sum(1 for _ in (copy / "activities").glob("*.yaml"))
    return out


# ==================================================================================================
# Ratios and budgets
# ==================================================================================================


def _find(rows: list[Row], n: int, layout: str, task: str) -> Row | None:
    for row in rows:
        if (row.n, row.layout, row.task) == (n, layout, task):
            return row
    return None


def _seconds(rows: list[Row], n: int, layout: str, task: str) -> float | None:
    row = _find(rows, n, layout, task)
    return row.seconds if row is not None and not row.skipped else None


RATIOS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # (name, numerator tasks (summed), denominator tasks (summed))
    ("validate / raw parse", ("validate",), ("raw-parse",)),
    ("validate / (raw parse + raw pydantic)", ("validate",), ("raw-parse", "raw-pydantic")),
    ("load / (raw parse + raw pydantic)", ("load",), ("raw-parse", "raw-pydantic")),
    ("xlsx / (raw parse + raw openpyxl)", ("xlsx",), ("raw-parse", "raw-openpyxl")),
    ("xlsx / raw openpyxl", ("xlsx",), ("raw-openpyxl",)),
    ("fideslang load / ropa validate (speed-up)", ("fideslang",), ("validate",)),
    ("fideslang models / ropa raw pydantic", ("fideslang-models",), ("raw-pydantic",)),
)


def _sum(rows: list[Row], n: int, layout: str, tasks: Iterable[str], cpu: bool = False) -> float | None:
    total = 0.0
    for task in tasks:
        row = _find(rows, n, layout, task)
        if row is None and task == "load":  # the load step of the validate row
            row = _find(rows, n, layout, "validate")
            key = "load_cpu_s" if cpu else "load_seconds"
            steps = [r[key] for r in row.runs if key in r] if row is not None and not row.skipped else []
            value = statistics.median(steps) if steps else None
        else:
            value = None if row is None or row.skipped else (row.cpu if cpu else row.seconds)
        if not value:
            return None
        total += value
    return total


def ratios(rows: list[Row], sizes: Iterable[int], layouts: Iterable[str]) -> list[dict[str, Any]]:
    """validate ÷ (raw parse + raw pydantic), xlsx ÷ raw openpyxl, fideslang ÷ ropa, growth.

    Each ratio is given on wall time (``value``, what the budgets use) and on CPU time (``cpu``).
    """
    out: list[dict[str, Any]] = []
    sizes = sorted(sizes)
    for n in sizes:
        for layout in layouts:
            for name, top, bottom in RATIOS:
                values = [_sum(rows, n, layout, top, cpu) for cpu in (False, True)]
                bases = [_sum(rows, n, layout, bottom, cpu) for cpu in (False, True)]
                if values[0] and bases[0]:
                    cpu_ratio = values[1] / bases[1] if values[1] and bases[1] else None
                    out.append(_ratio(name, n, layout, values[0] / bases[0], cpu_ratio))
    if 10_000 in sizes and FULL_SIZE in sizes:
        for layout in layouts:
            for task in ("validate", "xlsx", "json", "pipeline", "raw-parse", "raw-pydantic", "raw-openpyxl"):
                small = [_sum(rows, 10_000, layout, (task,), cpu) for cpu in (False, True)]
                big = [_sum(rows, FULL_SIZE, layout, (task,), cpu) for cpu in (False, True)]
                if small[0] and big[0]:
                    cpu_ratio = big[1] / small[1] if big[1] and small[1] else None
                    out.append(
                        _ratio(f"growth 10k→100k ({task})", FULL_SIZE, layout, big[0] / small[0], cpu_ratio)
                    )
    return out


def _ratio(name: str, n: int, layout: str, value: float, cpu: float | None) -> dict[str, Any]:
    return {"name": name, "n": n, "layout": layout, "value": round(value, 3), "cpu": _round(cpu, 3)}


def _budget(
    name: str, limit: str, value: str | None, met: bool | None, note: str = "", cpu_met: bool | None = None
) -> dict[str, Any]:
    """A budget's verdict on wall time (``met``) and, where the measurement has one, on CPU time: on a
    shared machine the wall times of a run carry the other processes' load, the CPU times much less."""
    return {"budget": name, "limit": limit, "measured": value, "met": met, "cpu_met": cpu_met, "note": note}


def budgets(
    rows: list[Row],
    cold: dict[str, Any] | None,
    ratio_list: list[dict[str, Any]],
    layouts: list[str],
    cache: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Every budget of the issue with its measured value and met / not met / not measured (None)."""
    out: list[dict[str, Any]] = []
    cold_name = "`ropa validate`, 10 activities, whole process"
    cold_limit = "≤ 2.5 × `python -c 'import pydantic, yaml'`"
    if cold:
        base = cold["python -c 'import pydantic, yaml'"]
        for label in ("ropa validate --no-cache (10 activities)", "ropa validate (10 activities)"):
            cli = cold[label]
            wall = cli["median_s"] / base["median_s"]
            cpu = cli["median_cpu_s"] / base["median_cpu_s"]
            first = "--no-cache" in label
            out.append(
                _budget(
                    cold_name + (", first run (`--no-cache`)" if first else ", repeat run (warm cache)"),
                    cold_limit,
                    f"{cli['median_s']:.3f} s against {base['median_s']:.3f} s: {wall:.2f}× (CPU {cpu:.2f}×)",
                    wall <= BUDGET_CLI,
                    cpu_met=cpu <= BUDGET_CLI,
                )
            )
        imp = cold["python -c 'import ropa'"]["median_s"]
        heavy = [m for m in cold["import ropa loads"] if m in ("openpyxl", "jsonschema")]
        out.append(
            _budget(
                "`import ropa`, without openpyxl and jsonschema",
                "< 150 ms",
                f"{imp * 1000:.0f} ms; imports {', '.join(heavy) or 'neither'}",
                imp < BUDGET_IMPORT and not heavy,
            )
        )
    else:
        out.append(_budget(cold_name, cold_limit, None, None, "not run"))
        out.append(
            _budget("`import ropa`, without openpyxl and jsonschema", "< 150 ms", None, None, "not run")
        )

    def pick(name: str, n: int) -> list[dict[str, Any]]:
        return [r for r in ratio_list if r["name"] == name and r["n"] == n]

    for name, title, limit, bound in (
        ("validate / raw parse", "validate, 10,000", "≤ 1.0 × raw libyaml (CSafeLoader) parse", BUDGET_RATIO),
        (
            "xlsx / (raw parse + raw openpyxl)",
            "xlsx, 10,000",
            "≤ 1.0 × (raw parse + raw openpyxl write-only)",
            BUDGET_RATIO,
        ),
    ):
        found = pick(name, 10_000)
        if found:
            text = "; ".join(f"{r['layout']} {r['value']:.2f}× (CPU {r['cpu'] or 0:.2f}×)" for r in found)
            met = all(r["value"] <= bound for r in found) and len(found) == len(layouts)
            cpu_met = all((r["cpu"] or 0) <= bound for r in found) and len(found) == len(layouts)
            out.append(_budget(title, limit, text, met, cpu_met=cpu_met))
        else:
            problem = _xlsx_problem() if name.startswith("xlsx") else None
            note = problem or "not run"
            out.append(_budget(title, limit, None, None, note))

    full = _find(rows, FULL_SIZE, "per-file", "pipeline")
    if full is not None and not full.skipped and full.seconds is not None:
        note = full.info().get("note", "")
        seconds, peak, cpu_s = full.seconds, full.peak_mib or 0.0, full.cpu or 0.0
        out.append(
            _budget(
                "validate + xlsx + JSON, 100,000 one file per activity",
                "< 60 s, peak RSS < 4 GiB",
                f"{seconds:.1f} s (CPU {cpu_s:.1f} s), {peak / 1024:.2f} GiB",
                seconds < BUDGET_FULL_SECONDS and peak < BUDGET_FULL_RSS_MIB and not note,
                note,
                cpu_met=cpu_s < BUDGET_FULL_SECONDS and peak < BUDGET_FULL_RSS_MIB and not note,
            )
        )
    else:
        out.append(
            _budget(
                "validate + xlsx + JSON, 100,000 one file per activity",
                "< 60 s, < 4 GiB",
                None,
                None,
                "not run (--full)",
            )
        )
    growth = [r for r in ratio_list if r["name"].startswith("growth")]
    if growth:
        text = "; ".join(
            f"{r['layout']} {r['name'][len('growth 10k→100k ') :]} {r['value']:.1f}× "
            f"(CPU {r['cpu'] or 0:.1f}×)"
            for r in growth
        )
        out.append(
            _budget(
                "growth 10,000 → 100,000",
                "≤ 11× in time",
                text,
                all(r["value"] <= BUDGET_GROWTH for r in growth),
                cpu_met=all((r["cpu"] or 0) <= BUDGET_GROWTH for r in growth),
            )
        )
    else:
        out.append(_budget("growth 10,000 → 100,000", "≤ 11× in time", None, None, "not run (--full)"))
    peer = [r for r in ratio_list if r["name"].startswith("fideslang load")]
    if peer:
        largest = max(r["n"] for r in peer)
        peer = [r for r in peer if r["n"] == largest]
        text = "; ".join(f"{r['layout']} {r['value']:.1f}× at {largest:,}" for r in peer)
        out.append(
            _budget(
                "faster than fideslang load + validate",
                "≥ 5×",
                text,
                all(r["value"] >= BUDGET_PEER for r in peer),
            )
        )
    else:
        out.append(_budget("faster than fideslang load + validate", "≥ 5×", None, None, "peer not run"))
    name = "repeat `ropa validate`, 10,000, unchanged / one file edited (cache)"
    if cache:
        same, edited = cache["unchanged"], cache["one file edited"]
        out.append(
            _budget(
                name,
                "≤ 1 s / ≤ 1.5 s",
                f"{same['median_s']:.2f} s (CPU {same['median_cpu_s']:.2f} s) / {edited['median_s']:.2f} s "
                f"(CPU {edited['median_cpu_s']:.2f} s); --no-cache {cache['--no-cache']['median_s']:.1f} s",
                same["median_s"] <= 1.0 and edited["median_s"] <= 1.5,
                cpu_met=same["median_cpu_s"] <= 1.0 and edited["median_cpu_s"] <= 1.5,
            )
        )
    else:
        out.append(_budget(name, "≤ 1 s / ≤ 1.5 s", None, None, "not run"))
    return out


# ==================================================================================================
# Output
# ==================================================================================================


def _fmt_s(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def _fmt_rate(n: int, value: float | None) -> str:
    if not value:
        return "–"
    rate = n / value
    return f"{rate:,.0f}"


def table(rows: list[Row]) -> str:
    """The results as a Markdown table."""
    lines = [
        "| activities | layout | measurement | median | CPU | activities/s | peak RSS | runs | notes |",
        "|---:|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in rows:
        if row.skipped:
            lines.append(f"| {row.n:,} | {row.layout} | {row.task} | – | – | – | – | 0 | {row.skipped} |")
            continue
        info = row.info()
        notes = []
        if "structural" in info:
            notes.append(f"{info['structural']} structural")
        if row.task == "validate":
            notes.append(f"{info.get('findings', 0):,} findings, {info.get('rules', 0)} rules")
            notes.append(f"load {_fmt_s(statistics.median(r['load_seconds'] for r in row.runs))}")
        if "cells" in info:
            notes.append(f"{info['cells']:,} cells")
        if row.task == "pipeline":
            notes.append(
                "validate {} + xlsx {} + json {}".format(
                    *(
                        _fmt_s(statistics.median(r[k] for r in row.runs))
                        for k in ("validate_seconds", "xlsx_seconds", "json_seconds")
                    )
                )
            )
        if info.get("note"):
            notes.append(info["note"])
        if info.get("missing_keys") is not None:
            notes.append(f"{info['missing_keys']} missing keys")
        peak = f"{row.peak_mib:,.0f} MiB" if row.peak_mib is not None else "–"
        lines.append(
            f"| {row.n:,} | {row.layout} | {row.task} | {_fmt_s(row.seconds)} | {_fmt_s(row.cpu)} "
            f"| {_fmt_rate(row.n, row.seconds)} | {peak} | {len(row.runs)} | {'; '.join(notes)} |"
        )
    return "\n".join(lines)


def cold_table(cold: dict[str, Any]) -> str:
    lines = ["| cold process | median | CPU | peak RSS | runs |", "|---|---:|---:|---:|---:|"]
    for name, value in cold.items():
        if isinstance(value, dict):
            lines.append(
                f"| `{name}` | {_fmt_s(value['median_s'])} | {_fmt_s(value.get('median_cpu_s'))} "
                f"| {value['peak_rss_mib']:.0f} MiB "
                f"| {len(value['runs_s'])} |"
            )
    lines.append(f"\n`import ropa` loads: {', '.join(cold['import ropa loads'])}.")
    return "\n".join(lines)


def cache_table(cache: dict[str, Any]) -> str:
    lines = ["| `ropa validate` | median | CPU | peak RSS | runs |", "|---|---:|---:|---:|---:|"]
    for name in ("unchanged", "one file edited", "--no-cache"):
        value = cache[name]
        lines.append(
            f"| {name} | {_fmt_s(value['median_s'])} | {_fmt_s(value['median_cpu_s'])} "
            f"| {value['peak_rss_mib']:.0f} MiB | {len(value['runs_s'])} |"
        )
    return "\n".join(lines)


def ratio_table(ratio_list: list[dict[str, Any]]) -> str:
    def times(value: float | None) -> str:
        return f"{value:.2f}×" if value else "–"

    lines = ["| ratio | activities | layout | wall time | CPU time |", "|---|---:|---|---:|---:|"]
    lines += [
        f"| {r['name']} | {r['n']:,} | {r['layout']} | {times(r['value'])} | {times(r['cpu'])} |"
        for r in ratio_list
    ]
    return "\n".join(lines)


def budget_table(budget_list: list[dict[str, Any]]) -> str:
    mark = {True: "**met**", False: "**not met**", None: "not measured"}
    lines = [
        "| budget | limit | measured | on wall time | on CPU time |",
        "|---|---|---|---|---|",
    ]
    for b in budget_list:
        status = mark[b["met"]] + (f" ({b['note']})" if b["note"] else "")
        cpu = b.get("cpu_met")
        on_cpu = "–" if b["met"] is None else (mark[cpu] if cpu is not None else "as on wall time")
        lines.append(f"| {b['budget']} | {b['limit']} | {b['measured'] or '–'} | {status} | {on_cpu} |")
    return "\n".join(lines)


def registers_table(registers: dict[str, dict[str, Any]]) -> str:
    lines = ["| register | files | YAML size | parties | fideslang manifests |", "|---|---:|---:|---:|---:|"]
    for key, value in registers.items():
        fides = value.get("fides_bytes")
        lines.append(
            f"| {key} | {value['files']:,} | {value['bytes'] / 1e6:,.1f} MB | {value['parties']:,} "
            f"| {f'{fides / 1e6:,.1f} MB' if fides else '–'} |"
        )
    return "\n".join(lines)


def markdown(results: dict[str, Any], rows: list[Row]) -> str:
    """The generated section of docs/performance.md."""
    m = results["machine"]
    pk = m["packages"]
    peer = results.get("peer_versions") or {}
    parts = [
        f"Run of {results['date']} on `{results['host']}`: {m['cpu']}, {m['cores']} cores "
        f"({m['usable_cores']} usable), {m['memory_gib']} GiB, {m['os']}; {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in pk.items())
        + (f"; peer venv: {', '.join(f'{k} {v}' for k, v in peer.items())}" if peer else "")
        + f". ropa at `{m['git']}` with {results['rules']} rules. Load average at start "
        f"{', '.join(map(str, m['load_average_at_start']))}, at the end "
        f"{', '.join(map(str, m.get('load_average_at_end', ())))} (a shared machine: the CPU columns are "
        "less sensitive to other work than wall times).",
        "",
        f"Command: `{results['command']}`",
        "",
        "### Budgets",
        "",
        budget_table(results["budgets"]),
        "",
        "### Cold process (10-activity register)",
        "",
        cold_table(results["cold"]) if results.get("cold") else "Not run.",
        "",
        "### Repeat runs with the cache (10,000 activities, one file per activity)",
        "",
        cache_table(results["cache"]) if results.get("cache") else "Not run.",
        "",
        "### Measurements",
        "",
        table(rows),
        "",
        "### Ratios",
        "",
        ratio_table(results["ratios"]),
        "",
        "### Registers",
        "",
        registers_table(results["registers"]),
    ]
    return "\n".join(parts)


def update_docs(text: str, docs: Path = DOCS) -> bool:
    """Replace the generated block of docs/performance.md; False when its markers are missing."""
    if not docs.exists():
        return False
    current = docs.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(current):
        return False
    docs.write_text(pattern.sub(lambda _: f"{BEGIN}\n{text}\n{END}", current), encoding="utf-8")
    return True


# ==================================================================================================
# Main
# ==================================================================================================


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="ropa's benchmark suite (see docs/performance.md).")
    parser.add_argument("--full", action="store_true", help="add 100,000 activities (minutes)")
    parser.add_argument(
        "--sizes", type=lambda s: [int(x.replace("_", "")) for x in s.split(",")], default=None
    )
    parser.add_argument("--layouts", type=lambda s: s.split(","), default=list(gen.LAYOUTS))
    parser.add_argument("--tasks", type=lambda s: s.split(","), default=list(DEFAULT_TASKS))
    parser.add_argument("--repeat", type=int, default=None, help="runs per measurement (default by size)")
    parser.add_argument("--cli-runs", type=int, default=CLI_RUNS)
    parser.add_argument("--no-cli", action="store_true", help="skip the cold-process rows")
    parser.add_argument("--no-peer", action="store_true", help="skip the fideslang rows")
    parser.add_argument("--no-docs", action="store_true", help="do not rewrite docs/performance.md")
    parser.add_argument(
        "--full-single",
        action="store_true",
        help="also run 100,000 activities in one file (needs about 14 GiB: see docs/performance.md)",
    )
    parser.add_argument(
        "--memory-limit-gib",
        type=float,
        default=DEFAULT_MEMORY_GIB,
        help="address-space limit of each measurement process (0: none)",
    )
    parser.add_argument(
        "--results", type=Path, default=None, help="results file (default: results/<date>-<host>.json)"
    )
    parser.add_argument("--cache-dir", type=Path, default=gen.CACHE_DIR)
    parser.add_argument(
        "--render", type=Path, default=None, help="print (and put in the docs) the tables of a results file"
    )
    args = parser.parse_args(argv)
    if args.sizes is None:
        args.sizes = [*DEFAULT_SIZES, *((FULL_SIZE,) if args.full else ())]
    for layout in args.layouts:
        if layout not in gen.LAYOUTS:
            parser.error(f"unknown layout {layout!r}")
    for task in args.tasks:
        if task not in TASKS:
            parser.error(f"unknown task {task!r}; use {', '.join(TASKS)}")
    return args


def _peer_skip(task: str, n: int, no_peer: bool, problem: str | None) -> str | None:
    if not task.startswith("fideslang"):
        return None
    if no_peer:
        return "--no-peer"
    if problem is not None:
        return problem
    limit = PEER_REFS_MAX if task == "fideslang-refs" else PEER_MAX
    return f"not run above {limit:,} activities" if n > limit else None


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _publish(results: dict[str, Any], rows: list[Row], docs: bool) -> None:
    text = markdown(results, rows)
    print(text)
    if docs:
        if update_docs(text):
            _log(f"updated {DOCS.relative_to(ROOT)}")
        else:
            _log(f"{DOCS} has no {BEGIN} … {END} block: not updated")


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["--worker"]:
        task, path, work = argv[1], Path(argv[2]), Path(argv[3])
        _limit_memory(float(os.environ.get("ROPA_BENCH_MEMORY_GIB", DEFAULT_MEMORY_GIB)))
        print(json.dumps(WORKERS[task](path, work)))
        return 0
    args = _parse_args(argv)
    if args.render is not None:
        results = json.loads(args.render.read_text(encoding="utf-8"))
        rows = [Row.from_json(r) for r in results["rows"]]
        layouts = sorted({row.layout for row in rows})
        # The verdicts are derived data: recomputed, so that a results file gets the current rules.
        results["budgets"] = budgets(
            rows, results.get("cold"), results["ratios"], layouts, results.get("cache")
        )
        args.render.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _publish(results, rows, not args.no_docs)
        return 0
    log = _log
    os.environ["ROPA_BENCH_MEMORY_GIB"] = str(args.memory_limit_gib)

    started = dt.datetime.now()
    host = re.sub(r"[^A-Za-z0-9.-]+", "-", platform.node() or "host")
    info = machine()
    peer_problem = None if args.no_peer else ensure_peer(log)
    rows: list[Row] = []
    registers: dict[str, dict[str, Any]] = {}
    cold: dict[str, Any] | None = None
    cache: dict[str, Any] | None = None
    scratch = Path(tempfile.mkdtemp(prefix="ropa-bench-"))
    try:
        if not args.no_cli:
            path10 = gen.register_path(10, "per-file", args.cache_dir)
            log("cold-process rows ...")
            cold = cold_rows(path10, args.cli_runs, scratch)
        for n in sorted(args.sizes):
            for layout in args.layouts:
                log(f"generating {n:,} activities ({layout}) ...")
                path = gen.register_path(n, layout, args.cache_dir)
                key = f"{n:,} {layout}"
                registers[key] = {**gen.stats(path), "parties": gen.party_count(n)}
                work = scratch / f"{n}-{layout}"
                work.mkdir()
                fides: Path | None = None
                if not args.no_peer and peer_problem is None and n <= PEER_MAX:
                    fides = gen.fides_path(n, layout, args.cache_dir)
                    registers[key]["fides_bytes"] = gen.stats(fides)["bytes"]
                repeat = args.repeat or REPEATS.get(n, 1)
                if n == 10_000 and layout == "per-file" and not args.no_cli:
                    log("repeat runs with the cache (10,000 per-file) ...")
                    cache = cache_rows(path, 3, work)
                planned: list[tuple[Row, Path, int]] = []
                big_single = n >= FULL_SIZE and layout == "single" and not args.full_single
                for task in args.tasks:
                    row = Row(n, layout, task)
                    rows.append(row)
                    row.skipped = _peer_skip(task, n, args.no_peer, peer_problem)
                    if big_single:
                        row.skipped = "not run by default (about 14 GiB): --full-single"
                    if row.skipped is None:
                        target = fides if task.startswith("fideslang") else path
                        assert target is not None
                        runs = 1 if task == "fideslang" and n >= 10_000 else repeat
                        planned.append((row, target, runs))
                # Round-robin over the tasks, so that a burst of load from other processes on the machine
                # hits every row alike rather than all runs of one row.
                for index in range(max((runs for _, _, runs in planned), default=0)):
                    for row, target, runs in planned:
                        if index >= runs or row.skipped:
                            continue
                        log(f"  {n:,} {layout} {row.task} run {index + 1}/{runs}")
                        try:
                            result = _measure(row.task, target, work)
                        except RuntimeError as exc:  # one failing row must not lose the others
                            log(str(exc))
                            row.skipped = f"failed: {str(exc).strip().splitlines()[-1][:200]}"
                            continue
                        if "skipped" in result:
                            row.skipped = result["skipped"]
                            continue
                        row.runs.append(result)
                shutil.rmtree(work, ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    ratio_list = ratios(rows, args.sizes, args.layouts)
    shown = [a for a in argv if a != "--no-docs"]
    command = "make bench" + (" BENCH_ARGS=--full" if args.full else "")
    if shown and shown != ["--full"]:
        command = "python benchmarks/run.py " + " ".join(shown)
    results: dict[str, Any] = {
        "schema": 1,
        "date": started.strftime("%Y-%m-%d %H:%M"),
        "host": host,
        "command": command,
        "machine": {**info, "load_average_at_end": [round(x, 2) for x in os.getloadavg()]},
        "peer_versions": _peer_versions() if peer_problem is None and not args.no_peer else {},
        "peer_problem": peer_problem,
        "generator_version": gen.GENERATOR_VERSION,
        "today": gen.TODAY.isoformat(),
        "rules": _rule_count(),
        "xlsx_exporter": _have_xlsx(),
        "xlsx_problem": _xlsx_problem(),
        "registers": registers,
        "cold": cold,
        "cache": cache,
        "rows": [row.as_json() for row in rows],
        "ratios": ratio_list,
        "duration_s": round((dt.datetime.now() - started).total_seconds(), 1),
    }
    results["budgets"] = budgets(rows, cold, ratio_list, list(args.layouts), results.get("cache"))
    target = args.results or RESULTS_DIR / f"{started:%Y-%m-%d}-{host}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _publish(results, rows, not args.no_docs)
    log(f"\nresults: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
