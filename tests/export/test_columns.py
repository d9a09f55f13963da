"""The column specification: order of the law, stable keys, labels, rendering of values."""

from __future__ import annotations

import datetime as dt

import pytest

from ropa.export.columns import TABLES, Context, render, render_text, table
from ropa.i18n import LANGS
from ropa.models import Register
from ropa.models.vocab import LawfulBasis, PartyRole


def test_table_keys_are_unique_and_ordered() -> None:
    keys = [t.key for t in TABLES]
    assert keys == [
        "organisation",
        "activities",
        "parties",
        "recipient_categories",
        "transfers",
        "retention",
        "data_subjects",
        "data_categories",
        "security_measures",
        "processor_record",
        "findings",
        "changes",
    ]


@pytest.mark.parametrize("spec", TABLES, ids=lambda t: t.key)
def test_columns_are_well_formed(spec: object) -> None:
    from ropa.export.columns import Table

    assert isinstance(spec, Table)
    keys = [c.key for c in spec.columns]
    assert len(set(keys)) == len(keys)
    for column in spec.columns:
        assert column.width >= 8
        assert column.required is False or column.art30 is not None, column.key
        if column.kind == "enum":
            assert column.enum is not None, column.key
        for lang in LANGS:
            assert column.label(lang), (column.key, lang)


def test_activities_put_art30_points_first_in_the_order_of_the_law() -> None:
    columns = table("activities").columns
    assert [c.key for c in columns[:2]] == ["id", "activity"]
    points = [c.art30 for c in columns[2:10]]
    assert points == [f"30(1)({p})" for p in ("b", "c", "c", "d", "e", "e", "f", "g")]
    assert all(c.art30 is None for c in columns[10:])
    after = [c.key for c in columns[10:]]
    assert after.index("lawful_basis") < after.index("art9") < after.index("sources") < after.index("dpia")
    assert after.index("dpia") < after.index("last_reviewed") < after.index("next_review")
    required = {c.art30 for c in columns if c.required}
    assert required == {"30(1)(b)", "30(1)(c)", "30(1)(d)"}


def test_organisation_covers_art30_1_a() -> None:
    columns = table("organisation").columns
    assert {c.key for c in columns if c.art30 == "30(1)(a)"} >= {
        "controller",
        "dpo",
        "representative",
        "joint_controllers",
    }


def test_processor_record_covers_art30_2() -> None:
    points = [c.art30 for c in table("processor_record").columns if c.art30]
    assert points == ["30(2)(a)", "30(2)(a)", "30(2)(b)", "30(2)(c)", "30(2)(d)"]


def test_header_names_the_point() -> None:
    purposes = table("activities").columns[2]
    assert purposes.header("nl") == "Verwerkingsdoeleinden\nArt. 30(1)(b) AVG"
    assert table("activities").columns[0].header("en") == "ID"


def test_choices() -> None:
    columns = {c.key: c for c in table("parties").columns}
    assert columns["recipient_role"].choices("en") == [
        "Processor",
        "Independent controller",
        "Joint controller",
        "Public authority",
        "Internal recipient",
    ]
    assert columns["dpf_certified"].choices("de") == ["Ja", "Nein"]
    assert columns["recipient"].choices("en") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("text", "text"),
        (7, 7),
        (True, "Ja"),
        (False, "Nee"),
        (dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
        (LawfulBasis.CONSENT, "Art. 6(1)(a) AVG – toestemming"),
        ([], "Geen"),
        (["a", PartyRole.PROCESSOR, "c"], "a\nVerwerker\nc"),
    ],
)
def test_render(value: object, expected: object) -> None:
    assert render(value, "nl") == expected  # type: ignore[arg-type]


def test_render_text_uses_iso_dates() -> None:
    assert render_text(dt.date(2026, 1, 2), "en") == "2026-01-02"
    assert render_text(None, "en") == ""
    assert render_text(3, "en") == "3"


def test_getters_on_the_webshop(webshop: Register) -> None:
    ctx = Context("en", webshop)
    activities = table("activities")
    orders = next(iter(activities.rows(ctx)))
    values = {c.key: render(c.getter(orders, ctx), "en") for c in activities.columns}
    assert values["recipients"].splitlines() == [
        "PostNL — Processor",
        "Mollie B.V. — Processor",
        "WebwinkelKeur — Joint controller",
    ]
    assert values["transfers"] == "None"  # transfers: [] states that there are none
    assert values["special_categories"] == "Data concerning health"
    assert values["art9"] == "Art. 9(2)(a) GDPR – explicit consent"
    assert values["lawful_basis"] == (  # numbered like the purposes they belong to
        "1. Art. 6(1)(b) GDPR – performance of a contract\n2. Art. 6(1)(a) GDPR – consent"
    )
    assert values["retention"].splitlines()[0] == (
        "Naam en adres, E-mailadres, Bestelgegevens: 2 years after the end of the contract"
    )
    assert values["dpia_date"] == dt.date(2025, 11, 1)
    assert values["status"] == "Active"

    newsletter = list(activities.rows(ctx))[1]
    assert render(activities.columns[7].getter(newsletter, ctx), "en") == (
        "United States (US): Standard contractual clauses (Art. 46(2)(c) GDPR); module 2; TIA: TIA Mailchimp "
        "2026-01"
    )


def test_retention_rows_expand_rules_over_categories(webshop: Register) -> None:
    ctx = Context("en", webshop)
    rows = list(table("retention").rows(ctx))
    assert len(rows) == table("retention").count(ctx)
    newsletter_rows = [r for r in rows if r.activity.id == "newsletter"]
    assert [r.category for r in newsletter_rows] == ["email"]  # the rule names none: the activity's


def test_organisation_row(webshop: Register) -> None:
    ctx = Context("en", webshop)
    spec = table("organisation")
    (row,) = spec.rows(ctx)
    values = {c.key: render(c.getter(row, ctx), "en") for c in spec.columns}
    assert values["controller"] == "De Theepot B.V."
    assert values["dpo"].startswith("None designated\n")
    assert values["joint_controllers"] == "WebwinkelKeur — Afspraken over reviews, maart 2025"
    assert values["request_handling"].startswith("response within: 1 month")
    assert values["last_updated"] == dt.date(2026, 3, 1)


def test_a_category_of_recipients_is_exported_with_its_role() -> None:
    register = Register.model_validate(
        {
            "parties": [{"id": "postnl", "name": "PostNL", "role": "processor"}],
            "activities": [
                {
                    "id": "orders",
                    "name": "Orders",
                    "recipients": ["postnl", {"category": "Debt-collection agencies", "role": "controller"}],
                }
            ],
        }
    )
    ctx = Context("en", register)
    activities = table("activities")
    (orders,) = activities.rows(ctx)
    values = {c.key: render(c.getter(orders, ctx), "en") for c in activities.columns}
    assert values["recipients"].splitlines() == [
        "PostNL — Processor",
        "Debt-collection agencies — Independent controller",
    ]
    assert ctx.index.activities_by_party == {"postnl": ["Orders"]}
