"""RET-007 retention-below-statutory-minimum: bookkeeping data are kept shorter than the law requires.

## What it does
Looks up the statutory minimum for bookkeeping data in the organisation's country (``organisation.country``
in ropa's data file ``statutory_retention``; the Netherlands: ``P7Y``, Art. 52(4) AWR and Art. 2:10(3)
BW) and reports each retention rule that covers a data category marked ``bookkeeping: true`` with a
``duration`` that can be shorter. The comparison is made for every possible start date: ``P2555D`` is
reported because seven calendar years are 2,556 or 2,557 days in most cases. Only the length is
compared, not the anchor (see Known limitations).

## Why is this bad?
Erasing invoices, ledgers or payroll records before the statutory term ends breaks the fiscal and civil
duty to keep them; the register then promises an erasure the organisation may not carry out.

## Known limitations
The start of the Dutch seven-year term ("end of the financial year the records relate to") is
Belastingdienst practice that ropa has not verified against the primary source, so a rule of ``P7Y``
from the transaction date is not reported. Countries without an entry in the data file are not checked.

## Example
```yaml
organisation:
  name: Example BV
  country: NL
data_categories:
  - id: invoices
    name: Invoices
    bookkeeping: true
activities:
  - id: invoicing
    name: Invoicing
    data_categories: [invoices]
    retention:
      - data_categories: [invoices]
        duration: P5Y
        anchor: end-of-financial-year
```

## Use instead
```yaml
organisation:
  name: Example BV
  country: NL
data_categories:
  - id: invoices
    name: Invoices
    bookkeeping: true
activities:
  - id: invoicing
    name: Invoicing
    data_categories: [invoices]
    retention:
      - data_categories: [invoices]
        duration: P7Y
        anchor: end-of-financial-year
        legal_reference: Art. 52(4) AWR
```

## References
- Art. 52(4) Algemene wet inzake rijksbelastingen (AWR)
- Art. 2:10(3) and 3:15i Burgerlijk Wetboek (BW)
- Art. 5(1)(e), 30(1)(f) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.durations import Duration, at_least, parse_duration
from ropa.law import bookkeeping_minimum, keeps_forever
from ropa.models import is_iso_duration
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.ret._common import covers, describe


def check(ctx: RuleContext) -> Iterator[Finding]:
    organisation = ctx.register.organisation
    entry = bookkeeping_minimum(organisation.country if organisation else None)
    if entry is None:
        return
    minimum: Duration = parse_duration(entry.duration)
    index = ctx.category_by_id
    too_short: dict[str, bool] = {}  # registers repeat the same few durations
    for activity in ctx.activities:
        books = [c for c in activity.data_categories or () if (cat := index.get(c)) and cat.bookkeeping]
        if not books:
            continue
        for position, rule in enumerate(activity.retention or ()):
            if rule.duration is None or not is_iso_duration(rule.duration) or keeps_forever(rule):
                continue
            covered = [c for c in books if covers(rule, c)]
            if not covered:
                continue
            short = too_short.get(rule.duration)
            if short is None:
                short = too_short[rule.duration] = not at_least(parse_duration(rule.duration), minimum)
            if short:
                yield ctx.finding(
                    activity,
                    f"/retention/{position}/duration",
                    rule=describe(rule, position),
                    duration=rule.duration,
                    categories=", ".join(covered),
                    minimum=entry.duration,
                    law=entry.legal_reference,
                )


RULE = Rule(
    code="RET-007",
    name="retention-below-statutory-minimum",
    summary="Bookkeeping data are kept for less than the statutory minimum of the organisation's country.",
    severity=Severity.WARNING,
    legal_refs=(ref("52", 4, instrument="AWR"), ref("2:10", 3, instrument="BW"), ref("5", 1, "e")),
    message=(
        "{entity}: {rule} keeps bookkeeping data ({categories}) for {duration}, "
        "shorter than the statutory {minimum} ({law})"
    ),
    hint="Keep bookkeeping data for at least {minimum} ({law}): set 'duration: {minimum}'.",
    check=check,
    doc=__doc__ or "",
)
