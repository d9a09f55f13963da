"""TRF-001 transfer-without-destination: a transfer names no third country or international organisation.

## What it does
Reports each transfer, of an activity or of a processor activity, that states neither ``country`` nor
``international_organisation``.

## Why is this bad?
Art. 30(1)(e), and Art. 30(2)(c) for a processor, require the record to identify the third country or
international organisation the data go to. Without the destination nobody can tell which Chapter V
mechanism the transfer needs, or whether it is a transfer at all.

## Example
```yaml
parties:
  - id: helpdesk-vendor
    name: Helpdesk Inc.
    role: processor
    country: US
activities:
  - id: support
    name: Customer support
    transfers:
      - recipient: helpdesk-vendor
        mechanism: scc
        scc_module: 2
```

## Use instead
```yaml
parties:
  - id: helpdesk-vendor
    name: Helpdesk Inc.
    role: processor
    country: US
activities:
  - id: support
    name: Customer support
    transfers:
      - recipient: helpdesk-vendor
        country: US
        mechanism: scc
        scc_module: 2
```

## References
- Art. 30(1)(e) GDPR; for processors Art. 30(2)(c) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.trf._common import blank, transfers


def check(ctx: RuleContext) -> Iterator[Finding]:
    parties = ctx.party_by_id
    for site in transfers(ctx):
        transfer = site.transfer
        if transfer.country is not None or not blank(transfer.international_organisation):
            continue
        importer = parties.get(transfer.recipient) if transfer.recipient else None
        where = (
            f" (importer {importer.id} is recorded in {importer.country})"
            if importer is not None and importer.country
            else ""
        )
        yield ctx.finding(site.owner, site.path, where=where)


RULE = Rule(
    code="TRF-001",
    name="transfer-without-destination",
    summary="A transfer names neither a third country nor an international organisation.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "e"),),
    message="{entity}: transfer names no destination country or international organisation",
    hint="Add 'country:' (an ISO code such as US) or 'international_organisation:' to the transfer{where}.",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("24", 1),),
)
