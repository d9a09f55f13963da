"""The register as YAML: one document, or the documented folder layout.

Every string that a YAML reader could take for something else is quoted: ``"NO"``, ``"yes"``, ``"on"``,
``"2024-01-01"``, ``"12"``, ``"1e5"``, ``""``, ``"null"``, and strings that start with an indicator or
contain ``": "``. Reading the output back with :func:`ropa.loads` or :func:`ropa.load` gives an equal
register.

The folder layouts written by :func:`write_register_folder` (``layout=``)::

    per-activity (default)     per-kind                   single
    organisation.yaml          organisation.yaml          register.yaml   every kind
    vocabulary.yaml            vocabulary.yaml
    parties.yaml               parties.yaml
    activities/<id>.yaml       activities.yaml
    processor.yaml             processor.yaml
    .ropa-manifest.json        .ropa-manifest.json        .ropa-manifest.json

``organisation.yaml`` holds ``register``, ``organisation`` and ``security_measures``; ``vocabulary.yaml``
``data_subjects`` and ``data_categories``; ``processor.yaml`` the ``processor_activities`` (only when
stated). In ``per-activity``, each activity is a file of its own under the key ``activity:``. The manifest
lists the files ropa wrote, with their SHA-256 (see :mod:`ropa.export.folder`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import yaml

from ropa.export.folder import check_register_folder, write_register_files
from ropa.models import Register

__all__ = [
    "LAYOUTS",
    "Layout",
    "check_register_folder",
    "register_to_yaml",
    "register_yaml_files",
    "write_register_folder",
]

Layout = Literal["per-activity", "per-kind", "single"]
"""How a register folder is written: one file per activity, one file per kind, or one file."""
LAYOUTS: tuple[Layout, ...] = ("per-activity", "per-kind", "single")

_STR_TAG = "tag:yaml.org,2002:str"

# What the loader's YAML 1.2 scalar policy, or a YAML 1.1 reader, would not read back as text.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_WORDS = frozenset(
    word
    for base in ("true", "false", "yes", "no", "on", "off", "y", "n")
    for word in (base, base.capitalize(), base.upper())
)
_NUMBER_RE = re.compile(
    r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?"  # decimal, with YAML 1.1 underscores
    r"|[-+]?0[xob][0-9a-fA-F_]+"  # hex, octal, binary
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
    r"|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"  # YAML 1.1 sexagesimal
)
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_ESCAPE_ONLY = frozenset("\x85\u2028\u2029\ufeff")
"""Characters a YAML reader turns into a plain line break unless they are escaped."""

_WIDTH = 1_000_000_000
"""Line width: never fold long text."""

_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{i}" for i in range(10)} | {f"LPT{i}" for i in range(10)}
)


def needs_quotes(value: str) -> bool:
    """True when ``value`` written as a plain scalar would be read back as something other than itself."""
    if value in _NULLS or value in _WORDS or value != value.strip():
        return True
    return bool(_NUMBER_RE.fullmatch(value) or _DATE_RE.match(value))


class _Dumper(yaml.SafeDumper):
    """SafeDumper that quotes misreadable strings and writes multi-line text as literal blocks."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style: str | None = None
    if any(ch in _ESCAPE_ONLY for ch in value):
        style = '"'
    elif "\n" in value:
        style = "|"  # the emitter falls back to quotes when a block cannot hold the text exactly
    elif needs_quotes(value):
        style = "'"
    return dumper.represent_scalar(_STR_TAG, value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any) -> str:
    """YAML text for plain data (mappings keep their order)."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=_WIDTH,
        default_flow_style=False,
        indent=2,
    )
    return text


def register_to_yaml(register: Register) -> str:
    """The canonical dump of ``register`` (:meth:`~ropa.models.RopaModel.dump`) as one YAML document."""
    return dump_yaml(register.dump())


def _activity_file_names(activities: Iterable[dict[str, Any]]) -> list[str]:
    """``<id>.yaml`` per activity; ids that collide (also case-insensitively) get ``-2``, ``-3``, ..."""
    used: set[str] = set()
    next_counter: dict[str, int] = {}  # per stem: the counters below it are taken (linear, not quadratic)
    names: list[str] = []
    for activity in activities:
        stem = str(activity.get("id", "activity"))
        if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
            stem = f"activity-{stem}"
        key = stem.casefold()
        counter = next_counter.get(key, 1)
        candidate = stem if counter == 1 else f"{stem}-{counter}"
        while candidate.casefold() in used:
            counter += 1
            candidate = f"{stem}-{counter}"
        next_counter[key] = counter
        used.add(candidate.casefold())
        names.append(f"{candidate}.yaml")
    return names


def register_yaml_files(register: Register, layout: Layout = "per-activity") -> dict[str, str]:
    """The files of the folder layout, as ``{relative POSIX path: YAML text}``, in writing order.

    Kinds that are not stated (``None``) are left out, so that loading the folder gives the same
    register; a stated empty list (``activities: []``) is kept. In ``per-activity``, when no activity file
    is written but ``activities`` is stated as empty, ``activities: []`` goes into ``organisation.yaml``.

    Raises:
        ValueError: ``layout`` is not one of :data:`LAYOUTS`.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    if layout == "single":
        return {"register.yaml": register_to_yaml(register)}
    data = register.dump()
    files: dict[str, dict[str, Any]] = {}

    def put(file: str, *keys: str) -> None:
        section = {key: data[key] for key in keys if key in data}
        if section:
            files.setdefault(file, {}).update(section)

    put("organisation.yaml", "register", "organisation", "security_measures")
    put("vocabulary.yaml", "data_subjects", "data_categories")
    put("parties.yaml", "parties")
    activities: list[dict[str, Any]] = data.get("activities") or []
    if layout == "per-kind":
        put("activities.yaml", "activities")
        activities = []
    elif "activities" in data and not activities:
        files.setdefault("organisation.yaml", {})["activities"] = []
    put("processor.yaml", "processor_activities")
    out = {name: dump_yaml(section) for name, section in files.items()}
    if "organisation.yaml" not in out:
        out = {"organisation.yaml": "{}\n", **out}  # an empty register is still a register folder
    for name, activity in zip(_activity_file_names(activities), activities, strict=True):
        out[f"activities/{name}"] = dump_yaml({"activity": activity})
    return out


def write_register_folder(
    register: Register,
    folder: str | os.PathLike[str],
    *,
    force: bool = False,
    layout: Layout = "per-activity",
) -> list[Path]:
    """Write ``register`` as a register folder in ``layout`` (see the module docstring).

    The folder is written as a whole (:mod:`ropa.export.folder`): the new register is staged beside it
    and swapped in, so the folder holds the old or the new register, never a mix. A manifest
    (``.ropa-manifest.json``) records the files ropa wrote. With ``force``, the register in ``folder`` is
    replaced, but only when every register file in it is one ropa wrote and nobody changed since; other
    files (``README.md``, hidden files such as ``.git``) are carried over.

    Args:
        register: the register to write.
        folder: the register folder, e.g. ``registers/acme``.
        force: replace the register in an existing non-empty folder.
        layout: ``per-activity`` (one file per activity), ``per-kind`` or ``single`` (one file).

    Returns:
        The paths written, in writing order.

    Raises:
        ExportError: ``folder`` is a file, is not empty and ``force`` is not set, holds files ``force``
            may not replace (listed in the message), or cannot be written. Nothing was written.
        ValueError: ``layout`` is not one of :data:`LAYOUTS`.
    """
    files = {name: text.encode("utf-8") for name, text in register_yaml_files(register, layout).items()}
    return write_register_files(folder, files, force=force)
