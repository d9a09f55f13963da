"""Measure ``ropa import`` on the full-size workbooks of :mod:`tests.adversarial._bombs` (issue 14.3).

Each runs as ``python -m ropa import BOMB -o OUT`` in its own process under an address-space limit
(``RLIMIT_AS``), and the exit code, wall time, CPU time and peak RSS are printed as a Markdown table::

    .venv/bin/python -m tests.adversarial.measure_bombs                 # this checkout
    .venv/bin/python -m tests.adversarial.measure_bombs --source DIR    # another checkout (before/after)

Not part of the test suite (building the 1 GB case alone takes a minute); the tests use the same files.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.adversarial import _bombs

_RUN = r"""
import json, resource, subprocess, sys, time
limit, timeout = int(sys.argv[1]), float(sys.argv[2])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
start = time.perf_counter()
try:
    proc = subprocess.run(sys.argv[3:], capture_output=True, timeout=timeout, preexec_fn=cap)
    rc, err = proc.returncode, proc.stderr.decode("utf-8", "replace") + proc.stdout.decode("utf-8", "replace")
except subprocess.TimeoutExpired:
    rc, err = None, "timeout"
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"rc": rc, "seconds": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
           "rss_mb": usage.ru_maxrss / 1024, "tail": err[-300:]}, sys.stdout)
"""

CASES = (
    ("30 MB shared string named by 80 cells", _bombs.one_string_many_cells, {}),
    ("one row of 100 MB", _bombs.one_huge_row, {}),
    ("1 GB of shared strings", _bombs.many_shared_strings, {}),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path(__file__).resolve().parents[2])
    parser.add_argument("--limit-mb", type=int, default=4096, help="address-space limit (default 4096)")
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(args.source)}
    print(f"source: {args.source}; address space limited to {args.limit_mb} MB\n")
    print("| case | file | exit | wall | CPU | peak RSS | last words |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for title, build, options in CASES:
            book = build(Path(tmp) / "bomb.xlsx", **options)
            size = book.stat().st_size
            command = [sys.executable, "-m", "ropa", "import", str(book), "-o", str(Path(tmp) / "out")]
            limit = str(args.limit_mb * 1024 * 1024)
            proc = subprocess.run(  # in the temporary folder: `-m ropa` must not find this checkout's ropa
                [sys.executable, "-c", _RUN, limit, str(args.timeout), *command],
                capture_output=True,
                text=True,
                env=env,
                cwd=tmp,
                check=True,
            )
            data = json.loads(proc.stdout)
            words = " ".join(data["tail"].split())[-120:].replace("|", "/")
            print(
                f"| {title} | {size / 1024:,.0f} KB | {data['rc']} | {data['seconds']:.1f} s | "
                f"{data['cpu']:.1f} s | {data['rss_mb']:,.0f} MB | {words} |"
            )
            book.unlink()
            shutil.rmtree(Path(tmp) / "out", ignore_errors=True)


if __name__ == "__main__":
    main()
