"""``ropa validate``: check a register and report the findings, for people or for CI.

Parse → build → run: :func:`register` declares the options, :func:`build` turns the parsed namespace and
the environment into a :class:`ValidateArgs` (configuration file found, overrides collected, format and
colour decided), and :func:`execute` loads, validates, renders, writes and returns the exit code.

A repeat run of an unchanged register takes its report from the cache (:func:`ropa.check`) under a key
made of the register's bytes, the configuration file's bytes and the overrides: it validates no
configuration, loads no models and runs no rules, so it imports neither pydantic's model machinery nor
the rule catalogue. Like every command, this one uses nothing but the public API (``import ropa``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TextIO

import ropa
from ropa.cli._common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    ColorMode,
    parse_date,
    progress,
    register_lang,
    show_progress,
    split_codes,
    use_color,
)

__all__ = ["FORMATS", "ValidateArgs", "build", "execute", "exit_code", "register", "run"]

FORMATS = ("auto", "text", "json", "sarif", "github", "junit")
FAIL_ON = ("error", "warning", "info", "never")
PROFILES = ("eu", "nl")
LANGUAGES = ("en", "nl", "fr", "de")

_EPILOG = """\
exit codes:
  0  no finding at or above --fail-on
  1  findings at or above --fail-on (structural errors in register files included)
  2  usage, configuration or I/O error (also: a register file or folder could not be read, IO-*)
  3  internal error (a bug in ropa)

environment:
  NO_COLOR, FORCE_COLOR   colour with --color auto (NO_COLOR wins)
  GITHUB_ACTIONS          --format auto picks 'github' when set
  GITHUB_STEP_SUMMARY     with --format github, a Markdown summary is appended to this file
  ROPA_TRACEBACK          print the traceback of an internal error
"""


def register(sub: Any) -> None:
    """Add the subcommand."""
    parser: argparse.ArgumentParser = sub.add_parser(
        "validate",
        help="check a register and report findings",
        description=(
            "Load a register (a folder of YAML files, or one file), report structural problems and the\n"
            "findings of every selected rule, and exit non-zero when a finding reaches --fail-on."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path", nargs="?", default="registers", type=Path, help="register folder or file (default: registers)"
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
        help="lowest severity that makes the exit code 1 (default: fail-on from the config, else error)",
    )
    parser.add_argument("-q", "--quiet", action="count", default=0, help="less output (repeatable)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more output: hints (repeatable)")
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", default=None, help="date for date-dependent rules (default: today)"
    )
    parser.add_argument(
        "--profile",
        action="append",
        choices=PROFILES,
        default=None,
        help="profile to apply, repeatable (eu is always on); replaces the configured profiles",
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        default=None,
        help="rules to run: codes, prefixes or names, comma-separated or repeated; replaces 'select'",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="CODES",
        default=None,
        help="rules not to run: codes, prefixes or names; replaces 'ignore' from the config",
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        default=None,
        help="configuration file (ropa.toml or pyproject.toml); default: the nearest one above PATH",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        default=None,
        help="write the report to FILE (atomically) instead of stdout ('-': stdout)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of messages, hints and the summary (default: the register's language, else en)",
    )
    parser.add_argument(
        "--junit-below",
        choices=("failure", "skipped", "passed"),
        default="failure",
        help=(
            "junit format: how to report findings below --fail-on: as failures (default), skipped or "
            "passed test cases"
        ),
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text format (default: auto, honouring NO_COLOR and FORCE_COLOR)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="neither read nor write the report cache (.ropa_cache/ beside the configuration, else here)",
    )
    parser.set_defaults(run=run)


@dataclass(frozen=True)
class ValidateArgs:
    """Everything ``ropa validate`` needs, decided.

    Attributes:
        path: the register folder or file.
        format: the output format, never ``auto``.
        verbosity: ``1 + v - q``.
        today: the date for date-dependent rules (``None``: the real date).
        config_file: the configuration file (``--config``, else the nearest one), ``None`` for none.
        overrides: configuration values given on the command line (``select``, ``fail_on``, ...).
        output: the file to write the report to (``None``: stdout).
        color: ANSI colours in the text format.
        github_step_summary: the file to append a Markdown summary to (``github`` format only).
        lang: the language of messages and hints; ``None``: the register's ``language:``, else ``en``.
        junit_below: how the ``junit`` format reports findings below ``fail_on``.
    """

    path: Path
    format: str
    verbosity: int
    today: dt.date | None
    config_file: Path | None
    overrides: Mapping[str, Any] = field(default_factory=dict)
    output: Path | None = None
    color: bool = False
    github_step_summary: Path | None = None
    lang: str | None = None
    junit_below: Literal["failure", "skipped", "passed"] = "failure"
    cache: bool = True


def build(args: argparse.Namespace, environ: Mapping[str, str], stdout: TextIO) -> ValidateArgs:
    """Decide format, colour, configuration file and overrides from the options and the environment (the
    configuration itself is read when it is needed: not at all for a cached report).

    Raises:
        UsageError: a bad option value.
    """
    update: dict[str, Any] = {}
    select = split_codes(args.select)
    if select is not None:
        update["select"] = select
    ignore = split_codes(args.ignore)
    if ignore is not None:
        update["ignore"] = ignore
    if args.profile is not None:
        update["profile"] = list(dict.fromkeys(args.profile))
    if args.fail_on is not None:
        update["fail_on"] = args.fail_on
    fmt: str = args.format
    if fmt == "auto":
        fmt = "github" if environ.get("GITHUB_ACTIONS") else "text"
    mode: ColorMode = args.color
    output: Path | None = None if args.output is None or str(args.output) == "-" else args.output
    color = fmt == "text" and (mode == "always" if output is not None else use_color(mode, stdout, environ))
    summary_file = environ.get("GITHUB_STEP_SUMMARY")
    return ValidateArgs(
        path=args.path,
        format=fmt,
        verbosity=1 + args.verbose - args.quiet,
        today=parse_date(args.today) if args.today else None,
        config_file=args.config if args.config is not None else ropa.find_config_file(args.path),
        overrides=update,
        output=output,
        color=color,
        github_step_summary=Path(summary_file) if fmt == "github" and summary_file else None,
        lang=getattr(args, "lang", None),
        junit_below=getattr(args, "junit_below", "failure"),
        cache=not args.no_cache,
    )


def exit_code(checked: ropa.CheckResult) -> int:
    """2 when a file or folder could not be read (IO-*), else 1 for findings at or above ``fail_on``."""
    if checked.unreadable:
        return EXIT_USAGE
    return EXIT_FINDINGS if checked.failed else EXIT_OK


def _emit(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a terminal that cannot show every character: show escapes instead
        encoding = stream.encoding or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()


def execute(options: ValidateArgs) -> int:
    """Check (or take the report from the cache), render, write; return the exit code."""
    shown = show_progress(options.verbosity < 1, sys.stderr, os.environ)
    with progress("loading", enabled=shown, stream=sys.stderr) as update:
        checked = ropa.check(
            options.path,
            config_file=options.config_file,
            overrides=options.overrides,
            today=options.today,
            cache=options.cache,
            progress=update,
            lang=options.lang,  # None: the register's language (the report is cached in it)
        )
    report = checked.report
    lang, note = register_lang(options.lang, checked.language)
    if note is not None and options.verbosity >= 1:
        _emit(sys.stderr, note + "\n")
    root, base = ropa.register_paths(options.path)
    render_options = ropa.RenderOptions(
        root=root,
        base=base,
        rules=None,  # the catalogue (every rule module) is imported only by a reporter that needs it
        selected=checked.selected,
        verbosity=options.verbosity,
        color=options.color,
        lang=lang,
        fail_on=checked.fail_on,  # type: ignore[arg-type]
        junit_below=options.junit_below,
    )
    if options.output is not None:
        ropa.write_report(report, options.output, options.format, render_options)
    else:
        _emit(sys.stdout, ropa.render_report(report, options.format, render_options))
    if (ropa.REPORTERS[options.format].machine or options.output is not None) and options.verbosity >= 1:
        _emit(sys.stderr, ropa.summary_line(report, lang) + "\n")
    if options.github_step_summary is not None:
        try:
            with options.github_step_summary.open("a", encoding="utf-8") as handle:
                handle.write(ropa.github_step_summary(report, render_options))
        except OSError as exc:  # the summary is a convenience: never fail the check over it
            _emit(sys.stderr, f"ropa: warning: cannot write the step summary: {exc.strerror or exc}\n")
    return exit_code(checked)


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa validate``."""
    return execute(build(args, os.environ, sys.stdout))
