"""Wrong content: wrong types in every field of every model, bad codes, countries and dates, broken
references, reference cycles, the same id in two files.

The wrong-type cases are generated from the models themselves, so a new field is covered the day it is
added: every field of every entity (nested ones included) is given a value of the wrong shape in an
otherwise valid entity, written one field per line, and must be reported at that field's line.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import ropa
from ropa.models import KINDS

from ._helpers import deadline, run_cli
from ._models import (
    FIELD_CASES,
    WRONG,
    FieldCase,
    block_yaml,
    document_with,
    field_shape,
    is_country,
    minimal,
    pointer_of,
)

TODAY = dt.date(2026, 1, 15)


def test_every_model_field_is_covered() -> None:
    ids = {case.id for case in FIELD_CASES}
    assert len(ids) == len(FIELD_CASES)
    assert {"activities.id", "activities.purposes.consent.explicit", "parties.agreement.date"} <= ids
    assert len(FIELD_CASES) > 200


def test_the_minimal_entities_are_valid() -> None:
    for kind, model in KINDS.items():
        data = {kind: minimal(model)} if kind in ("register", "organisation") else {kind: [minimal(model)]}
        text, _ = block_yaml(data)
        assert ropa.loads(text).diagnostics == (), (kind, text)


@pytest.mark.parametrize("case", FIELD_CASES, ids=lambda c: c.id)
def test_wrong_type_is_reported_at_the_field(case: FieldCase) -> None:
    value, code = WRONG[field_shape(case.annotation)]
    text, where = block_yaml(document_with(case, value))
    pointer = pointer_of(case)
    result = ropa.loads(text)
    found = [(d.code, d.location.line, d.location.pointer) for d in result.diagnostics]
    assert (code, where[pointer], pointer) in found, (text, found)
    assert all(c in ("STR-003", "STR-005") for c, _, _ in found), found
    assert not result.ok


ENUM_CASES = [case for case in FIELD_CASES if field_shape(case.annotation) == "enum"]


@pytest.mark.parametrize("case", ENUM_CASES, ids=lambda c: c.id)
def test_unknown_code_is_reported_at_the_field(case: FieldCase) -> None:
    text, where = block_yaml(document_with(case, "not-a-code"))
    pointer = pointer_of(case)
    found = [(d.code, d.location.line, d.location.pointer) for d in ropa.loads(text).diagnostics]
    assert found == [("STR-005", where[pointer], pointer)]


COUNTRY_CASES = [case for case in FIELD_CASES if is_country(case.info, case.annotation)]
BAD_COUNTRIES = ["UK", "EL", "nl", "XX", "NLD", "N", "", " NL", "NL ", "ＮＬ", "null"]


def test_country_fields_are_found() -> None:
    assert {c.id for c in COUNTRY_CASES} >= {
        "parties.country",
        "organisation.country",
        "activities.transfers.country",
    }


def _bad_value(case: FieldCase, value: str) -> tuple[Any, str]:
    """``value`` at the field, or as the single item of a list field; and the pointer that is wrong."""
    if field_shape(case.annotation) == "list":
        return [value], pointer_of(case) + "/0"
    return value, pointer_of(case)


@pytest.mark.parametrize("country", BAD_COUNTRIES)
@pytest.mark.parametrize("case", COUNTRY_CASES, ids=lambda c: c.id)
def test_invalid_country_code(case: FieldCase, country: str) -> None:
    value, pointer = _bad_value(case, country)
    text, where = block_yaml(document_with(case, value))
    found = [(d.code, d.location.line, d.location.pointer) for d in ropa.loads(text).diagnostics]
    assert found == [("STR-005", where[pointer], pointer)]


@pytest.mark.parametrize("country", ["GB", "GR", "NL", "NO", "US"])
def test_valid_country_codes_including_norway(country: str) -> None:
    result = ropa.loads(f"parties:\n  - id: p\n    name: P\n    country: {country}\n")
    assert result.diagnostics == ()


DATE_CASES = [case for case in FIELD_CASES if field_shape(case.annotation) == "date"]
BAD_DATES = [
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-1-1",
    "01-02-2024",
    "24-01-01",
    "tomorrow",
]


@pytest.mark.parametrize("date", BAD_DATES)
@pytest.mark.parametrize("case", DATE_CASES, ids=lambda c: c.id)
def test_invalid_date(case: FieldCase, date: str) -> None:
    value, pointer = _bad_value(case, date)
    text, where = block_yaml(document_with(case, value))
    found = [(d.code, d.location.line, d.location.pointer) for d in ropa.loads(text).diagnostics]
    assert found == [("STR-005", where[pointer], pointer)]


def test_leap_day_and_unquoted_dates_are_accepted() -> None:
    result = ropa.loads("activities:\n  - id: a\n    name: A\n    end_date: 2024-02-29\n")
    assert result.diagnostics == ()
    assert result.register.activities is not None
    assert result.register.activities[0].end_date == dt.date(2024, 2, 29)


# --- rule-level content -------------------------------------------------------------------------


def _has_rule(code: str) -> bool:
    from ropa.rules import ALL_RULES

    return any(rule.code == code for rule in ALL_RULES)


def _findings(text: str, code: str) -> list[tuple[str, int]]:
    report = ropa.validate(ropa.loads(text), today=TODAY)
    return [(d.code, d.location.line) for d in report if d.code == code]


RETENTION = (
    "activities:\n  - id: a\n    name: A\n    retention:\n      - kind: temporal\n        duration: {}\n"
)
"""An activity whose one retention rule has the duration at line 6."""

BAD_DURATIONS = ["P7", "7Y", "P", "PT", "P1.5Y", "1 year", "P-1Y", "p7y", "P7Y "]


@pytest.mark.parametrize("duration", BAD_DURATIONS)
def test_invalid_iso_duration_is_a_ret_003_finding(duration: str) -> None:
    if not _has_rule("RET-003"):
        pytest.skip("rule RET-003 (invalid ISO 8601 duration) is not in the catalogue yet")
    text = RETENTION.format(json.dumps(duration))
    result = ropa.loads(text)
    assert result.diagnostics == ()  # a duration is text to the models; the rule judges it
    assert _findings(text, "RET-003") == [("RET-003", 6)]


def test_valid_iso_durations_are_not_findings() -> None:
    if not _has_rule("RET-003"):
        pytest.skip("rule RET-003 is not in the catalogue yet")
    for duration in ("P7Y", "P1M", "P2W", "PT12H", "P1Y6M"):
        text = RETENTION.format(duration)
        assert _findings(text, "RET-003") == [], duration


REFERENCES = (
    "organisation:\n  name: X\n  country: NL\n"
    "parties:\n"
    "  - {id: a, name: A, role: processor, sub_processors: [b]}\n"
    "  - {id: b, name: B, role: processor, sub_processors: [a, b, ghost]}\n"
    "  - {id: c, name: C, role: processor, sub_processors: [c]}\n"
    "activities:\n"
    "  - id: act\n"
    "    name: Act\n"
    "    data_categories: [nowhere]\n"
    "    data_subjects: [nobody]\n"
    "    recipients: [a, missing-party, act]\n"
    "    security_measures: [no-such-measure]\n"
    "    transfers:\n"
    "      - {country: US, recipient: missing-importer, mechanism: scc}\n"
    "processor_activities:\n"
    "  - {id: pa, sub_processors: [a, unknown]}\n"
)


def test_references_to_missing_entities_and_cycles_terminate(tmp_path: Path) -> None:
    """Sub-processor chains that loop (a->b->a, b->b, c->c) and references to nothing: no rule hangs."""
    with deadline(20):
        result = ropa.loads(REFERENCES)
        assert result.diagnostics == ()
        report = ropa.validate(result, today=TODAY)

    def lines(code: str) -> list[int]:
        return sorted(d.location.line for d in report if d.code == code)

    if _has_rule("ACT-005"):  # data category 'nowhere' (line 11), data subjects 'nobody' (line 12)
        assert lines("ACT-005") == [11, 12]
    if _has_rule("REC-001"):  # 'missing-party' and 'act' (line 13), the importer (line 16)
        assert lines("REC-001") == [13, 13, 16]
    if _has_rule("PRC-005"):  # sub-processor 'ghost' (line 6) and 'unknown' (line 18)
        assert {6, 18} <= set(lines("PRC-005"))
    (tmp_path / "register.yaml").write_text(REFERENCES)
    run = run_cli("validate", tmp_path, "--today", TODAY.isoformat(), timeout=60)
    run.assert_handled(1)


def test_long_sub_processor_chain_and_ring_terminate() -> None:
    n = 2000
    parties = "".join(
        f"  - {{id: p{i}, name: P{i}, role: processor, sub_processors: [p{(i + 1) % n}]}}\n" for i in range(n)
    )
    text = "organisation:\n  name: X\nparties:\n" + parties
    with deadline(30):
        result = ropa.loads(text)
        assert result.diagnostics == ()
        ropa.validate(result, today=TODAY)


SINGLE_ID_KINDS = ["parties", "data_categories", "data_subjects", "security_measures", "processor_activities"]


@pytest.mark.parametrize("kind", SINGLE_ID_KINDS)
def test_same_id_in_two_files(tmp_path: Path, kind: str) -> None:
    entity = minimal(KINDS[kind]) | {"id": "same"}
    first, _ = block_yaml({kind: [entity]})
    second, where = block_yaml({"organisation": {"name": "X"}, kind: [entity]})
    (tmp_path / "a.yaml").write_text(first)
    (tmp_path / "b.yaml").write_text(second)
    result = ropa.load(tmp_path)
    found = [(d.code, d.location.file, d.location.line) for d in result.diagnostics]
    assert found == [("STR-005", "b.yaml", where[f"/{kind}/0/id"])]
    assert len(getattr(result.register, kind) or []) == 1  # the first one is kept


def test_same_activity_id_in_two_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("activities:\n  - {id: same, name: A}\n")
    (tmp_path / "b.yaml").write_text("activities:\n  - {id: same, name: B}\n")
    result = ropa.load(tmp_path)
    assert result.diagnostics == ()  # not structural: a rule's business
    if not _has_rule("ACT-006"):
        pytest.skip("rule ACT-006 (duplicate activity ids) is not in the catalogue yet")
    report = ropa.validate(result, today=TODAY)
    assert {d.location.file for d in report if d.code == "ACT-006"} >= {"b.yaml"}
