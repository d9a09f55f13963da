"""REC-001 undefined-recipient: an activity names a recipient or importer that is not a defined party.

## What it does
Reports each party id that an activity uses as a recipient (``recipients``), transfer importer
(``transfers[].recipient``) or authority (``authority_disclosures[].party``), or that a processor
activity uses as transfer importer, when no party with that id is defined under ``parties``. Categories
of recipients (``category:``) name no party and are not checked. Each missing id is reported once per
activity, at its first use. Parties that are defined but failed to load are not reported again (the
loader already did), nor are ids that a file that did not load may define (one STR-007 sums them up).
Unknown sub-processors are PRC-005's.

## Why is this bad?
Art. 30(1)(d) requires the record to name the categories of recipients. A reference to a party that is
not defined leaves the recipient's role, country and contract unknown, so the checks on processors and
transfers cannot run on it.

## Example
```yaml
parties:
  - id: mollie
    name: Mollie B.V.
    role: processor
activities:
  - id: payments
    name: Payments
    recipients:
      - molie
```

## Use instead
```yaml
parties:
  - id: mollie
    name: Mollie B.V.
    role: processor
activities:
  - id: payments
    name: Payments
    recipients:
      - mollie
```

## References
- Art. 30(1)(d) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Activity, ProcessorActivity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.rec._refs import party_refs, suggestion


def check(ctx: RuleContext) -> Iterator[Finding]:
    defined = ctx.party_by_id
    folded = {ident.casefold(): ident for ident in defined}
    entities: list[Activity | ProcessorActivity] = [*ctx.activities, *ctx.processor_activities]
    for entity in entities:
        seen: set[str] = set()
        for ident, path, what in party_refs(entity):
            if ident in seen or ident in defined:
                continue
            seen.add(ident)
            if not ctx.undefined("parties", ident, entity, path):
                continue
            yield ctx.finding(entity, path, what=what, ref=ident, suggest=suggestion(ident, folded))


RULE = Rule(
    code="REC-001",
    name="undefined-recipient",
    summary="An activity names a recipient or transfer importer that is not a defined party.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "d"),),
    message="{entity}: {what} '{ref}' is not a defined party",
    hint="{suggest}Define '{ref}' under 'parties:' with 'id:', 'name:' and 'role:', or correct the id.",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("24", 1),),
)
