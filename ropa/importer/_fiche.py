"""Form sheets (one activity per sheet, labels beside values): the CNIL *fiche de registre*."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ropa.importer._tables import SheetTable

if TYPE_CHECKING:
    from ropa.importer._build import RegisterBuilder

__all__ = ["read_fiche"]


def read_fiche(builder: RegisterBuilder, table: SheetTable) -> bool:
    """Read ``table`` as a form sheet when it is one; False otherwise."""
    return False
