"""``ropa export``: write a register as an Excel workbook, canonical JSON, or a folder of CSV files.

A register with structural errors (an entity that does not load) is still exported: what loaded is
written, the structural diagnostics are printed on stderr and the exit code is 1, so that CI notices that
the export is incomplete while people can still read it. A register that cannot be read at all (no such
folder, no YAML files, unreadable files: ``IO-*``) exits 2 and writes nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path
from typing import Any

from ropa.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    parse_date,
    progress,
    register_lang,
    show_progress,
)

__all__ = ["FORMATS", "register", "run"]

FORMATS = ("json", "xlsx", "csv", "jsonld", "subprocessors")
LANGUAGES = ("en", "nl", "fr", "de")
LAYOUTS = ("ropa", "ico", "ap", "cnil", "vvt")
"""The workbook layouts of ``ropa.export_xlsx(..., layout=...)``."""

_EPILOG = """\
formats:
  xlsx  an Excel workbook for people (sheets per Art. 30 item, findings, a hidden copy for re-import;
        with --since REV also the changes since that git revision and what they mean in law)
  json  the canonical JSON of the register (stdout without -o)
  csv   one CSV file per table in the folder given by -o (with --since REV also changes.csv)
  jsonld  the register as W3C DPV 2.x JSON-LD (stdout without -o)
  subprocessors  the processors and sub-processors: Markdown on stdout, or CSV, Markdown or HTML
        by the suffix of -o (.csv, .md, .html)

layouts (xlsx):
  ropa  ropa's own Art. 30 workbook (default)
  ico   the ICO's documentation template for controllers (English)
  ap    a Dutch register after the Autoriteit Persoonsgegevens' guidance (Dutch)
  cnil  the CNIL's simplified register: a list sheet and one fiche per activity (French)
  vvt   a German Verzeichnis von Verarbeitungstätigkeiten (German)

-o - writes json, xlsx, jsonld or subprocessors to standard output. A symbolic link given as -o is
followed (the file it points to is replaced); a named pipe, a device or a socket is refused.

exit codes:
  0  exported
  1  exported, but the register has structural errors: entities that did not load are missing
  2  usage or I/O error: nothing was written (the previous file is left untouched)
  3  internal error (a bug in ropa)
"""


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "export",
        help="export a register as an Excel workbook, JSON or CSV",
        description=(
            "Load a register and write it as an Excel workbook (with the findings of 'ropa validate'), "
            "as canonical JSON, or as one CSV file per table."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", type=Path, help="register folder or file")
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default=None,
        help="output format (default: from the suffix of -o: .xlsx, .json, else csv for a folder)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        default=None,
        help="file to write (a folder for csv); '-' or json without -o: standard output",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of sheet names, headers and labels (default: the register's language, else en)",
    )
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="ropa",
        help="xlsx: ropa's own workbook, or the layout of an authority's template (default: ropa)",
    )
    parser.add_argument(
        "--no-findings",
        action="store_true",
        help="leave out the findings of 'ropa validate' (xlsx: the Findings sheet; csv: findings.csv)",
    )
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", default=None, help="date for date-dependent rules (default: today)"
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        default=None,
        help="configuration for the findings (ropa.toml or pyproject.toml); default: the nearest one",
    )
    parser.add_argument(
        "--since",
        metavar="REV",
        default=None,
        help="add a Changes sheet (csv: changes.csv): what changed since revision REV, its meaning in law",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar (shown only on a terminal, never in CI)"
    )
    parser.set_defaults(run=run)


def _format(args: argparse.Namespace) -> str:
    if args.format is not None:
        fmt: str = args.format
        return fmt
    output: Path | None = args.output
    if output is None:
        raise UsageError("give --format, or -o with a .xlsx or .json suffix (csv: a folder)")
    if _stdout(output):
        return "json"
    suffix = output.suffix.lower()
    if suffix in (".xlsx", ".json", ".jsonld"):
        return suffix[1:]
    if suffix == "" or output.is_dir():
        return "csv"
    raise UsageError(f"cannot tell the format from '{output}'; give --format json, xlsx or csv")


def _stdout(output: Path | None) -> bool:
    return output is not None and str(output) == "-"


def _xlsx_to_stdout(register: Any, *, lang: Any, report: Any, layout: str, changes: Any = None) -> None:
    """The workbook on standard output: written to a temporary file first (it is a zip archive)."""
    import tempfile

    import ropa

    with tempfile.TemporaryDirectory(prefix="ropa-") as folder:
        path = Path(folder, "register.xlsx")
        ropa.export_xlsx(register, path, lang=lang, report=report, changes=changes, layout=layout)
        sys.stdout.flush()
        sys.stdout.buffer.write(path.read_bytes())
        sys.stdout.buffer.flush()


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa export``."""
    import ropa

    clean = ropa.escape_control
    fmt = _format(args)
    if args.since is not None and fmt not in ("xlsx", "csv"):
        raise UsageError(f"--since adds a Changes sheet (xlsx) or changes.csv (csv), not to a {fmt} export")
    if fmt in ("jsonld", "subprocessors"):
        from ropa.cli._publishing_formats import export_published

        if _stdout(args.output):
            args.output = None  # standard output, as without -o
        return export_published(args, fmt)
    to_stdout = _stdout(args.output)
    if fmt in ("xlsx", "csv") and args.output is None:
        raise UsageError(f"--format {fmt} needs -o OUT (xlsx: -o - for standard output)")
    if fmt == "csv" and to_stdout:
        raise UsageError("--format csv writes one file per table: give a folder, not -o -")
    if args.layout != "ropa" and fmt != "xlsx":
        raise UsageError(f"--layout {args.layout} is a workbook layout: use it with --format xlsx")
    today = parse_date(args.today) if args.today else None
    shown = show_progress(args.quiet, sys.stderr, os.environ)
    with progress("loading", enabled=shown, stream=sys.stderr) as update:
        result = ropa.load(args.path, progress=update)
    unreadable = [d for d in result.diagnostics if d.code.startswith("IO-")]
    if unreadable:
        for diagnostic in unreadable:
            print(f"ropa: error: {clean(str(diagnostic))}", file=sys.stderr)
        return EXIT_USAGE
    errors = [d for d in result.diagnostics if d.severity is ropa.Severity.ERROR]
    register = result.register

    lang, note = register_lang(args.lang, register.meta.language if register.meta else None)
    if note is not None and fmt != "json":
        print(clean(note), file=sys.stderr)

    template = args.layout != "ropa"
    sheet_lang = None if template and args.lang is None else lang  # a template speaks its own language
    report = None
    config = None
    if (fmt != "json" and not args.no_findings) or args.since is not None:
        config = ropa.load_config(args.config) if args.config is not None else ropa.find_config(args.path)
    if fmt != "json" and not args.no_findings:
        report = ropa.validate(result, config, today=today, lang=lang)
    changes = None
    if args.since is not None:
        try:
            base = ropa.load_revision(args.path, args.since)
        except ropa.RevisionError as exc:
            raise UsageError(str(exc)) from exc
        changes = ropa.diff(base, result, config, today=today, lang=lang)

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ropa.ExportWarning)
        if fmt == "json":
            if args.output is None or to_stdout:
                sys.stdout.write(ropa.export_json(register))
                sys.stdout.flush()
            else:
                ropa.export_json(register, args.output)
        elif fmt == "xlsx" and to_stdout:
            _xlsx_to_stdout(register, lang=sheet_lang, report=report, layout=args.layout, changes=changes)
        elif fmt == "xlsx":
            with progress("writing", enabled=shown, stream=sys.stderr) as update:
                ropa.export_xlsx(
                    register,
                    args.output,
                    lang=sheet_lang,
                    report=report,
                    changes=changes,
                    progress=update,
                    layout=args.layout,
                )
        else:
            ropa.export_csv(register, args.output, lang=lang, report=report, changes=changes)
    for warning in caught:
        if issubclass(warning.category, ropa.ExportWarning):
            print(f"ropa: warning: {clean(str(warning.message))}", file=sys.stderr)
        else:  # not ours: show it the way Python would
            warnings.showwarning(warning.message, warning.category, warning.filename, warning.lineno)

    if args.output is not None and not to_stdout:
        detail = fmt if fmt == "json" else f"{fmt}, {lang}"
        if template:
            detail = f"{fmt}, {args.layout} layout" + (f", {lang}" if args.lang else "")
        print(f"ropa: wrote {args.output} ({detail})", file=sys.stderr)
    if errors:
        for diagnostic in errors:
            print(clean(str(diagnostic)), file=sys.stderr)
        print(
            f"ropa: the register has {len(errors)} structural error(s); entities that did not load are "
            "missing from the export",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
    return EXIT_OK
