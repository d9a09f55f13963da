"""Change over time: compare two versions of a register and say what the changes mean in law.

::

    import ropa

    base = ropa.load_revision("registers/acme", "origin/main")   # read with git; no checkout
    d = ropa.diff(base, "registers/acme")                        # the working tree
    for m in d.meanings:
        print(m.code, m.entity, m.detail, m.action)
    print(ropa.render_diff(d, "markdown"))
    print(ropa.render_change_code("CHG-022", lang="nl"))         # the page of a change code

Entities are matched by kind and id. Field changes come from a generic walk over the models, so every
field, including ones added later, shows up in a diff; the legal meaning of a change comes from the table
of change codes (``ropa/changes/codes.json``, one page per code in ``docs/changes/``).
"""

from ropa.changes._catalogue import ChangeCode, FieldTrigger, change_code, change_codes, render_change_code
from ropa.changes._diff import compare
from ropa.changes._model import ChangeOp, Diff, EntityChange, EntityStatus, FieldChange, Meaning, Side
from ropa.changes._render import DIFF_FORMATS, DiffDocument, diff_document, render_diff
from ropa.changes._rows import ChangeRow
from ropa.changes._snapshot import WORKING_TREE, Snapshot, load_revision, snapshot_of

__all__ = [
    "DIFF_FORMATS",
    "WORKING_TREE",
    "ChangeCode",
    "ChangeOp",
    "ChangeRow",
    "Diff",
    "DiffDocument",
    "EntityChange",
    "EntityStatus",
    "FieldChange",
    "FieldTrigger",
    "Meaning",
    "Side",
    "Snapshot",
    "change_code",
    "change_codes",
    "compare",
    "diff_document",
    "load_revision",
    "render_change_code",
    "render_diff",
    "snapshot_of",
]
