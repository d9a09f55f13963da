"""The public surface: everything exported is documented and reachable, the lazy façade agrees with its
type-checking imports, and the namespaces list every name they define in ``__all__``."""

from __future__ import annotations

import ast
import inspect
import subprocess
import sys
import types
from pathlib import Path

import pytest

import ropa

NAMESPACES = ("importer", "law", "models", "rules")


def test_every_public_name_resolves_and_is_documented() -> None:
    undocumented = []
    for name in ropa.__all__:
        value = getattr(ropa, name)
        documented = (
            isinstance(value, types.ModuleType) or inspect.isclass(value) or inspect.isfunction(value)
        )
        if documented and not inspect.getdoc(value):
            undocumented.append(name)
    assert undocumented == []
    assert sorted(dir(ropa)) == sorted(ropa.__all__)


def test_the_facade_imports_for_type_checkers_what_it_imports_at_run_time() -> None:
    from ropa import _NAMES  # type: ignore[attr-defined]

    tree = ast.parse(Path(ropa.__file__).read_text(encoding="utf-8"))
    guarded = next(n for n in tree.body if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING")
    seen: dict[str, str] = {}
    for node in guarded.body:
        assert isinstance(node, ast.ImportFrom)
        for alias in node.names:
            public = alias.asname or alias.name
            if node.module == "ropa":  # a namespace: the module itself
                seen[public] = f"ropa.{alias.name}:"
            else:
                seen[public] = node.module if public == alias.name else f"{node.module}:{alias.name}"
    assert seen == _NAMES
    assert set(_NAMES) | {"__version__"} == set(ropa.__all__)


@pytest.mark.parametrize("namespace", NAMESPACES)
def test_namespaces_list_every_name_they_define(namespace: str) -> None:
    module = getattr(ropa, namespace)
    assert isinstance(module, types.ModuleType)
    exported = set(module.__all__)
    missing = [name for name in exported if not hasattr(module, name)]
    own = {
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and str(getattr(value, "__module__", "")).startswith(module.__name__)
    }
    assert missing == []
    assert sorted(own - exported) == []


def test_the_public_modules_say_what_is_theirs() -> None:
    # every module a public name comes from has an __all__ that lists it
    from ropa import _NAMES  # type: ignore[attr-defined]

    for name, source in _NAMES.items():
        module_name, _, attribute = source.partition(":")
        if source.endswith(":"):
            continue
        module = sys.modules.get(module_name) or __import__(module_name, fromlist=["_"])
        assert (attribute or name) in module.__all__, f"{module_name}.__all__ lacks {attribute or name}"


def test_import_ropa_is_cheap_and_the_namespaces_are_modules() -> None:
    code = (
        "import sys, ropa; heavy = [m for m in ('pydantic', 'yaml', 'openpyxl') if m in sys.modules]; "
        "assert heavy == [], heavy; import ropa.models; assert ropa.models.Register is ropa.Register"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_py_typed_ships_with_the_package() -> None:
    assert (Path(ropa.__file__).parent / "py.typed").is_file()


def test_a_cached_check_needs_neither_the_configuration_nor_the_rules(tmp_path: Path) -> None:
    # ropa.check (what `ropa validate` calls) finds a cached report from bytes alone
    register = tmp_path / "acme"
    register.mkdir()
    (register / "organisation.yaml").write_text("organisation: {name: Acme, country: NL}\n", encoding="utf-8")
    code = (
        "import sys, ropa; result = ropa.check(sys.argv[1], cache=True); "
        "loaded = sorted(m for m in sys.modules "
        "if m in ('ropa.config', 'pydantic') or m.startswith(('ropa.rules', 'ropa.models'))); "
        "print(result.report.counts['error'], loaded)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code, str(register)], capture_output=True, text=True, cwd=tmp_path
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    first, second = (run.stdout.split(" ", 1) for run in runs)
    assert first[0] == second[0]
    assert "ropa.rules" in first[1]
    assert second[1].strip() == "[]"
