"""TRF-009 undocumented-compelling-interests-transfer: a last-resort Art. 49(1) transfer is undocumented.

## What it does
Reports each transfer with ``mechanism: 49-1-2`` (compelling legitimate interests, the last resort of
the second subparagraph of Art. 49(1)) whose ``documentation`` lacks the assessment, the suitable
safeguards or the date the supervisory authority was informed (``sa_notified``). One finding lists
everything that is missing.

## Why is this bad?
The second subparagraph of Art. 49(1) allows a transfer only after the controller has assessed all the
circumstances and provided suitable safeguards, and only if it informs the supervisory authority.
Art. 49(6) and Art. 30(1)(e) require the assessment and the safeguards to be documented in the record
itself.

## Example
```yaml
activities:
  - id: legal-dispute
    name: Dispute with a foreign supplier
    transfers:
      - country: TR
        mechanism: 49-1-2
        documentation:
          assessment: ASSESS-2026-01
```

## Use instead
```yaml
activities:
  - id: legal-dispute
    name: Dispute with a foreign supplier
    transfers:
      - country: TR
        mechanism: 49-1-2
        documentation:
          assessment: ASSESS-2026-01
          safeguards: Pseudonymised extract, encrypted, deleted after the hearing
          sa_notified: 2026-02-03
```

## References
- Art. 49(1) second subparagraph, 49(6), 30(1)(e) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import TransferMechanism
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.trf._common import blank, destination, no_chapter_v_transfer, transfers


def check(ctx: RuleContext) -> Iterator[Finding]:
    for site in transfers(ctx):
        transfer = site.transfer
        if transfer.mechanism is not TransferMechanism.COMPELLING_LEGITIMATE_INTERESTS:
            continue
        if no_chapter_v_transfer(transfer, ctx.today):
            continue
        doc = transfer.documentation
        missing = []
        if doc is None or blank(doc.assessment):
            missing.append("the assessment")
        if doc is None or blank(doc.safeguards):
            missing.append("the suitable safeguards")
        if doc is None or doc.sa_notified is None:
            missing.append("the date the supervisory authority was informed")
        if not missing:
            continue
        path = f"{site.path}/documentation" if doc is not None else site.path
        yield ctx.finding(
            site.owner,
            path,
            destination=destination(transfer) or "an unnamed destination",
            missing=", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1],
        )


RULE = Rule(
    code="TRF-009",
    name="undocumented-compelling-interests-transfer",
    summary=(
        "A transfer under the second subparagraph of Art. 49(1) lacks the documented assessment, "
        "safeguards or SA notification."
    ),
    severity=Severity.ERROR,
    legal_refs=(ref("49", 1), ref("49", 6), ref("30", 1, "e")),
    message="{entity}: transfer to {destination} under Art. 49(1) second subparagraph lacks {missing}",
    hint=(
        "Record 'documentation:' with 'assessment:', 'safeguards:' and 'sa_notified:' (the date the "
        "supervisory authority was informed), as Art. 49(6) requires."
    ),
    check=check,
    doc=__doc__ or "",
    processor_record=True,
)
