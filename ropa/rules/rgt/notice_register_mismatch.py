"""RGT-005 notice-register-mismatch: the privacy notice and the register disagree.

## What it does
Compares what an activity's ``notice`` says the privacy notice states with the register itself:

- recipients: a party the notice names that is not among the activity's ``recipients``, and a recipient
  the notice does not name (internal departments excepted);
- transfers: a third country the notice names that no transfer goes to, and a transfer to a country
  outside the EEA the notice does not name;
- retention: a period the notice states that no retention rule has, and a rule's ``duration`` the
  notice does not state. Periods are compared as calendar periods (``P12M`` equals ``P1Y``); a period
  in the notice that is not an ISO 8601 duration is reported as such.

A side is compared only when both the notice and the register state it.

## Why is this bad?
The notice tells data subjects who receives their data (Art. 13(1)(e)), where it is transferred
(Art. 13(1)(f)) and how long it is kept (Art. 13(2)(a)). When it says something else than the register,
one of the two is wrong, and the controller cannot show transparency (Art. 5(1)(a), 5(2)).

## Example
```yaml
parties:
  - id: postnl
    name: PostNL
    role: processor
  - id: mailchimp
    name: Mailchimp
    role: processor
activities:
  - id: orders
    name: Order handling
    recipients: [postnl]
    notice:
      url: https://example.nl/privacy#orders
      recipients: [postnl, mailchimp]
```

## Use instead
```yaml
parties:
  - id: postnl
    name: PostNL
    role: processor
activities:
  - id: orders
    name: Order handling
    recipients: [postnl]
    notice:
      url: https://example.nl/privacy#orders
      recipients: [postnl]
```

## References
- Art. 5(1)(a), 13(1)(e)–(f), 13(2)(a) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa._data import eea_countries
from ropa.diagnostics import Severity
from ropa.durations import Duration, difference_range, parse_duration
from ropa.models import Activity, NoticeStatement, PartyRole, is_iso_duration
from ropa.rules._base import Finding, Rule, RuleContext, ref


def _same(a: Duration, b: Duration) -> bool:
    low, high = difference_range(a, b)
    return low == 0 and high == 0


def _recipients(ctx: RuleContext, activity: Activity, notice: NoticeStatement) -> Iterator[Finding]:
    if notice.recipients is None or activity.recipients is None:
        return
    registered = {r.party for r in activity.recipients}
    for index, party in enumerate(notice.recipients):
        if party not in registered:
            yield ctx.finding(
                activity,
                f"/notice/recipients/{index}",
                problem=f"the notice names recipient '{party}', the register does not",
            )
    named = set(notice.recipients)
    for index, recipient in enumerate(activity.recipients):
        if recipient.party is None:
            continue  # a category of recipients: the notice names parties only
        defined = ctx.party_by_id.get(recipient.party)
        if recipient.party in named or (defined is not None and defined.role is PartyRole.INTERNAL):
            continue
        yield ctx.finding(
            activity,
            f"/recipients/{index}",
            problem=f"the register lists recipient '{recipient.party}', the notice does not",
        )


def _transfers(ctx: RuleContext, activity: Activity, notice: NoticeStatement) -> Iterator[Finding]:
    if notice.transfer_countries is None or activity.transfers is None:
        return
    eea = eea_countries()
    first_transfer: dict[str, int] = {}
    for index, transfer in enumerate(activity.transfers):
        if transfer.country and transfer.country not in eea:
            first_transfer.setdefault(transfer.country, index)
    for index, country in enumerate(notice.transfer_countries):
        if country not in first_transfer:
            yield ctx.finding(
                activity,
                f"/notice/transfer_countries/{index}",
                problem=f"the notice names a transfer to {country}, the register does not",
            )
    named = set(notice.transfer_countries)
    for country, index in first_transfer.items():
        if country not in named:
            yield ctx.finding(
                activity,
                f"/transfers/{index}",
                problem=f"the register lists a transfer to {country}, the notice does not",
            )


def _retention(ctx: RuleContext, activity: Activity, notice: NoticeStatement) -> Iterator[Finding]:
    if notice.retention is None or activity.retention is None:
        return
    registered = [
        (index, parse_duration(rule.duration))
        for index, rule in enumerate(activity.retention)
        if rule.duration is not None and is_iso_duration(rule.duration)
    ]
    stated: list[Duration] = []
    for index, value in enumerate(notice.retention):
        path = f"/notice/retention/{index}"
        if not is_iso_duration(value):
            problem = f"the notice's retention '{value}' is not an ISO 8601 duration and cannot be compared"
            yield ctx.finding(activity, path, problem=problem)
            continue
        duration = parse_duration(value)
        stated.append(duration)
        if not any(_same(duration, other) for _, other in registered):
            yield ctx.finding(
                activity, path, problem=f"the notice states retention {value}, no retention rule does"
            )
    for index, duration in registered:
        if not any(_same(duration, other) for other in stated):
            yield ctx.finding(
                activity,
                f"/retention/{index}/duration",
                problem=f"the register keeps data for {duration}, the notice does not say so",
            )


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        notice = activity.notice
        if notice is None:
            continue
        yield from _recipients(ctx, activity, notice)
        yield from _transfers(ctx, activity, notice)
        yield from _retention(ctx, activity, notice)


RULE = Rule(
    code="RGT-005",
    name="notice-register-mismatch",
    summary="Recipients, transfers or retention periods in the privacy notice disagree with the register.",
    severity=Severity.WARNING,
    legal_refs=(ref("13", 1, "e"), ref("13", 1, "f"), ref("13", 2, "a"), ref("5", 1, "a")),
    message="{entity}: privacy notice and register disagree: {problem}",
    hint="Correct whichever is wrong, the privacy notice or the register, so that both say the same.",
    check=check,
    doc=__doc__ or "",
)
