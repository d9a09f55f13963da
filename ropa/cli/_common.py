"""Shared pieces of the CLI: exit codes, the usage error, and option helpers."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Literal, Protocol, TextIO

import ropa

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "ColorMode",
    "UsageError",
    "did_you_mean",
    "parse_date",
    "progress",
    "register_lang",
    "show_progress",
    "split_codes",
    "use_color",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3

ColorMode = Literal["auto", "always", "never"]


class UsageError(Exception):
    """A bad option value; reported as ``ropa: error: ...`` with exit code 2."""


class _Stream(Protocol):
    def isatty(self) -> bool: ...


def parse_date(value: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` for options such as ``--today``."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"'{value}' is not a date; use YYYY-MM-DD") from exc


def split_codes(values: Iterable[str] | None) -> list[str] | None:
    """Flatten repeated, comma-separated options (``--select LAW,TRF-002 --select RET``).

    ``None`` when the option was not given, so that the configuration's value stays.
    """
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def use_color(mode: ColorMode, stream: _Stream, environ: Mapping[str, str]) -> bool:
    """Whether to colour output written to ``stream``.

    ``always`` and ``never`` win. ``auto`` honours ``NO_COLOR`` (set and non-empty: no colour), then
    ``FORCE_COLOR`` (set and non-empty: colour), then ``TERM=dumb`` (no colour), then whether ``stream``
    is a terminal.
    """
    if mode != "auto":
        return mode == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    if environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


_CODE_SHAPE = re.compile(r"^\s*([A-Za-z]{2,5})[-_ ]?0*([0-9]{1,3})\s*$")


def _same_code(word: str, options: list[str]) -> str | None:
    """The code that ``word`` spells with another shape: ``LAW01``, ``law-1``, ``LAW_001`` → ``LAW-001``."""
    match = _CODE_SHAPE.match(word)
    if match is None:
        return None
    prefix, number = match.group(1).upper(), int(match.group(2))
    wanted = f"{prefix}-{number:03d}"
    return wanted if wanted in options else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """``; did you mean LAW-001?`` for the closest choice, or ``""``.

    A word with the shape of a code (a family prefix and a number, with or without the dash and the
    leading zeros) is matched to that code first: ``LAW01`` → ``LAW-001``, never ``LAW-011``.
    """
    options = list(choices)
    same = _same_code(word, options)
    if same is not None:
        return f"; did you mean {same}?"
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(word.upper(), options, n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


PROGRESS_DELAY = 0.5
"""Seconds before a progress bar appears: small registers never show one."""


def show_progress(quiet: bool, stream: _Stream, environ: Mapping[str, str]) -> bool:
    """Whether to draw progress bars on ``stream``: only on a terminal, never in CI logs or with ``-q``."""
    if quiet or environ.get("CI") or environ.get("GITHUB_ACTIONS") or environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


@contextmanager
def progress(
    label: str, *, enabled: bool, stream: TextIO, delay: float = PROGRESS_DELAY
) -> Iterator[Callable[[int, int], None] | None]:
    """A ``(done, total)`` callback that drives a tqdm bar on ``stream``, or ``None`` when not ``enabled``
    (the library then reports no progress at all). The bar disappears when the work is done."""
    if not enabled:
        yield None
        return
    from tqdm import tqdm

    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, desc=label, file=stream, delay=delay, leave=False, dynamic_ncols=True)
        bar.total = total
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        if bar is not None:
            bar.close()


def register_lang(option: str | None, declared: str | None) -> tuple[ropa.Lang, str | None]:
    """The language of the output: ``--lang``, else the register's ``language:`` when ropa has it, else
    ``en``; and a note for stderr when the register's language is not one ropa has."""
    chosen = ropa.normalise_lang(option) or ropa.normalise_lang(declared)
    if chosen is not None:
        return chosen, None
    if declared:
        return "en", f"ropa: note: no translation for the register's language '{declared}'; using en"
    return "en", None
