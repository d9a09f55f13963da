"""``ropa import`` shows a progress bar while it reads a large workbook: on a terminal only, never in a pipe
or CI log, never with ``--quiet`` (issue 11 §6); the library only calls the callback it is given."""

from __future__ import annotations

import functools
import io
import subprocess
import sys
from pathlib import Path

import pytest

import ropa
from ropa.cli import main
from tests.importer._books import simple_workbook

ROWS = 450


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_callback_follows_the_rows_read(tmp_path: Path) -> None:
    book = simple_workbook(tmp_path / "big.xlsx", rows=ROWS)
    calls: list[tuple[int, int]] = []
    result = ropa.importer.import_file(book, progress=lambda done, total: calls.append((done, total)))
    assert len(result.register.activities or ()) == ROWS
    assert [done for done, _ in calls] == [100, 200, 300, 400]  # every 100 rows of the 451
    assert all(total == ROWS + 1 for _, total in calls)  # the rows the sheet declares, headings included
    quiet = ropa.importer.import_file(book)
    assert quiet.register == result.register


def test_a_sheet_that_declares_too_few_rows_never_shows_more_done_than_in_all(tmp_path: Path) -> None:
    """The <dimension> of a sheet is untrusted: the total grows with the rows really read."""
    from tests.importer._books import rewrite

    book = rewrite(
        simple_workbook(tmp_path / "lying.xlsx", rows=ROWS),
        lambda name, data: (
            data.replace(f'ref="A1:E{ROWS + 1}"'.encode(), b'ref="A1:E2"')
            if name.endswith("sheet1.xml")
            else None
        ),
    )
    calls: list[tuple[int, int]] = []
    result = ropa.importer.import_file(book, progress=lambda done, total: calls.append((done, total)))
    assert len(result.register.activities or ()) == ROWS
    assert calls
    assert all(done <= total for done, total in calls)
    assert calls[-1][0] == 400


@pytest.mark.parametrize(("quiet", "shown"), [(False, True), (True, False)])
def test_the_bar_is_drawn_on_a_terminal_unless_quiet(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    quiet: bool,
    shown: bool,
) -> None:
    book = simple_workbook(tmp_path / "big.xlsx", rows=ROWS)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    for name in ("CI", "GITHUB_ACTIONS", "TERM"):
        monkeypatch.delenv(name, raising=False)
    from ropa.cli import _common

    # drawn at once (a real terminal sees the bar after half a second of work)
    monkeypatch.setattr("ropa.cli._import.progress", functools.partial(_common.progress, delay=0))
    code = main(["import", str(book), "-o", str(tmp_path / "out"), *(["-q"] if quiet else [])])
    assert code in (0, 1)
    assert len(ropa.load(tmp_path / "out").register.activities or ()) == ROWS
    drawn = terminal.getvalue()
    assert ("reading rows" in drawn) is shown
    assert (f"/{ROWS + 1} [" in drawn) is shown
    assert "reading rows" not in capsys.readouterr().out


def test_no_bar_in_a_pipe(tmp_path: Path) -> None:
    book = simple_workbook(tmp_path / "big.xlsx", rows=ROWS)
    done = subprocess.run(
        [sys.executable, "-m", "ropa", "import", str(book), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "", "TERM": "xterm"},
    )
    assert done.returncode in (0, 1), done.stderr
    assert "reading rows" not in done.stderr
    assert "\r" not in done.stderr
    assert "it/s" not in done.stderr
