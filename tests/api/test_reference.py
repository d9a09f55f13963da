"""docs/reference/api.md is generated from the docstrings and must not drift from them."""

from __future__ import annotations

from pathlib import Path

import ropa
from ropa import _apidocs

REPO = Path(__file__).resolve().parents[2]


def test_the_api_reference_is_current() -> None:
    committed = (REPO / _apidocs.PAGE).read_text(encoding="utf-8")
    assert committed == _apidocs.render(), "run: python -m ropa._apidocs"


def test_the_reference_lists_every_public_name() -> None:
    text = _apidocs.render()
    assert " at 0x" not in text  # no reprs with addresses: the page must not change from run to run
    missing = [name for name in ropa.__all__ if name != "__version__" and f"### `ropa.{name}`" not in text]
    assert missing == []
    for namespace in _apidocs.NAMESPACES:
        module = getattr(ropa, namespace)
        absent = [name for name in module.__all__ if f"| `ropa.{namespace}.{name}` |" not in text]
        assert absent == [], namespace


def test_docstring_sections_become_lists() -> None:
    text = _apidocs._markdown(
        """Do a thing.

        Args:
            path: the folder, which may be
                long.
            force: replace it.

        Returns:
            The paths written, in
            writing order.

        Raises:
            ExportError: it could not be written (:func:`ropa.load` says why).
        """
    )
    assert text == (
        "Do a thing.\n\n**Args**\n\n- `path`: the folder, which may be long.\n- `force`: replace it.\n\n"
        "**Returns**\n\nThe paths written, in writing order.\n\n**Raises**\n\n"
        "- `ExportError`: it could not be written (`ropa.load` says why)."
    )
