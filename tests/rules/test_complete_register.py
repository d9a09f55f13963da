"""A complete, correct register yields no error and no warning; removing one required element yields the
matching finding (property test over the elements)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ropa
from ropa.config import Config
from ropa.diagnostics import Severity
from ropa.export.yaml import register_to_yaml
from ropa.loading._yaml import parse
from ropa.models import Register

from .conftest import FIXTURE_TODAY

COMPLETE = Path(__file__).resolve().parents[1] / "fixtures" / "complete"
NL = Config(profile=["eu", "nl"])


def load_complete() -> dict[str, Any]:
    """The complete register as plain data (all files merged)."""
    return ropa.load(COMPLETE).register.dump()


def test_complete_register_has_no_errors_or_warnings() -> None:
    report = ropa.validate(COMPLETE, NL, today=FIXTURE_TODAY)
    problems = [str(d) for d in report if d.severity.rank >= Severity.WARNING.rank]
    assert problems == []


def _activity(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(a for a in data["activities"] if a["id"] == ident)


def _party(data: dict[str, Any], ident: str) -> dict[str, Any]:
    return next(p for p in data["parties"] if p["id"] == ident)


Mutation = Callable[[dict[str, Any]], None]

MUTATIONS: dict[str, tuple[Mutation, str]] = {
    "organisation name": (lambda d: d["organisation"].pop("name"), "ORG-001"),
    "organisation contact": (lambda d: d["organisation"].pop("contact"), "ORG-002"),
    "DPO contact": (lambda d: d["organisation"]["dpo"].pop("contact"), "ORG-003"),
    "purposes": (lambda d: _activity(d, "orders").pop("purposes"), "ACT-001"),
    "data subjects": (lambda d: _activity(d, "orders").pop("data_subjects"), "ACT-003"),
    "data categories": (lambda d: _activity(d, "orders").pop("data_categories"), "ACT-004"),
    "lawful basis": (lambda d: _activity(d, "orders")["purposes"][0].pop("lawful_basis"), "LAW-001"),
    "law citation": (lambda d: _activity(d, "bookkeeping")["purposes"][0].pop("law"), "LAW-003"),
    "consent withdrawal": (
        lambda d: _activity(d, "newsletter")["purposes"][0]["consent"].pop("withdrawal"),
        "LAW-006",
    ),
    "consent records": (
        lambda d: _activity(d, "newsletter")["purposes"][0]["consent"].pop("records"),
        "LAW-007",
    ),
    "Art. 9 condition": (lambda d: _activity(d, "prescriptions").pop("art9"), "SPC-001"),
    "Art. 9 law": (lambda d: _activity(d, "prescriptions")["art9"][0].pop("law"), "SPC-003"),
    "processor agreement": (lambda d: _party(d, "shop-platform").pop("agreement"), "PRC-001"),
    "joint-controller arrangement": (lambda d: _party(d, "clinic-network").pop("arrangement"), "REC-005"),
    "party role": (lambda d: _party(d, "carrier").pop("role"), "REC-002"),
    "transfer mechanism": (
        lambda d: _activity(d, "web-analytics")["transfers"][0].pop("mechanism"),
        "TRF-002",
    ),
    "transfer country": (lambda d: _activity(d, "web-analytics")["transfers"][0].pop("country"), "TRF-001"),
    "SCC module": (lambda d: _activity(d, "web-analytics")["transfers"][0].pop("scc_module"), "TRF-006"),
    "TIA": (lambda d: _activity(d, "web-analytics")["transfers"][0].pop("tia"), "TRF-007"),
    "transfer entry": (lambda d: _activity(d, "web-analytics").pop("transfers"), "REC-004"),
    "retention": (lambda d: _activity(d, "orders").pop("retention"), "RET-001"),
    "retention fallback": (
        lambda d: _activity(d, "newsletter")["retention"][0].pop("inactivity_fallback"),
        "RET-005",
    ),
    "retention legal reference": (
        lambda d: _activity(d, "bookkeeping")["retention"][0].pop("legal_reference"),
        "NL-003",
    ),
    "DPIA reference": (lambda d: _activity(d, "prescriptions")["dpia"].pop("reference"), "DPIA-002"),
    "security measures": (
        lambda d: (d.pop("security_measures"), *(a.pop("security_measures", None) for a in d["activities"])),
        "SEC-001",
    ),
    "request deadline": (
        lambda d: d["organisation"]["request_handling"].__setitem__("response_deadline", "P45D"),
        "RGT-001",
    ),
    "processor record controller": (lambda d: d["processor_activities"][0].pop("controller"), "ORG-007"),
    "next review": (lambda d: d["register"].__setitem__("next_review", "2026-01-01"), "GOV-001"),
}


def test_mutations_name_existing_rules() -> None:
    from ropa.rules import get

    for _, code in MUTATIONS.values():
        assert get(code).code == code


@settings(max_examples=len(MUTATIONS) * 2, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(sorted(MUTATIONS)))
def test_removing_a_required_element_yields_its_finding(name: str) -> None:
    mutate, code = MUTATIONS[name]
    data = load_complete()
    mutate(data)
    register = Register.model_validate(data)
    report = ropa.validate(register, NL, today=FIXTURE_TODAY)
    assert code in {d.code for d in report}, f"removing the {name} did not yield {code}"


def test_complete_register_round_trips_through_yaml(tmp_path: Path) -> None:
    register = ropa.load(COMPLETE).register
    text = register_to_yaml(register)
    _, problems = parse(text)
    assert problems == []
    assert ropa.loads(text).register == register
    copy = tmp_path / "copy"
    shutil.copytree(COMPLETE, copy)
    assert ropa.load(copy).register == register
