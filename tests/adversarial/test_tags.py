"""Tags are refused and nothing executes: payloads that would create a file leave no file behind.

Each payload is checked to be live first: PyYAML's unsafe loader, given the same text, does create the
marker file. ropa (library and CLI) must report SYN-003 and leave no marker.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import ropa

from ._helpers import run_cli


def _payloads(marker: Path) -> dict[str, str]:
    """Values that create ``marker`` when constructed by an unsafe YAML loader."""
    m = str(marker)
    return {
        "apply-open": f"!!python/object/apply:builtins.open ['{m}', 'w']",
        "apply-os-system": f"!!python/object/apply:os.system ['touch {m}']",
        "apply-subprocess": f"!!python/object/apply:subprocess.check_call [[touch, '{m}']]",
        "apply-exec": f"!!python/object/apply:builtins.exec [\"open('{m}', 'w').close()\"]",
        "new-with-state": (
            "!!python/object/new:type {args: [z, !!python/tuple [], "
            f"{{'__del__': !!python/name:builtins.print }}], state: {{x: !!python/object/apply:os.system "
            f"['touch {m}']}}}}"
        ),
        "verbatim-tag": f"!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {m}']",
    }


def _document(value: str) -> str:
    return f"organisation:\n  name: {value}\n"


@pytest.mark.parametrize("kind", list(_payloads(Path("x"))))
def test_payload_is_live_under_an_unsafe_loader(tmp_path: Path, kind: str) -> None:
    """The control: these payloads do run when a YAML loader constructs Python objects."""
    marker = tmp_path / "marker"
    try:
        data = yaml.unsafe_load(_document(_payloads(marker)[kind]))
    except Exception:  # noqa: S110 - some payloads fail after they ran; only the side effect counts
        pass
    else:
        made = data["organisation"]["name"]
        if hasattr(made, "close"):  # the file object that builtins.open returned
            made.close()
    assert marker.exists()


@pytest.mark.parametrize("kind", list(_payloads(Path("x"))))
def test_payload_is_refused_and_does_not_run(tmp_path: Path, kind: str) -> None:
    marker = tmp_path / "marker"
    result = ropa.loads(_document(_payloads(marker)[kind]))
    assert [(d.code, d.location.line, d.location.column) for d in result.diagnostics] == [("SYN-003", 2, 9)]
    assert result.register.organisation is not None  # the rest of the block still loads
    report = ropa.validate(result)
    assert "SYN-003" in {d.code for d in report}
    assert not marker.exists()


def test_payloads_through_the_cli_do_not_run(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    folder = tmp_path / "register"
    folder.mkdir()
    for kind, value in _payloads(marker).items():
        (folder / f"{kind}.yaml").write_text(f"activities:\n  - id: {kind}\n    name: {value}\n")
    run = run_cli("validate", folder, timeout=60)
    run.assert_handled(1)
    for kind in _payloads(marker):
        assert run.lines_with(f"{kind}.yaml", 3, "SYN-003"), run.stdout[-2000:]
    assert not marker.exists()


# Tags that are not Python objects but are still refused: nothing but plain data is accepted.
REFUSED = {
    "python-name": "!!python/name:os.system",
    "python-module": "!!python/module:os",
    "python-tuple": "!!python/tuple [a, b]",
    "python-bytes": "!!python/bytes aGk=",
    "ruby-object": "!ruby/object:Gem::Installer {i: x}",
    "javascript": '!!js/function "function () { return 1 }"',
    "include": "!include secrets.yaml",
    "environment": "!env HOME",
    "binary": "!!binary aGVsbG8=",
    "timestamp": "!!timestamp 2024-01-01",
    "set": "!!set {a, b}",
    "omap": "!!omap [a: 1]",
    "pairs": "!!pairs [a: 1]",
    "local-tag": "!secret value",
    "int-not-a-number": "!!int abc",
    "float-not-a-number": "!!float abc",
    "bool-not-a-boolean": "!!bool maybe",
    "null-not-null": "!!null something",
    "int-too-long": "!!int " + "9" * 5000,
}


@pytest.mark.parametrize(("kind", "value"), list(REFUSED.items()), ids=list(REFUSED))
def test_other_tags_are_refused(kind: str, value: str) -> None:
    result = ropa.loads(_document(value))
    assert [(d.code, d.location.line, d.location.column) for d in result.diagnostics] == [("SYN-003", 2, 9)]


def test_tag_shorthand_directive_is_refused() -> None:
    text = "%TAG !py! tag:yaml.org,2002:python/\n---\norganisation:\n  name: !py!object/apply:os.getcwd []\n"
    result = ropa.loads(text)
    assert [(d.code, d.location.line, d.location.column) for d in result.diagnostics] == [("SYN-003", 4, 9)]


def test_tagged_key_and_tagged_top_level() -> None:
    result = ropa.loads("!!python/object/apply:os.getcwd []\n")
    assert [(d.code, d.location.line) for d in result.diagnostics] == [("SYN-003", 1)]
    result = ropa.loads("organisation:\n  ? !!python/object/apply:os.getcwd []\n  : x\n")
    assert [(d.code, d.location.line) for d in result.diagnostics] == [("SYN-008", 2)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("!!str 12", "12"), ("!!str true", "true"), ("!!int 7", 7), ("!!float 1.5", 1.5), ("!!bool true", True)],
)
def test_core_tags_with_matching_values_are_plain_data(value: str, expected: object) -> None:
    result = ropa.loads(f"register:\n  title: x\nx: {value}\n")
    assert [d.code for d in result.diagnostics] == ["STR-002"]  # 'x' is not a kind; the tag was fine
    from ropa.loading._yaml import parse

    data, problems = parse(f"x: {value}\n")
    assert problems == []
    assert data == {"x": expected}
    assert type(data["x"]) is type(expected)
