"""Names of a package imported on first use (PEP 562), so that importing the package stays cheap."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(
    package: str, names: Mapping[str, str], namespace: dict[str, Any]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of ``package`` for ``names``.

    Args:
        package: the package's name, for error messages.
        names: each public name and where it comes from: ``"module"`` (the attribute of that name),
            ``"module:attribute"`` (another name there) or ``"module:"`` (the module itself).
        namespace: the package's ``globals()``; each name is stored there on first use.
    """

    def __getattr__(name: str) -> Any:
        source = names.get(name)
        if source is None:
            raise AttributeError(f"module '{package}' has no attribute '{name}'")
        module_name, _, attribute = source.partition(":")
        module = importlib.import_module(module_name)
        value = module if source.endswith(":") else getattr(module, attribute or name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(namespace.get("__all__", names))

    return __getattr__, __dir__
