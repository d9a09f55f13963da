"""TRF-010 intra-eea-transfer: a transfer is recorded to a country inside the EEA.

## What it does
Reports each transfer whose ``country`` is a member of the European Economic Area (the EU-27, Iceland,
Liechtenstein and Norway) and that names no international organisation; and each transfer to a country that
EU law did not treat as a third country on the check date (``--today``): the United Kingdom until
31 December 2020 (EU membership and the transition period of the Withdrawal Agreement) and until its
adequacy decision of 28 June 2021 (the bridge of Art. FINPROV.10A of the EU-UK Trade and Cooperation
Agreement). The periods are in ropa's adequacy data (``not_a_third_country``).

## Why is this bad?
Chapter V applies to transfers to third countries and international organisations (Art. 44). Data sent
to an EEA country is disclosed to a recipient, not transferred: recording it as a transfer inflates
Art. 30(1)(e) and invites mechanisms, assessments and notices that are not needed. The other transfer
rules leave such entries alone.

## Example
```yaml
activities:
  - id: fulfilment
    name: Order fulfilment
    transfers:
      - country: DE
        mechanism: scc
```

## Use instead
```yaml
parties:
  - id: warehouse
    name: Lager GmbH
    role: processor
    country: DE
activities:
  - id: fulfilment
    name: Order fulfilment
    recipients:
      - warehouse
    transfers: []
```

## References
- Art. 44 GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import not_a_third_country
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.trf._common import is_intra_eea, no_chapter_v_transfer, transfers


def check(ctx: RuleContext) -> Iterator[Finding]:
    for site in transfers(ctx):
        transfer = site.transfer
        if not no_chapter_v_transfer(transfer, ctx.today) or transfer.country is None:
            continue
        if is_intra_eea(transfer):
            why = "stays inside the EEA"
        else:
            period = not_a_third_country(transfer.country, ctx.today)
            reason = period.reason if period is not None else ""
            why = f"was no transfer to a third country on {ctx.today.isoformat()}: {reason}"
        yield ctx.finding(site.owner, f"{site.path}/country", country=transfer.country, why=why)


RULE = Rule(
    code="TRF-010",
    name="intra-eea-transfer",
    summary="A transfer is recorded to a country inside the EEA, which is no Chapter V transfer.",
    severity=Severity.INFO,
    legal_refs=(ref("44"),),
    message="{entity}: transfer to {country} {why}",
    hint="List the party under 'recipients:' and remove the transfer: Chapter V covers third countries only.",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("35", 1),),
)
