"""Subcommand under construction: registered so that the parser knows its name."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Add nothing yet."""
