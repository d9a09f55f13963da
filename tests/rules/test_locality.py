"""Every rule listed as activity-local reports the same on a register as on its activities one at a time.

The incremental cache (``ropa.loading.incremental``) keeps the findings of the rules of
``ACTIVITY_LOCAL`` per file and runs them again only on the activities of edited files. That is right only
when a rule's findings on an activity depend on that activity and on what is not an activity, and its
findings on anything else do not depend on activities at all. This checks exactly that, for every listed
rule, on every register the repository holds and on generated ones.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import ropa
from ropa.models import Activity, Register
from ropa.rules import ALL_RULES, Rule
from ropa.rules._base import RuleContext
from ropa.rules.engine import ACTIVITY_LOCAL

from ..strategies import register_data

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 6, 1)
LOCAL = [rule for rule in ALL_RULES if rule.code in ACTIVITY_LOCAL]


def _registers() -> list[Path]:
    fixtures = sorted(
        path
        for path in (REPO / "tests" / "rules" / "fixtures").glob("*/*")
        if path.suffix in (".yaml", ".yml") or path.is_dir()
    )
    return [
        REPO / "registers" / "miki4all",
        REPO / "tests" / "fixtures" / "complete",
        *sorted(p for p in (REPO / "tests" / "corpus").iterdir() if p.is_dir()),
        *fixtures,
    ]


def _key(finding: object) -> tuple[object, ...]:
    entity = getattr(finding, "entity", None)
    fields = getattr(finding, "fields", {})
    return (
        id(entity),
        getattr(finding, "path", ""),
        tuple(sorted((k, str(v)) for k, v in fields.items())),
        getattr(finding, "severity", None),
        getattr(finding, "legal_refs", None),
    )


def _findings(rule: Rule, register: Register, loaded: ropa.LoadResult, profiles: frozenset[str]) -> Counter:
    ctx = RuleContext(
        register, today=TODAY, profiles=profiles, broken=loaded.broken, unloaded=loaded.unloaded
    )
    return Counter(_key(f) for f in rule.check(ctx))


def _check_locality(loaded: ropa.LoadResult, rules: Iterable[Rule] = LOCAL) -> None:
    register = loaded.register
    activities = list(register.activities or ())
    ids = {id(a) for a in activities}
    for profiles in (frozenset({"eu"}), frozenset({"eu", "nl"})):
        for rule in rules:
            whole = _findings(rule, register, loaded, profiles)
            none = _findings(rule, register.model_copy(update={"activities": []}), loaded, profiles)
            pieces = Counter({k: n for k, n in none.items() if k[0] not in ids})
            for activity in activities:
                alone = _findings(
                    rule, register.model_copy(update={"activities": [activity]}), loaded, profiles
                )
                pieces.update({k: n for k, n in alone.items() if k[0] == id(activity)})
            assert pieces == whole, f"{rule.code} is not activity-local"


def test_the_list_names_existing_rules_and_leaves_the_rest_to_the_whole_register() -> None:
    codes = {rule.code for rule in ALL_RULES}
    assert codes >= ACTIVITY_LOCAL
    assert codes - ACTIVITY_LOCAL == {
        "ACT-006",
        "ORG-004",
        "ORG-005",
        "ORG-008",  # about the organisation and the profiles: run on the whole register
        "ORG-009",  # new rules run on the whole register until shown local (merged from main)
        "LAW-013",
        "PRC-005",
        "PRC-007",
        "REC-002",
        "REC-003",
        "SEC-002",
        "TRF-011",
    }


@pytest.mark.parametrize("path", _registers(), ids=lambda p: str(p.relative_to(REPO)))
def test_local_rules_are_local_on_the_repositorys_registers(path: Path) -> None:
    _check_locality(ropa.load(path))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(register_data())
def test_local_rules_are_local_on_generated_registers(data: dict[str, object]) -> None:
    import yaml

    _check_locality(ropa.loads(yaml.safe_dump(data, allow_unicode=True, sort_keys=False)))


def test_a_rule_across_activities_is_caught() -> None:
    """The check is not vacuous: ACT-006 (duplicate activities) fails it."""
    text = "activities:\n  - id: a\n    name: Same\n  - id: b\n    name: Same\n"
    duplicate = next(rule for rule in ALL_RULES if rule.code == "ACT-006")
    with pytest.raises(AssertionError, match="ACT-006 is not activity-local"):
        _check_locality(ropa.loads(text), [duplicate])
    assert isinstance(ropa.loads(text).register.activities[0], Activity)
