"""NL-004 dpia-list-processing-without-dpia: processing on the Dutch AP DPIA list has no DPIA.

## What it does
Reports each controller activity whose ``nl_dpia_categories`` name one or more of the 17 categories of
the Dutch supervisory authority's DPIA list (ropa's data file ``dpia_list_nl``) and that has no
``dpia.reference``. A screening saying no DPIA is required does not help: for listed processing the DPIA
is mandatory. An activity under Art. 35(3) is reported by DPIA-001 instead.

## Why is this bad?
Under Art. 35(4) each supervisory authority lists the kinds of processing that always need a DPIA. The
Autoriteit Persoonsgegevens' list (Staatscourant, 27 November 2019) covers, among others, camera
surveillance, employee monitoring, location data, profiling and biometric data.

## Known limitations
The rule reads only the categories the activity declares; it derives none from the rest of the register.
Categories 8 and 12–16 (Samenwerkingsverbanden, Locatiegegevens, Communicatiegegevens, Internet of things,
Profilering, Observatie en beïnvloeding van gedrag) are known by their titles only: their descriptions in
the decision had not been read when last checked (2026-12-03), and the data file marks them unverified.
So profiling on a large scale is not taken to be category 15 unless the activity says so.

## Example
```yaml
activities:
  - id: delivery-tracking
    name: Live tracking of delivery drivers
    nl_dpia_categories: [11, 12]
```

## Use instead
```yaml
activities:
  - id: delivery-tracking
    name: Live tracking of delivery drivers
    nl_dpia_categories: [11, 12]
    dpia:
      required: true
      reference: DPIA-2026-02 (privacy/dpia/tracking.pdf)
      date: 2026-02-20
      outcome: risks-mitigated
```

## References
- Art. 35(1), 35(4) GDPR
- Autoriteit Persoonsgegevens, Besluit inzake lijst van verwerkingen van persoonsgegevens waarvoor een
  gegevensbeschermingseffectbeoordeling (DPIA) verplicht is, Stcrt. 2019, 64418
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, ref
from ropa.rules.dpia._common import ap_list, reported_by_nl004


def check(ctx: RuleContext) -> Iterator[Finding]:
    names = ap_list()
    for activity in ctx.activities:
        numbers = reported_by_nl004(ctx, activity)
        if numbers:
            listed = "; ".join(f"{n} {names[n]['nl']} ({names[n]['en']})" for n in numbers)
            yield ctx.finding(activity, "/nl_dpia_categories", categories=listed)


RULE = Rule(
    code="NL-004",
    name="dpia-list-processing-without-dpia",
    summary="An activity on the Dutch AP DPIA list has no DPIA reference.",
    severity=Severity.WARNING,
    legal_refs=(ref("35", 1), ref("35", 4)),
    message="{entity}: on the AP DPIA list ({categories}), but no DPIA is referenced",
    hint="Carry out the DPIA before the processing and record 'dpia: {{reference: ...}}'.",
    check=check,
    profile="nl",
    doc=__doc__ or "",
)
