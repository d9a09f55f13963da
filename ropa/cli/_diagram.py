"""``ropa diagram``: the data flows of the register as Mermaid or SVG."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ropa.cli._publish import add_lang, finish, is_stdout, load_register

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "diagram",
        help="draw the data flows: Mermaid or SVG (Graphviz)",
        description=(
            "Draw data subjects -> activities -> systems -> recipients -> sub-processors, with "
            "third-country transfers marked by their safeguard status. Mermaid renders on GitHub; SVG is "
            "laid out by Graphviz (the 'dot' program must be installed)."
        ),
    )
    parser.add_argument("path", type=Path, help="register folder or file")
    parser.add_argument(
        "-f",
        "--format",
        choices=("mermaid", "svg"),
        default=None,
        help="default: from -o's suffix, else mermaid",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", default=None, help="file (default, or -o -: stdout)"
    )
    add_lang(parser)
    parser.add_argument("--no-systems", action="store_true", help="leave out the systems")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa diagram``."""
    import ropa

    if is_stdout(args.output):
        args.output = None
    fmt = args.format
    if fmt is None:
        fmt = "svg" if args.output is not None and args.output.suffix.lower() == ".svg" else "mermaid"
    loaded = load_register(args)
    if isinstance(loaded, int):
        return loaded
    text = ropa.diagram(
        loaded.result,
        args.output,
        format=fmt,
        lang=loaded.lang,
        systems=not args.no_systems,
    )
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    return finish(loaded, f"{args.output} ({fmt}, {loaded.lang})" if args.output else None)
