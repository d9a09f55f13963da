"""TRF-002 transfer-without-mechanism: a transfer outside the EEA has no transfer mechanism.

## What it does
Reports each transfer outside the EEA, or to an international organisation, that states no
``mechanism``: no adequacy decision, no Art. 46 safeguard (SCCs, BCRs, ...), no Art. 49 derogation.
Transfers without any destination are TRF-001's; transfers inside the EEA are TRF-010's.

## Why is this bad?
Art. 44 allows a transfer only under the conditions of Chapter V: an adequacy decision (Art. 45),
appropriate safeguards (Art. 46, 47) or, for specific situations, a derogation (Art. 49). A transfer
without one of them is unlawful, and the record cannot show otherwise.

## Example
```yaml
activities:
  - id: newsletter
    name: Newsletter
    transfers:
      - country: US
```

## Use instead
```yaml
parties:
  - id: mailer
    name: Mailer Inc.
    role: processor
    country: US
    dpf:
      certified: true
      checked: 2026-05-01
activities:
  - id: newsletter
    name: Newsletter
    transfers:
      - country: US
        recipient: mailer
        mechanism: adequacy
```

## References
- Art. 44, 45, 46, 49 GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import destination, no_chapter_v_transfer, transfers


def check(ctx: RuleContext) -> Iterator[Finding]:
    for site in transfers(ctx):
        transfer = site.transfer
        target = destination(transfer)
        if transfer.mechanism is not None or target is None or no_chapter_v_transfer(transfer, ctx.today):
            continue
        yield ctx.finding(site.owner, site.path, destination=target)


RULE = Rule(
    code="TRF-002",
    name="transfer-without-mechanism",
    summary="A transfer to a third country or international organisation has no transfer mechanism.",
    severity=Severity.ERROR,
    legal_refs=(ref("44"), ref("45"), ref("46"), ref("49")),
    message="{entity}: transfer to {destination} has no transfer mechanism",
    hint=(
        "Add 'mechanism:': adequacy, scc, bcr or another Art. 46 safeguard, or an Art. 49 derogation "
        "(49-1-a ... 49-1-g, 49-1-2)."
    ),
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
