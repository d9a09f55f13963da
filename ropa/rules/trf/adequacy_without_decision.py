"""TRF-003 adequacy-without-decision: a transfer relies on adequacy where no adequacy decision applies.

## What it does
Reports each transfer with ``mechanism: adequacy`` whose destination country or international
organisation has no adequacy decision in force on the check date (``--today``) in ropa's adequacy data
(``ropa/data/adequacy.json``): none was adopted, it was adopted after that date, or it ended
(``valid_until``, e.g. the United Kingdom's on 27 December 2031). Transfers inside the EEA are TRF-010's.

The message speaks of the law of the check date: it names the latest decision that had ended by then
(the Privacy Shield, for a US transfer judged in 2021), or says that no decision applied yet; a decision
adopted after the check date is not named, since it was no law on that day.

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

import datetime as dt
from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import Decision, adequacy
from ropa.models import TransferMechanism
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import destination, no_chapter_v_transfer, transfers


def _reason(candidates: list[Decision], today: dt.date, version: str) -> str:
    """Why no decision applies on ``today``, in the law of that day: the latest decision that had ended by
    then, else that none applied yet (a decision adopted later is not named: it was no law on that day)."""
    ended = [d for d in candidates if d.valid_until is not None and d.valid_until < today]
    if ended:
        last = max(ended, key=lambda d: d.valid_until or today)
        decision = f"{last.decision} ({last.scope_key})" if last.partial and last.scope_key else last.decision
        return f"{decision} applied only until {last.valid_until}"
    if candidates:
        return f"no adequacy decision applied to it on {today.isoformat()}"
    return f"ropa's adequacy data ({version}) list no decision for it"


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
        reason = _reason(data.candidates(transfer), ctx.today, data.version)
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
