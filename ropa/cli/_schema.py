"""``ropa schema``: print, write or check the generated JSON Schemas."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import ropa
from ropa.cli._common import EXIT_FINDINGS, EXIT_OK


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "schema", help="print, write or check the JSON Schemas generated from the models"
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="write the schemas into --dir")
    group.add_argument("--check", action="store_true", help="exit 1 when the files in --dir drifted")
    parser.add_argument("--dir", type=Path, default=Path("schemas"), help="schema folder (default: schemas)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa schema``."""
    files = ropa.schema_files()
    folder: Path = args.dir
    if args.write:
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
            print(f"wrote {folder / name}", file=sys.stderr)
        return EXIT_OK
    if args.check:
        stale = [
            name
            for name, text in files.items()
            if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
        ]
        for name in stale:
            print(f"ropa: {folder / name} is out of date; run 'ropa schema --write'", file=sys.stderr)
        return EXIT_FINDINGS if stale else EXIT_OK
    sys.stdout.write(files["register.schema.json"])
    return EXIT_OK
