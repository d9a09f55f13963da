"""What falls due: the dates of a register that have passed or fall due soon (the verb is :func:`ropa.due`).

A register keeps many dates that call for action: its own review, reviews of activities, DPIAs,
processing agreements and transfer impact assessments, the age of DPF certification checks, the expiry of
suppressions, the end of activities; and ropa's own legal data go stale. ``ropa validate`` reports what is
already overdue (GOV-001, DPIA-005, PRC-003, TRF-005, TRF-011, SUP-002); :func:`due` also says what falls
due within a horizon, with the days left, so that it can be done on time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from ropa._data import load_data
from ropa.config import Config
from ropa.deadlines._texts import check_lang, count, kind_text, say
from ropa.diagnostics import LegalRef, Location
from ropa.durations import Duration, add_to_date, parse_duration
from ropa.loading.loader import ENTITY_NOUN, LoadResult
from ropa.models import Register

__all__ = ["DueItem", "DueKind", "DueStatus", "due_items", "due_kinds", "parse_within"]

DueStatus = Literal["overdue", "due"]
"""``overdue``: the date has passed; ``due``: it falls within the horizon (today included)."""

_WITHIN = re.compile(r"^(\d+)\s*([dwmy]?)$", re.IGNORECASE)
_UNITS = {"d": "D", "w": "W", "m": "M", "y": "Y"}


def parse_within(value: str | int) -> Duration:
    """The horizon of :func:`ropa.due`: a number of days (``30`` or ``30d``), ``6w``, ``3m``, ``1y`` or an
    ISO 8601 duration (``P3M``). Months and years are calendar months and years.

    Raises:
        ValueError: anything else, or a time part (``PT12H``).
    """
    if isinstance(value, bool):
        raise ValueError(f"'{value}' is not a period")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"'{value}' is not a period: give a number of days of 0 or more")
        return Duration(days=value)
    text = value.strip()
    match = _WITHIN.match(text)
    if match:
        text = f"P{int(match.group(1))}{_UNITS[match.group(2).lower() or 'd']}"
    try:
        duration = parse_duration(text.upper())
    except ValueError:
        raise ValueError(
            f"'{value}' is not a period; write 30d, 6w, 3m, 1y or an ISO 8601 duration such as P3M"
        ) from None
    if duration.hours or duration.minutes or duration.seconds:
        raise ValueError(f"'{value}' has a time part; give days, weeks, months or years")
    return duration


@dataclass(frozen=True, slots=True)
class DueKind:
    """A kind of date that falls due (``ropa/deadlines/kinds.json``).

    Attributes:
        kind: ``register-review``, ``dpia-review``, ...
        title: what falls due, for people.
        field: the register field the date comes from.
        action: what to do.
        legal_refs: the provisions behind it.
    """

    kind: str
    title: str
    field: str
    action: str
    legal_refs: tuple[LegalRef, ...]

    def translated(self, lang: str) -> DueKind:
        """This kind with its title and action in ``lang``; a text without a current translation stays
        in English.

        Raises:
            ValueError: an unsupported language.
        """
        if check_lang(lang) == "en":
            return self
        return DueKind(
            self.kind,
            kind_text(self.kind, "title", self.title, lang),
            self.field,
            kind_text(self.kind, "action", self.action, lang),
            self.legal_refs,
        )


@cache
def due_kinds() -> dict[str, DueKind]:
    """Every kind of date :func:`due` looks at, by kind."""
    text = resources.files("ropa.deadlines").joinpath("kinds.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return {
        k["kind"]: DueKind(
            k["kind"], k["title"], k["field"], k["action"], tuple(LegalRef.parse(r) for r in k["legal_refs"])
        )
        for k in data["kinds"]
    }


@dataclass(frozen=True, slots=True)
class DueItem:
    """A date that has passed or falls due within the horizon.

    Attributes:
        kind: what kind of date: ``register-review``, ``activity-review``, ``dpia-review``,
            ``agreement-review``, ``dpf-check``, ``tia-review``, ``data-file``, ``suppression`` or
            ``activity-end``.
        due: the date; ``None`` when it never happened (a DPF certification recorded without a check date).
        days_left: days from today to ``due``: 0 today, negative when overdue; ``None`` with ``due``.
        subject: what falls due, for people: ``activity newsletter: review of the DPIA`` (in the language
            :func:`ropa.due` was asked for, as ``action``).
        entity: the entity it belongs to (``activity newsletter``); ``None`` for ropa's own data files.
        action: what to do.
        legal_refs: the provisions behind it.
        location: where the date is written (file relative to the register root, JSON Pointer, line);
            ``None`` for ropa's own data files.
    """

    kind: str
    due: dt.date | None
    days_left: int | None
    subject: str
    entity: str | None
    action: str
    legal_refs: tuple[LegalRef, ...]
    location: Location | None

    @property
    def status(self) -> DueStatus:
        """``overdue`` when the date has passed (or never happened), else ``due``."""
        return "overdue" if self.days_left is None or self.days_left < 0 else "due"

    @property
    def overdue(self) -> bool:
        """True when the date has passed (or never happened)."""
        return self.status == "overdue"


@dataclass(frozen=True, slots=True)
class _Candidate:
    kind: str
    due: dt.date | None
    subject: str
    entity: Any
    label: str | None
    path: str


def _label(kind: str, entity: Any) -> str:
    noun = ENTITY_NOUN.get(kind, kind)
    ident = getattr(entity, "id", None)
    return f"{noun} {ident}" if isinstance(ident, str) else noun


def _entities(register: Register) -> Iterator[tuple[str, Any]]:
    for name, info in type(register).model_fields.items():
        value = getattr(register, name)
        kind = info.alias or name
        for entity in value if isinstance(value, tuple) else [value]:
            if entity is not None:
                yield kind, entity


def _add_months(day: dt.date, months: int) -> dt.date:
    return add_to_date(day, Duration(months=months))


class _Words:
    """Subjects in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.kinds = {k: v.translated(lang) for k, v in due_kinds().items()}

    def __call__(self, key: str, /, **values: object) -> str:
        return say(key, self.lang, **values)

    def subject(self, kind: str, label: str, key: str = "due.subject", **values: object) -> str:
        """``{entity}: {title}``; the entity label is given in English, the catalogue's entity table
        translates it."""
        return self(key, entity=label, title=self.kinds[kind].title, **values)


def _candidates(register: Register, config: Config, say: _Words) -> Iterator[_Candidate]:
    meta = register.meta
    if meta is not None and meta.next_review is not None:
        yield _Candidate(
            "register-review",
            meta.next_review,
            say.subject("register-review", "register"),
            meta,
            "register",
            "/next_review",
        )
    for activity in register.activities or ():
        label = _label("activities", activity)
        if activity.next_review is not None:
            yield _Candidate(
                "activity-review",
                activity.next_review,
                say.subject("activity-review", label),
                activity,
                label,
                "/next_review",
            )
        if activity.dpia is not None and activity.dpia.review_date is not None:
            yield _Candidate(
                "dpia-review",
                activity.dpia.review_date,
                say.subject("dpia-review", label),
                activity,
                label,
                "/dpia/review_date",
            )
        if activity.end_date is not None and str(activity.status) != "ended":
            yield _Candidate(
                "activity-end",
                activity.end_date,
                say.subject("activity-end", label),
                activity,
                label,
                "/end_date",
            )
    for kind in ("activities", "processor_activities"):
        for entity in getattr(register, kind) or ():
            label = _label(kind, entity)
            for index, transfer in enumerate(entity.transfers or ()):
                if transfer.tia_review_date is not None:
                    place = transfer.country or transfer.international_organisation
                    yield _Candidate(
                        "tia-review",
                        transfer.tia_review_date,
                        say.subject("tia-review", label, "due.subject.tia", place=place)
                        if place
                        else say.subject("tia-review", label, "due.subject.tia.unstated"),
                        entity,
                        label,
                        f"/transfers/{index}/tia_review_date",
                    )
    months = config.options.dpf_max_age_months
    for party in register.parties or ():
        label = _label("parties", party)
        if party.agreement is not None and party.agreement.review_date is not None:
            yield _Candidate(
                "agreement-review",
                party.agreement.review_date,
                say.subject("agreement-review", label),
                party,
                label,
                "/agreement/review_date",
            )
        if party.dpf is not None and party.dpf.certified:
            checked = party.dpf.checked
            if checked is None:
                yield _Candidate(
                    "dpf-check",
                    None,
                    say("due.subject.dpf-never", entity=label),
                    party,
                    label,
                    "/dpf",
                )
            else:
                subject = count(
                    "due.subject.dpf",
                    months,
                    say.lang,
                    entity=label,
                    title=say.kinds["dpf-check"].title,
                    date=checked.isoformat(),
                )
                yield _Candidate(
                    "dpf-check", _add_months(checked, months), subject, party, label, "/dpf/checked"
                )
    for kind, entity in _entities(register):
        label = _label(kind, entity)
        for index, suppression in enumerate(getattr(entity, "suppress", None) or ()):
            if suppression.until is not None:
                subject = say.subject("suppression", label, "due.subject.suppression", rule=suppression.rule)
                yield _Candidate(
                    "suppression", suppression.until, subject, entity, label, f"/suppress/{index}/until"
                )
    yield from _data_files(config, say)


def _data_files(config: Config, say: _Words) -> Iterator[_Candidate]:
    title = say.kinds["data-file"].title
    months = config.options.data_max_age_months
    for entry in sorted(resources.files("ropa.data").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        data = load_data(entry.name[: -len(".json")])
        shelf_life, retrieved = data.get("shelf_life"), data.get("retrieved")
        if not shelf_life or not retrieved:
            continue
        start = dt.date.fromisoformat(retrieved)
        expires = (
            _add_months(start, months)
            if months is not None
            else add_to_date(start, parse_duration(shelf_life))
        )
        life = count("due.months", months, say.lang) if months is not None else shelf_life
        subject = say("due.subject.data-file", file=entry.name, title=title, date=retrieved, life=life)
        yield _Candidate("data-file", expires, subject, None, None, "")


def _location(candidate: _Candidate, result: LoadResult) -> Location | None:
    if candidate.entity is None:
        return None
    return result.locate(candidate.entity, candidate.path, candidate.label)


def due_items(
    result: LoadResult, config: Config, *, within: str | int, today: dt.date, lang: str = "en"
) -> list[DueItem]:
    """What falls due in a loaded register (the engine of :func:`ropa.due`); subjects and actions in
    ``lang``.

    Raises:
        ValueError: ``within`` is not a period, or ``lang`` is not supported.
    """
    horizon = add_to_date(today, parse_within(within))
    say = _Words(check_lang(lang))
    kinds = say.kinds
    items: list[tuple[int, DueItem]] = []
    for index, c in enumerate(_candidates(result.register, config, say)):
        if c.due is not None and c.due > horizon:
            continue
        kind = kinds[c.kind]
        items.append(
            (
                index,
                DueItem(
                    kind=c.kind,
                    due=c.due,
                    days_left=(c.due - today).days if c.due is not None else None,
                    subject=c.subject,
                    entity=c.label,
                    action=kind.action,
                    legal_refs=kind.legal_refs,
                    location=_location(c, result),
                ),
            )
        )
    # ties in register order (the same in every language)
    items.sort(key=lambda pair: (not pair[1].overdue, pair[1].due or dt.date.min, pair[0]))
    return [item for _, item in items]
