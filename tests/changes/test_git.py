"""Reading a register at git revisions, and diffs along a scripted history."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import jsonschema
import pytest

import ropa
from tests.changes.conftest import History, commit, git, write
from tests.cli.conftest import Run

TODAY = dt.date(2026, 12, 3)
REPO = Path(__file__).resolve().parents[2]


def _diff(history: History, old: str, new: str | None) -> ropa.Diff:
    base = ropa.load_revision(history.register, old)
    head = ropa.load_revision(history.register, new)
    return ropa.diff(base, head, ropa.Config(), today=TODAY)


def _entities(d: ropa.Diff) -> list[tuple[str, str | None, str]]:
    return [(e.kind, e.id, e.status) for e in d.entities]


def test_a_revision_before_the_register_existed_is_empty(history: History) -> None:
    snap = ropa.load_revision(history.register, "empty")
    assert snap.exists is False
    assert snap.revision == history.commits["empty"]
    assert snap.register == ropa.Register()
    assert snap.label == "empty"


def test_files_are_read_at_the_revision_with_their_register_paths(history: History) -> None:
    snap = ropa.load_revision(history.register, "created")
    assert snap.exists
    assert not snap.is_file
    assert snap.result.files == (
        "activities/newsletter.yaml",
        "activities/orders.yaml",
        "parties.yaml",
        "register.yaml",
        "vocabulary.yaml",
    )
    assert [d for d in snap.result.diagnostics if d.severity is ropa.Severity.ERROR] == []
    assert sorted(a.id for a in snap.register.activities or ()) == ["newsletter", "orders"]


def test_the_whole_register_is_added_when_it_did_not_exist(history: History) -> None:
    d = _diff(history, "empty", "created")
    assert d.base.exists is False
    assert _entities(d) == [
        ("register", None, "added"),
        ("organisation", None, "added"),
        ("data_subjects", "customers", "added"),
        ("data_categories", "contact", "added"),
        ("data_categories", "email", "added"),
        ("parties", "postal", "added"),
        ("activities", "newsletter", "added"),
        ("activities", "orders", "added"),
    ]
    assert {(m.code, m.entity) for m in d.meanings if m.name == "activity-added"} == {
        ("CHG-001", "activity newsletter"),
        ("CHG-001", "activity orders"),
    }
    assert d.resolved == ()
    assert d.introduced  # every finding of the new register is new


def test_a_moved_file_and_a_reformatted_file_are_no_change(history: History) -> None:
    d = _diff(history, "created", "moved")
    assert d.entities == ()
    assert d.meanings == ()
    assert d.introduced == ()
    assert d.resolved == ()
    assert d.empty


def test_findings_of_a_moved_entity_keep_their_new_place(history: History) -> None:
    base = ropa.load_revision(history.register, "created")
    head = ropa.load_revision(history.register, "moved")
    old = {d.fingerprint: d for d in ropa.validate(base.result, ropa.Config(), today=TODAY)}
    new = {d.fingerprint: d for d in ropa.validate(head.result, ropa.Config(), today=TODAY)}
    moved = [d for d in new.values() if d.location.file == "marketing/newsletter.yaml"]
    assert moved, "the moved activity has findings"
    assert all(d.fingerprint not in old for d in moved)  # the exact fingerprints differ ...
    assert ropa.diff(base, head, ropa.Config(), today=TODAY).introduced == ()  # ... and still match


def test_a_new_name_under_the_same_id_is_a_rename(history: History) -> None:
    d = _diff(history, "moved", "renamed")
    (entity,) = d.entities
    assert (entity.kind, entity.id, entity.status, entity.renamed) == (
        "activities",
        "newsletter",
        "changed",
        True,
    )
    assert (entity.name_before, entity.name_after) == ("Newsletter", "Customer newsletter")
    assert [(c.op, c.path, c.before, c.after) for c in entity.changes] == [
        ("changed", "/name", "Newsletter", "Customer newsletter")
    ]
    assert [m.code for m in d.meanings] == ["CHG-003"]
    assert entity.head_location is not None
    assert (entity.head_location.file, entity.head_location.pointer) == (
        "marketing/newsletter.yaml",
        "/activity",
    )
    assert entity.base_location is not None
    assert entity.base_location.file == "marketing/newsletter.yaml"


def test_the_legal_meaning_of_a_pull_request(history: History) -> None:
    d = _diff(history, "renamed", "changed")
    codes = {(m.code, m.name, m.entity) for m in d.meanings}
    assert codes == {
        ("CHG-008", "basis-changed-to-legitimate-interests", "activity newsletter"),
        ("CHG-009", "basis-changed-from-consent", "activity newsletter"),
        ("CHG-017", "processor-added", "activity newsletter"),
        ("CHG-022", "transfer-added", "activity newsletter"),
    }
    basis = next(m for m in d.meanings if m.code == "CHG-008")
    assert basis.detail == "purpose 'Send product news to customers': 6-1-a → 6-1-f"
    assert [str(r) for r in basis.legal_refs][:2] == ["Art. 6(1)(f) GDPR", "Art. 13(1)(d) GDPR"]
    assert basis.location is not None
    text = git(history.repo, "show", "changed:registers/acme/marketing/newsletter.yaml").splitlines()
    assert basis.location.file == "marketing/newsletter.yaml"
    assert text[basis.location.line - 1].strip() == "lawful_basis: 6-1-f"
    transfer = next(m for m in d.meanings if m.code == "CHG-022")
    assert transfer.detail == "to US (party 'mailer' (Mailer Inc.)), mechanism scc"
    assert {d.code for d in d.introduced} >= {"LAW-005"}  # no legitimate-interests assessment recorded


def test_a_changed_id_is_a_removal_and_an_addition(history: History) -> None:
    d = _diff(history, "changed", "reidentified")
    assert _entities(d) == [("activities", "order-handling", "added"), ("activities", "orders", "removed")]
    removed = d.entities[1]
    assert removed.base_location is not None
    assert removed.head_location is None
    assert removed.base_location.file == "activities/orders.yaml"


def test_a_deleted_register_removes_everything(history: History) -> None:
    d = _diff(history, "reidentified", "deleted")
    assert d.head.exists is False
    assert {e.status for e in d.entities} == {"removed"}
    assert d.introduced == ()
    assert d.resolved


def test_the_working_tree_is_the_default_head_and_is_left_alone(history: History) -> None:
    file = history.register / "parties.yaml"
    original = file.read_text(encoding="utf-8")
    index = history.repo / ".git" / "index"
    try:
        file.write_text(original.replace("role: processor", "role: controller"), encoding="utf-8")
        status = git(history.repo, "status", "--porcelain")
        stamp = index.stat().st_mtime_ns
        d = _diff(history, "changed", None)
        assert index.stat().st_mtime_ns == stamp
        assert d.head.label == "working tree"
        assert d.head.revision is None
        assert [m.name for m in d.meanings] == ["party-role-changed"]
        for tag in history.commits:
            ropa.load_revision(history.register, tag)
        assert index.stat().st_mtime_ns == stamp  # the index was not even refreshed
        assert git(history.repo, "--no-optional-locks", "status", "--porcelain") == status
        assert git(history.repo, "rev-parse", "HEAD").strip() == history.commits["changed"]
    finally:
        file.write_text(original, encoding="utf-8")


def test_a_single_file_register_at_a_revision(history: History) -> None:
    snap = ropa.load_revision(history.register / "parties.yaml", "changed")
    assert snap.is_file
    assert snap.exists
    assert snap.result.files == ("parties.yaml",)
    assert [p.id for p in snap.register.parties or ()] == ["postal", "mailer"]
    older = ropa.load_revision(history.register / "parties.yaml", "created")
    d = ropa.diff(older, snap, findings=False)
    assert [(e.id, e.status) for e in d.entities] == [("mailer", "added")]


def test_unknown_revisions_and_bad_places_are_clear_errors(history: History, tmp_path: Path) -> None:
    with pytest.raises(ropa.RevisionError, match="unknown revision 'no-such-branch'"):
        ropa.load_revision(history.register, "no-such-branch")
    with pytest.raises(ropa.RevisionError, match="is not a revision"):
        ropa.load_revision(history.register, "--output=/tmp/x")
    with pytest.raises(ropa.RevisionError, match="not inside a git repository"):
        ropa.load_revision(tmp_path / "registers", "HEAD")


def test_git_missing_is_a_clear_error(
    history: History, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ropa.RevisionError, match="git is not installed"):
        ropa.load_revision(history.register, "HEAD")


def test_variables_of_a_calling_git_hook_are_ignored(
    history: History, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GIT_DIR", "/nonexistent/.git")
    monkeypatch.setenv("GIT_INDEX_FILE", "/nonexistent/index")
    assert ropa.load_revision(history.register, "created").exists


def test_symbolic_links_hidden_files_and_other_files(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write(
        repo,
        {
            "reg/a.yaml": "activities:\n  - {id: a, name: A}\n",
            "reg/.draft.yaml": "x: [",
            "reg/notes.txt": "x",
        },
    )
    write(repo, {"reg/.hidden/b.yaml": "activities:\n  - {id: b, name: B}\n"})
    os.symlink("a.yaml", repo / "reg" / "link.yaml")
    commit(repo, "one")
    snap = ropa.load_revision(repo / "reg", "one")
    assert snap.result.files == ("a.yaml",)
    assert snap.skipped == ("link.yaml",)
    assert [a.id for a in snap.register.activities or ()] == ["a"]


def test_the_register_may_be_the_repository_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    write(repo, {"sub/a.yaml": "activities:\n  - {id: a, name: A}\n"})
    commit(repo, "one")
    monkeypatch.chdir(repo / "sub")
    snap = ropa.load_revision("..", "one")
    assert snap.result.files == ("sub/a.yaml",)
    assert ropa.load_revision(".", "one").result.files == ("a.yaml",)


# --- the command ---------------------------------------------------------------------------------------


def test_cli_diff_against_a_base_revision(
    history: History, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(history.repo)
    result = run("diff", "registers/acme", "--base", "renamed", "--today", "2026-12-03")
    assert result.code == 0, result.err
    assert result.out.startswith("ropa diff: renamed (")
    assert "CHG-022 transfer-added: activity newsletter: to US" in result.out
    assert "at registers/acme/marketing/newsletter.yaml:" in result.out
    assert "  added   party mailer (Mailer Inc.)  registers/acme/parties.yaml:5:5" in result.out
    assert result.out.rstrip().endswith(
        "1 added, 1 changed, 0 removed; 4 legal meanings (0 error, 4 warning, 0 info); "
        "findings: 4 introduced, 0 resolved"
    )


def test_cli_diff_json_follows_its_schema(
    history: History, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(history.repo)
    result = run("diff", "registers/acme", "--base", "created", "--head", "changed", "-f", "json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    schema = json.loads((REPO / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["base"] == {
        "label": "created",
        "revision": history.commits["created"],
        "exists": True,
        "path": "registers/acme",
        "skipped": [],
    }
    assert document["head"]["label"] == "changed"
    transfer = next(m for m in document["meanings"] if m["code"] == "CHG-022")
    assert transfer["location"]["file"] == "registers/acme/marketing/newsletter.yaml"
    assert transfer["docs"].endswith("/docs/changes/CHG-022.md")
    introduced = document["findings"]["introduced"]
    assert all(f["location"]["file"].startswith("registers/acme/") for f in introduced)


def test_cli_diff_markdown_for_a_pull_request(
    history: History, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(history.repo)
    result = run("diff", "registers/acme", "--base", "renamed", "-f", "markdown")
    assert result.code == 0
    assert result.out.startswith("## ropa diff: `registers/acme`\n")
    assert "### What the changes mean in law" in result.out
    row = next(line for line in result.out.splitlines() if "CHG-008" in line)
    assert row.startswith(
        "| warning | [CHG-008](https://github.com/ropa-register/ropa/blob/main/docs/changes/"
    )
    assert "Art. 6(1)(f) GDPR" in row


@pytest.mark.parametrize(
    ("options", "code"),
    [
        (["--fail-on", "never"], 0),
        (["--fail-on", "error"], 1),  # PRC-001, an error, is introduced
        (["--fail-on", "error", "--no-findings"], 0),  # the meanings are warnings
        (["--fail-on", "warning", "--no-findings"], 1),
        (["--fail-on", "info"], 1),
    ],
)
def test_cli_diff_fail_on(
    history: History, run: Run, monkeypatch: pytest.MonkeyPatch, options: list[str], code: int
) -> None:
    monkeypatch.chdir(history.repo)
    result = run("diff", "registers/acme", "--base", "renamed", "--head", "changed", *options)
    assert result.code == code


def test_cli_diff_errors_exit_2(
    history: History, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(history.repo)
    result = run("diff", "registers/acme", "--base", "nope")
    assert (result.code, result.out) == (2, "")
    assert "unknown revision 'nope'" in result.err
    assert run("diff", "registers/acme").code == 2  # one register and no --base
    assert run("diff", "registers/acme", "registers/acme", "--base", "HEAD").code == 2
    assert "no register at empty" in run("diff", "registers/other", "--base", "empty").err
    monkeypatch.chdir(tmp_path)
    outside = run("diff", "registers/acme", "--base", "HEAD")
    assert outside.code == 2
    assert "not inside a git repository" in outside.err


def test_cli_diff_of_two_folders(run: Run, workdir: Path) -> None:
    write(
        workdir,
        {
            "old/a.yaml": "activities:\n  - {id: a, name: A}\n",
            "new/b.yaml": "activities:\n  - {id: a, name: B}\n",
        },
    )
    result = run("diff", "old", "new", "--no-findings")
    assert result.code == 0
    assert "changed activity a (B), renamed from A  new/b.yaml:2:5" in result.out
    assert "CHG-003 activity-renamed" in result.out
    assert run("diff", "old", "missing").code == 2


def test_cli_export_since_adds_the_changes_sheet(
    history: History, run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    monkeypatch.chdir(history.repo)
    out = tmp_path / "register.xlsx"
    result = run(
        "export", "registers/acme", "-o", out, "--since", "renamed", "--lang", "nl", "--today", "2026-12-03"
    )
    assert result.code == 0, result.err
    book = load_workbook(out, read_only=True)
    assert "Wijzigingen" in book.sheetnames
    rows = list(book["Wijzigingen"].iter_rows(values_only=True))
    assert rows[1] == (
        "Betreft",
        "Wijziging",
        "Wat is er gewijzigd",
        "Juridische betekenis",
        "Wat te doen",
        "Bepalingen",
        "Ernst",
        "Locatie",
    )
    newsletter = next(r for r in rows[2:] if str(r[0]).startswith("activiteit newsletter"))
    assert newsletter[1] == "Gewijzigd"
    assert (  # field changes keep their YAML paths and values
        "purposes[0].lawful_basis (purpose 'Send product news to customers'): 6-1-a → 6-1-f" in newsletter[2]
    )
    assert (  # the change code's detail and what to do are in Dutch, from the catalogue
        "CHG-008 basis-changed-to-legitimate-interests: doel 'Send product news to customers': 6-1-a → 6-1-f"
        in newsletter[3]
    )
    assert "CHG-008: Leg het belang vast onder 'legitimate_interest:'" in newsletter[4]
    assert "Art. 6(1)(f) AVG" in newsletter[5]
    cover = {r[0]: r[1] for r in book["Overzicht"].iter_rows(values_only=True) if len(r) > 1}
    assert cover["Wijzigingen sinds"] == f"renamed ({history.commits['renamed'][:12]})"
    book.close()
    assert run("export", "registers/acme", "-f", "json", "--since", "renamed").code == 2
    folder = tmp_path / "csv"
    assert run("export", "registers/acme", "-f", "csv", "-o", folder, "--since", "renamed").code == 0
    lines = (folder / "changes.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "Concerns,Change,What changed,Meaning in law,What to do,Provisions,Severity,Location"
    assert run("export", "registers/acme", "-f", "csv", "-o", folder).code == 0
    assert not (folder / "changes.csv").exists()  # an export without --since has no changes.csv
    assert "unknown revision" in run("export", "registers/acme", "-o", out, "--since", "nope").err


def test_cli_diff_findings_in_the_registers_language(
    history: History, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(history.repo)
    english = run("diff", "registers/acme", "--base", "renamed", "--head", "changed", "-f", "json")
    dutch = run(
        "diff", "registers/acme", "--base", "renamed", "--head", "changed", "-f", "json", "--lang", "nl"
    )
    en, nl = (
        json.loads(english.out)["findings"]["introduced"],
        json.loads(dutch.out)["findings"]["introduced"],
    )
    assert [f["fingerprint"] for f in en] == [f["fingerprint"] for f in nl]  # the same findings ...
    assert [f["message"] for f in en] != [f["message"] for f in nl]  # ... in another language
