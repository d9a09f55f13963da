"""ropa.diff on registers in memory: entity matching, legal meanings beyond the examples, findings, output."""

from __future__ import annotations

import datetime as dt

import pytest

import ropa
from ropa.changes import render_diff
from ropa.loading.loader import load_files

TODAY = dt.date(2026, 12, 3)

PARTIES = """\
parties:
  - {id: mailer, name: Mailer B.V., role: processor, country: NL}
  - {id: insurer, name: Insurer, role: controller}
  - {id: staff, name: HR department, role: internal}
"""


def _diff(before: str, after: str, *, findings: bool = False) -> ropa.Diff:
    return ropa.diff(ropa.loads(before), ropa.loads(after), ropa.Config(), today=TODAY, findings=findings)


def _meanings(d: ropa.Diff) -> list[tuple[str, str, str]]:
    return [(m.name, m.entity, m.detail) for m in d.meanings]


def test_a_category_that_becomes_special_affects_the_activities_that_use_it() -> None:
    before = """\
data_categories:
  - {id: notes, name: Customer notes}
activities:
  - {id: support, name: Support, data_categories: [notes]}
  - {id: billing, name: Billing, data_categories: []}
"""
    d = _diff(before, before.replace("name: Customer notes}", "name: Customer notes, special: health}"))
    assert [(e.kind, e.id) for e in d.entities] == [("data_categories", "notes")]
    assert _meanings(d) == [("special-category-added", "activity support", "health")]
    rows = d.rows()
    assert [(r.subject, r.change) for r in rows] == [
        ("data category notes (Customer notes)", "changed"),
        ("activity support", "affected"),
    ]
    assert rows[1].meanings == ("CHG-013 special-category-added: health",)


def test_a_new_activity_gets_the_meanings_that_need_action_but_not_purpose_by_purpose() -> None:
    before = PARTIES + "data_categories:\n  - {id: health, name: Health, special: health}\n"
    after = (
        before
        + """\
activities:
  - id: care
    name: Care
    purposes: [{description: Provide care, lawful_basis: 6-1-b}]
    data_categories: [health]
    recipients: [mailer, staff]
    transfers: [{country: US, recipient: mailer, mechanism: scc}]
"""
    )
    names = [name for name, _, _ in _meanings(_diff(before, after))]
    assert sorted(names) == ["activity-added", "processor-added", "special-category-added", "transfer-added"]


def test_roles_decide_between_processor_and_recipient_and_internal_is_no_recipient() -> None:
    before = PARTIES + "activities:\n  - {id: a, name: A, recipients: []}\n"
    d = _diff(before, before.replace("recipients: []", "recipients: [mailer, insurer, staff]"))
    assert _meanings(d) == [  # same severity and entity: in code order
        ("recipient-added", "activity a", "party 'insurer' (Insurer), role controller"),
        ("processor-added", "activity a", "party 'mailer' (Mailer B.V.), role processor"),
    ]
    removed = _diff(before.replace("recipients: []", "recipients: [mailer]"), before)
    assert _meanings(removed) == [("recipient-removed", "activity a", "party 'mailer' (Mailer B.V.)")]


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        ("6-1-a", "6-1-f", ["basis-changed-to-legitimate-interests", "basis-changed-from-consent"]),
        ("6-1-b", "6-1-c", ["lawful-basis-changed"]),
        ("6-1-f", "6-1-a", ["basis-changed-to-consent"]),
        ("6-1-a", "6-1-b", ["basis-changed-from-consent"]),
    ],
)
def test_lawful_basis_changes(old: str, new: str, names: list[str]) -> None:
    template = (
        "activities:\n  - id: a\n    name: A\n    purposes: [{description: Do it, lawful_basis: BASIS}]\n"
    )
    d = _diff(template.replace("BASIS", old), template.replace("BASIS", new))
    assert [name for name, _, _ in _meanings(d)] == names
    assert {detail for _, _, detail in _meanings(d)} == {f"purpose 'Do it': {old} → {new}"}


def test_a_basis_recorded_for_the_first_time_is_no_change_of_basis() -> None:
    template = "activities:\n  - id: a\n    name: A\n    purposes: [{description: Do itBASIS}]\n"
    d = _diff(template.replace("BASIS", ""), template.replace("BASIS", ", lawful_basis: 6-1-f"))
    assert d.meanings == ()
    assert [c.path for c in d.entities[0].changes] == ["/purposes/0/lawful_basis"]


def test_a_reworded_purpose_is_a_purpose_to_check_not_a_removal() -> None:
    template = (
        "activities:\n  - id: a\n    name: A\n    purposes: [{description: TEXT, lawful_basis: 6-1-b}]\n"
    )
    d = _diff(
        template.replace("TEXT", "Deliver orders"), template.replace("TEXT", "Deliver orders and returns")
    )
    assert _meanings(d) == [
        ("purpose-added", "activity a", "purpose 'Deliver orders and returns' (was 'Deliver orders')")
    ]


@pytest.mark.parametrize(
    ("old", "new", "name"),
    [
        (
            "{duration: P1Y, anchor: collection}",
            "{duration: P13M, anchor: collection}",
            "retention-lengthened",
        ),
        (
            "{duration: P2Y, anchor: collection}",
            "{duration: P18M, anchor: collection}",
            "retention-shortened",
        ),
        (
            "{duration: P1M, anchor: collection}",
            "{duration: P30D, anchor: collection}",
            None,
        ),  # not always longer
        (
            "{duration: P1Y, anchor: collection}",
            "{duration: P2Y, anchor: end-of-contract}",
            None,
        ),  # other start
        (
            "{duration: P1Y, anchor: collection}",
            "{kind: endless, justification: Archive}",
            "retention-lengthened",
        ),
        ("{kind: endless, justification: Archive}", "{duration: P10Y}", "retention-shortened"),
        (
            "{kind: until-date, until: 2027-01-01}",
            "{kind: until-date, until: 2028-01-01}",
            "retention-lengthened",
        ),
        ("{duration: P1Y}", "{duration: P1Y, description: One year}", None),
    ],
)
def test_retention_is_compared_as_calendar_periods(old: str, new: str, name: str | None) -> None:
    template = "activities:\n  - id: a\n    name: A\n    retention: [RULE]\n"
    d = _diff(template.replace("RULE", old), template.replace("RULE", new))
    assert [m.name for m in d.meanings] == ([name] if name else [])


def test_transfers_mean_something_only_outside_the_eea() -> None:
    template = "activities:\n  - id: a\n    name: A\n    transfers: [LIST]\n"
    assert _diff(template.replace("LIST", ""), template.replace("LIST", "{country: DE}")).meanings == ()
    io = _diff(template.replace("LIST", ""), template.replace("LIST", "{international_organisation: WHO}"))
    assert _meanings(io) == [("transfer-added", "activity a", "to WHO, no mechanism recorded")]
    named = _diff(
        template.replace("LIST", "{country: US, mechanism: scc}"),
        template.replace("LIST", "{country: US, recipient: mailer, mechanism: scc}"),
    )
    # the importer is now named: the same transfer, but a recipient the activity did not name before
    assert [(m.name, m.detail) for m in named.meanings] == [
        ("recipient-added", "party 'mailer', role not recorded")
    ]
    second = _diff(
        template.replace("LIST", "{country: US, recipient: one, mechanism: scc}"),
        template.replace(
            "LIST", "{country: US, recipient: one, mechanism: scc}, {country: US, recipient: two}"
        ),
    )
    assert [m.name for m in second.meanings] == ["recipient-added", "transfer-added"]  # a second importer


def test_sub_processors_of_a_processor_only() -> None:
    template = "parties:\n  - {id: p, name: P, role: ROLE, sub_processors: LIST}\n"
    for role, expected in (("processor", ["sub-processor-added"]), ("controller", [])):
        before = template.replace("ROLE", role).replace("LIST", "[]")
        d = _diff(before, template.replace("ROLE", role).replace("LIST", "[x]"))
        assert [m.name for m in d.meanings] == expected


def test_a_party_recorded_in_a_third_country() -> None:
    template = "parties:\n  - {id: p, name: P, role: processor, country: COUNTRY}\n"
    assert [
        m.detail for m in _diff(template.replace("COUNTRY", "NL"), template.replace("COUNTRY", "US")).meanings
    ] == ["country NL → US"]
    assert _diff(template.replace("COUNTRY", "US"), template.replace("COUNTRY", "IN")).meanings == ()
    assert _diff(template.replace("COUNTRY", "NL"), template.replace("COUNTRY", "DE")).meanings == ()


def test_security_measures_removed_from_an_activity_and_from_the_register() -> None:
    before = """\
security_measures:
  - {id: mfa, description: Two-factor login}
  - {id: backup, description: Daily backups}
activities:
  - id: a
    name: A
    security_measures: [mfa, backup]
    specific_measures: [{description: Encrypted export}]
"""
    after = """\
security_measures:
  - {id: mfa, description: Two-factor login}
activities:
  - id: a
    name: A
    security_measures: [mfa]
"""
    assert sorted(_meanings(_diff(before, after))) == [
        ("security-measure-removed", "activity a", "security measure 'backup' ('Daily backups')"),
        ("security-measure-removed", "activity a", "specific measure 'Encrypted export'"),
        ("security-measure-removed", "security measure backup", "'Daily backups' removed from the register"),
    ]


def test_dpia_now_required_by_the_screening() -> None:
    template = "activities:\n  - id: a\n    name: A\n    dpia: {required: REQ, screening: Two criteria}\n"
    d = _diff(template.replace("REQ", "false"), template.replace("REQ", "true"))
    assert [(m.name, m.severity) for m in d.meanings] == [("dpia-required-missing", ropa.Severity.ERROR)]


def test_meanings_come_most_severe_first() -> None:
    before = "activities:\n  - id: a\n    name: A\n  - id: b\n    name: B\n    dpia: {required: false}\n"
    after = "activities:\n  - id: a\n    name: Renamed\n  - id: b\n    name: B\n    dpia: {required: true}\n"
    assert [m.severity.value for m in _diff(before, after).meanings] == ["error", "info"]


def test_a_broken_entity_is_not_removed_and_its_error_is_a_new_finding() -> None:
    before = "activities:\n  - {id: a, name: A}\n  - {id: b, name: B}\n"
    after = "activities:\n  - {id: a, name: A}\n  - {id: b, nmae: B}\n"
    d = _diff(before, after, findings=True)
    assert d.entities == ()
    assert d.meanings == ()
    assert sorted(x.code for x in d.introduced) == ["STR-002", "STR-004"]


def test_duplicate_ids_pair_in_order() -> None:
    before = "activities:\n  - {id: a, name: One}\n  - {id: a, name: Two}\n"
    d = _diff(before, "activities:\n  - {id: a, name: One}\n")
    assert [(e.id, e.status, e.name) for e in d.entities] == [("a", "removed", "Two")]


def test_findings_introduced_and_resolved_are_matched_by_fingerprint() -> None:
    template = "activities:\n  - id: a\n    name: A\n"
    template += "    purposes: [{description: Do itBASIS}]\n    next_review: DATE\n"
    before = template.replace("BASIS", "").replace("DATE", "2026-01-01")
    after = template.replace("BASIS", ", lawful_basis: 6-1-b").replace("DATE", "2026-02-01")
    d = _diff(before, after, findings=True)
    assert [x.code for x in d.resolved] == ["LAW-001"]
    assert d.introduced == ()  # GOV-001 stays: its message names another date, its fingerprint is the same
    assert all(x.code != "GOV-001" for x in (*d.introduced, *d.resolved))


def test_diff_of_a_register_with_itself_is_empty_and_says_so() -> None:
    register = ropa.loads("activities:\n  - {id: a, name: A}\n").register
    d = ropa.diff(register, register, today=TODAY)
    assert d.empty
    assert d.meanings == ()
    assert render_diff(d).endswith("No changes.\n")
    assert render_diff(d, "markdown").rstrip().endswith("No changes.")


def test_registers_in_memory_have_locations_without_files() -> None:
    old = ropa.Register(activities=[ropa.Activity(id="a", name="A")])
    new = ropa.Register(activities=[ropa.Activity(id="a", name="B")])
    d = ropa.diff(old, new, findings=False)
    (entity,) = d.entities
    assert entity.head_location == ropa.Location(None, "", None, "activity a")
    assert d.meanings[0].location == ropa.Location(None, "/name", None, "activity a")
    assert "activity a (B), renamed from A" in render_diff(d)


def test_render_diff_rejects_an_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        render_diff(_diff("activities: []\n", "activities: []\n"), "yaml")


def test_text_and_markdown_never_pass_control_characters_through() -> None:
    d = _diff("activities:\n  - {id: a, name: A}\n", 'activities:\n  - {id: a, name: "A\\e[31m|x"}\n')
    for fmt in ("text", "markdown"):
        out = render_diff(d, fmt)
        assert "\x1b" not in out
        assert "\\x1b" in out
    assert "\\|x" in render_diff(d, "markdown")  # a table cell is not split


def test_recipient_categories_and_transfer_importers_are_recipients() -> None:
    before = PARTIES + "activities:\n  - {id: a, name: A, recipients: []}\n"
    after = PARTIES + (
        "activities:\n  - id: a\n    name: A\n"
        "    recipients:\n"
        "      - {category: Debt collectors, role: processor}\n"
        "      - {category: Auditors, role: controller}\n"
        "    transfers: [{country: US, recipient: insurer, mechanism: scc}]\n"
    )
    assert sorted((m.name, m.detail) for m in _diff(before, after).meanings) == [
        ("processor-added", "recipient category 'Debt collectors', role processor"),
        ("recipient-added", "party 'insurer' (Insurer), role controller"),
        ("recipient-added", "recipient category 'Auditors', role controller"),
        ("transfer-added", "to US (party 'insurer' (Insurer)), mechanism scc"),
    ]


def test_special_category_data_read_from_a_dpv_iri() -> None:
    template = "data_categories:\n  - {id: notes, name: Notes, dpv: IRI}\n"
    template += "activities:\n  - {id: a, name: A, data_categories: [notes]}\n"
    d = _diff(
        template.replace("IRI", "'https://w3id.org/dpv/pd#Contact'"),
        template.replace("IRI", "'https://w3id.org/dpv/pd#HealthRecord'"),
    )
    assert [(m.name, m.entity, m.detail) for m in d.meanings] == [
        ("special-category-added", "activity a", "health")
    ]


def test_entities_of_a_file_that_no_longer_loads_are_not_removed() -> None:
    files = {
        "a.yaml": b"activities:\n  - {id: a, name: A}\n",
        "b.yaml": b"activities:\n  - {id: b, name: B}\n",
        "org.yaml": b"organisation: {name: Shop}\n",
    }
    base = load_files(files)
    broken = load_files(
        {**files, "b.yaml": b"activities:\n  - {id: b, name: [B\n", "org.yaml": b"organisation: {"}
    )
    d = ropa.diff(base, broken, ropa.Config(), today=TODAY)
    assert d.entities == ()
    assert d.meanings == ()
    assert {x.code for x in d.introduced} >= {"SYN-001"}
    gone = load_files({"a.yaml": files["a.yaml"]})  # a file deleted: its entities are removed
    assert [(e.id, e.status) for e in ropa.diff(base, gone, findings=False).entities] == [
        (None, "removed"),
        ("b", "removed"),
    ]
