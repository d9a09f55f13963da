"""Ordinary input at the row limit takes time in proportion to its rows (issue 14.4).

Making ids unique restarted its count at 1 for every row, and a row continuing the activity above it was
compared with every row merged before: 20,000 rows with one name took 53 s, 50,000 took 14 minutes, and
50,000 continuation rows 186 s, after which the activity (too large to validate) was dropped.
"""

from __future__ import annotations

import time
from pathlib import Path

from ropa.importer import Limits, import_csv
from ropa.importer._build import MAX_CONTINUED_ROWS

ROWS = Limits().max_rows - 1
"""50,000 rows with the header row: the most a sheet may have."""
BOUND = 90.0
"""CPU seconds: about ten times what 50,000 rows take on a busy two-core machine; quadratic work takes
minutes."""


def _name(i: int) -> str:
    """Distinct names that all make the id ``payroll``: "Payroll!", "Payroll!?", ..."""
    return "Payroll" + "".join("!" if bit == "1" else "?" for bit in bin(i + 1)[2:])


def test_fifty_thousand_names_with_one_id(tmp_path: Path) -> None:
    path = tmp_path / "same.csv"
    path.write_text(
        "Name,Purpose\n" + "".join(f"{_name(i)},Salaries\n" for i in range(ROWS)), encoding="utf-8"
    )
    start = time.process_time()
    result = import_csv(path)
    seconds = time.process_time() - start
    ids = [a.id for a in result.register.activities or []]
    assert len(ids) == ROWS
    assert ids[:3] == ["payroll", "payroll-2", "payroll-3"]
    assert ids[-1] == f"payroll-{ROWS}"
    assert len({i.casefold() for i in ids}) == ROWS
    assert seconds < BOUND, seconds


def test_fifty_thousand_rows_with_one_name(tmp_path: Path) -> None:
    # rows repeating a name are one activity (issue 10), at most MAX_CONTINUED_ROWS + 1 rows each
    path = tmp_path / "one-name.csv"
    path.write_text(
        "Name,Purpose\n" + "".join(f"Payroll,Salaries {i}\n" for i in range(ROWS)), encoding="utf-8"
    )
    start = time.process_time()
    result = import_csv(path)
    seconds = time.process_time() - start
    activities = result.register.activities or []
    assert len(activities) == -(-ROWS // (MAX_CONTINUED_ROWS + 1))
    assert [a.id for a in activities[:3]] == ["payroll", "payroll-2", "payroll-3"]
    purposes = [p.description for a in activities for p in a.purposes or []]
    assert purposes == [f"Salaries {i}" for i in range(ROWS)]  # every row is imported
    assert seconds < BOUND, seconds


def test_fifty_thousand_continuation_rows(tmp_path: Path) -> None:
    path = tmp_path / "continued.csv"
    path.write_text(
        "Name,Purpose\nPayroll,Salaries\n" + "".join(f",Purpose {i}\n" for i in range(ROWS - 1)),
        encoding="utf-8",
    )
    start = time.process_time()
    result = import_csv(path)
    seconds = time.process_time() - start
    activities = result.register.activities or []
    groups = -(-ROWS // (MAX_CONTINUED_ROWS + 1))
    assert len(activities) == groups  # every row is imported: none is dropped
    assert not [d for d in result.diagnostics if d.code == "IMP-032"]
    purposes = [p.description for a in activities for p in a.purposes or []]
    assert purposes == ["Salaries", *(f"Purpose {i}" for i in range(ROWS - 1))]
    assert activities[0].name == "Payroll"
    warnings = [d for d in result.diagnostics if d.code == "IMP-031"]
    assert len(warnings) == ROWS - 1
    assert f"continues over {MAX_CONTINUED_ROWS} rows" in warnings[MAX_CONTINUED_ROWS].message
    assert warnings[MAX_CONTINUED_ROWS].location.span is not None
    assert warnings[MAX_CONTINUED_ROWS].location.span.line == MAX_CONTINUED_ROWS + 3
    assert seconds < BOUND, seconds
