"""Helpers for the semantics tests of the RET, SEC, DPIA, RGT, GOV and NL rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import ropa
from ropa.config import Config, RuleOptionsConfig
from ropa.diagnostics import Diagnostic

TODAY = dt.date(2026, 6, 1)


def findings(
    text: str,
    select: Sequence[str],
    *,
    profile: Sequence[str] = ("eu", "nl"),
    strict: bool = False,
    today: dt.date = TODAY,
) -> list[Diagnostic]:
    """The rule findings (no structural diagnostics allowed) of ``select`` on the register ``text``."""
    result = ropa.loads(text)
    assert [d for d in result.diagnostics if d.severity.value == "error"] == [], result.diagnostics
    config = Config(select=list(select), profile=list(profile), options=RuleOptionsConfig(strict=strict))
    report = ropa.validate(result, config, today=today)
    return [d for d in report if d.code in select or d.code.split("-")[0] in select]


def codes(
    text: str,
    select: Sequence[str],
    *,
    profile: Sequence[str] = ("eu", "nl"),
    strict: bool = False,
    today: dt.date = TODAY,
) -> list[str]:
    """The codes found, in report order."""
    return [d.code for d in findings(text, select, profile=profile, strict=strict, today=today)]
