"""``ropa validate``: check a register and report the findings, for people or for CI.

Parse → build → run: :func:`register` declares the options, :func:`build` turns the parsed namespace and
the environment into a :class:`ValidateArgs` (configuration file found, overrides collected, format and
colour decided), and :func:`execute` loads, validates, renders, writes and returns the exit code.

A repeat run of an unchanged register takes its report from the cache (:mod:`ropa.loading.cache`) under a
key made of the register's bytes, the configuration file's bytes and the overrides: it validates no
configuration, loads no models and runs no rules, so it imports neither pydantic's model machinery nor
the rule catalogue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

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
from ropa.configfile import config_file
from ropa.diagnostics import Report, Severity

if TYPE_CHECKING:
    from ropa.config import Config, FailOn

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

    def config(self) -> Config:
        """The configuration with the overrides applied.

        Raises:
            ConfigError: the configuration file is invalid or cannot be read.
        """
        from ropa.config import Config, load_config

        config = load_config(self.config_file) if self.config_file is not None else Config()
        return config.model_copy(update=dict(self.overrides)) if self.overrides else config


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
        config_file=args.config if args.config is not None else config_file(args.path),
        overrides=update,
        output=output,
        color=color,
        github_step_summary=Path(summary_file) if fmt == "github" and summary_file else None,
        lang=getattr(args, "lang", None),
        junit_below=getattr(args, "junit_below", "failure"),
        cache=not args.no_cache,
    )


def exit_code(report: Report, fail_on: FailOn) -> int:
    """2 when a file or folder could not be read (IO-*), else 1 for findings at or above ``fail_on``."""
    if any(d.code.startswith("IO-") for d in report):
        return EXIT_USAGE
    if fail_on == "never":
        return EXIT_OK
    return EXIT_FINDINGS if report.at_least(Severity(fail_on)) else EXIT_OK


def _emit(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a terminal that cannot show every character: show escapes instead
        encoding = stream.encoding or "ascii"
        stream.write(text.encode(encoding, "backslashreplace").decode(encoding))
    stream.flush()


def execute(options: ValidateArgs) -> int:
    """Load, validate, render and write; return the exit code."""
    from ropa.export.write import write_atomic
    from ropa.loading.cache import CachedReport, ReportCache, cache_folder, raw_report_key, translated_key
    from ropa.reporters import REPORTERS, RenderOptions, register_paths, summary_line
    from ropa.reporters.github import step_summary

    if not options.path.exists():
        raise FileNotFoundError(f"no such file or folder: {options.path}")
    day = options.today or dt.date.today()  # noqa: DTZ011 - the user's local date is meant
    checked = None
    key: str | None = None
    folder: Path | None = None
    scanned = None
    reports: ReportCache | None = None
    shown_key: str | None = None
    translated = False
    if options.cache:
        from ropa.loading.incremental import FileStore, fingerprint, scan

        folder = cache_folder(str(options.config_file) if options.config_file is not None else None)
        with FileStore(folder) as files:  # the stat cache: unchanged files are not read to be hashed
            scanned = scan(options.path, files if files.active else None)
        overrides = json.dumps(options.overrides, sort_keys=True)
        key = raw_report_key(fingerprint(*scanned), options.config_file, overrides, day)
        reports = ReportCache(folder)
        # The report as it is shown, in its output language: a repeat run reads no catalogue and does not
        # read the English report first.
        shown_key = translated_key(key, options.lang or "the register's language")
        checked = reports.get(shown_key)
        translated = checked is not None
        if checked is None:
            checked = reports.get(key)
    if checked is None:
        from ropa._api import cached_validation

        config = options.config()
        shown = show_progress(options.verbosity < 1, sys.stderr, os.environ)
        with progress("loading", enabled=shown, stream=sys.stderr) as update:
            checked = cached_validation(
                options.path,
                config,
                today=day,
                cache=folder if folder is not None else False,
                progress=update,
                cache_key=key,
                scanned=scanned,
            )
    report = checked.report
    lang, note = register_lang(options.lang, checked.language)
    if note is not None and options.verbosity >= 1:
        _emit(sys.stderr, note + "\n")
    if lang != "en" and not translated:
        from ropa.i18n import translate_report

        report = translate_report(report, lang)
        if reports is not None and shown_key is not None:
            reports.put(shown_key, CachedReport(report, checked.selected, checked.fail_on, checked.language))
    root, base = register_paths(options.path)
    render_options = RenderOptions(
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
    reporter = REPORTERS[options.format]
    text = reporter.render(report, render_options)
    if options.output is not None:
        write_atomic(options.output, text.encode("utf-8"))
    else:
        _emit(sys.stdout, text)
    if (reporter.machine or options.output is not None) and options.verbosity >= 1:
        _emit(sys.stderr, summary_line(report, lang) + "\n")
    if options.github_step_summary is not None:
        try:
            with options.github_step_summary.open("a", encoding="utf-8") as handle:
                handle.write(step_summary(report, render_options))
        except OSError as exc:  # the summary is a convenience: never fail the check over it
            _emit(sys.stderr, f"ropa: warning: cannot write the step summary: {exc.strerror or exc}\n")
    return exit_code(report, checked.fail_on)  # type: ignore[arg-type]


def run(args: argparse.Namespace) -> int:
    """Execute ``ropa validate``."""
    return execute(build(args, os.environ, sys.stdout))
