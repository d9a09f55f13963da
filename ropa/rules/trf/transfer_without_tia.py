"""TRF-007 transfer-without-tia: a transfer under an Art. 46 safeguard has no transfer impact assessment.

## What it does
Reports each transfer to a third country with ``mechanism`` ``scc``, ``scc-sa``, ``bcr``, ``46-2-e`` (an
approved code of conduct with binding commitments of the importer), ``46-2-f`` (an approved certification
mechanism with such commitments) or ``46-3-a`` (ad hoc contractual clauses) that has no ``tia`` reference.
Adequacy needs no assessment; the instruments between public bodies (``46-2-a``, ``46-3-b``) and the
Art. 49 derogations are not checked.

## Why is this bad?
These safeguards bind the importer, not the authorities of the destination country. Since
*Schrems II* (CJEU C-311/18, 16 July 2020) the exporter must assess whether the law and practice there
let the importer comply, and add supplementary measures where they do not (Clause 14 of the SCCs; EDPB
Recommendations 01/2020). The assessment must be documented and available to the supervisory authority.

## Example
```yaml
activities:
  - id: payroll
    name: Payroll
    transfers:
      - country: IN
        mechanism: scc
        scc_module: 2
```

## Use instead
```yaml
activities:
  - id: payroll
    name: Payroll
    transfers:
      - country: IN
        mechanism: scc
        scc_module: 2
        tia: TIA-2026-02 (legal/tia/payroll-india.pdf)
```

## References
- Art. 44, 46(1), 46(2)(b)–(f), 46(3)(a) GDPR
- CJEU C-311/18 *Schrems II*; Clause 14 of the SCCs (Implementing Decision (EU) 2021/914); EDPB
  Recommendations 01/2020
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import TransferMechanism
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import blank, destination, no_chapter_v_transfer, transfers

NEEDS_TIA = frozenset(
    {
        TransferMechanism.SCC,
        TransferMechanism.SCC_SA,
        TransferMechanism.BCR,
        TransferMechanism.CODE_OF_CONDUCT,
        TransferMechanism.CERTIFICATION,
        TransferMechanism.AD_HOC_CLAUSES,
    }
)
"""Art. 46 tools whose safeguard binds the importer but not the authorities of its country, so that a
transfer impact assessment is expected (EDPB Recommendations 01/2020)."""


def check(ctx: RuleContext) -> Iterator[Finding]:
    for site in transfers(ctx):
        transfer = site.transfer
        target = destination(transfer)
        if (
            transfer.mechanism not in NEEDS_TIA
            or target is None
            or no_chapter_v_transfer(transfer, ctx.today)
        ):
            continue
        if blank(transfer.tia):
            yield ctx.finding(site.owner, site.path, destination=target, mechanism=transfer.mechanism.value)


RULE = Rule(
    code="TRF-007",
    name="transfer-without-tia",
    summary="A transfer under an Art. 46 safeguard has no transfer impact assessment reference.",
    severity=Severity.WARNING,
    legal_refs=(ref("44"), ref("46", 1)),
    message="{entity}: {mechanism} transfer to {destination} has no transfer impact assessment",
    hint="Add 'tia:' with a reference to the documented transfer impact assessment.",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    processor_record=True,
)
