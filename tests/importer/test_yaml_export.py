"""The YAML writer: misreadable strings are quoted; register → YAML → ropa.loads gives the register back."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ropa
from ropa.errors import ExportError
from ropa.export.yaml import needs_quotes, register_to_yaml, register_yaml_files, write_register_folder
from ropa.models import Register
from tests import strategies

HANDWRITTEN: dict[str, Any] = {
    "register": {"title": "NO", "version": "12", "language": "nl", "last_updated": "2024-01-01"},
    "organisation": {
        "name": "Zoë's Café — Ünïcödé ☕ 株式会社",
        "registration_number": "012345",
        "country": "NO",
        "contact": {"address": "Dorpsstraat 1\n3512 AB Utrecht\n", "email": "yes", "phone": "+31 6 1234"},
    },
    "data_categories": [
        {"id": "on", "name": "off"},
        {"id": "null", "name": "~"},
        {"id": "1e5", "name": "1_000"},
    ],
    "data_subjects": [{"id": "y", "name": "- dash first"}],
    "parties": [{"id": "p1", "name": "a: b # not a comment", "notes": "  leading and trailing  "}],
    "activities": [
        {
            "id": "2024-01-01",
            "name": "'quoted' and \"double\"",
            "description": "line one\n  indented line\n\nlast line without break",
            "notes": "tab\there, NEL\x85here, LS\u2028here, BOM\ufeffhere, bell\x07",
            "purposes": [{"description": "@at", "lawful_basis": "6-1-b"}, {"description": "%percent"}],
            "retention": [{"duration": "P7Y", "until": "2030-12-31"}],
            "unmapped": {"12": "true", "yes": "", "a: b": "{not: a mapping}", "": "[not, a, list]"},
            "last_reviewed": "2024-02-29",
        },
        {"id": "second", "name": "!tag-like", "transfers": [], "recipients": []},
    ],
}


def roundtrip(register: Register) -> Register:
    result = ropa.loads(register_to_yaml(register))
    assert [str(d) for d in result.diagnostics] == []
    return result.register


@pytest.mark.parametrize(
    "value",
    ["NO", "no", "Yes", "ON", "off", "y", "N", "true", "False", "null", "Null", "~", "", "12", "-3", "+4",
     "09", "1.5", ".5", "-.5", "1e5", "1E-5", "1_000", "0x1F", "0o17", ".inf", "-.Inf", ".NaN", "1:30",
     "2024-01-01", "2024-1-1", " lead", "trail "],
)  # fmt: skip
def test_misreadable_strings_need_quotes(value: str) -> None:
    assert needs_quotes(value)
    register = Register.model_validate({"register": {"title": value}})
    assert roundtrip(register) == register
    assert f"title: {value}\n" not in register_to_yaml(register)


@pytest.mark.parametrize("value", ["Acme", "6-1-b", "P7Y", "NL", "privacy@acme.example", "Zoë", "a-b c"])
def test_plain_strings_stay_plain(value: str) -> None:
    assert not needs_quotes(value)
    register = Register.model_validate({"register": {"title": value}})
    assert f"title: {value}\n" in register_to_yaml(register)


def test_handwritten_register_roundtrips() -> None:
    register = Register.model_validate(HANDWRITTEN)
    text = register_to_yaml(register)
    assert "Zoë's Café — Ünïcödé ☕ 株式会社" in text  # allow_unicode: no \u escapes
    assert "description: |" in text  # multi-line text as a literal block
    assert roundtrip(register) == register
    assert list(register.dump()) == list(Register.model_validate(HANDWRITTEN).dump())


def test_dump_is_the_canonical_form() -> None:
    register = Register.model_validate(HANDWRITTEN)
    loaded = ropa.loads(register_to_yaml(register)).register
    assert loaded.dump() == register.dump()
    assert register_to_yaml(loaded) == register_to_yaml(register)


def test_long_text_is_not_folded() -> None:
    text = " ".join(["word"] * 5_000)
    register = Register.model_validate({"register": {"title": text}})
    assert register_to_yaml(register).count("\n") == 3  # register:, schema_version, title
    assert roundtrip(register) == register


@given(strategies.registers())
def test_generated_registers_roundtrip(register: Register) -> None:
    assert roundtrip(register) == register


_any_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(_any_text, st.dictionaries(_any_text, _any_text, max_size=4))
def test_any_text_roundtrips(value: str, unmapped: dict[str, str]) -> None:
    register = Register.model_validate(
        {"register": {"title": value}, "activities": [{"id": "a", "name": value, "unmapped": unmapped}]}
    )
    assert roundtrip(register) == register


# --- the folder ------------------------------------------------------------------------------------


def files_in(folder: Path, *, manifest: bool = False) -> dict[str, str]:
    """The files under ``folder`` and their text (the manifest ``.ropa-manifest.json`` only on request)."""
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and (manifest or path.name != ".ropa-manifest.json")
    }


def test_folder_layout(tmp_path: Path) -> None:
    data = dict(HANDWRITTEN)
    data["security_measures"] = [{"id": "m1", "description": "Backups"}]
    data["processor_activities"] = [{"id": "hosting", "categories": ["Hosting"]}]
    data["activities"] = sorted(HANDWRITTEN["activities"], key=lambda a: str(a["id"]))
    register = Register.model_validate(data)
    written = write_register_folder(register, tmp_path / "acme")
    names = [p.relative_to(tmp_path / "acme").as_posix() for p in written]
    assert names == [
        "organisation.yaml",
        "vocabulary.yaml",
        "parties.yaml",
        "processor.yaml",
        "activities/2024-01-01.yaml",
        "activities/second.yaml",
    ]
    files = files_in(tmp_path / "acme")
    assert files["organisation.yaml"].startswith("register:\n")
    assert "security_measures:" in files["organisation.yaml"]
    assert files["vocabulary.yaml"].startswith("data_subjects:\n")
    assert files["activities/second.yaml"].startswith("activity:\n  id: second\n")
    loaded = ropa.load(tmp_path / "acme")
    assert [str(d) for d in loaded.diagnostics] == []
    assert loaded.register == register


def test_unstated_kinds_are_not_written_and_empty_lists_are_kept(tmp_path: Path) -> None:
    register = Register.model_validate({"organisation": {"name": "Acme"}, "activities": [], "parties": []})
    write_register_folder(register, tmp_path / "r")
    assert sorted(files_in(tmp_path / "r")) == ["organisation.yaml", "parties.yaml"]
    assert ropa.load(tmp_path / "r").register == register


def test_empty_register_is_still_a_register_folder(tmp_path: Path) -> None:
    write_register_folder(Register(), tmp_path / "r")
    assert files_in(tmp_path / "r") == {"organisation.yaml": "{}\n"}
    loaded = ropa.load(tmp_path / "r")
    assert loaded.diagnostics == ()
    assert loaded.register == Register()


def test_activity_file_names_are_unique(tmp_path: Path) -> None:
    register = Register.model_validate(
        {
            "activities": [
                {"id": "Orders", "name": "A"},
                {"id": "orders", "name": "B"},
                {"id": "orders", "name": "C"},
                {"id": "con", "name": "D"},
            ]
        }
    )
    files = register_yaml_files(register)
    assert [name for name in files if name.startswith("activities/")] == [
        "activities/Orders.yaml",
        "activities/orders-2.yaml",
        "activities/orders-3.yaml",
        "activities/activity-con.yaml",
    ]
    write_register_folder(register, tmp_path / "r")
    loaded = ropa.load(tmp_path / "r").register
    assert sorted(a.name for a in loaded.activities or []) == ["A", "B", "C", "D"]


def test_refuses_a_non_empty_folder(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "README.md").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match="not empty"):
        write_register_folder(Register(), folder)
    assert files_in(folder) == {"README.md": "mine"}
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="not a folder"):
        write_register_folder(Register(), tmp_path / "file", force=True)


def test_force_replaces_the_register_but_keeps_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    old = Register.model_validate(
        {"activities": [{"id": "old", "name": "Old"}], "parties": [{"id": "p", "name": "P"}]}
    )
    write_register_folder(old, folder)
    (folder / "README.md").write_text("keep me", encoding="utf-8")
    (folder / "activities" / "notes.txt").write_text("mine too", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "config.yaml").write_text("x: 1\n", encoding="utf-8")
    new = Register.model_validate({"activities": [{"id": "new", "name": "New"}]})
    write_register_folder(new, folder, force=True)
    assert sorted(files_in(folder, manifest=True)) == [
        ".git/config.yaml",
        ".ropa-manifest.json",
        "README.md",
        "activities/new.yaml",
        "activities/notes.txt",
        "organisation.yaml",
    ]
    assert files_in(folder)["activities/notes.txt"] == "mine too"
    assert ropa.load(folder).register == new
    assert sorted(os.listdir(tmp_path)) == ["r"]  # no stage or old folder left beside it


def test_force_never_deletes_a_register_file_ropa_did_not_write(tmp_path: Path) -> None:
    """The old test expected a stray ``extra.yml`` to be deleted: ``--force`` may not do that."""
    folder = tmp_path / "r"
    write_register_folder(Register.model_validate({"activities": [{"id": "old", "name": "Old"}]}), folder)
    (folder / "extra.yml").write_text("parties: []\n", encoding="utf-8")
    before = files_in(folder)
    with pytest.raises(ExportError, match=r"ropa did not write: extra\.yml"):
        write_register_folder(Register(), folder, force=True)
    assert files_in(folder) == before


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.registers())
def test_generated_registers_roundtrip_through_a_folder(register: Register) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "register"
        write_register_folder(register, folder)
        loaded = ropa.load(folder)
        assert [str(d) for d in loaded.diagnostics] == []
        # activities are read in file-name order; everything else keeps its order
        expected = tuple(sorted(register.activities or (), key=lambda a: f"{a.id}.yaml"))
        assert loaded.register.activities == (expected if register.activities is not None else None)
        assert loaded.register.model_copy(update={"activities": None}) == register.model_copy(
            update={"activities": None}
        )
        assert [name for name in os.listdir(folder) if name.startswith(".")] == [".ropa-manifest.json"]
        assert os.listdir(tmp) == ["register"]  # no stage left beside it
