"""SEC-001 missing-security-measures: no security measure applies to an activity, or a measure is vague.

## What it does
Reports

- each activity (Art. 30(1)) and each processor activity (Art. 30(2)) that references no
  organisation-level ``security_measures`` and has no ``specific_measures``, in a register that lists no
  organisation-level ``security_measures`` for it to inherit. An activity that lists none inherits all of
  the organisation's measures, so one list at the top of the register is enough: organisation-level
  measures count for every activity;
- each security measure, organisation-level or specific to an activity, whose description only says that
  "appropriate", "passende", "geeignete" or "appropriées" measures are taken and names no concrete control
  (encryption, backups, access control, logging ...). The phrases and the controls, in English, Dutch,
  German and French, are in ``ropa/data/security_vocabulary.json``. An organisation-level measure is
  reported once, at the measure.

## Why is this bad?
Art. 30(1)(g) and 30(2)(d) ask, where possible, for a general description of the technical and
organisational security measures of Art. 32(1). Supervisory authorities have fined controllers whose
records did not show them (Garante, Foodinho, 2021; LfD Niedersachsen, Volkswagen, 2022). "Appropriate
measures" repeats the duty of Art. 32(1) instead of describing how it is met. Because of "where possible"
this is a warning; the ``strict`` option makes it an error.

## Example
```yaml
activities:
  - id: orders
    name: Order handling
    specific_measures:
      - description: The payment provider has taken appropriate technical and organisational measures.
```

## Use instead
```yaml
security_measures:
  - id: tls
    description: All traffic to the webshop is encrypted with TLS 1.2 or higher
    kind: technical
    art32: [a]
activities:
  - id: orders
    name: Order handling
    specific_measures:
      - description: The payment provider is PCI DSS certified; card data never reach our servers.
```

## References
- Art. 30(1)(g), 30(2)(d), 32(1) GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.models import Activity, ProcessorActivity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref
from ropa.rules.sec._common import vague_phrase

_NONE = "no security measures recorded, and the organisation lists none to inherit"
_NONE_FIX = (
    "List the organisation's measures under a top-level 'security_measures:' (every activity inherits them), "
    "or add 'specific_measures:' to the activity."
)
_VAGUE_FIX = (
    "Describe the controls themselves (e.g. 'TLS for all traffic, encrypted backups every night, access "
    "only with two-factor login'), or ask the party which measures it takes."
)


def _vague(phrase: str, where: str) -> str:
    return f"{where} says only '{phrase}', naming no concrete control"


def check(ctx: RuleContext) -> Iterator[Finding]:
    shared = ctx.register.security_measures or ()
    for measure in shared:
        phrase = vague_phrase(measure.description)
        if phrase is not None:
            yield ctx.finding(measure, "/description", problem=_vague(phrase, "the measure"), fix=_VAGUE_FIX)
    entries: tuple[Activity | ProcessorActivity, ...] = (*ctx.activities, *ctx.processor_activities)
    for entry in entries:
        if not shared and not entry.security_measures and not entry.specific_measures:
            yield ctx.finding(entry, problem=_NONE, fix=_NONE_FIX)
        for index, specific in enumerate(entry.specific_measures or ()):
            phrase = vague_phrase(specific.description)
            if phrase is not None:
                problem = _vague(phrase, f"specific measure {index + 1}")
                yield ctx.finding(entry, f"/specific_measures/{index}", problem=problem, fix=_VAGUE_FIX)


RULE = Rule(
    code="SEC-001",
    name="missing-security-measures",
    summary="No security measure applies to an activity, or a measure says only 'appropriate measures'.",
    severity=Severity.WARNING,
    legal_refs=(ref("30", 1, "g"), ref("30", 2, "d"), ref("32", 1)),
    message="{entity}: {problem}",
    hint="{fix}",
    check=check,
    doc=__doc__ or "",
    record_gap=True,
    processor_record=True,
    led=(led_ref("24", 1), led_ref("24", 2), led_ref("29", 1)),
)
