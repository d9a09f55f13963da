"""docs/example-miki4all.md explains exactly the findings that ropa reports for the MiKi4all register."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import ropa

REPO = Path(__file__).resolve().parents[1]


def test_write_up_matches_the_findings() -> None:
    text = (REPO / "docs" / "example-miki4all.md").read_text(encoding="utf-8")
    table = text.split("<!-- findings:begin -->")[1].split("<!-- findings:end -->")[0]
    documented = {
        (code, severity): int(count)
        for code, severity, count in re.findall(r"\| ([A-Z]+-\d{3}) \| (\w+) \| (\d+) \|", table)
    }
    report = ropa.validate(REPO / "registers" / "miki4all", today=dt.date(2026, 11, 25))
    actual = Counter((d.code, d.severity.value) for d in report)
    assert documented == dict(actual)
    counts = report.counts
    summary = f"**{counts['error']} errors, {counts['warning']} warnings and {counts['info']} infos**"
    assert summary in text
    for code, _ in documented:
        assert code in text.split("## Findings at a glance")[0], f"{code} is not explained"
