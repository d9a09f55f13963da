"""TRF-006 scc-module-mismatch: an SCC transfer names no module, or a module that does not fit the roles.

## What it does
Reports each transfer with ``mechanism: scc`` (the Commission's SCCs of Implementing Decision (EU)
2021/914) that has no ``scc_module``, or whose module does not match the exporter's and importer's roles:

| Exporter | Importer's ``role`` | Module |
|---|---|---|
| controller (an activity) | ``controller`` or ``joint-controller`` | 1 |
| controller (an activity) | ``processor`` | 2 |
| processor (a processor activity, or an activity with ``role: processor``) | ``processor`` | 3 |
| processor | ``controller`` or ``joint-controller`` | 4 |

The module is compared only when the importer (``recipient``) is a defined party with one of these roles.
Transfers inside the EEA are TRF-010's.

## Why is this bad?
The SCCs have four modules with different obligations. A module that does not match the parties' roles
leaves the contract's obligations with the wrong party, and the safeguard may not hold.

## Example
```yaml
parties:
  - id: cloud
    name: Cloud Inc.
    role: processor
    country: US
activities:
  - id: backup
    name: Off-site backup
    transfers:
      - country: US
        recipient: cloud
        mechanism: scc
        scc_module: 1
        tia: TIA-2026-01
```

## Use instead
```yaml
parties:
  - id: cloud
    name: Cloud Inc.
    role: processor
    country: US
activities:
  - id: backup
    name: Off-site backup
    transfers:
      - country: US
        recipient: cloud
        mechanism: scc
        scc_module: 2
        tia: TIA-2026-01
```

## References
- Art. 46(2)(c) GDPR
- Art. 1 Commission Implementing Decision (EU) 2021/914 and its Annex (modules one to four)
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import LegalRef, Severity
from ropa.models import PartyRole, TransferMechanism
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import destination, no_chapter_v_transfer, transfers

MODULE_NAMES = {
    1: "controller to controller",
    2: "controller to processor",
    3: "processor to processor",
    4: "processor to controller",
}
_CONTROLLERS = (PartyRole.CONTROLLER, PartyRole.JOINT_CONTROLLER)


def expected_module(exporter_is_processor: bool, importer: PartyRole | None) -> int | None:
    """The SCC module for the roles, or ``None`` when the importer's role does not determine one."""
    if importer is PartyRole.PROCESSOR:
        return 3 if exporter_is_processor else 2
    if importer in _CONTROLLERS:
        return 4 if exporter_is_processor else 1
    return None


def check(ctx: RuleContext) -> Iterator[Finding]:
    parties = ctx.party_by_id
    for site in transfers(ctx):
        transfer = site.transfer
        target = destination(transfer)
        if (
            transfer.mechanism is not TransferMechanism.SCC
            or target is None
            or no_chapter_v_transfer(transfer, ctx.today)
        ):
            continue
        importer = parties.get(transfer.recipient) if transfer.recipient else None
        role = importer.role if importer is not None else None
        expected = expected_module(site.exporter_is_processor, role)
        if transfer.scc_module is None:
            fix = (
                f"Add 'scc_module: {expected}' ({MODULE_NAMES[expected]})."
                if expected is not None
                else "Add 'scc_module:' 1 (C2C), 2 (C2P), 3 (P2P) or 4 (P2C), as signed."
            )
            yield ctx.finding(site.owner, site.path, destination=target, problem="names no module", fix=fix)
        elif expected is not None and transfer.scc_module != expected and importer is not None:
            exporter = "processor" if site.exporter_is_processor else "controller"
            problem = (
                f"uses module {transfer.scc_module} ({MODULE_NAMES[transfer.scc_module]}), but the exporter "
                f"is a {exporter} and importer {importer.id} is recorded as {role}"
            )
            fix = (
                f"Use module {expected} ({MODULE_NAMES[expected]}), or correct the role of {importer.id} "
                "if the signed clauses are right."
            )
            yield ctx.finding(
                site.owner, f"{site.path}/scc_module", destination=target, problem=problem, fix=fix
            )


RULE = Rule(
    code="TRF-006",
    name="scc-module-mismatch",
    summary="An SCC transfer names no module, or a module inconsistent with the parties' roles.",
    severity=Severity.WARNING,
    legal_refs=(ref("46", 2, "c"), LegalRef("1", instrument="Implementing Decision (EU) 2021/914")),
    message="{entity}: SCC transfer to {destination} {problem}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
