"""Recognise what changes mean in law: the detectors behind the ``python`` entries of the change table.

Each detector looks at matched pairs of entities (old and new version) and emits change codes by name; the
texts, provisions and severities come from the table (:mod:`ropa.changes._catalogue`). Codes recognised by
field (``detect.field``) or by findings (``detect.findings``) need no detector: :func:`meanings` applies
those entries generically.

Semantic questions (is this party a processor, is this category special, is this a third country) are
answered by :mod:`ropa.law`, the one reading the rules use too, on the version the question is about: the
new register for what was added, the old one for what was removed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ropa.changes._catalogue import ChangeCode, change_code, change_codes
from ropa.changes._entities import Pair
from ropa.changes._model import EntityChange, Meaning, Side
from ropa.changes._snapshot import Snapshot
from ropa.changes._texts import say
from ropa.changes._walk import pair_items
from ropa.diagnostics import Diagnostic, Location
from ropa.durations import Duration, longer, parse_duration, shorter
from ropa.law import (
    criminal_refs,
    determines_own_purposes,
    is_criminal,
    is_national_id,
    is_processor,
    is_third_country,
    national_id_refs,
    processes_criminal,
    processes_special,
    recipient_party_ids,
    regime,
    special_category,
    special_refs,
)
from ropa.loading.loader import ENTITY_NOUN

__all__ = ["DETECTORS", "meanings"]

_NOUN_KIND = {noun: kind for kind, noun in ENTITY_NOUN.items()}


@dataclass
class _Context:
    base: Snapshot
    head: Snapshot
    pairs: list[Pair]
    changes: dict[tuple[str, str | None], EntityChange]
    today: dt.date
    lang: str = "en"
    out: list[Meaning] = field(default_factory=list)

    def say(self, key: str, /, **values: object) -> str:
        """The text ``key`` of the diff's texts in the diff's language."""
        return say(key, self.lang, **values)

    def of(self, kind: str) -> Iterator[Pair]:
        return (p for p in self.pairs if p.kind == kind)

    def emit(self, name: str, pair: Pair, detail: str, path: str = "", *, old_path: bool = False) -> None:
        """Record change code ``name`` for the entity of ``pair``; ``path`` is relative to the entity, in
        the old version when ``old_path`` (the location then points into the old version)."""
        entry = change_code(name).translated(self.lang)
        side: Side = "head"
        entity, snapshot = pair.new, self.head
        if entity is None or old_path:
            side, entity, snapshot = "base", pair.old, self.base
        self.out.append(
            _meaning(
                entry,
                pair.kind,
                pair.label,
                detail,
                path,
                snapshot.result.locate(entity, path, pair.label),
                side,
            )
        )


def _meaning(
    entry: ChangeCode,
    kind: str,
    label: str,
    detail: str,
    path: str,
    location: Location | None,
    side: Side,
) -> Meaning:
    return Meaning(
        code=entry.code,
        name=entry.name,
        severity=entry.severity,
        summary=entry.summary,
        action=entry.action,
        legal_refs=entry.legal_refs,
        kind=kind,
        entity=label,
        detail=detail,
        path=path,
        location=location,
        side=side,
    )


def _quote(text: str | None, limit: int = 60) -> str:
    value = " ".join((text or "").split())
    return f"'{value if len(value) <= limit else value[: limit - 1] + '…'}'"


def _ids(values: Iterable[Any] | None) -> list[str]:
    out: list[str] = []
    for value in values or ():
        if isinstance(value, str) and value not in out:
            out.append(value)
    return out


def _by_id(items: Iterable[Any] | None) -> dict[str, Any]:
    return {item.id: item for item in items or () if isinstance(getattr(item, "id", None), str)}


def _named(ctx: _Context, kind: str, ident: str, items: dict[str, Any]) -> str:
    """``party 'mailer' (Mailer B.V.)``; ``kind`` is the key of the texts: ``diff.party``."""
    item = items.get(ident)
    name = getattr(item, "name", None)
    if isinstance(name, str) and name != ident:
        return ctx.say(f"{kind}.named", id=ident, name=name)
    return ctx.say(kind, id=ident)


# --------------------------------------------------------------------------------------------------------
# Activities
# --------------------------------------------------------------------------------------------------------


def _activity_lifecycle(ctx: _Context) -> None:
    for pair in ctx.of("activities"):
        if pair.old is None:
            ctx.emit("activity-added", pair, _quote(pair.new.name))
        elif pair.new is None:
            ctx.emit("activity-removed", pair, _quote(pair.old.name))
        elif _text(pair.new.status) == "ended" and _text(pair.old.status) != "ended":
            end = pair.new.end_date
            detail = (
                ctx.say("diff.ended-on", date=end.isoformat())
                if isinstance(end, dt.date)
                else ctx.say("diff.ended")
            )
            ctx.emit("activity-ended", pair, detail, "/status")


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _purposes(ctx: _Context) -> None:
    for pair in ctx.of("activities"):
        if pair.old is None or pair.new is None:
            continue
        old, new = list(pair.old.purposes or ()), list(pair.new.purposes or ())
        pairs, removed, added = pair_items(old, new)
        for j in added:
            ctx.emit(
                "purpose-added",
                pair,
                ctx.say("diff.purpose", purpose=_quote(new[j].description)),
                f"/purposes/{j}",
            )
        for i in removed:
            ctx.emit(
                "purpose-removed",
                pair,
                ctx.say("diff.purpose", purpose=_quote(old[i].description)),
                f"/purposes/{i}",
                old_path=True,
            )
        for i, j in pairs:
            before, after = old[i], new[j]
            if before.description != after.description:
                detail = ctx.say(
                    "diff.purpose-reworded",
                    purpose=_quote(after.description),
                    before=_quote(before.description),
                )
                ctx.emit("purpose-added", pair, detail, f"/purposes/{j}/description")
            a, b = _text(before.lawful_basis), _text(after.lawful_basis)
            if a is None or b is None or a == b:
                continue
            detail = ctx.say("diff.basis", purpose=_quote(after.description), before=a, after=b)
            where = f"/purposes/{j}/lawful_basis"
            specific = False
            if b == "6-1-f":
                ctx.emit("basis-changed-to-legitimate-interests", pair, detail, where)
                specific = True
            if a == "6-1-a":
                ctx.emit("basis-changed-from-consent", pair, detail, where)
                specific = True
            if b == "6-1-a":
                ctx.emit("basis-changed-to-consent", pair, detail, where)
                specific = True
            if not specific:
                ctx.emit("lawful-basis-changed", pair, detail, where)


_DECLARED = "declared"
"""A special-category kind of its own: the register declares special-category data without naming them."""
_UNNAMED = "special-category data"
"""The kind :mod:`ropa.law` gives a special category it cannot name (see ``Special.kind``)."""


def _special_kinds(activity: Any, categories: dict[str, Any]) -> set[str]:
    """The Art. 9(1) kinds the activity processes, as :mod:`ropa.law` reads them; a declaration alone
    (``special_categories: true``, an ``art9`` condition) counts as one kind."""
    kinds = {ref.kind for ref in special_refs(activity, categories)}
    if not kinds and processes_special(activity, categories):
        kinds.add(_DECLARED)
    return kinds


def _sensitive(category: Any) -> bool:
    return special_category(category) is not None or is_criminal(category) or is_national_id(category)


def _data(ctx: _Context) -> None:
    old_categories = _by_id(ctx.base.register.data_categories)
    new_categories = _by_id(ctx.head.register.data_categories)
    subjects = _by_id(ctx.head.register.data_subjects)
    sensitive = {i for i, c in new_categories.items() if _sensitive(c)}
    for pair in ctx.of("activities"):
        new = pair.new
        if new is None:
            continue
        old = pair.old
        before = _special_kinds(old, old_categories) if old is not None else set()
        gained = _special_kinds(new, new_categories) - before
        if gained and not (before and gained == {_DECLARED}):
            kinds = {_DECLARED: ctx.say("diff.special-declared"), _UNNAMED: ctx.say("diff.special-unnamed")}
            detail = ", ".join(kinds.get(k, k) for k in sorted(gained))
            ctx.emit("special-category-added", pair, detail, "/data_categories")
        if processes_criminal(new, new_categories) and not (old and processes_criminal(old, old_categories)):
            refs = criminal_refs(new, new_categories)
            detail = ", ".join(_named(ctx, "diff.data-category", r.category.id, new_categories) for r in refs)
            ctx.emit(
                "criminal-data-added",
                pair,
                detail or ctx.say("diff.criminal-declared"),
                "/data_categories",
            )
        had_id = bool(old and national_id_refs(old, old_categories))
        refs = national_id_refs(new, new_categories)
        if refs and not had_id:
            detail = ", ".join(_named(ctx, "diff.data-category", r.category.id, new_categories) for r in refs)
            ctx.emit("national-id-added", pair, detail, refs[0].path)
        if old is None:
            continue
        for index, ident in enumerate(_ids(new.data_subjects)):
            if ident not in _ids(old.data_subjects):
                ctx.emit(
                    "data-subjects-added",
                    pair,
                    _named(ctx, "diff.data-subjects", ident, subjects),
                    f"/data_subjects/{index}",
                )
        for index, ident in enumerate(_ids(new.data_categories)):
            if ident not in _ids(old.data_categories) and ident not in sensitive:
                ctx.emit(
                    "data-categories-added",
                    pair,
                    _named(ctx, "diff.data-category", ident, new_categories),
                    f"/data_categories/{index}",
                )


def _recipients_of(activity: Any) -> dict[str, tuple[str, Any]]:
    """The recipients of an activity by key: parties (its recipients and transfer importers, as
    :mod:`ropa.law` reads them) as ``party:<id>``, categories of recipients as ``category:<text>``; each
    with the JSON Pointer of where it is named and the recipient entry (``None`` for an importer)."""
    out: dict[str, tuple[str, Any]] = {}
    if activity is None:
        return out
    for index, recipient in enumerate(activity.recipients or ()):
        category = getattr(recipient, "category", None)
        if isinstance(category, str) and category.strip():
            out.setdefault(f"category:{' '.join(category.split())}", (f"/recipients/{index}", recipient))
    named = {r.party: index for index, r in enumerate(activity.recipients or ()) if getattr(r, "party", None)}
    importers = {t.recipient: index for index, t in enumerate(activity.transfers or ()) if t.recipient}
    for ident in recipient_party_ids(activity):
        where = f"/recipients/{named[ident]}" if ident in named else f"/transfers/{importers[ident]}"
        out.setdefault(f"party:{ident}", (where, None))
    return out


def _recipient_text(ctx: _Context, key: str, entry: Any, parties: dict[str, Any]) -> tuple[str, str | None]:
    """For people, and the recipient's role."""
    kind, _, value = key.partition(":")
    if kind == "party":
        role = _text(getattr(parties.get(value), "role", None))
        return _named(ctx, "diff.party", value, parties), role
    role = _text(getattr(entry, "role", None))
    return ctx.say("diff.recipient-category", category=_quote(value)), role


def _recipients(ctx: _Context) -> None:
    new_parties = _by_id(ctx.head.register.parties)
    old_parties = _by_id(ctx.base.register.parties)
    for pair in ctx.of("activities"):
        if pair.new is None:
            continue
        before = _recipients_of(pair.old)
        for key, (where, entry) in _recipients_of(pair.new).items():
            if key in before:
                continue
            text, role = _recipient_text(ctx, key, entry, new_parties)
            if role == "internal":
                continue
            detail = (
                ctx.say("diff.recipient-role", who=text, role=role)
                if role
                else ctx.say("diff.recipient-no-role", who=text)
            )
            ctx.emit("processor-added" if role == "processor" else "recipient-added", pair, detail, where)
        if pair.old is None:
            continue
        after = _recipients_of(pair.new)
        for key, (where, entry) in before.items():
            if key not in after:
                text, _ = _recipient_text(ctx, key, entry, old_parties)
                ctx.emit("recipient-removed", pair, text, where, old_path=True)


def _sub_processors(ctx: _Context) -> None:
    parties = _by_id(ctx.head.register.parties)
    for pair in ctx.of("parties"):
        if pair.old is None or pair.new is None or not is_processor(pair.new):
            continue
        before = _ids(pair.old.sub_processors)
        for index, ident in enumerate(_ids(pair.new.sub_processors)):
            if ident not in before:
                ctx.emit(
                    "sub-processor-added",
                    pair,
                    _named(ctx, "diff.party", ident, parties),
                    f"/sub_processors/{index}",
                )
    for pair in ctx.of("processor_activities"):
        if pair.new is None:
            continue
        if pair.old is None:
            ctx.emit("processor-activity-added", pair, _controller(ctx, pair.new))
            continue
        before = _ids(pair.old.sub_processors)
        for index, ident in enumerate(_ids(pair.new.sub_processors)):
            if ident not in before:
                detail = ctx.say(
                    "diff.for-controller",
                    party=_named(ctx, "diff.party", ident, parties),
                    whom=_controller(ctx, pair.new),
                )
                ctx.emit("own-sub-processor-added", pair, detail, f"/sub_processors/{index}")


def _own_purposes(ctx: _Context) -> None:
    for pair in ctx.of("parties"):
        if pair.new is None or not determines_own_purposes(pair.new):
            continue
        if pair.old is not None and determines_own_purposes(pair.old):
            continue
        ctx.emit("processor-uses-data-for-own-purposes", pair, _quote(pair.new.own_purposes), "/own_purposes")


def _regime(ctx: _Context) -> None:
    for pair in ctx.of("activities"):
        if pair.old is None or pair.new is None:
            continue
        before, after = regime(pair.old), regime(pair.new)
        if before != after:
            ctx.emit("regime-changed", pair, ctx.say("diff.regime", before=before, after=after), "/regime")


def _controller(ctx: _Context, processing: Any) -> str:
    controller = getattr(processing, "controller", None)
    name = getattr(controller, "name", None)
    return ctx.say("diff.controller", name=_quote(name)) if name else ctx.say("diff.controller.unnamed")


def _party_country(ctx: _Context) -> None:
    for pair in ctx.of("parties"):
        if pair.old is None or pair.new is None:
            continue
        before, after = pair.old.country, pair.new.country
        if after != before and is_third_country(after, ctx.today) and not is_third_country(before, ctx.today):
            detail = (
                ctx.say("diff.country", before=before, after=after)
                if before
                else ctx.say("diff.country.unknown", after=after)
            )
            ctx.emit("party-moved-to-third-country", pair, detail, "/country")


# --------------------------------------------------------------------------------------------------------
# Transfers
# --------------------------------------------------------------------------------------------------------


def _destinations(entity: Any, day: dt.date) -> list[tuple[str, str | None, str | None, int]]:
    """``(destination, recipient, mechanism, index)`` of the transfers to a third country or an
    international organisation on ``day``."""
    out = []
    for index, transfer in enumerate(getattr(entity, "transfers", None) or ()):
        place = transfer.country or transfer.international_organisation
        if not place or (transfer.country and not is_third_country(transfer.country, day)):
            continue
        out.append((place, transfer.recipient, _text(transfer.mechanism), index))
    return out


def _same(a: tuple[str, str | None, str | None, int], b: tuple[str, str | None, str | None, int]) -> bool:
    return a[0] == b[0] and (a[1] == b[1] or a[1] is None or b[1] is None)


def _transfer_text(ctx: _Context, t: tuple[str, str | None, str | None, int], parties: dict[str, Any]) -> str:
    key = "diff.transfer" + (".party" if t[1] else "") + ("" if t[2] else ".no-mechanism")
    party = _named(ctx, "diff.party", t[1], parties) if t[1] else ""
    return ctx.say(key, place=t[0], party=party, mechanism=t[2] or "")


def _transfers(ctx: _Context) -> None:
    new_parties = _by_id(ctx.head.register.parties)
    old_parties = _by_id(ctx.base.register.parties)
    for kind in ("activities", "processor_activities"):
        for pair in ctx.of(kind):
            if pair.new is None:
                continue
            before = _destinations(pair.old, ctx.today) if pair.old is not None else []
            after = _destinations(pair.new, ctx.today)
            for t in after:
                matches = [o for o in before if _same(t, o)]
                if not matches:
                    detail = _transfer_text(ctx, t, new_parties)
                    ctx.emit("transfer-added", pair, detail, f"/transfers/{t[3]}")
                    continue
                old_mechanisms = {o[2] for o in matches if o[2]}
                if t[2] and old_mechanisms and t[2] not in old_mechanisms:
                    detail = ctx.say(
                        "diff.mechanism", place=t[0], before=", ".join(sorted(old_mechanisms)), after=t[2]
                    )
                    ctx.emit("transfer-mechanism-changed", pair, detail, f"/transfers/{t[3]}/mechanism")
            if pair.old is None:
                continue
            for o in before:
                if not any(_same(t, o) for t in after):
                    ctx.emit(
                        "transfer-removed",
                        pair,
                        _transfer_text(ctx, o, old_parties),
                        f"/transfers/{o[3]}",
                        old_path=True,
                    )


# --------------------------------------------------------------------------------------------------------
# Retention
# --------------------------------------------------------------------------------------------------------

_ENDLESS = "endless"


def _period(rule: Any) -> Duration | dt.date | str | None:
    """A comparable length: a duration, a fixed end date, ``endless``, or ``None`` when not comparable."""
    if _text(rule.kind) == "endless":
        return _ENDLESS
    if rule.duration:
        try:
            return parse_duration(rule.duration)
        except ValueError:
            return None
    if isinstance(rule.until, dt.date):
        return rule.until
    return None


def _compare(before: Any, after: Any) -> int:
    """1 when ``after`` keeps data longer from every start, -1 when shorter, 0 otherwise."""
    a, b = _period(before), _period(after)
    if a is None or b is None or a == b:
        return 0
    if b == _ENDLESS:
        return 1
    if a == _ENDLESS:
        return -1
    if _text(before.anchor) != _text(after.anchor):
        return 0
    if isinstance(a, Duration) and isinstance(b, Duration):
        return 1 if longer(b, a) else -1 if shorter(b, a) else 0
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        return 1 if b > a else -1
    return 0


def _show(ctx: _Context, rule: Any) -> str:
    period = _period(rule)
    if isinstance(period, dt.date):
        return ctx.say("diff.retention.until", date=period.isoformat())
    text = rule.duration if isinstance(period, Duration) else str(period)
    return ctx.say("diff.retention.after", period=text, anchor=rule.anchor) if rule.anchor else text


def _retention(ctx: _Context) -> None:
    for pair in ctx.of("activities"):
        if pair.old is None or pair.new is None:
            continue
        old, new = list(pair.old.retention or ()), list(pair.new.retention or ())
        pairs, _, _ = pair_items(old, new)
        for i, j in pairs:
            direction = _compare(old[i], new[j])
            if direction == 0:
                continue
            scope = ", ".join(_ids(new[j].data_categories)) or ctx.say("diff.retention.all")
            detail = ctx.say(
                "diff.retention", scope=scope, before=_show(ctx, old[i]), after=_show(ctx, new[j])
            )
            name = "retention-lengthened" if direction > 0 else "retention-shortened"
            ctx.emit(name, pair, detail, f"/retention/{j}")


# --------------------------------------------------------------------------------------------------------
# Security, automated decisions, DPIA
# --------------------------------------------------------------------------------------------------------


def _security(ctx: _Context) -> None:
    old_measures = _by_id(ctx.base.register.security_measures)
    for pair in ctx.of("security_measures"):
        if pair.new is None:
            detail = ctx.say("diff.measure-removed", description=_quote(pair.old.description))
            ctx.emit("security-measure-removed", pair, detail)
    for kind in ("activities", "processor_activities"):
        for pair in ctx.of(kind):
            if pair.old is None or pair.new is None:
                continue
            after = _ids(pair.new.security_measures)
            for index, ident in enumerate(_ids(pair.old.security_measures)):
                if ident not in after:
                    measure = old_measures.get(ident)
                    text = (
                        ctx.say(
                            "diff.security-measure.described",
                            id=ident,
                            description=_quote(measure.description),
                        )
                        if measure is not None
                        else ctx.say("diff.security-measure", id=ident)
                    )
                    ctx.emit(
                        "security-measure-removed", pair, text, f"/security_measures/{index}", old_path=True
                    )
            old_specific, new_specific = (
                list(pair.old.specific_measures or ()),
                list(pair.new.specific_measures or ()),
            )
            _, removed, _ = pair_items(old_specific, new_specific)
            for i in removed:
                detail = ctx.say("diff.specific-measure", description=_quote(old_specific[i].description))
                ctx.emit("security-measure-removed", pair, detail, f"/specific_measures/{i}", old_path=True)


def _automated(ctx: _Context) -> None:
    for pair in ctx.of("activities"):
        new = pair.new
        if new is None or new.automated_decisions is None or not new.automated_decisions.exists:
            continue
        old = pair.old.automated_decisions if pair.old is not None else None
        if old is not None and old.exists:
            continue
        decisions = new.automated_decisions
        parts = [ctx.say("diff.automated")]
        if decisions.profiling:
            parts.append(ctx.say("diff.automated.profiling"))
        if decisions.effect:
            parts.append(ctx.say("diff.automated.effect", effect=decisions.effect))
        ctx.emit("automated-decisions-introduced", pair, ", ".join(parts), "/automated_decisions")


def _dpia(ctx: _Context) -> None:
    ignore = set(change_code("dpia-outdated").ignore_fields)
    for pair in ctx.of("activities"):
        new, old = pair.new, pair.old
        if new is None:
            continue
        dpia = new.dpia
        was_required = old is not None and old.dpia is not None and old.dpia.required is True
        if (
            dpia is not None
            and dpia.required is True
            and not (dpia.reference or "").strip()
            and not was_required
        ):
            ctx.emit("dpia-required-missing", pair, ctx.say("diff.dpia-required"), "/dpia/required")
        if old is None or old.dpia is None or not (old.dpia.reference or old.dpia.date) or old.dpia != dpia:
            continue
        change = ctx.changes.get(("activities", pair.id))
        fields = [] if change is None else _top_fields(change, ignore)
        if fields:
            ctx.emit("dpia-outdated", pair, ctx.say("diff.dpia-changed", fields=", ".join(fields)), "/dpia")


def _top_fields(change: EntityChange, ignore: set[str]) -> list[str]:
    out: list[str] = []
    for c in change.changes:
        top = c.path.split("/")[1].replace("~1", "/").replace("~0", "~")
        if top not in ignore and top not in out:
            out.append(top)
    return out


DETECTORS: dict[str, Callable[[_Context], None]] = {
    "activity-lifecycle": _activity_lifecycle,
    "purposes": _purposes,
    "data": _data,
    "recipients": _recipients,
    "sub-processors": _sub_processors,
    "party-country": _party_country,
    "own-purposes": _own_purposes,
    "regime": _regime,
    "transfers": _transfers,
    "retention": _retention,
    "security": _security,
    "automated-decisions": _automated,
    "dpia": _dpia,
}
"""The detectors, by area; each emits the ``python`` change codes of its area."""


# --------------------------------------------------------------------------------------------------------
# Generic entries: by field and by finding
# --------------------------------------------------------------------------------------------------------


def _by_field(ctx: _Context, entities: list[EntityChange]) -> None:
    pairs = {(p.kind, p.id): p for p in ctx.pairs}
    for entry in change_codes():
        trigger = entry.field
        if trigger is None:
            continue
        for change in entities:
            if change.kind != trigger.kind or change.status != "changed":
                continue
            hits = [
                c for c in change.changes if c.path.split("/")[1] in trigger.fields and c.op in trigger.ops
            ]
            if not hits:
                continue
            parts = [_field_text(ctx, c.field, c.before, c.after) for c in hits[:3]]
            if len(hits) > 3:
                parts.append(ctx.say("diff.and-more", n=len(hits) - 3))
            detail = "; ".join(parts)
            ctx.emit(entry.name, pairs[(change.kind, change.id)], detail, hits[0].path)


def _field_text(ctx: _Context, name: str, before: Any, after: Any) -> str:
    def show(value: Any) -> str:
        if value is None:
            return ctx.say("diff.not-stated")
        return _quote(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))

    return ctx.say("diff.field", field=name, before=show(before), after=show(after))


def _by_findings(ctx: _Context, introduced: Iterable[Diagnostic]) -> None:
    done = {(m.code, m.entity) for m in ctx.out}
    for entry in change_codes():
        if not entry.findings:
            continue
        for d in introduced:
            label = d.location.entity
            if d.code not in entry.findings or label is None or (entry.code, label) in done:
                continue
            noun, _, _ = label.rpartition(" ")
            kind = _NOUN_KIND.get(noun or label, noun or label)
            done.add((entry.code, label))
            text = entry.translated(ctx.lang)
            ctx.out.append(_meaning(text, kind, label, f"{d.code}: {d.message}", "", d.location, "head"))


def meanings(
    base: Snapshot,
    head: Snapshot,
    pairs: list[Pair],
    entities: list[EntityChange],
    introduced: Iterable[Diagnostic] = (),
    *,
    today: dt.date,
    lang: str = "en",
) -> list[Meaning]:
    """Every change code that applies, most severe first, then in entity order; ``today`` decides what is a
    third country (adequacy and the periods in which a country was none change over time); the texts are
    in ``lang``."""
    ctx = _Context(base, head, pairs, {(e.kind, e.id): e for e in entities}, today, lang)
    for detector in DETECTORS.values():
        detector(ctx)
    _by_field(ctx, entities)
    _by_findings(ctx, introduced)
    order = {p.label: index for index, p in enumerate(pairs)}
    unique: dict[tuple[str, str, str, str], Meaning] = {}
    for m in ctx.out:
        unique.setdefault((m.code, m.entity, m.path, m.detail), m)
    return sorted(
        unique.values(),
        key=lambda m: (-m.severity.rank, order.get(m.entity, len(order)), m.code, m.path),
    )
