"""What LAW-004, LAW-005 and LAW-008 share: where LAW-008 reports a 6-1-f purpose, the other two stay silent.

Not a rule module. A public authority cannot rely on legitimate interests for its tasks (Art. 6(1), second
subparagraph): LAW-008 reports the basis, and asking for the interest (LAW-004) or a balancing test
(LAW-005) of a basis that cannot be used would be a cascade of the same problem; the fix is another basis.
Where the register says the processing lies outside the authority's tasks (Recital 47), by a justified
suppression of LAW-008 on the activity, 6-1-f is available and LAW-004 and LAW-005 apply as for anyone.
Likewise a purpose that states no interest is LAW-004's alone: LAW-005's balancing test needs an interest.
"""

from __future__ import annotations

from ropa.law import legitimate_interests_excluded
from ropa.models import Activity, Purpose
from ropa.rules._base import RuleContext

__all__ = ["CODE", "LAW004", "NAME", "interest_stated", "reported_by_law008"]

CODE = "LAW-008"
NAME = "legitimate-interests-by-public-authority"
LAW004 = ("LAW-004", "missing-legitimate-interest")
"""Code and name of LAW-004, for :meth:`RuleContext.suppresses`."""


def interest_stated(purpose: Purpose) -> bool:
    """True when the purpose names the legitimate interest it pursues (LAW-004 is silent on it)."""
    return bool(purpose.legitimate_interest and purpose.legitimate_interest.strip())


def reported_by_law008(ctx: RuleContext, activity: Activity) -> bool:
    """True when LAW-008 reports the activity's 6-1-f purposes (the controller is a public authority and
    the activity does not suppress LAW-008)."""
    return legitimate_interests_excluded(ctx.register.organisation) and not ctx.suppresses(
        activity, CODE, NAME
    )
