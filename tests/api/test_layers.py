"""The package layout the API rests on, checked on the source (AST): the CLI uses nothing but ``import
ropa``, and no package imports another package's private names."""

from __future__ import annotations

import ast
import types
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import ropa

PACKAGE = Path(ropa.__file__).parent
ROOT = PACKAGE.parent

CLI_RULE = (
    "ropa/cli/ uses only the public API: 'import ropa' and the names in ropa.__all__ (and, for the "
    "namespaces among them, such as ropa.importer, the names in their __all__), besides the standard "
    "library and its own ropa.cli._* helpers. What a command needs that ropa does not export becomes a "
    "public verb first: add it to ropa/__init__.py (a verb in ropa/_api.py, or a re-export of a public "
    "module's name) with a docstring, document it in docs/api.md, regenerate docs/reference/api.md "
    "(python -m ropa._apidocs) and add it to the API snapshot in tests/test_package.py."
)


@dataclass(frozen=True)
class Use:
    """One import of a ropa module or name, or one ``ropa.<name>`` attribute chain."""

    file: str
    line: int
    module: str
    name: str | None

    def __str__(self) -> str:
        target = f"{self.module}.{self.name}" if self.name else self.module
        return f"{self.file}:{self.line}: {target}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top(parts: list[str]) -> str:
    """The package that owns a module: ``ropa.<package>`` for anything inside a package of ropa (its
    families and helpers included: ``ropa.rules.ret._common`` belongs to ``ropa.rules``), ``ropa`` for the
    modules beside them (``ropa._data``, ``ropa.config``)."""
    if len(parts) > 1 and (ROOT / "ropa" / parts[1] / "__init__.py").is_file():
        return f"ropa.{parts[1]}"
    return "ropa"


def _package_of(path: Path) -> str:
    """The package a source file belongs to."""
    return _top(list(path.relative_to(ROOT).with_suffix("").parts))


def _imports(path: Path) -> Iterator[Use]:
    code = path.read_text(encoding="utf-8")
    yield from _imports_in(
        code, path.relative_to(ROOT).as_posix(), _module_name(path), path.name == "__init__.py"
    )


def _imports_in(code: str, file: str, here: str, is_package: bool) -> Iterator[Use]:
    """The imports of ropa in the source ``code`` of the module ``here``."""
    for node in ast.walk(ast.parse(code, file)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "ropa":
                    yield Use(file, node.lineno, alias.name, None)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # a relative import: resolve it against this module's package
                base = here.split(".") if is_package else here.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            if module.split(".")[0] == "ropa":
                for alias in node.names:
                    yield Use(file, node.lineno, module, alias.name)


def _private_owner(use: Use) -> str | None:
    """The package that owns the private part of ``use`` (``ropa.models`` for ``ropa.models._base``,
    ``ropa.loading`` for the loader's ``_Collector``), or ``None`` when nothing in it is private."""
    parts = use.module.split(".")
    for index, part in enumerate(parts):
        if part.startswith("_") and not part.startswith("__"):
            return _top(parts[:index])
    name = use.name
    if name is not None and name.startswith("_") and not name.startswith("__"):
        return _top(parts)
    return None


def _sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_the_scan_reads_every_source_file_and_finds_imports() -> None:
    files = _sources()
    assert len(files) > 100
    uses = [u for f in files for u in _imports(f)]
    assert any(u.module == "ropa.loading" and u.name == "load_data" for u in uses)


def test_no_package_imports_another_packages_private_names() -> None:
    wrong = []
    for path in _sources():
        package = _package_of(path)
        for use in _imports(path):
            owner = _private_owner(use)
            if owner is not None and owner not in (package, "ropa"):
                wrong.append(f"{use} (private to {owner}, imported from {package})")
    assert wrong == [], (
        "a package imports another package's private module or name; give the owner a public name for "
        "it (its __init__ or a public module, listed in its __all__):\n" + "\n".join(wrong)
    )


def test_the_facade_points_at_public_modules_only() -> None:
    from ropa import _NAMES  # type: ignore[attr-defined]

    wrong = [
        f"{name}: {source}"
        for name, source in _NAMES.items()
        if _private_owner(
            Use("ropa/__init__.py", 0, source.partition(":")[0], source.partition(":")[2] or None)
        )
        not in (None, "ropa")
    ]
    assert wrong == []


def _cli_uses() -> Iterator[tuple[Use, str]]:
    """Every use of ropa in ropa/cli/ that is not ``import ropa``, an own helper or a standard name,
    with what is wrong with it."""
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        file = path.relative_to(ROOT).as_posix()
        for use in _imports(path):
            if use.module == "ropa.cli" or use.module.startswith("ropa.cli."):
                continue
            if use.module == "ropa" and use.name is None:
                continue
            if use.module == "ropa" and use.name in ropa.__all__:
                continue
            yield use, "imports past the public API"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            chain = _attribute_chain(node)
            if chain is None or chain[0] != "ropa":
                continue
            problem = _public_chain(chain[1:])
            if problem:
                yield Use(file, getattr(node, "lineno", 0), "ropa", ".".join(chain[1:])), problem


def _attribute_chain(node: ast.AST) -> list[str] | None:
    """``["ropa", "importer", "import_file"]`` for the outermost attribute expression ``ropa.importer.
    import_file``; ``None`` for anything else (and for the inner parts of a chain)."""
    if not isinstance(node, ast.Attribute):
        return None
    names: list[str] = []
    current: ast.AST = node
    while isinstance(current, ast.Attribute):
        names.append(current.attr)
        current = current.value
    if not isinstance(current, ast.Name):
        return None
    return [current.id, *reversed(names)]


def _public_chain(names: list[str]) -> str | None:
    """What is wrong with ``ropa.<names>``: a name outside ``ropa.__all__``, or a module reached through a
    namespace that its ``__all__`` does not list."""
    value: object = ropa
    exported: list[str] = ropa.__all__
    for name in names:
        if name not in exported:
            return f"'{name}' is not in the __all__ of {getattr(value, '__name__', value)}"
        value = getattr(value, name)
        if not isinstance(value, types.ModuleType):
            return None  # an attribute of a public object: a method, an enum member, a field
        exported = list(getattr(value, "__all__", []))
    return None


def test_the_cli_uses_only_the_public_api() -> None:
    wrong = [f"{use}: {problem}" for use, problem in _cli_uses()]
    assert wrong == [], CLI_RULE + "\n" + "\n".join(wrong)


def test_the_cli_rule_sees_a_private_import() -> None:
    # the checks are not vacuous: each kind of reach past the API is caught
    code = (
        "import ropa\n"
        "from ropa.loading.loader import read_register\n"
        "from ropa import validate, _NAMES\n"
        "x = ropa.rules.engine.select_rules\n"
        "y = ropa.importer.import_file\n"
    )
    uses = list(_imports_in(code, "ropa/cli/_probe.py", "ropa.cli._probe", False))
    assert [str(u) for u in uses] == [
        "ropa/cli/_probe.py:1: ropa",
        "ropa/cli/_probe.py:2: ropa.loading.loader.read_register",
        "ropa/cli/_probe.py:3: ropa.validate",
        "ropa/cli/_probe.py:3: ropa._NAMES",
    ]
    chains = [c for node in ast.walk(ast.parse(code)) if (c := _attribute_chain(node)) is not None]
    problems = {".".join(c[1:]): _public_chain(c[1:]) for c in chains if c[0] == "ropa"}
    assert problems["rules.engine.select_rules"] == "'engine' is not in the __all__ of ropa.rules"
    assert problems["importer.import_file"] is None
    assert _private_owner(Use("x", 0, "ropa.loading.loader", "_Collector")) == "ropa.loading"
    assert _private_owner(Use("x", 0, "ropa.models._base", "RopaModel")) == "ropa.models"
    assert _private_owner(Use("x", 0, "ropa.models", "RopaModel")) is None
    assert _private_owner(Use("x", 0, "ropa.rules.ret._common", "covers")) == "ropa.rules"
    assert _private_owner(Use("x", 0, "ropa._data", "load_data")) == "ropa"
    assert _package_of(PACKAGE / "rules" / "nl" / "__init__.py") == "ropa.rules"
    assert _package_of(PACKAGE / "_api.py") == "ropa"
