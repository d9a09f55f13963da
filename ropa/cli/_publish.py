"""``ropa publish``: the register as a static web site; shared loading for ``notice`` and ``diagram``.

A register with structural errors is still published (what loaded); the structural diagnostics are
printed on stderr and the exit code is 1. A register that cannot be read at all (``IO-*``) exits 2
and writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from ropa.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, parse_date, split_codes

if TYPE_CHECKING:
    import ropa

__all__ = ["LANGUAGES", "Loaded", "finish", "is_stdout", "load_register", "register", "run"]

Lang = Literal["en", "nl", "fr", "de"]
LANGUAGES: tuple[Lang, ...] = ("en", "nl", "fr", "de")

_EPILOG = """\
internal parts (never published unless named with --include):
  notes, suppressions, security-measures, unmapped, systems, findings

exit codes:
  0  published
  1  published, but the register has structural errors: entities that did not load are missing
  2  usage or I/O error (the folder holds files 'ropa publish' did not write): nothing was written
  3  internal error (a bug in ropa)
"""


class Loaded:
    """A loaded register with the language to use and its structural errors."""

    def __init__(self, result: ropa.LoadResult, lang: Lang, errors: list[ropa.Diagnostic]) -> None:
        self.result = result
        self.lang = lang
        self.errors = errors


def add_lang(parser: argparse.ArgumentParser) -> None:
    """The ``--lang`` option."""
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of the output (default: the register's language, else en)",
    )


def is_stdout(output: Path | None) -> bool:
    """True for ``-o -``: standard output, for the commands whose output is one file."""
    return output is not None and str(output) == "-"


def load_register(args: argparse.Namespace) -> Loaded | int:
    """Load ``args.path``; an exit code when it cannot be read at all."""
    import ropa

    result = ropa.load(args.path)
    unreadable = [d for d in result.diagnostics if d.code.startswith("IO-")]
    if unreadable:
        for diagnostic in unreadable:
            print(f"ropa: error: {diagnostic}", file=sys.stderr)
        return EXIT_USAGE
    errors = [d for d in result.diagnostics if d.severity is ropa.Severity.ERROR]
    meta = result.register.meta
    meta_lang = (meta.language or "").strip().lower().replace("_", "-").split("-")[0] if meta else ""
    lang = args.lang or (meta_lang if meta_lang in LANGUAGES else "en")
    return Loaded(result, cast(Lang, lang), errors)


def finish(loaded: Loaded, wrote: str | None) -> int:
    """Say what was written and turn structural errors into exit code 1."""
    if wrote:
        print(f"ropa: wrote {wrote}", file=sys.stderr)
    if loaded.errors:
        for diagnostic in loaded.errors:
            print(diagnostic, file=sys.stderr)
        print(
            f"ropa: the register has {len(loaded.errors)} structural error(s); entities that did not "
            "load are missing from the output",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    return EXIT_OK


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "publish",
        help="publish a register as a static web site",
        description=(
            "Write the register as a static web site (no JavaScript; works from file:// and any static "
            "host): the activities with filter pages, one page per activity, recipients and "
            "sub-processors, transfers, contact details and, with Graphviz installed, the data flows."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", type=Path, help="register folder or file")
    parser.add_argument("-o", "--output", type=Path, metavar="DIR", required=True, help="folder to write")
    add_lang(parser)
    parser.add_argument(
        "--include",
        action="append",
        metavar="PART",
        help="also publish an internal part (repeatable, comma-separated; see below)",
    )
    parser.add_argument("--no-diagram", action="store_true", help="leave out the data-flow diagram")
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", default=None, help="date for the findings' date-dependent rules"
    )
    parser.add_argument(
        "--config", type=Path, metavar="FILE", default=None, help="configuration for the findings"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa publish``."""
    import ropa

    if is_stdout(args.output):
        raise UsageError("the site is a folder of pages, not one file: give a folder to -o, not -")
    include = split_codes(args.include) or []
    loaded = load_register(args)
    if isinstance(loaded, int):
        return loaded
    report = None
    if "findings" in include:
        config = ropa.load_config(args.config) if args.config is not None else ropa.find_config(args.path)
        today = parse_date(args.today) if args.today else None
        report = ropa.validate(loaded.result, config, today=today)
    try:
        files = ropa.publish(
            loaded.result,
            args.output,
            lang=loaded.lang,
            include=include,
            report=report,
            diagram=not args.no_diagram,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    return finish(loaded, f"{args.output} ({len(files)} files, {loaded.lang})")
