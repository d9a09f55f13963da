"""Reading transfer and safeguard cells into an activity draft (Art. 30(1)(e), Chapter V).

A transfers cell can say no (``Nee``, ``keine``, ``n.v.t.`` is *not stated*), name countries (ISO alpha-2
or alpha-3 codes, names in English, Dutch, German or French; every country of a list), say a bare yes
(one transfer whose destination is unknown, so ``TRF-001`` asks for it), or answer conditionally (``only
for US cloud services``, ``zu prüfen``): a conditional answer is kept in notes with a warning and never
read as no; countries it names are imported. A mechanism written in prose in either column
(``Data Privacy Framework en standaardcontractbepalingen``) becomes the transfer's ``mechanism`` (the first
named; the text is kept in the transfer's notes).
"""

from __future__ import annotations

import re
from typing import Any

from ropa.diagnostics import Severity
from ropa.importer._cells import Column
from ropa.importer._countries import country_code
from ropa.importer._draft import ActivityDraft, short
from ropa.importer._values import (
    AnswerKind,
    is_not_stated,
    parse_countries,
    parse_mechanisms,
    read_answer,
    split_items,
    split_lines,
    states_none,
)

__all__ = ["read_transfers"]

_PROSE_CODES = re.compile(r"\((?P<code>[A-Z]{2,3})\)|\b(?P<word>US|USA|UK|VS)\b")


def _countries_in_prose(text: str) -> list[str]:
    """Countries a sentence names: ``(US)``, ``USA``, ``VS``, or a country's name as whole words."""
    from ropa.importer._countries import _names
    from ropa.importer._vocab import fold

    found: list[str] = []
    for match in _PROSE_CODES.finditer(text):
        code = country_code(match.group("code") or match.group("word"))
        if code and code not in found:
            found.append(code)
    folded = f" {fold(text)} "
    for name, code in _names().items():
        if len(name) >= 5 and f" {name} " in folded and code not in found:
            found.append(code)
    return found


def _transfer(transfers: list[dict[str, Any]], code: str | None, notes: str | None) -> dict[str, Any]:
    for transfer in transfers:
        if transfer.get("country") == code:
            if notes and notes not in (transfer.get("notes") or ""):
                transfer["notes"] = f"{transfer['notes']}\n{notes}" if transfer.get("notes") else notes
            return transfer
    created: dict[str, Any] = {}
    if code is not None:
        created["country"] = code
    if notes:
        created["notes"] = notes
    transfers.append(created)
    return created


def _mechanism(draft: ActivityDraft, transfer: dict[str, Any], text: str, column: Column, row: int) -> bool:
    found = parse_mechanisms(text)
    if not found:
        return False
    transfer.setdefault("mechanism", found[0].value)
    if len(found) > 1:
        draft.warn(
            "IMP-029",
            Severity.INFO,
            f"'{short(text)}' names {len(found)} transfer mechanisms "
            f"({', '.join(m.value for m in found)}); the "
            f"first, {found[0].value}, was recorded and the text kept in the transfer's notes",
            "Check the mechanism of the transfer in the activity's YAML file.",
            column,
            row,
        )
    return True


def read_transfers(draft: ActivityDraft) -> None:
    """The transfers column(s), then the safeguards column."""
    g = draft.group
    transfers: list[dict[str, Any]] = []
    stated_none = False
    for text, column, row in g.texts("transfers"):
        if not states_none(text) and draft.blank(column, text, row):
            continue
        answer = read_answer(text)
        if states_none(text) or (answer.kind is AnswerKind.NO and not answer.rest):
            stated_none = True
            draft.exact(column, row, text, "read as no transfers")
            continue
        body = answer.rest if answer.value is not None else text
        items = split_items(body)
        countries, unknown = parse_countries(items)
        mechanisms_named = [item for item in unknown if parse_mechanisms(item)]
        unknown = [item for item in unknown if item not in mechanisms_named]
        prose = [] if countries else _countries_in_prose(body)
        conditional = answer.conditional or (answer.value is None and bool(body) and _is_conditional(body))
        if answer.kind is AnswerKind.NO and not countries and not prose:
            draft.conditional(column, text, row, "transfers") if conditional else draft.note(
                column, text, row
            )
            continue
        if conditional and not countries and not prose:
            draft.conditional(column, text, row, "transfers")
            continue
        for code, remark in countries:
            transfer = _transfer(transfers, code, remark)
            if remark:
                _mechanism(draft, transfer, remark, column, row)
            for item in mechanisms_named:
                _transfer(transfers, code, item)
                _mechanism(draft, transfer, item, column, row)
        for code in prose:
            found = _transfer(transfers, code, text)
            _mechanism(draft, found, text, column, row)
        if countries and not unknown and not conditional:
            how = "read as countries" if answer.value is None else "read as yes with countries"
            remarks = tuple(r for _, r in countries if r) + tuple(mechanisms_named)
            if remarks:
                draft.fate(column, row, text, how + " and remarks", *remarks)
            else:
                draft.exact(column, row, text, how)
        elif countries and unknown and not conditional:
            # Part of the cell is not a country: the whole cell is kept, nothing is guessed.
            draft.not_understood(
                column, text, row, "names countries and text ropa does not recognise as a country"
            )
        elif conditional:
            draft.conditional(column, text, row, "transfers")
        elif prose:
            draft.fate(column, row, text, "read as transfers to the countries it names; text kept in notes")
        elif answer.kind is AnswerKind.YES:
            unknown_destination = _transfer(transfers, None, text)
            _mechanism(draft, unknown_destination, text, column, row)
            draft.fate(column, row, text, "read as yes, destination unknown; kept in the transfer's notes")
            draft.warn(
                "IMP-026",
                Severity.WARNING,
                f"'{short(text)}' says data are transferred but names no country; a transfer with an unknown "
                "destination was recorded",
                "Set the transfer's country (or international organisation) in the activity's YAML file.",
                column,
                row,
            )
        else:
            draft.not_understood(column, text, row, "does not name third countries ropa recognises")
    _safeguards(draft, transfers, stated_none)
    if transfers:
        draft.data["transfers"] = transfers
    elif stated_none:
        draft.data["transfers"] = []


def _is_conditional(text: str) -> bool:
    from ropa.importer._values import is_conditional

    return is_conditional(text)


def _safeguards(draft: ActivityDraft, transfers: list[dict[str, Any]], stated_none: bool) -> None:
    for text, column, row in draft.group.texts("transfer_safeguards"):
        if draft.blank(column, text, row):
            continue
        if not transfers:
            if stated_none:
                draft.note(column, text, row)
            else:
                draft.not_understood(
                    column, text, row, "describes safeguards for transfers that are not stated"
                )
            continue
        recognised = True
        for line in split_lines(text):
            countries, _ = parse_countries([line])
            targets = transfers
            statement = line
            if countries and countries[0][1] is not None:
                code, remark = countries[0]
                targets = [t for t in transfers if t.get("country") == code] or transfers
                statement = remark or line
            if is_not_stated(statement):
                continue
            if _is_conditional(statement) and not parse_mechanisms(statement):
                for transfer in targets:
                    notes = transfer.get("notes")
                    if line not in (notes or ""):
                        transfer["notes"] = f"{notes}\n{line}" if notes else line
                draft.warn(
                    "IMP-038",
                    Severity.WARNING,
                    f"the safeguard '{short(line)}' is an open answer; it was kept in the transfer's notes",
                    "Decide the transfer mechanism and set it in the activity's YAML file.",
                    column,
                    row,
                )
                continue
            found = False
            for transfer in targets:
                found = _mechanism(draft, transfer, statement, column, row) or found
                notes = transfer.get("notes")
                if line not in (notes or ""):
                    transfer["notes"] = f"{notes}\n{line}" if notes else line
            if not found:
                recognised = False
                draft.warn(
                    "IMP-026",
                    Severity.WARNING,
                    f"the safeguard '{short(line)}' is not a mechanism ropa recognises (SCCs, BCRs, "
                    "adequacy, "
                    "DPF, Art. 49); it was kept in the transfer's notes",
                    "Set 'mechanism' on the transfer in the activity's YAML file.",
                    column,
                    row,
                )
        draft.fate(
            column,
            row,
            text,
            "read as transfer mechanism; kept in the transfer's notes"
            if recognised
            else "kept in the transfer's notes",
            *split_lines(text),
        )
