"""The loader: located diagnostics, merging by kind across files, no entity hides another."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import ropa
from ropa.errors import RegisterError

REPO = Path(__file__).resolve().parents[2]
MIKI = REPO / "registers" / "miki4all"


def codes_at(result: ropa.LoadResult) -> list[tuple[str, str | None, int, int]]:
    return [(d.code, d.location.file, d.location.line, d.location.column) for d in result.diagnostics]


def test_example_register_loads_cleanly() -> None:
    result = ropa.load(MIKI)
    assert result.diagnostics == ()
    assert result.ok
    register = result.register
    assert register.organisation is not None
    assert register.organisation.name == "MiKi4all"
    assert len(register.activities or []) == 13
    assert {p.id for p in register.parties or []} >= {"mollie", "postnl", "google", "snelstart"}
    assert "activities/boekhouding.yaml" in result.files


def test_broken_copy_gives_located_diagnostics(tmp_path: Path) -> None:
    copy = tmp_path / "miki"
    shutil.copytree(MIKI, copy)
    path = copy / "activities" / "betalingen.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("lawful_basis: 6-1-b", "lawful_basis: contract")
    text = text.replace("  recipients: [mollie]", "  recipients: [mollie]\n  recipient: [mollie]")
    path.write_text(text, encoding="utf-8")
    (copy / "parties.yaml").write_text(
        (copy / "parties.yaml").read_text(encoding="utf-8").replace("country: US", "country: USA"),
        encoding="utf-8",
    )
    result = ropa.load(copy)
    found = {(d.code, d.location.file, d.location.line) for d in result.diagnostics}
    lines = path.read_text(encoding="utf-8").splitlines()
    basis_line = next(i for i, line in enumerate(lines, 1) if "lawful_basis: contract" in line)
    extra_line = next(i for i, line in enumerate(lines, 1) if line.startswith("  recipient:"))
    party_lines = (copy / "parties.yaml").read_text(encoding="utf-8").splitlines()
    country_line = next(i for i, line in enumerate(party_lines, 1) if "country: USA" in line)
    assert found == {
        ("STR-005", "activities/betalingen.yaml", basis_line),
        ("STR-002", "activities/betalingen.yaml", extra_line),
        ("STR-005", "parties.yaml", country_line),
    }
    # the broken entities are left out and remembered; the others are all there
    assert ("activities", "betalingen") in result.broken
    assert ("parties", "google") in result.broken
    assert len(result.register.activities or []) == 12
    extra = next(d for d in result.diagnostics if d.code == "STR-002")
    assert extra.hint is not None
    assert "recipients" in extra.hint  # did you mean
    assert extra.location.pointer == "/activity/recipient"
    assert extra.location.entity == "activity betalingen"
    with pytest.raises(RegisterError) as info:
        result.raise_for_errors()
    assert len(info.value.diagnostics) == 3


def test_kinds_merge_across_files_and_singletons_are_unique(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("organisation:\n  name: A\nactivities:\n  - {id: one, name: One}\n")
    (tmp_path / "b.yml").write_text("organisation:\n  name: B\nactivity:\n  id: two\n  name: Two\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.yaml").write_text("activities:\n  - {id: three, name: Three}\n")
    (tmp_path / ".hidden.yaml").write_text("not: [valid")
    (tmp_path / "notes.txt").write_text("ignored")
    result = ropa.load(tmp_path)
    assert [a.id for a in result.register.activities or []] == ["one", "two", "three"]
    assert result.files == ("a.yaml", "b.yml", "sub/c.yaml")
    assert codes_at(result) == [("STR-006", "b.yml", 1, 1)]
    assert result.register.organisation is not None
    assert result.register.organisation.name == "A"


def test_duplicate_ids_of_vocabulary_are_reported(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("data_categories:\n  - {id: naam, name: Naam}\n")
    (tmp_path / "b.yaml").write_text("data_categories:\n  - {id: naam, name: Name}\n")
    result = ropa.load(tmp_path)
    assert codes_at(result) == [("STR-005", "b.yaml", 2, 6)]


def test_all_problems_of_all_files_in_one_run(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("activities:\n  - {id: one, name: One, colour: red}\n  - {id: two}\n")
    (tmp_path / "b.yaml").write_text("parties: [\n")
    (tmp_path / "c.yaml").write_text("frobnicate: 1\n")
    result = ropa.load(tmp_path)
    assert [(c, f) for c, f, _, _ in codes_at(result)] == [
        ("STR-002", "a.yaml"),
        ("STR-004", "a.yaml"),
        ("SYN-001", "b.yaml"),
        ("STR-002", "c.yaml"),
    ]


def test_yaml_scalars_stay_text(tmp_path: Path) -> None:
    result = ropa.loads(
        "organisation:\n  name: NO\n  country: NO\n  registration_number: 012345\n"
        "register:\n  version: yes\n  last_updated: 2024-01-31\n"
    )
    assert result.diagnostics == ()
    org = result.register.organisation
    assert org is not None
    assert (org.name, org.country, org.registration_number) == ("NO", "NO", "012345")
    meta = result.register.meta
    assert meta is not None
    assert meta.version == "yes"
    assert str(meta.last_updated) == "2024-01-31"


def test_quoted_numbers_keep_leading_zeros() -> None:
    result = ropa.loads('organisation:\n  name: X\n  registration_number: "012345"\n')
    assert result.register.organisation is not None
    assert result.register.organisation.registration_number == "012345"


def test_missing_path_raises_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        ropa.load(tmp_path / "nope")


def test_folder_without_yaml_is_reported(tmp_path: Path) -> None:
    result = ropa.load(tmp_path)
    assert [d.code for d in result.diagnostics] == ["IO-002"]


def test_single_file_register(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    path.write_text("activities:\n  - {id: one, name: One}\n")
    result = ropa.load(path)
    assert result.files == ("register.yaml",)
    assert result.diagnostics == ()


def test_bom_is_accepted() -> None:
    result = ropa.loads(b"\xef\xbb\xbforganisation:\n  name: X\n")
    assert result.diagnostics == ()


def test_aliases_of_long_texts_count_against_the_alias_budget() -> None:
    """900 aliases of a 100,000-character text would expand a 100 KB file to 90 MB of data."""
    text = "a: &x " + "y" * 100_000 + "\nb: [" + ", ".join(["*x"] * 900) + "]\n"
    assert [d.code for d in ropa.loads(text).diagnostics] == ["SYN-004"]
    few = "a: &x " + "y" * 100_000 + "\nb: [" + ", ".join(["*x"] * 50) + "]\n"
    assert "SYN-004" not in {d.code for d in ropa.loads(few).diagnostics}


def test_structural_problems_are_capped_per_file(tmp_path: Path) -> None:
    from ropa.loading.loader import MAX_DIAGNOSTICS_PER_FILE

    (tmp_path / "flood.yaml").write_text("activities:\n" + "- {}\n" * 5_000)
    (tmp_path / "other.yaml").write_text("parties:\n- {id: p}\n")
    result = ropa.load(tmp_path)
    flood = [d for d in result.diagnostics if d.location.file == "flood.yaml"]
    assert len(flood) == MAX_DIAGNOSTICS_PER_FILE + 1
    summary = [d for d in flood if d.code == "STR-008"]
    assert len(summary) == 1
    assert summary[0].message.startswith(f"{2 * 5_000 - MAX_DIAGNOSTICS_PER_FILE:,} more structural problem")
    assert summary[0].severity.value == "error"
    assert [d.code for d in result.diagnostics if d.location.file == "other.yaml"] == ["STR-004"]


def test_pausing_the_gc_ages_what_it_made_and_still_collects_cycles() -> None:
    """Objects made during a pause go to the oldest generation (the first collections after the pause do
    not walk them), cyclic garbage among them is still collected, and an application's own frozen
    objects stay frozen."""
    import gc
    import weakref

    from ropa.loading.loader import gc_paused

    class Node:
        other: object = None

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        first, second = Node(), Node()
        first.other, second.other = second, first
        kept = [Node() for _ in range(1000)]
        probe = weakref.ref(first)
    assert gc.isenabled()
    assert gc.get_count()[0] < 100  # nothing left young to walk
    assert all(gc.is_tracked(node) for node in kept)
    del first, second
    gc.collect()
    assert probe() is None

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            Node()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_reading_a_small_file_asks_for_its_size_not_for_the_limit(tmp_path: Path) -> None:
    """Regression: every file was read with ``read(MAX_FILE_BYTES + 1)``, a 64 MB buffer shrunk to the
    file; each kept a memory mapping of its own, and loading 100,000 files ran out of mappings
    (MemoryError in the benchmark's 100,000-activity run)."""
    import tracemalloc

    from ropa.loading import loader

    small = tmp_path / "small.yaml"
    small.write_bytes(b"activity:\n  id: a\n  name: A\n")
    tracemalloc.start()
    try:
        data = loader._read_file(small)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == small.read_bytes()
    assert peak < 64 * 1024


def test_a_file_that_grows_while_it_is_read_is_read_to_its_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The size from stat is only the first request: a file longer by then is read on (to the limit)."""
    import os

    from ropa.loading import loader

    grown = tmp_path / "grown.yaml"
    grown.write_bytes(b"activity:\n  id: a\n" + b"  name: " + b"x" * 5000 + b"\n")
    real = os.stat

    def smaller(path: object, *args: object, **kwargs: object) -> os.stat_result:
        info = real(path, *args, **kwargs)  # type: ignore[arg-type]
        if str(path) != str(grown):
            return info
        fields = list(info)
        fields[6] = 10  # st_size: what stat said before the file grew
        return os.stat_result(fields)

    monkeypatch.setattr(loader.os, "stat", smaller)
    assert loader._read_file(grown) == grown.read_bytes()
