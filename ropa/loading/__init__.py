"""Reading register files: YAML parsing, source positions and model validation.

The public interface of the package, for the rest of ropa and for other readers of register data::

    load(path) / loads(text)        a register folder, file or text -> LoadResult
    load_data(data, name)           parsed register data (from JSON, a workbook, an editor) -> LoadResult
    read_yaml(data)                 YAML bytes -> (plain data, problems), with the loader's safe reader
    structural_diagnostics(...)     pydantic's ValidationError -> the loader's STR- diagnostics
    read_register(path)             the files load() would read, as bytes (for cache keys)

Everything else in the package (``_yaml``, ``_locate``, the loader's ``_Collector``) is private. Names are
imported on first use: ``ropa.loading.cache`` must stay cheap to import for a cached ``ropa validate``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ropa._lazy import lazy_names

if TYPE_CHECKING:
    from ropa.loading._yaml import YamlProblem
    from ropa.loading.data import load_data, read_yaml, structural_diagnostics
    from ropa.loading.loader import LoadResult, SourceIndex, Unloaded, load, loads, read_register

__all__ = [
    "LoadResult",
    "SourceIndex",
    "Unloaded",
    "YamlProblem",
    "load",
    "load_data",
    "loads",
    "read_register",
    "read_yaml",
    "structural_diagnostics",
]

__getattr__, __dir__ = lazy_names(
    __name__,
    {
        "YamlProblem": "ropa.loading._yaml",
        **dict.fromkeys(("load_data", "read_yaml", "structural_diagnostics"), "ropa.loading.data"),
        **dict.fromkeys(
            ("LoadResult", "SourceIndex", "Unloaded", "load", "loads", "read_register"), "ropa.loading.loader"
        ),
    },
    globals(),
)
