"""Field descriptions come from the attribute docstrings, read only for the schema and the field docs."""

from __future__ import annotations

import json
import subprocess
import sys

from pydantic import Field

from ropa.models import Activity, Register, RopaModel, field_docs


class _Parent(RopaModel):
    kept: str | None = None
    """Declared by the parent."""
    redeclared: str | None = None
    """The parent's words."""


class _Child(_Parent):
    redeclared: str | None = None
    own: int | None = None
    """Declared by the child,
    on two lines."""
    explicit: str | None = Field(default=None, description="Given explicitly.")
    """Not used: the explicit description wins."""


def test_docstrings_follow_pydantic_rules() -> None:
    assert field_docs(_Child) == {
        "kept": "Declared by the parent.",
        "own": "Declared by the child,\non two lines.",
        "explicit": "Given explicitly.",
    }


def test_the_schema_carries_the_docstrings_even_after_validation() -> None:
    Activity.model_validate({"id": "a", "name": "A"})  # builds the validators first
    schema = Register.model_json_schema(by_alias=True)
    activity = schema["$defs"]["Activity"]["properties"]
    assert activity["purposes"]["description"] == field_docs(Activity)["purposes"]
    assert schema["properties"]["register"]["description"] == field_docs(Register)["meta"]
    child = _Child.model_json_schema()["properties"]
    assert child["own"]["description"] == "Declared by the child,\non two lines."
    assert child["explicit"]["description"] == "Given explicitly."
    assert "description" not in child["redeclared"]


def test_validating_a_register_reads_no_source() -> None:
    probe = (
        "import json, linecache, ropa; "
        "ropa.loads('activities:\\n  - id: a\\n    name: A\\n'); "
        "from ropa.models import _base; "
        "print(json.dumps([_base._own_docs.cache_info().currsize, "
        "any('ropa/models' in name for name in linecache.cache)]))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == [0, False]
