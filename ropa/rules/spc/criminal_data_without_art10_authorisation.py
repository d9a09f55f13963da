"""SPC-005 criminal-data-without-art10-authorisation: criminal-offence data lack an Art. 10 authorisation.

## What it does
Reports each activity that uses a data category holding personal data relating to criminal convictions
and offences (``criminal: true``, or a DPV IRI under ``pd:Criminal``, such as ``pd:CriminalConviction``)
and has no ``art10.authorisation``. The finding points at ``art10`` when the block is there but empty, else
at the first criminal data category. Entries of the processor's record are not checked: the authorisation
is the controller's to establish. Activities under the Law Enforcement Directive (``regime: led``) are not
checked: processing criminal-offence data is what that Directive governs.

## Why is this bad?
Art. 10 allows such processing only under the control of official authority, or when authorised by
Union or Member-State law that provides appropriate safeguards (in the Netherlands, Art. 31–33 UAVG).
Criminal-offence data are not special-category data: an Art. 9(2) condition does not cover them.

## Example
```yaml
data_categories:
  - id: certificate-of-conduct
    name: Certificate of conduct (VOG)
    criminal: true
activities:
  - id: hiring
    name: Hiring drivers
    data_categories:
      - certificate-of-conduct
```

## Use instead
```yaml
data_categories:
  - id: certificate-of-conduct
    name: Certificate of conduct (VOG)
    criminal: true
activities:
  - id: hiring
    name: Hiring drivers
    data_categories:
      - certificate-of-conduct
    art10:
      authorisation: Art. 33(1)(a) UAVG; VOG issued by Justis under the Wjsg
```

## References
- Art. 10 GDPR
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import criminal_refs
from ropa.rules._base import Finding, Rule, RuleContext, ref


def check(ctx: RuleContext) -> Iterator[Finding]:
    for activity in ctx.activities:
        art10 = activity.art10
        if art10 is not None and (art10.authorisation or "").strip():
            continue
        refs = criminal_refs(activity, ctx.category_by_id)
        if not refs:
            continue
        path = "/art10" if art10 is not None else refs[0].path
        names = ", ".join(f"'{r.category.id}'" for r in refs[:3]) + (", …" if len(refs) > 3 else "")
        yield ctx.finding(activity, path, categories=names)


RULE = Rule(
    code="SPC-005",
    name="criminal-data-without-art10-authorisation",
    summary="Criminal-conviction or offence data are processed without an Art. 10 authorisation.",
    severity=Severity.ERROR,
    legal_refs=(ref("10"),),
    message=(
        "{entity}: processes criminal-conviction or offence data ({categories}) without an Art. 10 "
        "authorisation"
    ),
    hint=(
        "Add 'art10: {{authorisation: ...}}' citing the official authority, or the law with safeguards that "
        "allows it (e.g. Art. 31-33 UAVG); an Art. 9(2) condition does not cover criminal data."
    ),
    check=check,
    doc=__doc__ or "",
)
