"""ACT-010 processor-activity-without-categories: a processor-record entry states no categories of processing.

## What it does
Reports each entry under ``processor_activities`` (the processor's record, Art. 30(2)) whose
``categories`` is missing or empty. Every other rule on what a controller's activity must state
(purposes, data subjects, retention, lawful basis) is silent on these entries: a processor's record does
not have them.

## Why is this bad?
A processor must record, for each controller it acts for, the categories of processing it carries out on
that controller's behalf (Art. 30(2)(b)). Without them the entry names a customer but not what the
processor does with its data, and neither the controller nor the supervisory authority can check the
processing against the Art. 28 contract.

## Example
```yaml
processor_activities:
  - id: acme-hosting
    controller:
      name: Acme B.V.
      email: privacy@acme.example
```

## Use instead
```yaml
processor_activities:
  - id: acme-hosting
    controller:
      name: Acme B.V.
      email: privacy@acme.example
    categories:
      - Hosting and backup of the webshop database
      - Sending order confirmations by e-mail
```

## References
- Art. 30(2)(b) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for entry in ctx.processor_activities:
        if entry.categories is None:
            yield ctx.finding(entry)
        elif not [text for text in entry.categories if text.strip()]:
            yield ctx.finding(entry, "/categories")


RULE = Rule(
    code="ACT-010",
    name="processor-activity-without-categories",
    summary="An entry of the processor's record states no categories of processing.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 2, "b"),),
    message="{entity}: no categories of processing carried out for the controller are recorded",
    hint="Add 'categories:' with what is done on the controller's behalf, e.g. '- Hosting of the CRM'.",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("24", 2),),
)
