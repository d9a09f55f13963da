"""The import fidelity benchmark meets its targets, docs/import.md shows its current table, and the
corpus files are the ones build_corpus.py writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from ropa.importer import import_file
from tests.import_corpus import build_corpus
from tests.import_corpus.fidelity import FILES, evaluate, run, table

DOC = Path(__file__).resolve().parents[2] / "docs" / "import.md"


@pytest.fixture(scope="module")
def results() -> list:  # type: ignore[type-arg]
    return run()


def test_every_corpus_file_is_checked(results: list) -> None:  # type: ignore[type-arg]
    assert sorted(r.name for r in results) == sorted(p.name for p in FILES.iterdir())
    assert sorted(build_corpus.FILES) == sorted(p.name for p in FILES.iterdir())


def test_targets(results: list) -> None:  # type: ignore[type-arg]
    for result in results:
        assert result.lost == [], result.name
        assert result.accuracy >= 0.95, (result.name, result.wrong)
        assert result.contradicted == [], result.name
        assert result.checked >= 10, result.name


def test_docs_show_the_current_table(results: list) -> None:  # type: ignore[type-arg]
    text = DOC.read_text(encoding="utf-8")
    shown = text.split("<!-- fidelity:start -->\n", 1)[1].split("<!-- fidelity:end -->", 1)[0]
    assert shown == table(results), "run `make import-corpus` and paste the table into docs/import.md"


def test_the_checks_can_fail() -> None:
    # a wrong expectation and a contradicted finding are counted, so the targets are not vacuous
    spec = {
        "activities": {"Nieuwsbrief": {"purposes.lawful_basis": ["6-1-b"]}},
        "not_findings": {"Nieuwsbrief": ["RGT-004"]},
    }
    result = evaluate("nl_gemeente_verwerkingenregister.xlsx", spec)
    assert result.correct == 0
    assert result.checked == 1
    assert [c.split(":")[0] for c in result.contradicted] == ["Nieuwsbrief"]


@pytest.mark.parametrize("name", sorted(build_corpus.FILES))
def test_the_committed_files_are_what_the_script_builds(tmp_path: Path, name: str) -> None:
    rebuilt = build_corpus.FILES[name](tmp_path / name)
    assert import_file(rebuilt).register == import_file(FILES / name).register
