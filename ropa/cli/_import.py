"""``ropa import``: read a register kept in a spreadsheet (.xlsx or CSV) and write it as YAML.

Diagnostics are printed one per line as ``FILE:WHERE CODE severity message`` where WHERE is
``Sheet!B12`` (a cell), ``Sheet!12:12`` (a row), ``Sheet!B:B`` (a column), ``Sheet`` or, for the
register embedded in a ropa workbook, ``_ropa/<JSON Pointer>``; the hint follows on its own line.

Exit codes: 0 imported without warnings, 1 imported with warnings or errors, 2 the file was refused
or could not be read, the output folder is not empty (without ``--force``) or cannot be written.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path
from typing import Any

import ropa
from ropa.cli._common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, progress, show_progress


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "import",
        help="import a register from a spreadsheet (.xlsx or CSV) into a register folder",
        description="Import a register kept in a spreadsheet: ropa's own workbooks without loss, and "
        "foreign registers (ICO, AP/GBA, CNIL, VVT layouts) with one row per activity.",
    )
    parser.add_argument("file", type=Path, help="the .xlsx workbook or CSV file")
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help="the register folder to write, e.g. registers/acme/"
    )
    parser.add_argument("--force", action="store_true", help="replace the register in a non-empty folder")
    parser.add_argument(
        "--mapping", type=Path, default=None, help="TOML or YAML file mapping column headings to fields"
    )
    parser.add_argument("--sheet", default=None, help="import this sheet only (workbooks)")
    parser.add_argument(
        "--trust-embedded",
        action="store_true",
        help="in a ropa workbook, read the hidden copy of the register even when the visible sheets differ",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar (shown only on a terminal, never in CI)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa import``."""
    importer = ropa.importer
    clean = ropa.escape_control

    output: Path = args.output
    ropa.check_register_folder(output, force=args.force)  # ExportError (exit 2) before anything is read
    mapping = importer.load_mapping(args.mapping) if args.mapping is not None else None
    shown = show_progress(args.quiet, sys.stderr, os.environ)
    with progress("reading rows", enabled=shown, stream=sys.stderr) as update:
        result = importer.import_file(
            args.file, mapping=mapping, sheet=args.sheet, trust_embedded=args.trust_embedded, progress=update
        )
    for diagnostic in result.diagnostics:
        print(
            f"{clean(importer.format_location(diagnostic.location))} {diagnostic.code} "
            f"{diagnostic.severity.value} "
            f"{clean(diagnostic.message)}"
        )
        if diagnostic.hint and diagnostic.severity is not ropa.Severity.INFO:
            print(f"    hint: {clean(diagnostic.hint)}")
    for line in importer.summary_lines(result.columns):
        print(clean(line))
    counts = {s.value: sum(1 for d in result.diagnostics if d.severity is s) for s in ropa.Severity}
    summary = f"{counts['error']} errors, {counts['warning']} warnings, {counts['info']} infos"
    if not result.imported:
        print(f"{summary}; nothing was imported", file=sys.stderr)
        return EXIT_USAGE
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ropa.ExportWarning)
        written = ropa.write_register(result.register, output, force=args.force)
    for warning in caught:
        print(f"ropa: warning: {clean(str(warning.message))}", file=sys.stderr)
    register = result.register
    what = ", ".join(
        f"{len(items)} {noun}"
        for items, noun in (
            (register.activities or [], "activities"),
            (register.data_categories or [], "data categories"),
            (register.data_subjects or [], "data-subject categories"),
            (register.parties or [], "parties"),
        )
    )
    how = "without loss from the embedded register" if result.embedded else "from the sheet(s)"
    print(f"{summary}", file=sys.stderr)
    print(f"imported {what} {how}; wrote {len(written)} files to {output}", file=sys.stderr)
    print(f"next: ropa validate {output}", file=sys.stderr)
    findings = counts["error"] or counts["warning"]
    return EXIT_FINDINGS if findings else EXIT_OK
