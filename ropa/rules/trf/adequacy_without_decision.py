"""TRF-003 adequacy-without-decision: a transfer relies on adequacy where no adequacy decision applies.

## What it does
Reports each transfer with ``mechanism: adequacy`` whose destination country or international
organisation has no adequacy decision in force on the check date (``--today``) in ropa's adequacy data
(``ropa/data/adequacy.json``): none was adopted, it was adopted after that date, or it ended
(``valid_until``, e.g. the United Kingdom's on 27 December 2031). Transfers inside the EEA are TRF-010's.

Whether the importer falls under a *partial* decision (United States, Canada, Japan, Korea) is TRF-004's.

## Why is this bad?
Only the Commission can find that a third country or international organisation ensures an adequate
level of protection (Art. 45(1), (3)). Without such a decision the transfer needs an Art. 46 safeguard
or an Art. 49 derogation, and the record names a basis that does not exist.

## Example
```yaml
activities:
  - id: hosting
    name: Web hosting
    transfers:
      - country: AU
        mechanism: adequacy
```

## Use instead
```yaml
activities:
  - id: hosting
    name: Web hosting
    transfers:
      - country: AU
        mechanism: scc
        scc_module: 2
        tia: TIA-2026-03
```

## Known limitations
The adequacy data are as of their retrieval date (see TRF-011). A decision adopted later is unknown to
this version of ropa: update ropa, or suppress the finding with a justification that cites the decision.

## References
- Art. 45(1), 45(3) GDPR
- European Commission, list of adequacy decisions
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import adequacy
from ropa.models import TransferMechanism
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import destination, no_chapter_v_transfer, transfers


def check(ctx: RuleContext) -> Iterator[Finding]:
    data = adequacy()
    for site in transfers(ctx):
        transfer = site.transfer
        target = destination(transfer)
        if (
            transfer.mechanism is not TransferMechanism.ADEQUACY
            or target is None
            or no_chapter_v_transfer(transfer, ctx.today)
        ):
            continue
        if data.decision_for(transfer, ctx.today) is not None:
            continue
        reason = f"ropa's adequacy data ({data.version}) list no decision for it"
        for decision in data.candidates(transfer):
            if decision.valid_until is not None and ctx.today > decision.valid_until:
                reason = f"{decision.decision} applied only until {decision.valid_until.isoformat()}"
            elif decision.adopted is not None and ctx.today < decision.adopted:
                reason = f"{decision.decision} applies only from {decision.adopted.isoformat()}"
        yield ctx.finding(
            site.owner, site.path, destination=target, reason=reason, retrieved=data.retrieved.isoformat()
        )


RULE = Rule(
    code="TRF-003",
    name="adequacy-without-decision",
    summary="A transfer relies on adequacy, but no adequacy decision applies to its destination.",
    severity=Severity.ERROR,
    legal_refs=(ref("45", 1), ref("45", 3)),
    message="{entity}: transfer to {destination} relies on adequacy, but {reason}",
    hint=(
        "Use an Art. 46 safeguard (scc, bcr, ...) or an Art. 49 derogation instead; if a decision was "
        "adopted after {retrieved}, update ropa."
    ),
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
