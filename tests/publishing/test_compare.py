"""``ropa.compare_notice``: a privacy notice against the register, both ways (the check behind RGT-005)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings

import ropa
from ropa.models import NoticeStatement, Register
from tests.strategies import registers


def test_a_notice_that_says_what_the_register_says_agrees(shop: Register) -> None:
    assert ropa.compare_notice(shop) == []


def test_both_directions_are_reported(shop: Register) -> None:
    statement = NoticeStatement(
        recipients=["hosting", "mailer"], transfer_countries=["US", "CN"], retention=["P7Y", "P12M", "lang"]
    )
    found = ropa.compare_notice(shop, {"orders": statement})
    assert [(d.aspect, d.side, d.value, d.path) for d in found] == [
        ("recipients", "notice", "mailer", "/notice/recipients/1"),
        ("recipients", "register", "carrier", "/recipients/1"),
        ("transfers", "notice", "CN", "/notice/transfer_countries/1"),
        ("retention", "notice", "P12M", "/notice/retention/1"),
        ("retention", "unreadable", "lang", "/notice/retention/2"),
        ("retention", "register", "P2Y", "/retention/1/duration"),
    ]
    assert all(d.activity == "orders" for d in found)
    assert found[0].problem == "the notice names recipient 'mailer', the register does not"


def test_twelve_months_is_one_year(shop: Register) -> None:
    statement = NoticeStatement(retention=["P84M", "P24M"])
    assert ropa.compare_notice(shop, {"orders": statement}) == []


def test_the_rule_reports_what_the_library_finds(shop: Register) -> None:
    orders = next(a for a in shop.activities or () if a.id == "orders")
    changed = orders.model_copy(update={"notice": NoticeStatement(recipients=["hosting"])})
    register = shop.model_copy(update={"activities": [changed, *(shop.activities or [])[1:]]})
    library = ropa.compare_notice(register)
    report = ropa.validate(register)
    rule = [d for d in report.diagnostics if d.code == "RGT-005"]
    assert [d.location.pointer.rsplit("/activities/0", 1)[-1] for d in rule] == [x.path for x in library]
    assert len(library) == 1
    assert library[0].value == "carrier"


@settings(max_examples=30)
@given(registers())
def test_the_generated_notice_agrees_with_its_register(register: Register) -> None:
    assert ropa.compare_notice(register, ropa.notice_statements(register)) == []


def test_the_published_miki4all_notice_against_its_register(miki: Register) -> None:
    """A real privacy notice (MiKi4all's, see the fixture for source and quotes) against the register
    modelled from it: the two gaps a reader of both finds."""
    import yaml

    fixture = Path(__file__).parent / "fixtures" / "miki4all-notice.yaml"
    raw = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    statements = {activity: NoticeStatement.model_validate(value) for activity, value in raw.items()}
    found = ropa.compare_notice(miki, statements)
    assert [(d.activity, d.aspect, d.side, d.value) for d in found] == [
        ("automatisch-verzamelde-gegevens", "recipients", "register", "myonlinestore"),
        ("website-analytics", "transfers", "register", "US"),
    ]


def test_validate_does_not_import_the_publish_extra() -> None:
    import json
    import subprocess
    import sys

    code = (
        "import sys, json, ropa; ropa.validate('registers/miki4all'); "
        "print(json.dumps([m for m in ('jinja2', 'babel', 'graphviz') if m in sys.modules]))"
    )
    repo = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo)
    assert json.loads(out.stdout) == []
