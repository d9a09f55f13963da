"""``ropa diff``: what changed between two versions of a register, and what it means in law.

Two folders (``ropa diff OLD NEW``), or one register at git revisions (``ropa diff PATH --base REV
[--head REV]``, the head defaulting to the working tree). Revisions are read with git itself; the working
tree and the index are never touched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ropa.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, parse_date, register_lang

__all__ = ["FORMATS", "register", "run"]

FORMATS = ("text", "json", "markdown")
LANGUAGES = ("en", "nl", "fr", "de")
FAIL_ON = ("error", "warning", "info", "never")

_EPILOG = """\
examples:
  ropa diff registers/old registers/acme                  two folders
  ropa diff registers/acme --base origin/main             a pull request: base branch → working tree
  ropa diff registers/acme --base v1.0 --head v1.1        two tags
  ropa diff registers/acme --base HEAD~1 -f markdown >> "$GITHUB_STEP_SUMMARY"

exit codes:
  0  compared (whatever changed), or nothing reached --fail-on
  1  a legal meaning or an introduced finding at or above --fail-on
  2  usage error, unknown revision, not a git repository, a register that cannot be read
  3  internal error (a bug in ropa)
"""


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "diff",
        help="what changed between two versions of a register, and what it means in law",
        description=(
            "Compare two versions of a register: entities added, removed or changed (matched by id; a\n"
            "moved file is no change), the legal meaning of each change (change codes CHG-nnn, with the\n"
            "article and what to do), and the findings introduced and resolved."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="OLD NEW, or one PATH with --base"
    )
    parser.add_argument("--base", metavar="REV", default=None, help="git revision of the old version")
    parser.add_argument(
        "--head",
        metavar="REV",
        default=None,
        help="git revision of the new version (default: the working tree)",
    )
    parser.add_argument(
        "-f", "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="never",
        help="exit 1 when a legal meaning or a new finding reaches this severity (default: never)",
    )
    parser.add_argument(
        "--no-findings",
        action="store_true",
        help="do not validate the versions (faster; no findings compared)",
    )
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", default=None, help="date for date-dependent rules (default: today)"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help=(
            "language of the output: change codes, details, findings and the words around them "
            "(default: the register's language, else en)"
        ),
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        default=None,
        help="configuration for the findings (default: the nearest ropa.toml or pyproject.toml)",
    )
    parser.set_defaults(run=run)


def _snapshots(args: argparse.Namespace) -> tuple[Any, Any]:
    import ropa

    paths: list[Path] = args.paths
    if len(paths) > 2:
        raise UsageError("give two registers (OLD NEW), or one register with --base REV")
    if len(paths) == 2:
        if args.base is not None or args.head is not None:
            raise UsageError("--base and --head compare one register at two revisions; give one PATH")
        for path in paths:
            if not path.exists():
                raise UsageError(f"no such file or folder: {path}")
        return ropa.load_revision(paths[0]), ropa.load_revision(paths[1])
    if args.base is None:
        raise UsageError("give a second register to compare with, or --base REV (e.g. --base origin/main)")
    base = ropa.load_revision(paths[0], args.base)
    head = ropa.load_revision(paths[0], args.head)
    if not base.exists and not head.exists:
        where = f"at {args.head}" if args.head else "in the working tree"
        raise UsageError(f"{paths[0]}: no register at {args.base} nor {where}")
    return base, head


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa diff``."""
    import ropa

    today = parse_date(args.today) if args.today else None
    try:
        base, head = _snapshots(args)
    except ropa.RevisionError as exc:
        print(f"ropa: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    unreadable = [d for s in (base, head) for d in s.result.diagnostics if d.code.startswith("IO-")]
    if unreadable:
        for diagnostic in unreadable:
            print(f"ropa: error: {diagnostic}", file=sys.stderr)
        return EXIT_USAGE
    config = ropa.load_config(args.config) if args.config is not None else None
    meta = (head.register if head.exists else base.register).meta
    lang, note = register_lang(args.lang, meta.language if meta is not None else None)
    if note:
        print(note, file=sys.stderr)
    changes = ropa.diff(base, head, config, today=today, findings=not args.no_findings, lang=lang)
    sys.stdout.write(ropa.render_diff(changes, args.format))
    sys.stdout.flush()
    if args.fail_on == "never":
        return EXIT_OK
    threshold = ropa.Severity(args.fail_on)
    failing = changes.at_least(threshold) or [
        d for d in changes.introduced if d.severity.rank >= threshold.rank
    ]
    return EXIT_FINDINGS if failing else EXIT_OK
