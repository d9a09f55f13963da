"""TRF-008 derogation-for-regular-transfer: an Art. 49(1) derogation covers a regular or systematic transfer.

## What it does
Reports each transfer whose ``mechanism`` is one of the derogations ``49-1-a`` ... ``49-1-g`` while its
``frequency`` is ``regular``, ``systematic`` or ``continuous``.

## Why is this bad?
Derogations are exceptions, to be read restrictively and used for occasional transfers (EDPB
Guidelines 2/2018). A transfer that happens routinely, such as every order sent to a foreign service
provider, needs adequacy or an Art. 46 safeguard instead.

## Example
```yaml
activities:
  - id: shipping
    name: International shipping
    transfers:
      - country: CN
        mechanism: 49-1-b
        frequency: regular
```

## Use instead
```yaml
activities:
  - id: shipping
    name: International shipping
    transfers:
      - country: CN
        mechanism: 49-1-b
        frequency: occasional
```

## References
- Art. 49(1) GDPR
- EDPB Guidelines 2/2018 on derogations of Article 49 under Regulation 2016/679
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Frequency
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import destination, no_chapter_v_transfer, transfers

REPEATED = frozenset({Frequency.REGULAR, Frequency.SYSTEMATIC, Frequency.CONTINUOUS})


def check(ctx: RuleContext) -> Iterator[Finding]:
    for site in transfers(ctx):
        transfer = site.transfer
        mechanism = transfer.mechanism
        if mechanism is None or not mechanism.is_derogation or transfer.frequency not in REPEATED:
            continue
        if no_chapter_v_transfer(transfer, ctx.today):
            continue
        yield ctx.finding(
            site.owner,
            f"{site.path}/frequency",
            destination=destination(transfer) or "an unnamed destination",
            mechanism=mechanism.value,
            frequency=transfer.frequency.value,
        )


RULE = Rule(
    code="TRF-008",
    name="derogation-for-regular-transfer",
    summary="An Art. 49(1)(a)-(g) derogation is used for a regular, systematic or continuous transfer.",
    severity=Severity.WARNING,
    legal_refs=(ref("49", 1),),
    message="{entity}: transfer to {destination} relies on derogation {mechanism} but is {frequency}",
    hint=(
        "Derogations suit occasional transfers: use adequacy, SCCs or BCRs for repeated transfers, or "
        "correct 'frequency' if the transfer is occasional."
    ),
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
