"""The ``ropa`` command: a thin shell over the library.

Exit codes: 0 clean, 1 findings at or above ``--fail-on``, 2 usage, configuration or I/O error,
3 internal error (a bug in ropa: please report it).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

import ropa
from ropa.cli._common import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, UsageError

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    from ropa.cli import (
        _diagram,
        _diff,
        _due,
        _export,
        _import,
        _notice,
        _publish,
        _rules,
        _schema,
        _validate,
    )

    parser = argparse.ArgumentParser(
        prog="ropa",
        description="The GDPR Art. 30 record of processing activities as code.",
    )
    parser.add_argument("--version", action="version", version=f"ropa {ropa.__version__}")
    parser.add_argument(
        "--traceback", action="store_true", help="show the Python traceback of an internal error"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (_validate, _export, _import, _schema, _rules, _publish, _notice, _diagram, _diff, _due):
        module.register(sub)
    return parser


def _clean(text: str) -> str:
    """Control characters in a message (from a file name or a register) shown as escapes."""
    return ropa.escape_control(text)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code (never calls ``sys.exit`` itself)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help/--version (0) and on usage errors (2)
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        code: int = args.run(args)
        return code
    except (UsageError, ropa.ConfigError, ropa.ExportError) as exc:
        print(f"ropa: error: {_clean(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `ropa rules | head`: the reader has gone, nothing left to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's final flush must not fail again
        return EXIT_OK
    except FileNotFoundError as exc:
        print(f"ropa: error: {_clean(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"ropa: error: {_clean(str(exc.filename or ''))}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception:
        if args.traceback or os.environ.get("ROPA_TRACEBACK"):
            traceback.print_exc()
        exc_type, exc_value = sys.exc_info()[:2]
        print(
            f"ropa: internal error: {exc_type.__name__ if exc_type else 'error'}: {_clean(str(exc_value))}\n"
            "This is a bug in ropa. Run again with --traceback and report it with the output.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
