"""Writing the imported register: ``--force`` never destroys, the folder changes in one step.

- issue 14.1: ``--force`` deleted every ``*.yaml``/``*.yml`` under ``-o`` (another register,
  ``docker-compose.yaml``, ``mkdocs.yml``, the mapping file in use). It may replace only files ropa wrote
  (recorded in ``.ropa-manifest.json``) and refuses a folder that is not a ropa register, listing what it
  would touch.
- issue 14.2: with a read-only ``activities/`` the import exited 2 after replacing some files; killed at
  random moments it left old and new files mixed. The register is staged beside the folder and swapped in.
- issue 14.12: the import wrote through a symlinked ``activities/`` that the loader does not follow.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import warnings
from pathlib import Path

import pytest

import ropa
from ropa.errors import ExportError, ExportWarning
from ropa.export import folder as folder_module
from ropa.export.folder import MANIFEST, recover
from ropa.export.yaml import check_register_folder, write_register_folder
from ropa.models import Register

from ._helpers import REPO, run_cli, unprivileged_prefix

pytest.importorskip("openpyxl")


def register_of(*names: str) -> Register:
    return Register.model_validate(
        {
            "organisation": {"name": "Acme B.V."},
            "activities": [{"id": name.lower().replace(" ", "-"), "name": name} for name in names],
        }
    )


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every entry under ``root``: file bytes, link targets, folders (links are not followed)."""
    out: dict[str, bytes | str] = {}
    for current, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(current, name)
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                out[key] = "-> " + os.readlink(path)
            elif path.is_dir():
                out[key] = "<dir>"
            else:
                out[key] = path.read_bytes()
    return out


def book(path: Path) -> Path:
    path.write_text(
        "Name,Purpose,Lawful basis,Retention period\nPayroll,Salaries,6(1)(c),7 years\n", encoding="utf-8"
    )
    return path


# --- 14.1: --force replaces only what ropa wrote -------------------------------------------------------


def project_folder(root: Path) -> Path:
    """A project folder as the attack used it: another register, tool configuration, notes, a mapping."""
    files = {
        "docker-compose.yaml": "services: {web: {image: nginx}}\n",
        "mkdocs.yml": "site_name: Docs\n",
        "config/app.yaml": "debug: false\n",
        "notes/meeting.yml": "date: 2024-01-01\n",
        "mapping.yaml": "columns: {Wat doen we?: purposes}\n",
        "registers/other/organisation.yaml": "organisation: {name: Other}\n",
        "README.md": "# project\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_force_refuses_a_project_folder_and_lists_what_it_would_touch(tmp_path: Path) -> None:
    project = project_folder(tmp_path / "project")
    before = snapshot(project)
    mapping = project / "mapping.yaml"
    run = run_cli("import", book(tmp_path / "r.csv"), "-o", project, "--force", "--mapping", mapping)
    run.assert_handled(2)
    assert "not a ropa register" in run.stderr
    for name in ("docker-compose.yaml", "mkdocs.yml", "config/app.yaml", "notes/meeting.yml", "mapping.yaml"):
        assert name in run.stderr
    assert "registers/other/organisation.yaml" in run.stderr
    assert run.stdout == ""  # refused before the spreadsheet was read
    assert snapshot(project) == before
    assert sorted(os.listdir(tmp_path)) == ["project", "r.csv"]


def test_force_replaces_a_ropa_register_and_carries_other_files_over(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    write_register_folder(register_of("Old one", "Old two"), target)
    (target / "README.md").write_text("readme\n", encoding="utf-8")
    (target / "docs").mkdir()
    (target / "docs" / "notes.txt").write_text("notes\n", encoding="utf-8")
    (target / ".git").mkdir()
    (target / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (target / "activities" / ".DS_Store").write_bytes(b"\0\1")
    (target / "link").symlink_to("docs")
    new = register_of("New")
    write_register_folder(new, target, force=True)
    assert ropa.load(target).register == new
    after = snapshot(target)
    assert after["README.md"] == b"readme\n"
    assert after["docs/notes.txt"] == b"notes\n"
    assert after[".git/HEAD"] == b"ref: refs/heads/main\n"
    assert after["activities/.DS_Store"] == b"\0\1"
    assert after["link"] == "-> docs"
    assert "activities/old-one.yaml" not in after
    manifest = json.loads(after[MANIFEST])  # type: ignore[arg-type]
    assert manifest["format"] == "ropa-register-manifest/1"
    assert sorted(manifest["files"]) == ["activities/new.yaml", "organisation.yaml"]
    assert sorted(os.listdir(tmp_path)) == ["acme"]


def test_force_refuses_files_changed_since_ropa_wrote_them(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    write_register_folder(register_of("Old"), target)
    edited = target / "activities" / "old.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "  notes: my edit\n", encoding="utf-8")
    (target / "activities" / "mine.yaml").write_text("activity: {id: mine, name: Mine}\n", encoding="utf-8")
    before = snapshot(target)
    with pytest.raises(ExportError) as caught:
        write_register_folder(register_of("New"), target, force=True)
    message = str(caught.value)
    assert "activities/old.yaml (changed since ropa wrote it)" in message
    assert "ropa did not write: activities/mine.yaml" in message
    assert snapshot(target) == before


def test_a_forged_manifest_cannot_make_ropa_delete_other_files(tmp_path: Path) -> None:
    """Manifest entries outside the register layout are ignored, even with the right checksum."""
    target = tmp_path / "acme"
    write_register_folder(register_of("Old"), target)
    compose = b"services: {}\n"
    (target / "docker-compose.yaml").write_bytes(compose)
    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"]["docker-compose.yaml"] = folder_module._sha256(compose)
    manifest["files"]["../outside.yaml"] = folder_module._sha256(b"")
    (target / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ExportError, match=r"ropa did not write: docker-compose\.yaml"):
        write_register_folder(register_of("New"), target, force=True)
    assert (target / "docker-compose.yaml").read_bytes() == compose


@pytest.mark.parametrize("text", ["{", "[]", '{"format": "other/1", "files": {}}'])
def test_a_damaged_manifest_refuses(tmp_path: Path, text: str) -> None:
    target = tmp_path / "acme"
    write_register_folder(register_of("Old"), target)
    (target / MANIFEST).write_text(text, encoding="utf-8")
    before = snapshot(target)
    with pytest.raises(ExportError, match="is damaged"):
        write_register_folder(register_of("New"), target, force=True)
    assert snapshot(target) == before


def test_force_accepts_a_folder_without_register_files(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    target.mkdir()
    (target / "README.md").write_text("readme\n", encoding="utf-8")
    with pytest.raises(ExportError, match="not empty"):
        check_register_folder(target)
    write_register_folder(register_of("New"), target, force=True)
    assert (target / "README.md").read_text(encoding="utf-8") == "readme\n"
    assert ropa.load(target).register == register_of("New")


# --- 14.12: links -------------------------------------------------------------------------------------


def test_a_symlinked_activities_folder_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.yaml").write_text("activity: {id: keep, name: Keep}\n", encoding="utf-8")
    target = tmp_path / "acme"
    target.mkdir()
    (target / "activities").symlink_to(elsewhere)
    spreadsheet = book(tmp_path / "r.csv")
    before = snapshot(tmp_path)
    run = run_cli("import", spreadsheet, "-o", target, "--force")
    run.assert_handled(2)
    assert "activities is a symbolic link" in run.stderr
    assert run.stdout == ""  # refused before the spreadsheet was read
    assert snapshot(tmp_path) == before


def test_a_symlink_given_as_the_folder_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    write_register_folder(register_of("One"), link, force=True)
    assert link.is_symlink()
    assert (real / "activities" / "one.yaml").is_file()
    assert ropa.load(link).register == register_of("One")


# --- 14.2: one step -----------------------------------------------------------------------------------


def test_a_read_only_activities_folder_refuses_before_anything_is_written(tmp_path: Path) -> None:
    prefix = unprivileged_prefix()
    target = tmp_path / "acme"
    write_register_folder(register_of("Old one", "Old two"), target)
    (target / "activities").chmod(0o555)
    try:
        before = snapshot(target)
        run = run_cli("import", book(tmp_path / "r.csv"), "-o", target, "--force", prefix=prefix)
        run.assert_handled(2)
        assert "read-only" in run.stderr
        assert snapshot(target) == before
        assert sorted(os.listdir(tmp_path)) == ["acme", "r.csv"]
    finally:
        (target / "activities").chmod(0o755)


@pytest.mark.parametrize("fail_at", ["stage", "carry", "swap"])
def test_a_failure_before_the_swap_leaves_the_old_register(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_at: str
) -> None:
    target = tmp_path / "acme"
    old = register_of("Old one", "Old two")
    write_register_folder(old, target)
    (target / "README.md").write_text("readme\n", encoding="utf-8")
    (target / "docs").mkdir()
    before = snapshot(target)
    calls = {"n": 0}

    def failing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        return original(*args, **kwargs)

    name = {"stage": "_write_synced", "carry": "_move", "swap": "_exchange"}[fail_at]
    original = getattr(folder_module, name)
    if fail_at == "swap":
        calls["n"] = 1
    monkeypatch.setattr(folder_module, name, failing)
    with pytest.raises(ExportError, match="nothing was written"):
        write_register_folder(register_of("New"), target, force=True)
    assert snapshot(target) == before
    assert ropa.load(target).register == old
    assert sorted(os.listdir(tmp_path)) == ["acme"]


def test_the_two_rename_fallback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where folders cannot be exchanged in one step (not Linux, or a file system without it)."""
    monkeypatch.setattr(folder_module, "_exchange", lambda first, second: False)
    target = tmp_path / "acme"
    write_register_folder(register_of("Old"), target)
    (target / "README.md").write_text("readme\n", encoding="utf-8")
    write_register_folder(register_of("New"), target, force=True)
    assert ropa.load(target).register == register_of("New")
    assert (target / "README.md").read_text(encoding="utf-8") == "readme\n"
    assert sorted(os.listdir(tmp_path)) == ["acme"]


def _interrupted(tmp_path: Path, stop_before: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A write into ``acme`` that stops (as if killed) just before ``stop_before`` runs."""
    target = tmp_path / "acme"
    write_register_folder(register_of("Old"), target)
    (target / "README.md").write_text("readme\n", encoding="utf-8")

    class Killed(BaseException):
        pass

    def stop(*args: object, **kwargs: object) -> object:
        raise Killed

    monkeypatch.setattr(folder_module, stop_before, stop)
    monkeypatch.setattr(folder_module, "_undo", lambda *args: None)  # a killed process cleans nothing up
    with pytest.raises(Killed):
        write_register_folder(register_of("New"), target, force=True)
    monkeypatch.undo()
    return target


@pytest.mark.parametrize(
    ("stop_before", "expected"),
    [("_sync_dir", "Old"), ("_swap", "Old"), ("_remove_old", "New")],
)
def test_an_interrupted_write_is_repaired_by_the_next_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_before: str, expected: str
) -> None:
    target = _interrupted(tmp_path, stop_before, monkeypatch)
    assert ropa.load(target).register == register_of(expected)
    with pytest.warns(ExportWarning, match="repaired an interrupted write"):
        message = recover(target)
    assert message is not None
    assert ropa.load(target).register == register_of(expected)
    assert (target / "README.md").read_text(encoding="utf-8") == "readme\n"
    assert sorted(os.listdir(tmp_path)) == ["acme"]
    write_register_folder(register_of("Third"), target, force=True)
    assert ropa.load(target).register == register_of("Third")


def test_the_fallback_is_finished_when_killed_between_the_renames(tmp_path: Path) -> None:
    """The old folder was moved aside, the complete stage not yet moved in: the stage is moved in."""
    target = tmp_path / "acme"
    write_register_folder(register_of("New"), tmp_path / "new")
    stage = tmp_path / ".acme.ropa-tmp"
    os.rename(tmp_path / "new", stage)
    (stage / ".ropa-staged").write_text("[]", encoding="utf-8")
    write_register_folder(register_of("Old"), tmp_path / ".acme.ropa-old")
    with pytest.warns(ExportWarning, match="moved into place"):
        recover(target)
    assert ropa.load(target).register == register_of("New")
    assert sorted(os.listdir(tmp_path)) == ["acme"]


def test_a_leftover_with_foreign_files_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    write_register_folder(register_of("Old"), target)
    stage = tmp_path / ".acme.ropa-tmp"
    stage.mkdir()
    (stage / "precious.txt").write_text("mine\n", encoding="utf-8")
    with pytest.raises(ExportError, match="holds files ropa did not write"):
        write_register_folder(register_of("New"), target, force=True)
    assert (stage / "precious.txt").read_text(encoding="utf-8") == "mine\n"
    assert ropa.load(target).register == register_of("Old")


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from ropa.export.yaml import write_register_folder
    from ropa.models import Register

    def register(tag):
        return Register.model_validate({
            "organisation": {"name": "Acme " + tag},
            "activities": [{"id": f"a{i}", "name": f"{tag} {i}"} for i in range(int(sys.argv[2]))],
        })

    target = Path(sys.argv[1])
    print("ready", flush=True)
    for n in range(1000):
        write_register_folder(register("new" if n % 2 == 0 else "old"), target, force=True)
    """
)


@pytest.mark.slow
def test_killed_at_random_moments_the_folder_is_old_or_new(tmp_path: Path) -> None:
    """20 SIGKILLs at random moments of repeated writes: the folder always loads as one whole register, and
    the next write repairs what the kill left (files carried over come back)."""
    target = tmp_path / "acme"
    activities = 60
    old = Register.model_validate(
        {
            "organisation": {"name": "Acme old"},
            "activities": [{"id": f"a{i}", "name": f"old {i}"} for i in range(activities)],
        }
    )
    write_register_folder(old, target)
    (target / "README.md").write_text("readme\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(14)  # noqa: S311 - reproducible kill moments, not cryptography
    seen: set[str] = set()
    repairs = 0
    for _ in range(20):
        with subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(target), str(activities)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        ) as proc:
            assert proc.stdout is not None
            assert proc.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0.0, 0.6))
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        loaded = ropa.load(target)
        assert loaded.diagnostics == ()
        org = loaded.register.organisation
        assert org is not None
        assert org.name in ("Acme old", "Acme new")
        tag = org.name.split()[-1]
        seen.add(tag)
        assert [a.name for a in loaded.register.activities or []] == sorted(
            (f"{tag} {i}" for i in range(activities)), key=lambda n: f"a{n.split()[1]}.yaml"
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExportWarning)
            repairs += recover(target) is not None
        assert (target / "README.md").read_text(encoding="utf-8") == "readme\n"
        assert sorted(os.listdir(tmp_path)) == ["acme"]
    assert seen == {"old", "new"}
    assert repairs >= 10  # most kills hit a write in progress (a stage or an old register was left)
