"""The generic walk: every field, lists as collections, list items paired by identity."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict

from ropa.changes import FieldChange
from ropa.changes._walk import item_label, pair_items, walk
from ropa.models import Activity, Party, Purpose, RetentionRule, Transfer


def _activity(**fields: Any) -> Activity:
    return Activity.model_validate({"id": "a", "name": "A", **fields})


def _changes(old: Activity, new: Activity) -> list[tuple[str, str, Any, Any]]:
    return [(c.op, c.path, c.before, c.after) for c in walk(old, new)]


def test_equal_models_have_no_changes() -> None:
    a = _activity(purposes=[{"description": "x", "lawful_basis": "6-1-b"}], systems=["CRM"])
    assert walk(a, a.model_copy()) == []


def test_scalar_fields_nested_models_and_dicts() -> None:
    old = _activity(owner="Sales", dpia={"required": True}, unmapped={"Column X": "1", "Column Y": "2"})
    new = _activity(
        owner="Marketing", dpia={"required": True, "reference": "DPIA-1"}, unmapped={"Column X": "3"}
    )
    assert _changes(old, new) == [
        ("changed", "/owner", "Sales", "Marketing"),
        ("added", "/dpia/reference", None, "DPIA-1"),
        ("changed", "/unmapped/Column X", "1", "3"),
        ("removed", "/unmapped/Column Y", "2", None),
    ]


def test_keys_with_slashes_are_escaped_in_pointers() -> None:
    old, new = _activity(unmapped={"a/b~c": "1"}), _activity(unmapped={"a/b~c": "2"})
    (change,) = walk(old, new)
    assert change.path == "/unmapped/a~1b~0c"
    assert change.field == "unmapped.a/b~c"


def test_lists_of_values_are_sets_and_order_is_no_change() -> None:
    old = _activity(data_categories=["contact", "email", "phone"])
    assert walk(old, _activity(data_categories=["phone", "contact", "email"])) == []
    new = _activity(data_categories=["email", "iban", "contact"])
    assert _changes(old, new) == [
        ("removed", "/data_categories/2", "phone", None),
        ("added", "/data_categories/1", None, "iban"),
    ]


def test_purposes_are_paired_by_description_wherever_they_are() -> None:
    old = _activity(
        purposes=[
            {"description": "Deliver orders", "lawful_basis": "6-1-b"},
            {"description": "Send the newsletter", "lawful_basis": "6-1-a", "consent": {"records": "CRM"}},
        ]
    )
    new = _activity(
        purposes=[
            {
                "description": "Send the newsletter",
                "lawful_basis": "6-1-f",
                "legitimate_interest": "Marketing",
            },
            {"description": "Deliver orders", "lawful_basis": "6-1-b"},
        ]
    )
    changes = walk(old, new)
    assert [(c.op, c.path, c.item) for c in changes] == [
        ("changed", "/purposes/0/lawful_basis", "purpose 'Send the newsletter'"),
        ("added", "/purposes/0/legitimate_interest", "purpose 'Send the newsletter'"),
        ("removed", "/purposes/0/consent", "purpose 'Send the newsletter'"),
    ]
    assert changes[0].field == "purposes[0].lawful_basis"


def test_retention_rules_are_identified_by_their_data_categories() -> None:
    whole = [RetentionRule(kind="temporal", duration="P1Y", anchor="collection")]
    assert pair_items(whole, [RetentionRule(kind="endless", justification="Archive")]) == ([(0, 0)], [], [])
    logs = [RetentionRule(data_categories=["logs"], duration="P1Y", anchor="collection", description="Logs")]
    similar = [
        RetentionRule(data_categories=["logs", "ip"], duration="P2Y", anchor="collection", description="Logs")
    ]
    assert pair_items(logs, similar) == ([(0, 0)], [], [])  # most fields the same: the same rule
    other = [RetentionRule(data_categories=["ip"], kind="endless", justification="Archive")]
    assert pair_items(logs, other) == ([], [0], [0])


def test_items_of_a_model_with_required_fields_fall_back_to_similarity() -> None:
    old = [Purpose(description="Deliver orders", lawful_basis="6-1-b", kind="other")]
    reworded = [Purpose(description="Deliver orders and returns", lawful_basis="6-1-b", kind="other")]
    assert pair_items(old, reworded) == ([(0, 0)], [], [])
    unrelated = [Purpose(description="Profile visitors", lawful_basis="6-1-a", kind="analytics")]
    assert pair_items(old, unrelated) == ([], [0], [0])


def test_transfers_are_identified_by_destination() -> None:
    old = [
        Transfer(country="US", recipient="mailer", mechanism="adequacy"),
        Transfer(country="IN", mechanism="scc"),
    ]
    new = [
        Transfer(country="IN", mechanism="bcr"),
        Transfer(country="US", recipient="mailer", mechanism="scc"),
    ]
    assert pair_items(old, new) == ([(1, 0), (0, 1)], [], [])
    assert item_label("transfers", new[1]) == "transfer 'US / mailer'"


def test_equal_items_pair_first_and_duplicates_pair_in_order() -> None:
    a, b = Purpose(description="x"), Purpose(description="y")
    assert pair_items([a, a, b], [b, a]) == ([(2, 0), (0, 1)], [1], [])
    assert pair_items(["x", "x"], ["x"]) == ([(0, 0)], [1], [])


def test_a_field_added_to_a_model_shows_up_without_a_change_to_the_walk() -> None:
    class FutureParty(Party):  # a field another release adds, unknown to ropa.changes
        model_config = ConfigDict(defer_build=False)
        own_purposes: str | None = None

    old = FutureParty(id="mollie", name="Mollie")
    new = FutureParty(id="mollie", name="Mollie", own_purposes="Improve its services")
    assert _changes(old, new) == [("added", "/own_purposes", None, "Improve its services")]  # type: ignore[arg-type]


def test_long_item_labels_are_cut() -> None:
    label = item_label("purposes", Purpose(description="word " * 40))
    assert label is not None
    assert len(label) <= len("purpose ''") + 60
    assert label.endswith("…'")


def test_a_long_text_change_is_shown_from_near_its_first_difference() -> None:
    same = "Handles the payments of the web shop and keeps "
    change = FieldChange("changed", "/description", same + "the invoices.", same + "the receipts.")
    assert change.line(str) == "description: … shop and keeps the invoices. → … shop and keeps the receipts."
    assert FieldChange("changed", "/name", "A", "B").line(str) == "name: A → B"
    assert FieldChange("added", "/purposes/0/lia", None, "LIA-1", "purpose 'x'").line(str) == (
        "+ purposes[0].lia (purpose 'x'): LIA-1"
    )
