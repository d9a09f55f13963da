"""ACT-005 undefined-category: an activity references a data or data-subject category that is not defined.

## What it does
Reports each id that an activity references but the register does not define:

- ``data_categories`` of the activity, of its ``recipients`` and of its ``retention`` rules, checked
  against the top-level ``data_categories``;
- ``data_subjects`` of the activity, checked against the top-level ``data_subjects``.

Each undefined id is reported once per activity, at its first reference. An id whose definition exists
but failed structural loading is not reported again: the loader has already reported that entity. Nor is
an id that a file that did not load may define: one STR-007 sums those references up.

## Why is this bad?
Art. 30(1)(c) requires a description of the categories. An id that resolves to nothing describes nothing,
and every rule that looks at the categories (special data, retention per category) silently skips it.
It is usually a typo or a definition that was removed.

## Example
```yaml
data_categories:
  - id: contact
    name: Name, address, e-mail
activities:
  - id: orders
    name: Order handling
    data_categories: [contact, payment]
```

## Use instead
```yaml
data_categories:
  - id: contact
    name: Name, address, e-mail
  - id: payment
    name: Payment details
activities:
  - id: orders
    name: Order handling
    data_categories: [contact, payment]
```

## References
- Art. 30(1)(c) GDPR
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from ropa.diagnostics import Severity
from ropa.models import Activity
from ropa.rules._base import Finding, Rule, RuleContext, led_ref, ref

_NOUN = {"data_categories": "data category", "data_subjects": "data-subject category"}


def _references(activity: Activity) -> Iterator[tuple[str, str, str]]:
    """``(kind, id, path)`` of every category reference of ``activity``, in document order."""
    for index, sid in enumerate(activity.data_subjects or ()):
        yield "data_subjects", sid, f"/data_subjects/{index}"
    for index, cid in enumerate(activity.data_categories or ()):
        yield "data_categories", cid, f"/data_categories/{index}"
    for r_index, recipient in enumerate(activity.recipients or ()):
        for index, cid in enumerate(recipient.data_categories or ()):
            yield "data_categories", cid, f"/recipients/{r_index}/data_categories/{index}"
    for r_index, rule in enumerate(activity.retention or ()):
        for index, cid in enumerate(rule.data_categories or ()):
            yield "data_categories", cid, f"/retention/{r_index}/data_categories/{index}"


def check(ctx: RuleContext) -> Iterator[Finding]:
    defined: dict[str, Collection[str]] = {
        "data_categories": ctx.category_by_id.keys(),
        "data_subjects": ctx.subject_by_id.keys(),
    }
    for activity in ctx.activities:
        seen: set[tuple[str, str]] = set()
        for kind, ident, path in _references(activity):
            if (kind, ident) in seen:
                continue
            seen.add((kind, ident))
            if ident in defined[kind] or not ctx.undefined(kind, ident, activity, path):
                continue
            yield ctx.finding(activity, path, noun=_NOUN[kind], ref=ident, kind=kind)


RULE = Rule(
    code="ACT-005",
    name="undefined-category",
    summary="An activity references a data or data-subject category that is not defined.",
    severity=Severity.ERROR,
    legal_refs=(ref("30", 1, "c"),),
    message="{entity}: {noun} '{ref}' is not defined",
    hint="Define '{ref}' under '{kind}:' (with 'id:' and 'name:'), or correct the id.",
    check=check,
    doc=__doc__ or "",
    processor_record=True,
    led=(led_ref("24", 1),),
)
