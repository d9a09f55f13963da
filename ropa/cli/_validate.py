"""``ropa validate``: check a register and report findings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ropa.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, parse_date
from ropa.diagnostics import Severity


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser("validate", help="check a register")
    parser.add_argument("path", nargs="?", default="registers", type=Path, help="register folder or file")
    parser.add_argument("--today", type=str, default=None, help="date for date-dependent rules (YYYY-MM-DD)")
    parser.add_argument(
        "--fail-on", choices=["error", "warning", "info", "never"], default=None, help="exit-1 threshold"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa validate``."""
    import ropa
    from ropa.config import find_config

    config = find_config(args.path)
    today = parse_date(args.today) if args.today else None
    report = ropa.validate(args.path, config, today=today)
    for diagnostic in report:
        print(diagnostic)
    counts = report.counts
    print(f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos", file=sys.stderr)
    if any(d.code.startswith("IO-") for d in report):
        return EXIT_USAGE
    fail_on = args.fail_on or config.fail_on
    if fail_on == "never":
        return EXIT_OK
    return EXIT_FINDINGS if report.at_least(Severity(fail_on)) else EXIT_OK
