"""NL-001 national-id-without-statutory-basis: a BSN is processed without the law that allows it.

## What it does
Reports each activity of the controller that uses a national identification number (a data category with
``national_id: true``: the Dutch *burgerservicenummer* or another number a law prescribes):

- as an **error**, when none of its purposes relies on ``6-1-c`` or ``6-1-e`` with the ``law`` that
  requires or allows the number;
- as an **error**, when the purposes cite laws, and every one of them is a law ropa knows *not* to permit
  the BSN: the VAT Act (``Wet op de omzetbelasting 1968``: invoices carry the VAT identification number,
  which since 2020 does not contain a sole trader's BSN) and the bookkeeping duty (``Art. 52 AWR``,
  ``Art. 2:10 BW``: records, no number), and the ID check at an employment agency (``Art. 7c Waadi``: a
  copy of the ID kept four weeks; the BSN may not be registered before the candidate is employed). A web
  shop that records its business customers' BSNs citing the VAT Act is reported;
- as **info**, when the purposes cite a law ropa does not know: neither one that permits the BSN for this
  organisation (Art. 10 Wabb for government bodies, the Wet op de loonbelasting 1964 for employers, the
  Wabvpz for healthcare, the persoonsgebonden nummer of the education acts) nor one known not to. Check it
  against the law itself or the RvIG's list of authorised users, then suppress the finding with that
  justification.

Both lists, with their sources, are in ``ropa/data/bsn_laws.json`` (read by :mod:`ropa.law`); a law cited
as several parts separated by ``;`` is known not to permit the BSN only when each part is. Only the AWR's
Art. 52 is on that list: other provisions of the AWR (the information duties of banks and employers to
the Belastingdienst) may involve the BSN, so "AWR" alone gives the info.

## Why is this bad?
Art. 87 GDPR lets Member States set the conditions for processing a national identification number. In
the Netherlands, Art. 46 UAVG allows it only to carry out the law that prescribes the number (or for
purposes set by law); government bodies may use it for their tasks where necessary (Art. 10 Wabb). Any
other organisation needs a specific law, and consent does not replace it (Autoriteit Persoonsgegevens).
"Any law on a 6-1-c purpose" is not enough: the law must be one that prescribes the number.

## Example
```yaml
data_categories:
  - id: bsn
    name: Citizen service number (BSN)
    national_id: true
activities:
  - id: payroll
    name: Payroll
    data_categories: [bsn]
    purposes:
      - description: Pay salaries
        lawful_basis: 6-1-b
```

## Use instead
```yaml
data_categories:
  - id: bsn
    name: Citizen service number (BSN)
    national_id: true
activities:
  - id: payroll
    name: Payroll
    data_categories: [bsn]
    purposes:
      - description: Pay salaries
        lawful_basis: 6-1-b
      - description: File the wage tax return with the employee's BSN
        lawful_basis: 6-1-c
        law: Art. 28 Wet op de loonbelasting 1964
```

## References
- Art. 87 GDPR
- Art. 46 Uitvoeringswet AVG (UAVG)
- Art. 10 Wet algemene bepalingen burgerservicenummer (Wabb)
- Autoriteit Persoonsgegevens, "Voorwaarden gebruik BSN"
"""

from __future__ import annotations

from collections.abc import Iterator

from ropa.diagnostics import Severity
from ropa.law import lawful_basis, national_id_refs, read_bsn_law
from ropa.models import Activity, LawfulBasis
from ropa.rules._base import Finding, Rule, RuleContext, ref

_STATUTORY = (LawfulBasis.LEGAL_OBLIGATION, LawfulBasis.PUBLIC_TASK)


def _statutory_laws(activity: Activity) -> list[str]:
    """The laws the activity's 6-1-c and 6-1-e purposes cite, once each."""
    return list(
        dict.fromkeys(
            purpose.law.strip()
            for purpose in activity.purposes or ()
            if lawful_basis(purpose) in _STATUTORY and purpose.law and purpose.law.strip()
        )
    )


def check(ctx: RuleContext) -> Iterator[Finding]:
    organisation = ctx.register.organisation
    for activity in ctx.activities:
        refs = national_id_refs(activity, ctx.category_by_id)
        if not refs:
            continue
        categories = ", ".join(ref.category.id for ref in refs)
        laws = _statutory_laws(activity)
        if not laws:
            yield ctx.finding(
                activity,
                refs[0].path,
                categories=categories,
                problem="without a purpose that names the law prescribing it",
                fix=_FIX_MISSING,
            )
            continue
        readings = [read_bsn_law(law, organisation) for law in laws]
        if any(reading.verdict == "permits" for reading in readings):
            continue
        cited = "; ".join(f"'{law}'" for law in laws)
        if all(reading.verdict == "does-not-permit" for reading in readings):
            known = list(dict.fromkeys(law.law for reading in readings for law in reading.laws))
            yield ctx.finding(
                activity,
                refs[0].path,
                categories=categories,
                problem=f"citing {cited}, but no law cited prescribes the BSN ({'; '.join(known)})",
                fix=_FIX_NOT_PERMITTING,
            )
        else:
            yield ctx.finding(
                activity,
                refs[0].path,
                severity=Severity.INFO,
                categories=categories,
                problem=f"citing {cited}, which ropa's list of laws that permit the BSN does not contain",
                fix=_FIX_UNKNOWN,
            )


_FIX_MISSING = (
    "Add the purpose that requires the number, with 'lawful_basis: 6-1-c' (or 6-1-e) and the 'law:' that "
    "prescribes it (Art. 46 UAVG); otherwise stop recording the number."
)
_FIX_NOT_PERMITTING = (
    "Stop recording the number: only a law that prescribes the BSN allows its use (Art. 46 UAVG), and "
    "consent does not replace it. If another law prescribes it for this use, cite that law in 'law:'."
)
_FIX_UNKNOWN = (
    "Check that this law prescribes the BSN for this use (Art. 46 UAVG; the RvIG's list of authorised "
    "users); if it does, suppress this finding with that justification, otherwise stop recording the number."
)


RULE = Rule(
    code="NL-001",
    name="national-id-without-statutory-basis",
    summary="A national identification number (BSN) is processed without a purpose naming the law for it.",
    severity=Severity.ERROR,
    legal_refs=(ref("87"), ref("46", instrument="UAVG")),
    message="{entity}: processes a national identification number ({categories}) {problem}",
    hint="{fix}",
    check=check,
    profile="nl",
    doc=__doc__ or "",
)
