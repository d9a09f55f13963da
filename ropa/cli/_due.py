"""``ropa due``: the review dates, checks and expiries of a register that have passed or fall due soon."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ropa.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, parse_date, register_lang

__all__ = ["FORMATS", "register", "run"]

FORMATS = ("auto", "text", "json", "github", "markdown")
FAIL_ON = ("overdue", "due", "never")
LANGUAGES = ("en", "nl", "fr", "de")

_EPILOG = """\
what falls due:
  the register's review (register.next_review), activity reviews (next_review), DPIA reviews
  (dpia.review_date), processing-agreement reviews (agreement.review_date), DPF certification checks
  (dpf.checked plus dpf-max-age-months), transfer-impact-assessment reviews (transfers[].tia_review_date),
  ropa's legal data files past their shelf life, suppressions that expire (suppress[].until), activities
  that end (end_date)

exit codes:
  0  nothing at --fail-on (default: nothing overdue)
  1  something overdue (with --fail-on due: also something due within the horizon)
  2  usage, configuration or I/O error
  3  internal error (a bug in ropa)
"""


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "due",
        help="review dates, checks and expiries that have passed or fall due soon",
        description=(
            "List the dates of a register that have passed (overdue) or fall due within --within days,\n"
            "with the days left, what to do and the article behind it."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path", nargs="?", default="registers", type=Path, help="register folder or file (default: registers)"
    )
    parser.add_argument(
        "--within",
        metavar="PERIOD",
        default=None,
        help="how far ahead to look: 30d, 6w, 3m, 1y or P3M (default: 'within' from the config, else 30d)",
    )
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", default=None, help="the date to count from (default: today)"
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="auto",
        help="output format; auto: github under GitHub Actions, else text (default: auto)",
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="exit 1 when something is overdue, also due, or never (default: the config's, else overdue)",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        default=None,
        help="configuration file (default: the nearest ropa.toml or pyproject.toml above PATH)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of the output (default: the register's language, else en)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa due``."""
    import ropa

    config = ropa.load_config(args.config) if args.config is not None else ropa.find_config(args.path)
    within: str = args.within if args.within is not None else config.due.within
    fail_on: str = args.fail_on or config.due.fail_on
    today = parse_date(args.today) if args.today else None
    fmt: str = args.format
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") else "text"
    result = ropa.load(args.path)
    unreadable = [d for d in result.diagnostics if d.code.startswith("IO-")]
    if unreadable:
        for diagnostic in unreadable:
            print(f"ropa: error: {diagnostic}", file=sys.stderr)
        return EXIT_USAGE
    meta = result.register.meta
    lang, note = register_lang(args.lang, meta.language if meta is not None else None)
    if note:
        print(note, file=sys.stderr)
    try:
        items = ropa.due(result, within=within, today=today, config=config, lang=lang)
    except ValueError as exc:
        raise UsageError(f"--within: {exc}") from exc
    sys.stdout.write(ropa.render_due(items, fmt, path=args.path, today=today, within=within, lang=lang))
    sys.stdout.flush()
    if fail_on == "never":
        return EXIT_OK
    failing = [i for i in items if i.overdue or fail_on == "due"]
    return EXIT_FINDINGS if failing else EXIT_OK
