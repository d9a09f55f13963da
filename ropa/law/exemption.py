"""The Art. 30(5) derogation: who need not record which processing.

An organisation employing fewer than 250 persons need not record a processing *unless* it is likely to
result in a risk to the rights and freedoms of data subjects, is not occasional, or includes special
categories of data (Art. 9(1)) or criminal-offence data (Art. 10). The exceptions are alternatives: any one
brings the processing back into the record (WP29 position paper of 19 April 2018). Processing under the
Law Enforcement Directive has no such derogation (Art. 24 of Directive (EU) 2016/680).

The versions of the test (the GDPR text in force, and proposals such as "Omnibus IV") are the rule sets of
``ropa/data/exemption.json``. An activity is *validly exempt* when it claims the derogation
(``exemption_claimed: true``), the register shows that the organisation employs fewer persons than the
threshold in force (``organisation.employees``), and none of the exceptions applies: such an activity need
not be in the record at all, so the rules that report what its record lacks stay silent for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from ropa._data import load_data
from ropa.law.data import processes_criminal, processes_special
from ropa.law.records import is_led
from ropa.models import Activity, DataCategory, Frequency, Organisation

__all__ = [
    "IN_FORCE",
    "Obstacle",
    "Ruleset",
    "current_ruleset",
    "exemption_obstacles",
    "risk_flags",
    "rulesets",
    "validly_exempt",
]

IN_FORCE = "gdpr-2016"
"""The rule set of the GDPR text, which the exemption of an activity is judged by."""


@dataclass(frozen=True, slots=True)
class Ruleset:
    """One version of the Art. 30(5) test."""

    id: str
    threshold: int
    status: str
    """``in-force`` or ``proposal``."""
    in_force_from: dt.date | None
    description: str


@cache
def rulesets() -> Mapping[str, Ruleset]:
    """Every rule set of the data file, by id."""
    out: dict[str, Ruleset] = {}
    for item in load_data("exemption")["rulesets"]:
        start = item.get("in_force_from")
        out[item["id"]] = Ruleset(
            id=item["id"],
            threshold=int(item["threshold"]),
            status=item["status"],
            in_force_from=dt.date.fromisoformat(start) if start else None,
            description=item["description"],
        )
    return out


def current_ruleset(today: dt.date) -> Ruleset | None:
    """The rule set in force on ``today``: the in-force one with the latest start on or before it."""
    best: Ruleset | None = None
    for ruleset in rulesets().values():
        start = ruleset.in_force_from
        if ruleset.status != "in-force" or start is None or start > today:
            continue
        if best is None or (best.in_force_from is not None and start > best.in_force_from):
            best = ruleset
    return best


def risk_flags(activity: Activity) -> list[str]:
    """The flags by which the register says the activity is likely to result in a risk."""
    return [
        name
        for name, value in (
            ("large_scale", activity.large_scale),
            ("systematic_monitoring", activity.systematic_monitoring),
            ("public_area_monitoring", activity.public_area_monitoring),
            ("dpia.required", activity.dpia is not None and activity.dpia.required),
            (
                "automated_decisions",
                activity.automated_decisions is not None and activity.automated_decisions.exists,
            ),
        )
        if value
    ]


@dataclass(frozen=True, slots=True)
class Obstacle:
    """One reason why the Art. 30(5) derogation cannot cover an activity.

    Attributes:
        kind: ``led`` (Law Enforcement Directive processing), ``headcount`` (250 persons or more),
            ``frequency-unknown``, ``frequency`` (not occasional), ``special`` (Art. 9 or 10 data) or
            ``risk`` (flagged as likely to result in a risk).
        employees, threshold: for ``headcount``.
        frequency: for ``frequency``.
        flags: for ``risk``, the flags that say so (:func:`risk_flags`).
    """

    kind: str
    employees: int | None = None
    threshold: int | None = None
    frequency: Frequency | None = None
    flags: tuple[str, ...] = ()


def exemption_obstacles(
    activity: Activity, organisation: Organisation | None, categories: Mapping[str, DataCategory]
) -> list[Obstacle]:
    """Why the Art. 30(5) derogation cannot cover the activity, as the register shows it: one obstacle
    per exception that applies (none when the register shows no obstacle; the headcount is checked only
    when ``employees`` is stated)."""
    threshold = rulesets()[IN_FORCE].threshold
    employees = organisation.employees if organisation is not None else None
    out: list[Obstacle] = []
    if is_led(activity):
        out.append(Obstacle("led"))
    if employees is not None and employees >= threshold:
        out.append(Obstacle("headcount", employees=employees, threshold=threshold))
    if activity.frequency is None:
        out.append(Obstacle("frequency-unknown"))
    elif activity.frequency is not Frequency.OCCASIONAL:
        out.append(Obstacle("frequency", frequency=activity.frequency))
    if processes_special(activity, categories) or processes_criminal(activity, categories):
        out.append(Obstacle("special"))
    flags = risk_flags(activity)
    if flags:
        out.append(Obstacle("risk", flags=tuple(flags)))
    return out


def validly_exempt(
    activity: Activity, organisation: Organisation | None, categories: Mapping[str, DataCategory]
) -> bool:
    """True when the activity claims the Art. 30(5) derogation and the register shows that it applies: the
    organisation's headcount is stated and below the threshold, and no exception applies. Without a stated
    headcount the claim is not shown valid, and the activity is checked like any other."""
    if not activity.exemption_claimed:
        return False
    employees = organisation.employees if organisation is not None else None
    if employees is None:
        return False
    return not exemption_obstacles(activity, organisation, categories)
