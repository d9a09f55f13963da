"""ORG-009 dpo-conflict-of-interest: the designated DPO holds a position that decides on the processing.

## What it does
Reports the organisation when a DPO is designated (``dpo.designated: true``) and the DPO's contact name
names a position that determines the purposes and means of processing: senior management (chief
executive, managing director, owner, a board member or the board's chair, secretary or treasurer) or the
head of HR, IT, marketing or finance, in English, Dutch, German or French ("H. Bakker, secretaris van het
bestuur", "Geschäftsführer", "DRH"). The positions are data, with their sources:
``ropa/data/dpo_conflicts.json``.

A match is a reason to check, not a verdict: when the organisation has assessed that the other tasks do
not conflict (for instance a board secretary who decides nothing about the processing), it suppresses the
finding on the organisation with that justification.

## Why is this bad?
A DPO may fulfil other tasks only if they do not result in a conflict of interests (Art. 38(6)). The
Article 29 Working Party names senior management positions and the heads of HR, IT and marketing as
conflicting as a rule, since they decide why and how personal data are processed, while the DPO must
monitor that processing independently (Art. 38(3), 39(1)(b)); the Court of Justice (C-453/21 X-FAB,
2023) holds that a DPO may not be given tasks that lead him to determine the purposes and means of
processing. A DPO who supervises his own decisions is no safeguard.

## Example
```yaml
organisation:
  name: Voetbalvereniging De Zwaluwen
  dpo:
    designated: true
    contact:
      name: H. Bakker, secretaris van het bestuur
      email: secretaris@vvdezwaluwen.example
```

## Use instead
```yaml
organisation:
  name: Voetbalvereniging De Zwaluwen
  dpo:
    designated: true
    contact:
      name: J. de Wit (lid, geen bestuursfunctie)
      email: fg@vvdezwaluwen.example
```

## References
- Art. 38(6) GDPR
- Article 29 Working Party, Guidelines on Data Protection Officers, WP243 rev.01, section 3.5
- Court of Justice of the EU, C-453/21 X-FAB Dresden (9 February 2023)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ropa._data import load_data
from ropa.diagnostics import Severity
from ropa.rules._base import Finding, Rule, RuleContext, excerpt, ref


@cache
def _positions() -> re.Pattern[str]:
    """One pattern of every conflicting position of the data file, as whole words."""
    patterns = [p for ps in load_data("dpo_conflicts")["positions"].values() for p in ps]
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)", re.IGNORECASE)


def conflicting_position(text: str) -> str | None:
    """The position ``text`` names that decides on the processing, or ``None``.

    >>> conflicting_position("H. Bakker, secretaris van het bestuur")
    'secretaris'
    >>> conflicting_position("Externer Datenschutzbeauftragter") is None
    True
    """
    found = _positions().search(text)
    return found.group(0) if found else None


def check(ctx: RuleContext) -> Iterator[Finding]:
    org = ctx.register.organisation
    if org is None or org.dpo is None or not org.dpo.designated or org.dpo.contact is None:
        return
    name = org.dpo.contact.name
    if name is None:
        return
    position = conflicting_position(name)
    if position is not None:
        yield ctx.finding(org, "/dpo/contact/name", name=excerpt(name), position=position)


RULE = Rule(
    code="ORG-009",
    name="dpo-conflict-of-interest",
    summary="The designated DPO holds a position that determines the purposes and means of processing.",
    severity=Severity.WARNING,
    legal_refs=(ref("38", 6),),
    message="{entity}: the DPO ('{name}') holds a position ('{position}') that decides on the processing "
    "the DPO must monitor",
    hint="Designate a DPO without a management or department-head role, or record under 'suppress:' on the "
    "organisation why these tasks cause no conflict of interests (Art. 38(6); WP243 rev.01, 3.5).",
    check=check,
    doc=__doc__ or "",
)
