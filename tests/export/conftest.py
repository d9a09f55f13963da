"""Fixtures for the export tests: a small Dutch webshop register and a report with every severity."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import ropa
from ropa.diagnostics import Diagnostic, LegalRef, Location, Report, Severity, Span
from ropa.models import Register

WEBSHOP_YAML = """\
register:
  title: Verwerkingsregister De Theepot
  version: "2026.1"
  owner: Anna de Vries
  language: nl
  last_updated: "2026-03-01"
  next_review: "2027-03-01"

organisation:
  name: De Theepot B.V.
  registration_number: "12345678"
  contact:
    address: Keizersgracht 1, 1015 AA Amsterdam
    email: privacy@detheepot.nl
    phone: "+31 20 123 4567"
    country: NL
  country: NL
  employees: 12
  dpo:
    designated: false
    reason: Geen kernactiviteit met grootschalige monitoring of bijzondere gegevens (Art. 37(1) AVG).
  privacy_contact:
    name: Anna de Vries
    email: privacy@detheepot.nl
  privacy_notice_url: https://www.detheepot.nl/privacy
  request_handling:
    response_deadline: P1M
    identity_check: Alleen antwoord naar het bekende e-mailadres.
  processor_contact:
    name: De Theepot Fulfilment
    email: fulfilment@detheepot.nl

security_measures:
  - id: tls
    description: Versleutelde verbindingen (TLS 1.2 of hoger) voor website en beheer.
    kind: technical
    art32: [a, b]
  - id: backups
    description: Dagelijkse versleutelde back-ups, hersteltest per kwartaal.
    kind: technical
    art32: [c, d]
  - id: access
    description: Toegang op basis van functie; tweestapsverificatie voor beheerders.
    kind: organisational
    art32: [b]

data_subjects:
  - id: customers
    name: Klanten
  - id: subscribers
    name: Abonnees van de nieuwsbrief
  - id: staff
    name: Medewerkers
    vulnerable: employee

data_categories:
  - id: name-address
    name: Naam en adres
  - id: email
    name: E-mailadres
  - id: order-details
    name: Bestelgegevens
  - id: payment
    name: Betaalgegevens
  - id: invoices
    name: Facturen
    bookkeeping: true
  - id: allergies
    name: Allergieën en dieetwensen
    special: health

parties:
  - id: postnl
    name: PostNL
    role: processor
    country: NL
    agreement:
      reference: Algemene voorwaarden PostNL, verwerkersbijlage
      signed: true
      date: "2024-01-15"
      review_date: "2027-01-15"
    sub_processors: []
  - id: mollie
    name: Mollie B.V.
    role: processor
    country: NL
    agreement:
      reference: Mollie DPA v3
      signed: true
      date: "2023-05-01"
  - id: snelstart
    name: SnelStart
    role: processor
    country: NL
    agreement:
      reference: SnelStart verwerkersovereenkomst
      signed: true
  - id: mailchimp
    name: Mailchimp (Intuit Inc.)
    role: processor
    country: US
    dpf:
      certified: false
      checked: "2026-02-01"
    agreement:
      reference: Mailchimp Data Processing Addendum
      signed: true
  - id: belastingdienst
    name: Belastingdienst
    role: public-authority
    country: NL
  - id: webwinkelkeur
    name: WebwinkelKeur
    role: joint-controller
    country: NL
    arrangement: Afspraken over reviews, maart 2025

activities:
  - id: orders
    name: Bestellingen afhandelen
    description: Bestellingen in de webwinkel aannemen, betalen en bezorgen.
    department: Verkoop
    owner: Anna de Vries
    status: active
    frequency: continuous
    purposes:
      - description: Bestellingen uitvoeren en bezorgen
        kind: delivery
        lawful_basis: 6-1-b
      - description: Rekening houden met allergieën bij proefpakketten
        kind: customer-service
        lawful_basis: 6-1-a
        consent:
          explicit: true
          records: Vinkje en tijdstip in de webwinkel
          withdrawal: Via het klantaccount of per e-mail
    special_categories: true
    art9:
      - condition: 9-2-a
    data_subjects: [customers]
    data_categories: [name-address, email, order-details, payment, allergies]
    sources:
      - kind: data-subject
    recipients: [postnl, mollie, webwinkelkeur]
    transfers: []
    retention:
      - data_categories: [name-address, email, order-details]
        kind: temporal
        duration: P2Y
        anchor: end-of-contract
        action: erase
      - data_categories: [allergies]
        kind: until-event
        anchor: consent-withdrawal
        inactivity_fallback: P1Y
    security_measures: [tls, backups, access]
    dpia:
      required: false
      screening: Geen van de negen WP248-criteria
      date: "2025-11-01"
    storage_location: MijnWebwinkel (EU)
    last_reviewed: "2026-02-15"
    next_review: "2027-02-15"
  - id: newsletter
    name: Nieuwsbrief
    status: active
    purposes:
      - description: Nieuwsbrief met aanbiedingen sturen
        kind: marketing
        lawful_basis: 6-1-a
        consent:
          records: Double opt-in in Mailchimp
          withdrawal: Afmeldlink onder elke nieuwsbrief
    data_subjects: [subscribers]
    data_categories: [email]
    recipients: [mailchimp]
    transfers:
      - country: US
        recipient: mailchimp
        mechanism: scc
        scc_module: 2
        tia: TIA Mailchimp 2026-01
        frequency: continuous
    retention:
      - kind: until-event
        anchor: consent-withdrawal
    security_measures: [tls]
  - id: bookkeeping
    name: Boekhouding
    status: active
    purposes:
      - description: Financiële administratie en belastingaangifte
        kind: accounting
        lawful_basis: 6-1-c
        law: Art. 52 Algemene wet inzake rijksbelastingen
    data_subjects: [customers]
    data_categories: [name-address, invoices]
    recipients: [snelstart, belastingdienst]
    transfers: []
    retention:
      - data_categories: [invoices]
        kind: temporal
        duration: P7Y
        anchor: end-of-financial-year
        legal_reference: Art. 52(4) AWR
    security_measures: [backups, access]
    last_reviewed: "2026-01-10"

processor_activities:
  - id: fulfilment-partner
    controller:
      name: Thee & Zo V.O.F.
      email: info@theeenzo.nl
      country: NL
    categories:
      - Opslag en verzending van bestellingen voor de webwinkel van Thee & Zo
    transfers: []
    security_measures: [access]
    agreement: Verwerkersovereenkomst Thee & Zo, 2025
"""


def _diagnostic(code: str, severity: Severity, message: str, entity: str, **kw: Any) -> Diagnostic:
    return Diagnostic(
        code=code,
        rule=kw.pop("rule", "some-rule"),
        severity=severity,
        message=message,
        location=Location(file="activities.yaml", pointer="/activities/0", span=Span(3, 5), entity=entity),
        hint=kw.pop("hint", "Add it."),
        legal_refs=kw.pop("legal_refs", (LegalRef("30", 1, "f"),)),
    )


@pytest.fixture(scope="session")
def webshop() -> Register:
    """A small Dutch webshop: orders, newsletter (US transfer under SCCs), bookkeeping, a processor record."""
    result = ropa.loads(WEBSHOP_YAML, "webshop.yaml")
    assert not result.diagnostics, [str(d) for d in result.diagnostics]
    return result.register


@pytest.fixture(scope="session")
def report() -> Report:
    """One finding of each severity."""
    return Report.build(
        [
            _diagnostic("RET-001", Severity.ERROR, "activity 'x' has no retention period", "activity x"),
            _diagnostic("TRF-007", Severity.WARNING, "transfer without TIA", "activity newsletter"),
            _diagnostic(
                "GOV-001", Severity.INFO, "no next review date", "activity bookkeeping", legal_refs=()
            ),
        ]
    )


def with_activity(register: Register, index: int = 0, **changes: Any) -> Register:
    """A copy of ``register`` with fields of one activity replaced (no validation: any text goes)."""
    activities = list(register.activities or ())
    activities[index] = activities[index].model_copy(update=changes)
    return register.model_copy(update={"activities": activities})


def many_activities(register: Register, count: int) -> Register:
    """``register`` with ``count`` copies of its first activity, numbered."""
    first = (register.activities or ())[0]
    activities = [
        first.model_copy(update={"id": f"a{i:06d}", "name": f"Activiteit {i}"}) for i in range(count)
    ]
    return register.model_copy(update={"activities": activities})


ExportFn = Callable[..., Path]


def naive(*parts: int) -> dt.datetime:
    """A naive datetime, as openpyxl reads dates back."""
    return dt.datetime(*parts, tzinfo=dt.UTC).replace(tzinfo=None)  # type: ignore[misc]


TODAY = dt.date(2026, 3, 1)
