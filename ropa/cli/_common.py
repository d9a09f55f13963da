"""Shared pieces of the CLI: exit codes and the usage error."""

from __future__ import annotations

import datetime as dt

__all__ = ["EXIT_FINDINGS", "EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "UsageError", "parse_date"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class UsageError(Exception):
    """A bad option value; reported as ``ropa: error: ...`` with exit code 2."""


def parse_date(value: str) -> dt.date:
    """Parse ``YYYY-MM-DD`` for options such as ``--today``."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise UsageError(f"'{value}' is not a date; use YYYY-MM-DD") from exc
