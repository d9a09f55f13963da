"""``ropa.dump`` and ``ropa.write_register``: load → write → load gives an equal register, in every layout;
``force`` replaces only what ropa wrote."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import ropa
from ropa.export.yaml import LAYOUTS, register_yaml_files
from ropa.models import Register
from tests import strategies

REPO = Path(__file__).resolve().parents[2]


def _clean_load(path: Path) -> Register:
    result = ropa.load(path)
    assert [str(d) for d in result.diagnostics] == []
    return result.register


def _in_reading_order(register: Register, layout: str) -> Register:
    """The register as the loader reads it back: one file per activity is read in file-name order."""
    if layout != "per-activity" or not register.activities:
        return register
    names = [name for name in register_yaml_files(register, "per-activity") if name.startswith("activities/")]
    order = [activity for _, activity in sorted(zip(names, register.activities, strict=True))]
    return register.model_copy(update={"activities": order})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.full_registers())
def test_every_layout_round_trips(register: Register) -> None:
    for layout in LAYOUTS:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "register"
            written = ropa.write_register(register, folder, layout=layout)
            assert sorted(p.relative_to(folder).as_posix() for p in written) == sorted(
                register_yaml_files(register, layout)
            )
            assert _clean_load(folder) == _in_reading_order(register, layout), layout


@settings(max_examples=25, deadline=None)
@given(strategies.full_registers())
def test_dump_round_trips(register: Register) -> None:
    result = ropa.loads(ropa.dump(register))
    assert [str(d) for d in result.diagnostics] == []
    assert result.register == register


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_example_register_loads_writes_and_loads_equal(tmp_path: Path, layout: str) -> None:
    loaded = ropa.load(REPO / "registers" / "miki4all")
    ropa.write_register(loaded, tmp_path / "copy", layout=layout)
    assert _clean_load(tmp_path / "copy") == _in_reading_order(loaded.register, layout)


def test_the_layouts_name_their_files(tmp_path: Path) -> None:
    register = ropa.load(REPO / "registers" / "miki4all").register
    files = {layout: sorted(register_yaml_files(register, layout)) for layout in LAYOUTS}
    assert files["single"] == ["register.yaml"]
    assert files["per-kind"] == ["activities.yaml", "organisation.yaml", "parties.yaml", "vocabulary.yaml"]
    assert "activities/webwinkel-bestellingen.yaml" in files["per-activity"]
    with pytest.raises(ValueError, match="unknown layout 'flat'"):
        ropa.write_register(register, tmp_path / "x", layout="flat")  # type: ignore[arg-type]
    assert not (tmp_path / "x").exists()


def test_force_switches_layouts_and_keeps_what_ropa_did_not_write(tmp_path: Path) -> None:
    register = ropa.load(REPO / "registers" / "miki4all").register
    folder = tmp_path / "acme"
    ropa.write_register(register, folder)
    (folder / "README.md").write_text("notes\n", encoding="utf-8")
    with pytest.raises(ropa.ExportError, match="not empty"):
        ropa.write_register(register, folder, layout="single")
    ropa.check_register_folder(folder, force=True)
    ropa.write_register(register, folder, layout="single", force=True)
    assert sorted(p.name for p in folder.iterdir()) == [".ropa-manifest.json", "README.md", "register.yaml"]
    assert _clean_load(folder) == register
    (folder / "extra.yaml").write_text("parties: []\n", encoding="utf-8")
    with pytest.raises(ropa.ExportError, match=r"ropa did not write: extra\.yaml"):
        ropa.check_register_folder(folder, force=True)
    with pytest.raises(ropa.ExportError, match=r"ropa did not write: extra\.yaml"):
        ropa.write_register(register, folder, layout="per-kind", force=True)
    assert (folder / "register.yaml").is_file()
