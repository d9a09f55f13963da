"""Reading recipients, processors, joint controllers and agreements into an activity draft.

A recipients column describes categories of recipients (Art. 30(1)(d)): each item becomes a recipient
entry ``{category: <text>}`` (with ``role`` when the item says it, ``Sous-traitants`` → processor), and a
party only when the item names an organisation (see :func:`ropa.importer._recipients.names_organisation`).
The processors and joint-controllers columns name parties. A contract column (``Verwerkersovereenkomst``,
``AVV``, ``DPA``, ``AV-Vertrag``, a link) gives the processors of the row their Art. 28 agreement; a
covenant or Art. 26 arrangement goes to the joint controllers.
"""

from __future__ import annotations

from typing import Any

from ropa.diagnostics import Severity
from ropa.importer._draft import ActivityDraft, short
from ropa.importer._recipients import names_organisation, party_role, read_recipient_cell, strip_role
from ropa.importer._values import (
    AnswerKind,
    fold,
    has_words,
    read_answer,
    split_lines,
    states_none,
)
from ropa.importer._vocab import terms
from ropa.models.vocab import PartyRole

__all__ = ["read_agreements", "read_recipients"]


_UNNAMED_HINTS = {
    "processors": "Add the processors as parties (role processor, with their Art. 28 agreement) in "
    "parties.yaml and name them in the activity's recipients.",
    "joint_controllers": "Add the joint controllers as parties (role joint-controller) in parties.yaml.",
}


def _add(entries: list[dict[str, Any]], entry: dict[str, Any]) -> None:
    if entry not in entries:
        entries.append(entry)


def read_recipients(draft: ActivityDraft) -> None:
    """Recipients (categories or parties), processors and joint controllers of the row."""
    g = draft.group
    entries: list[dict[str, Any]] = []
    stated_none = False
    for name, role_of_column in (
        ("recipients", None),
        ("processors", PartyRole.PROCESSOR),
        ("joint_controllers", PartyRole.JOINT_CONTROLLER),
    ):
        for text, column, row in g.texts(name):
            if name == "recipients" and states_none(text):
                stated_none = True
                draft.exact(column, row, text, "read as no recipients")
                continue
            if draft.blank(column, text, row):
                continue
            if name != "recipients":
                answer = read_answer(text)
                noun = name.replace("_", " ")
                if answer.kind is AnswerKind.NO and not answer.rest:
                    draft.exact(column, row, text, f"read as no {noun}")
                    continue
                if answer.kind is AnswerKind.YES and not answer.rest:
                    draft.joint = draft.joint or name == "joint_controllers"
                    draft.note(column, text, row, "read as yes: kept in notes")
                    draft.warn(
                        "IMP-026",
                        Severity.WARNING,
                        f"column '{column.heading}' says there are {noun} but does not name them",
                        _UNNAMED_HINTS[name],
                        column,
                        row,
                    )
                    continue
            if name == "joint_controllers":
                text_items = split_lines(answer.rest if answer.value is not None else text)
            else:
                text_items = draft.b.items(text)
            # Prose negations ("geen verstrekking aan derden") are read in foreign spreadsheets only:
            # ropa's own workbook writes its items verbatim, and "none" as a whole cell (states_none).
            foreign = draft.b.own_known is None
            cell = read_recipient_cell(text, text_items) if name != "joint_controllers" and foreign else None
            if cell is not None and cell.none:
                noun = name.replace("_", " ")
                if name == "recipients":
                    stated_none = stated_none or not cell.items
                if not cell.items:
                    draft.exact(column, row, text, f"read as no {noun}")
                    continue
                draft.fate(column, row, text, f"read as no {noun} except those named", *cell.items)
                draft.warn(
                    "IMP-026",
                    Severity.INFO,
                    f"'{short(text)}' says there are no {noun} except those it names; they were imported",
                    None,
                    column,
                    row,
                )
                text_items = cell.items
            kept: list[str] = []
            for item in text_items:
                role = role_of_column or party_role(item)
                if name != "recipients" or names_organisation(item):
                    ident = draft.b.party(strip_role(item), role)
                    _add(entries, {"party": ident})
                    draft.row_parties.setdefault(row, []).append(ident)
                    kept.append(strip_role(item))
                else:
                    entry: dict[str, Any] = {"category": item}
                    if role is not None:
                        entry["role"] = role.value
                    _add(entries, entry)
                    kept.append(item)
            if cell is None or not cell.none:
                draft.fate(column, row, text, f"read as {name.replace('_', ' ')}", *kept)
    if entries:
        draft.data["recipients"] = entries
    elif stated_none:
        draft.data["recipients"] = []


def _ids(draft: ActivityDraft, row: int) -> set[str]:
    """The parties of ``row`` (or, when it names none, of the whole activity)."""
    own = draft.row_parties.get(row)
    return set(own) if own else {e["party"] for e in draft.data.get("recipients", []) if "party" in e}


def _processors(draft: ActivityDraft, row: int) -> list[dict[str, Any]]:
    ids = _ids(draft, row)
    return [
        p for p in draft.b.parties.values() if p["id"] in ids and p.get("role") == PartyRole.PROCESSOR.value
    ]


def _joint(draft: ActivityDraft, row: int) -> list[dict[str, Any]]:
    ids = _ids(draft, row)
    return [
        p
        for p in draft.b.parties.values()
        if p["id"] in ids and p.get("role") == PartyRole.JOINT_CONTROLLER.value
    ]


def _roleless(draft: ActivityDraft, row: int) -> list[dict[str, Any]]:
    ids = _ids(draft, row)
    return [p for p in draft.b.parties.values() if p["id"] in ids and not p.get("role")]


def read_agreements(draft: ActivityDraft) -> None:
    """A contract column: the processors' Art. 28 agreement, or the joint controllers' arrangement."""
    for text, column, row in draft.group.texts("agreements"):
        if draft.blank(column, text, row):
            continue
        answer = read_answer(text)
        folded = fold(text)
        arrangement = has_words(folded, terms("arrangement_words"))
        if answer.kind is AnswerKind.NO and not answer.rest:
            draft.note(column, text, row, "read as no agreement: kept in notes")
            continue
        if answer.conditional:
            draft.conditional(column, text, row, "the agreement with the processors")
            continue
        targets = _joint(draft, row) if arrangement else _processors(draft, row)
        named = [p for p in targets if fold(str(p["name"])) and fold(str(p["name"])) in folded]
        targets = named or targets
        if not targets and not arrangement and has_words(folded, terms("agreement_words")):
            targets = _roleless(draft, row)
            for party in targets:
                party["role"] = PartyRole.PROCESSOR.value
                draft.warn(
                    "IMP-029",
                    Severity.INFO,
                    f"'{short(text)}' names a processing agreement, so party '{party['name']}' of the same "
                    "row "
                    "was recorded as a processor",
                    "Check the party's role in parties.yaml.",
                    column,
                    row,
                )
        if not targets:
            draft.note(column, text, row, "no processor in the row: kept in notes")
            draft.warn(
                "IMP-026",
                Severity.INFO,
                f"'{short(text)}' in column '{column.heading}' names an agreement, but the row names no "
                f"{'joint controller' if arrangement else 'processor'} party to give it to; it was kept in "
                "the "
                "activity's notes",
                "Record the agreement on the party in parties.yaml.",
                column,
                row,
            )
            continue
        elsewhere = False  # a party that already has another text from an earlier row keeps that one
        for party in targets:
            if arrangement:
                kept = party.setdefault("arrangement", text)
            else:
                agreement = party.setdefault("agreement", {})
                kept = agreement.setdefault("reference", text)
                if answer.value is True or has_words(folded, terms("agreement_words")):
                    agreement.setdefault("signed", True)
            elsewhere = elsewhere or fold(str(kept)) != folded
        if elsewhere:  # never drop the second text: it goes to the activity's notes
            draft.note(column, text, row, "a second agreement text for the same parties: kept in notes")
            continue
        draft.fate(
            column,
            row,
            text,
            "read as the agreement of the row's processors"
            if not arrangement
            else "read as the arrangement of the row's joint controllers",
        )
