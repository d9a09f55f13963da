"""``ropa notice``: the register-derived sections of an Art. 13/14 privacy notice, as a draft."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ropa.cli._common import parse_date
from ropa.cli._publish import add_lang, finish, is_stdout, load_register

__all__ = ["register", "run"]


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "notice",
        help="draft the privacy-notice sections the register answers (Art. 13/14)",
        description=(
            "Write the sections of a privacy notice that the register answers: controller and DPO, "
            "purposes and lawful bases, personal data, recipients, transfers and safeguards, retention, "
            "rights with the deadline and the complaint authority, automated decisions and, for Art. 14, "
            "the sources. The text is marked as a draft for review."
        ),
    )
    parser.add_argument("path", type=Path, help="register folder or file")
    add_lang(parser)
    parser.add_argument("-f", "--format", choices=("md", "html"), default="md", help="output format")
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", default=None, help="file (default, or -o -: stdout)"
    )
    parser.add_argument("--today", metavar="YYYY-MM-DD", default=None, help="date of the draft")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa notice``."""
    import ropa

    if is_stdout(args.output):
        args.output = None
    loaded = load_register(args)
    if isinstance(loaded, int):
        return loaded
    today = parse_date(args.today) if args.today else None
    text = ropa.notice(loaded.result, args.output, lang=loaded.lang, format=args.format, today=today)
    if args.output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    return finish(loaded, f"{args.output} ({args.format}, {loaded.lang})" if args.output else None)
