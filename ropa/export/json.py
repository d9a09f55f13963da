"""The canonical JSON form of a register."""

from __future__ import annotations

import json

from ropa.models import Register

__all__ = ["register_to_json"]


def register_to_json(register: Register) -> str:
    """JSON text: fields in model order, unstated fields omitted, non-ASCII kept, newline at the end."""
    return json.dumps(register.dump(), ensure_ascii=False, indent=2) + "\n"
