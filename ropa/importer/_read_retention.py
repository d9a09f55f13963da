"""Reading retention cells into an activity draft (Art. 30(1)(f)).

One rule per line (or ``;``-separated part); the text is always the rule's ``description``. A line with
one exact period becomes ``temporal`` (with its anchor); ``indefinitely`` is ``endless``; ``until consent
is withdrawn`` is ``until-event``. Anything else - no period, a range, several periods, a period with a
condition or one counted back from an event - is ``criteria`` with the text as the criteria: a
conditional or second period never becomes an unconditional rule. A line ``Facturen: 7 jaar`` whose head
names a data category of the activity covers that category only.
"""

from __future__ import annotations

from typing import Any

from ropa.diagnostics import Severity
from ropa.importer._draft import ActivityDraft, short
from ropa.importer._retention import Why, read_retention
from ropa.importer._values import fold, has_words, split_items, split_lines
from ropa.importer._vocab import terms
from ropa.models.vocab import RetentionKind

__all__ = ["read_retention_rules"]


def read_retention_rules(draft: ActivityDraft) -> None:
    """Every retention line of the row, as rules."""
    rules: list[dict[str, Any]] = []
    category_names = {
        fold(str(entry["name"])): str(entry["id"])
        for entry in draft.b.categories.values()
        if entry["id"] in draft.data.get("data_categories", [])
    }
    for text, column, row in draft.group.texts("retention"):
        if draft.blank(column, text, row):
            continue
        parts = split_lines(text)
        cell_rules: list[dict[str, Any]] = []
        for part in parts:
            rule: dict[str, Any] = {}
            head, sep, _ = part.partition(":")
            owner = draft.group.retention_for.get(row)
            owned = _owned(owner, category_names) if owner else []
            if owned:
                rule["data_categories"] = owned
            elif sep and fold(head) in category_names:
                rule["data_categories"] = [category_names[fold(head)]]
            reading = read_retention(part)
            folded = fold(part)
            retention = reading.retention
            if owner and not owned:
                # The period of a category the activity does not list (a form's row marked "not
                # concerned"): not a rule for all the data; kept as criteria that name the category.
                rule["kind"] = RetentionKind.CRITERIA.value
                rule["criteria"] = f"{owner}: {part}"
                draft.warn(
                    "IMP-028",
                    Severity.INFO,
                    f"the retention '{short(part)}' is given for '{short(owner)}', which the activity does "
                    "not list as its data; it was kept as criteria text",
                    "Add the category to the activity, or remove the period, in the YAML file.",
                    column,
                    row,
                )
            elif retention.duration is not None:
                rule["kind"] = RetentionKind.TEMPORAL.value
                rule["duration"] = retention.duration
                if retention.anchor is not None:
                    rule["anchor"] = retention.anchor.value
            elif reading.why is Why.NONE and has_words(folded, terms("endless")):
                rule["kind"] = RetentionKind.ENDLESS.value
            elif (
                reading.why is Why.NONE and retention.anchor is not None and has_words(folded, terms("until"))
            ):
                rule["kind"] = RetentionKind.UNTIL_EVENT.value
                rule["anchor"] = retention.anchor.value
            else:
                rule["kind"] = RetentionKind.CRITERIA.value
                rule["criteria"] = part
                why = reading.why.value if reading.why else "it is not exact"
                draft.warn(
                    "IMP-028",
                    Severity.INFO,
                    f"the retention '{short(part)}' was kept as criteria text ({why})",
                    "Add a duration (P7Y), an anchor or criteria to the retention rule in the YAML file.",
                    column,
                    row,
                )
            rule["description"] = rule.get("criteria", part) if owner and not owned else part
            if rule not in cell_rules and rule not in rules:
                cell_rules.append(rule)
        unscoped = [r for r in cell_rules if r.get("kind") == "temporal" and "data_categories" not in r]
        if len({r["duration"] for r in unscoped}) > 1:
            # Two periods for the same data: neither is the rule; both stay as criteria.
            for rule in unscoped:
                rule.pop("duration")
                rule.pop("anchor", None)
                rule["kind"] = RetentionKind.CRITERIA.value
                rule["criteria"] = rule["description"]
            draft.warn(
                "IMP-028",
                Severity.INFO,
                f"the retention '{short(text)}' gives several periods for the same data; they were kept as "
                "criteria text",
                "Say which data each period covers in the retention rules of the YAML file.",
                column,
                row,
            )
        rules.extend(cell_rules)
        draft.fate(column, row, text, "read as retention rules", *parts)
    if rules:
        draft.data["retention"] = rules


def _owned(owner: str, category_names: dict[str, str]) -> list[str]:
    """The ids of the categories a form row's retention belongs to: the row's category (a label, kept
    whole) or the categories its description names."""
    if fold(owner) in category_names:
        return [category_names[fold(owner)]]
    return [category_names[fold(i)] for i in split_items(owner) if fold(i) in category_names]
