"""The optional model fields of issue 9 reach the published documents: recipients given as a category,
activities under the Law Enforcement Directive, disclosures to authorities in a particular inquiry (not
recipients, Art. 4(9)), and a processor's own purposes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import ropa
from ropa.models import Register

from .conftest import parse_html

YAML = """\
organisation: {name: Gemeente Voorbeeld, country: NL, contact: {email: privacy@voorbeeld.example}}
data_subjects: [{id: residents, name: Residents}]
data_categories: [{id: contact, name: Name and address}]
parties:
  - id: printer
    name: PrintCo
    role: processor
    country: NL
    own_purposes: improving its own printing service
activities:
  - id: permits
    name: Parking permits
    purposes: [{description: Issue parking permits, lawful_basis: 6-1-e, law: Gemeentewet}]
    data_subjects: [residents]
    data_categories: [contact]
    recipients:
      - printer
      - {category: Debt-collection agencies, role: controller, country: NL}
    authority_disclosures:
      - {authority: Belastingdienst, law: Art. 47 AWR, description: on request in a tax audit}
    transfers: []
    retention: [{kind: temporal, duration: P2Y, anchor: end-of-contract}]
  - id: enforcement
    name: Parking enforcement investigations
    regime: led
    purposes: [{description: Investigate parking offences}]
    data_subjects: [residents]
    data_categories: [contact]
"""


@pytest.fixture(scope="module")
def register() -> Register:
    result = ropa.loads(YAML)
    assert result.ok, result.diagnostics
    return result.register


def test_the_site_shows_categories_disclosures_regime_and_own_purposes(
    register: Register, tmp_path: Path
) -> None:
    ropa.publish(register, tmp_path)
    index = parse_html((tmp_path / "index.html").read_text(encoding="utf-8")).all_text
    assert "Debt-collection agencies" in index
    permits = " ".join(
        parse_html((tmp_path / "activity-permits.html").read_text(encoding="utf-8")).all_text.split()
    )
    assert "Debt-collectionagenciesIndependentcontrollerNetherlands" in permits.replace(" ", "")
    assert "Belastingdienst (Art. 47 AWR): on request in a tax audit" in permits
    assert "they are not recipients in the sense of Article 4(9) GDPR" in permits
    enforcement = parse_html((tmp_path / "activity-enforcement.html").read_text(encoding="utf-8")).all_text
    assert "This processing is governed by" in enforcement
    recipients = parse_html((tmp_path / "recipients.html").read_text(encoding="utf-8")).all_text
    assert "Also uses the data for its own purposes: improving its own printing service" in recipients


def test_the_notice_leaves_out_led_activities_and_names_the_authorities(register: Register) -> None:
    text = ropa.notice(register, today=dt.date(2026, 12, 3))
    assert "Parking enforcement investigations" in text.split("\n")[2]  # named in the draft banner only
    assert text.count("Parking enforcement investigations") == 1
    assert (
        "Debt\\-collection agencies (Netherlands)" in text or "Debt-collection agencies (Netherlands)" in text
    )
    assert "Belastingdienst (Art. 47 AWR): on request in a tax audit" in text


def test_a_category_recipient_is_not_a_notice_discrepancy(register: Register) -> None:
    assert ropa.compare_notice(register, ropa.notice_statements(register)) == []
