"""Reading lawful-basis, Art. 9 and Art. 10 cells into an activity draft.

The model: **one purpose entry per basis.** A purpose whose cell names two bases (``Art. 6 lid 1 sub c en
sub e AVG``) becomes two entries with the same description, one per basis, so that every basis is kept
and each can carry its own law. When the lines of the basis cell pair with the purposes (one line each),
they are paired; when a cell names several bases for several purposes without saying which goes with
which, every purpose gets every basis and a warning says the pairing was assumed. Text beyond the bases
is the purpose's ``law`` (6-1-c, 6-1-e) or ``legitimate_interest`` (6-1-f), verbatim. An Art. 9(2)
condition or an Art. 10 reference in the same cell (``Art. 9 lid 2 sub h AVG jo. art. 30 lid 3 UAVG``,
``Art. 10 AVG jo. art. 33 UAVG``) becomes the activity's ``art9`` entry or ``art10`` authorisation.
"""

from __future__ import annotations

import re
from typing import Any

from ropa.diagnostics import Severity
from ropa.i18n import LANGS, label
from ropa.importer._cells import Column
from ropa.importer._draft import ActivityDraft, short
from ropa.importer._native import own_labels
from ropa.importer._recipients import is_criminal, special_category
from ropa.importer._values import (
    AnswerKind,
    parse_art9,
    parse_art10,
    parse_lawful_bases,
    read_answer,
    split_items,
)
from ropa.importer._vocab import fold
from ropa.models.vocab import LawfulBasis, SpecialCategory, SpecialCondition

__all__ = ["read_lawful_bases", "read_own_special", "read_purpose_details", "read_special"]

_LAW_REFERENCE = re.compile(
    r"\b(?:art|artikel|article|§|wet|gesetz|gesetzes|loi|code|bdsg|baydsg|uavg|lid|abs)\b|§", re.IGNORECASE
)

_LAW_FIELD = {
    LawfulBasis.LEGAL_OBLIGATION: "law",
    LawfulBasis.PUBLIC_TASK: "law",
    LawfulBasis.LEGITIMATE_INTERESTS: "legitimate_interest",
}


def _art9_and_10(draft: ActivityDraft, text: str, column: Column, row: int) -> bool:
    """Read an Art. 9(2) condition or an Art. 10 reference in a basis cell; True when one was found."""
    found = False
    conditions, _ = parse_art9(text)
    if conditions:
        entries = draft.data.setdefault("art9", [])
        for condition in conditions:
            if all(e["condition"] != condition.value for e in entries):
                entries.append({"condition": condition.value, "law": text})
        found = True
    if parse_art10(text):
        draft.data.setdefault("art10", {"authorisation": text})
        found = True
    return found


def read_lawful_bases(draft: ActivityDraft) -> None:
    """Read every lawful-basis column (a second one, such as the Dutch *Grondslag* beside *Rechtmatige
    grondslag*, gives the law)."""
    columns: list[tuple[str, Column, int]] = []
    for text, column, row in draft.group.texts("lawful_basis"):
        if draft.blank(column, text, row):
            continue
        columns.append((text, column, row))
    if not columns:
        return
    readings = [(text, column, row, parse_lawful_bases(text)) for text, column, row in columns]
    with_bases = [r for r in readings if r[3].bases]
    laws = [r for r in readings if not r[3].bases]
    for text, column, row, _ in readings:
        _art9_and_10(draft, text, column, row)
    if not with_bases:
        for text, column, row, _ in readings:
            if _special_only(draft, text):
                draft.fate(column, row, text, "read as Art. 9/10 ground")
                continue
            draft.note(column, text, row, "no lawful basis: kept in notes")
            draft.warn(
                "IMP-027",
                Severity.WARNING,
                f"the lawful basis '{short(text)}' names no Art. 6(1) basis ropa recognises; it was kept "
                "in the "
                "activity's notes",
                "Set lawful_basis (6-1-a ... 6-1-f) on each purpose in the activity's YAML file.",
                column,
                row,
            )
        return
    if not draft.purposes:
        draft.purposes.append({"description": draft.data["name"]})
        draft.rep.add(
            "IMP-029",
            Severity.INFO,
            f"the activity of row {draft.group.row} has no purpose column; its name is used as the purpose",
            "State the purposes in the activity's YAML file.",
            sheet=draft.group.sheet,
            row=draft.group.row,
        )
    text, column, row, reading = with_bases[0]
    law_texts = [t for t, _, _, _ in laws if not _special_only(draft, t)]
    purposes = draft.purposes
    if len(reading.per_part) == len(purposes) and all(reading.per_part):
        assignment = [list(part) for part in reading.per_part]
        how = "read as lawful bases, line by line" if len(purposes) > 1 else "read as lawful bases"
    else:
        assignment = [list(reading.bases) for _ in purposes]
        how = "read as lawful bases"
        if len(purposes) > 1 and len(reading.bases) > 1:
            draft.warn(
                "IMP-027",
                Severity.WARNING,
                f"the lawful basis '{short(text)}' names {len(reading.bases)} bases for {len(purposes)} "
                "purposes "
                "without saying which goes with which; every purpose was given every basis",
                "Keep the purpose entries whose basis is right in the activity's YAML file.",
                column,
                row,
            )
    for other_text, other_column, other_row, other in with_bases[1:]:
        for bases in assignment:
            bases.extend(b for b in other.bases if b not in bases)
        if other.extra:
            law_texts.append(other_text)
            draft.fate(other_column, other_row, other_text, how + "; text kept as the law")
        else:
            draft.exact(other_column, other_row, other_text, how)
    expanded: list[dict[str, Any]] = []
    for purpose, bases in zip(purposes, assignment, strict=True):
        for basis in bases:
            entry = {**purpose, "lawful_basis": basis.value}
            target = _LAW_FIELD.get(basis)
            if target == "legitimate_interest" and (
                draft.group.texts("legitimate_interest") or _LAW_REFERENCE.search(text)
            ):
                target = None  # a law beside 6-1-f is no interest: the text stays in notes
            extra = ([text] if reading.extra else []) + law_texts
            if target is not None and extra:
                entry.setdefault(target, "\n".join(dict.fromkeys(extra)))
            expanded.append(entry)
    draft.purposes[:] = expanded
    kept_elsewhere = any(
        text in (entry.get("law") or "") or text in (entry.get("legitimate_interest") or "")
        for entry in expanded
    )
    if reading.extra and not kept_elsewhere:
        draft.note(column, text, row, "read as lawful bases; text kept in notes")
    elif reading.extra:
        draft.fate(column, row, text, how + "; text kept as the law")
    else:
        draft.exact(column, row, text, how)
    for law_text, law_column, law_row, _ in laws:
        if _special_only(draft, law_text):
            draft.fate(law_column, law_row, law_text, "read as Art. 9/10 ground")
        elif kept_elsewhere:
            draft.fate(law_column, law_row, law_text, "read as the law of the basis")
        else:
            draft.note(law_column, law_text, law_row)


def _special_only(draft: ActivityDraft, text: str) -> bool:
    """True when a basis cell holds only an Art. 9 or Art. 10 ground (already read into art9/art10); a
    cell that names a law besides (``Participatiewet; Art. 9 lid 2 sub h AVG ...``) also gives the law."""
    if parse_art10(text):
        return True
    conditions, extra = parse_art9(text)
    return bool(conditions) and not ((extra and ";" in text) or "\n" in text)


def read_purpose_details(draft: ActivityDraft) -> None:
    """The legitimate interest, the LIA reference and the consent records, on the purposes they belong to."""
    for name, basis, key in (
        ("legitimate_interest", LawfulBasis.LEGITIMATE_INTERESTS, "legitimate_interest"),
        ("lia", LawfulBasis.LEGITIMATE_INTERESTS, "lia"),
        ("consent_records", LawfulBasis.CONSENT, "consent"),
    ):
        for text, column, row in draft.group.texts(name):
            if draft.blank(column, text, row):
                continue
            targets = [p for p in draft.purposes if p.get("lawful_basis") == basis.value]
            if not targets:
                draft.not_understood(
                    column, text, row, f"belongs to no purpose with lawful basis {basis.value}"
                )
                continue
            for purpose in targets:
                if key == "consent":
                    purpose.setdefault("consent", {"records": text})
                else:
                    purpose.setdefault(key, text)
            draft.fate(column, row, text, f"read as {key.replace('_', ' ')}")


def read_special(draft: ActivityDraft) -> None:
    """The Art. 9 condition column, and the special-category and criminal-data columns (tri-state)."""
    g = draft.group
    for text, column, row in g.texts("art9"):
        if draft.blank(column, text, row):
            continue
        answer = read_answer(text)
        if answer.kind is AnswerKind.NO and not answer.rest:
            draft.exact(column, row, text, "read as no")
            continue
        if draft.b.own_flags is not None and _own_art9(draft, text, column, row):
            continue
        conditions, extra = parse_art9(text)
        if not conditions:
            draft.not_understood(column, text, row, "names no Art. 9(2) condition ropa recognises")
            continue
        entries = draft.data.setdefault("art9", [])
        for condition in conditions:
            if all(e["condition"] != condition.value for e in entries):
                entry: dict[str, Any] = {"condition": condition.value}
                if extra:
                    entry["law"] = text
                entries.append(entry)
        if extra:
            draft.fate(column, row, text, "read as Art. 9(2) condition with its law")
        else:
            draft.exact(column, row, text, "read as Art. 9(2) condition")
    if draft.b.own_flags is not None:
        return  # ropa's own columns: read_own_special, once the activity's categories are known
    for name, flag in (("special_categories", "special"), ("criminal_data", "criminal")):
        for text, column, row in g.texts(name):
            answer = read_answer(text)
            if answer.kind is AnswerKind.NOT_STATED:
                draft.exact(column, row, text, "not stated")
                continue
            if answer.kind is AnswerKind.PLACEHOLDER:
                draft.placeholder(column, text, row)
                continue
            if answer.kind is AnswerKind.NO and not answer.rest:
                if flag == "special":
                    draft.data["special_categories"] = False
                draft.exact(column, row, text, "read as no")
                continue
            if answer.conditional and answer.value is not True:
                draft.conditional(
                    column, text, row, f"{'special-category' if flag == 'special' else 'criminal'} data"
                )
                continue
            if flag == "special":
                draft.data["special_categories"] = True
            items = split_items(answer.rest if answer.value is not None else text)
            hint = g.hints.get(row)
            if not items:
                if flag == "criminal":
                    draft.note(column, text, row, "read as yes: kept in notes")
                else:
                    draft.exact(column, row, text, "read as yes")
                continue
            ids = draft.data.setdefault("data_categories", [])
            for item in items:
                flags: dict[str, Any] = {"criminal": True} if flag == "criminal" else {}
                ident = draft.b.vocab("categories", item, g, column, row, **flags)
                entry_data = draft.b.category_entry(item)
                if hint and "special" not in entry_data:
                    hinted = special_category(hint)
                    if hinted is not None:
                        entry_data["special"] = hinted.value
                    elif is_criminal(hint):
                        entry_data.setdefault("criminal", True)
                if flag == "special" and "special" not in entry_data and not entry_data.get("criminal"):
                    draft.warn(
                        "IMP-026",
                        Severity.WARNING,
                        f"'{short(item)}' is listed as special-category data, but ropa cannot tell which "
                        "Art. 9(1) "
                        "category it is",
                        "Set 'special' on the data category in vocabulary.yaml.",
                        column,
                        row,
                    )
                if ident not in ids:
                    ids.append(ident)
            draft.fate(column, row, text, f"read as {name.replace('_', ' ')}", *items)


def _own_art9(draft: ActivityDraft, text: str, column: Column, row: int) -> bool:
    """The Art. 9(2) column as ropa's own workbook writes it: one condition per line, its label followed
    by ``(law: ...)`` when it has a law. True when every line was read so."""
    conditions = own_labels(SpecialCondition)
    entries: list[dict[str, Any]] = []
    for line in draft.b.items(text):
        entry: dict[str, Any] | None = None
        for lang in LANGS:
            prefix = f"({label('ui.law', lang)}: "
            head, _, law = line.partition(f" {prefix}")
            if head != line and law.endswith(")") and fold(head) in conditions:
                entry = {"condition": conditions[fold(head)].value, "law": law[:-1]}
                break
        if entry is None and fold(line) in conditions:
            entry = {"condition": conditions[fold(line)].value}
        if entry is None:
            return False
        entries.append(entry)
    known = draft.data.setdefault("art9", [])
    for entry in entries:
        if all(e["condition"] != entry["condition"] for e in known):
            known.append(entry)
    draft.exact(column, row, text, "read as Art. 9(2) conditions")
    return True


def read_own_special(draft: ActivityDraft) -> None:
    """The special-categories and criminal-data columns of ropa's own workbook or CSV, once the activity's
    data categories are read.

    The special-categories column lists the Art. 9(1) kinds of the activity's data categories (labels such
    as "Data concerning health"), or "None" for ``special_categories: false``. Each kind is attached to
    the category of the row that has it (from the workbook's categories sheet), or to the one category of
    the row whose kind is not known, when there is exactly one; else the activity is marked
    ``special_categories: true`` (which the rules read as processing special-category data) and the
    label is kept in its notes. No data category is made from a label.

    The criminal-data column lists the names of the activity's criminal data categories, then the Art. 10
    authorisation: a line that names a category of the row marks it criminal, the rest is the
    authorisation."""
    if draft.b.own_flags is None:
        return
    g = draft.group
    categories = [draft.b.categories[key] for key in _row_categories(draft)]
    kinds = own_labels(SpecialCategory)
    none = {fold(label("ui.none", lang)) for lang in LANGS}
    for text, column, row in g.texts("special_categories"):
        if fold(text) in none:
            draft.data["special_categories"] = False
            draft.exact(column, row, text, "read as no")
            continue
        if draft.blank(column, text, row):
            continue
        unattached: list[str] = []
        for item in draft.b.items(text):
            kind = kinds.get(fold(item))
            if kind is None:
                unattached.append(item)
                continue
            if any(c.get("special") == kind.value for c in categories):
                continue
            unknown = [c for c in categories if "special" not in c and not c.get("criminal")]
            if (
                len(unknown) == 1
                and draft.b.own_flags.get("categories", {}).get(fold(unknown[0]["name"])) is None
            ):
                unknown[0]["special"] = kind.value
                continue
            unattached.append(item)
        if unattached:
            draft.data["special_categories"] = True
            draft.notes.append(f"{column.heading}: " + "\n".join(unattached))
            draft.fate(
                column, row, text, "read as special-category data; not attached to a category: kept in notes"
            )
        else:
            draft.exact(column, row, text, "read as the Art. 9(1) categories of the data categories")
    names = {fold(c["name"]): c for c in categories}
    for text, column, row in g.texts("criminal_data"):
        if draft.blank(column, text, row):
            continue
        authorisation: list[str] = []
        for item in draft.b.items(text):
            category = names.get(fold(item))
            if category is not None:
                category["criminal"] = True
            else:
                authorisation.append(item)
        if authorisation:
            draft.data["art10"] = {"authorisation": "\n".join(authorisation)}
            draft.fate(column, row, text, "read as criminal data categories and the Art. 10 authorisation")
        else:
            draft.exact(column, row, text, "read as criminal data categories")


def _row_categories(draft: ActivityDraft) -> list[str]:
    """The folded names (keys of the builder's categories) of the data categories of the activity."""
    by_id = {entry["id"]: key for key, entry in draft.b.categories.items()}
    return [by_id[i] for i in draft.data.get("data_categories", []) if i in by_id]
