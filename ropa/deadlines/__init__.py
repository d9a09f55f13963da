"""What falls due: the review dates, checks and expiries a register keeps, before they pass.

::

    import ropa

    items = ropa.due("registers/acme", within="30d")
    for item in items:
        print(item.status, item.due, item.days_left, item.subject)
    print(ropa.render_due(items, "markdown", path="registers/acme"))
"""

from ropa.deadlines._due import DueItem, DueKind, DueStatus, due_items, due_kinds, parse_within
from ropa.deadlines._render import DUE_FORMATS, DueDocument, due_document, render_due

__all__ = [
    "DUE_FORMATS",
    "DueDocument",
    "DueItem",
    "DueKind",
    "DueStatus",
    "due_document",
    "due_items",
    "due_kinds",
    "parse_within",
    "render_due",
]
