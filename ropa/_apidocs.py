"""The API reference, ``docs/reference/api.md``, generated from the docstrings of the public API.

Everything in ``ropa.__all__`` is listed with its signature and docstring, then the namespaces
(``ropa.models``, ``ropa.rules``, ``ropa.law``, ``ropa.importer``) name by name. The committed page is
checked for drift by the test suite; regenerate it with ``python -m ropa._apidocs``.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ropa

__all__ = ["PAGE", "render"]

PAGE = Path("docs/reference/api.md")
"""Where the page is written, relative to the repository."""

NAMESPACES = ("models", "rules", "law", "importer")
_SECTIONS = ("Args", "Arguments", "Attributes", "Returns", "Raises", "Warns", "Yields")
_ROLE = re.compile(r":(?:func|class|data|attr|meth|mod|exc|obj):`~?([^`]+)`")
_KINDS: tuple[tuple[str, Callable[[Any], bool]], ...] = (
    ("Verbs", lambda v: _is_function(v)),
    ("Exceptions and warnings", lambda v: inspect.isclass(v) and issubclass(v, BaseException)),
    ("Classes", inspect.isclass),
    ("Namespaces", lambda v: isinstance(v, types.ModuleType)),
    ("Types and constants", lambda v: True),
)


def _is_function(value: Any) -> bool:
    """A function, also behind a decorator such as ``functools.cache``."""
    return callable(value) and inspect.isfunction(inspect.unwrap(value))


def _role(match: re.Match[str]) -> str:
    target = match.group(1)
    return f"`{target.rsplit('.', 1)[-1] if match.group(0).count('~') else target}`"


def _inline(text: str) -> str:
    """Sphinx roles and double back-quotes as Markdown code."""
    return re.sub(r"``([^`]+)``", r"`\1`", _ROLE.sub(_role, text))


def _markdown(doc: str | None) -> str:
    """A Google-style docstring as Markdown: sections as bold labels with lists, ``::`` blocks fenced."""
    if not doc:
        return ""
    lines = inspect.cleandoc(doc).splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        section = line.rstrip(":") if line.endswith(":") and line.rstrip(":") in _SECTIONS else None
        if section is not None:
            index += 1
            block: list[str] = []
            while index < len(lines) and (lines[index].startswith(" ") or not lines[index].strip()):
                block.append(lines[index])
                index += 1
            out += ["", f"**{section}**", "", *_section(section, block), ""]
            continue
        if line.rstrip().endswith("::"):
            out.append(_inline(line.rstrip()[:-1]).rstrip(":") + ":" if line.strip() != "::" else "")
            index += 1
            block = []
            while index < len(lines) and (lines[index].startswith(" ") or not lines[index].strip()):
                block.append(lines[index])
                index += 1
            while block and not block[-1].strip():
                block.pop()
            while block and not block[0].strip():
                block.pop(0)
            out += ["", "```", *inspect.cleandoc("\n".join(block)).splitlines(), "```", ""]
            continue
        out.append(_inline(line))
        index += 1
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _section(section: str, block: list[str]) -> list[str]:
    """The lines of a docstring section: ``name: text`` entries as a list, ``Returns`` as a paragraph."""
    items: list[str] = []
    for line in block:
        text = line.strip()
        if not text:
            continue
        deeper = len(line) - len(line.lstrip()) > 4
        if items and (deeper or section in ("Returns", "Yields")):
            items[-1] += " " + text
        else:
            items.append(text)
    if section in ("Returns", "Yields"):
        return [_inline(item) for item in items]
    out = []
    for item in items:
        name, colon, rest = item.partition(": ")
        simple = colon and re.fullmatch(r"[\w.*, \[\]|]+", name)
        out.append(f"- `{name}`: {_inline(rest)}" if simple else f"- {_inline(item)}")
    return out


def _annotation(value: Any) -> str:
    if value is inspect.Parameter.empty:
        return ""
    return value if isinstance(value, str) else inspect.formatannotation(value)


def _signature(name: str, value: Callable[..., Any]) -> str:
    """``name(path: str | os.PathLike[str], *, progress: ... = None) -> LoadResult``, annotations as
    written in the source."""
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):
        return f"{name}(...)"
    parameters = [p for p in signature.parameters.values() if p.name != "self"]
    parts: list[str] = []
    star = False
    for position, parameter in enumerate(parameters):
        if parameter.kind is parameter.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        prefix = ""
        if parameter.kind is parameter.VAR_POSITIONAL:
            prefix, star = "*", True
        elif parameter.kind is parameter.VAR_KEYWORD:
            prefix = "**"
        text = prefix + parameter.name
        annotation = _annotation(parameter.annotation)
        if annotation:
            text += f": {annotation}"
        if parameter.default is not inspect.Parameter.empty:
            text += f" = {parameter.default!r}" if annotation else f"={parameter.default!r}"
        parts.append(text)
        following = parameters[position + 1] if position + 1 < len(parameters) else None
        if parameter.kind is parameter.POSITIONAL_ONLY and (
            following is None or following.kind is not parameter.POSITIONAL_ONLY
        ):
            parts.append("/")
    returns = _annotation(signature.return_annotation)
    return f"{name}({', '.join(parts)})" + (f" -> {returns}" if returns else "")


def _members(cls: type) -> Iterator[tuple[str, Any]]:
    """The public methods and properties of a class that ropa's code defines (on the class or on a ropa
    base class), not pydantic's or Python's."""
    seen: set[str] = set()
    for klass in cls.__mro__:
        if not klass.__module__.startswith("ropa"):
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or name in seen:
                continue
            function = value.fget if isinstance(value, property) else getattr(value, "__func__", value)
            if not inspect.isfunction(function) or not function.__module__.startswith("ropa"):
                continue
            seen.add(name)
            yield name, value


def _member(cls_name: str, name: str, value: Any) -> list[str]:
    if isinstance(value, property):
        return [f"- `{cls_name}.{name}` (property): {_first_paragraph(value.__doc__)}"]
    function = value.__func__ if isinstance(value, classmethod | staticmethod) else value
    head = _signature(f"{cls_name}.{name}", function)
    body = _markdown(function.__doc__)
    indented = "\n".join(f"  {line}" if line else "" for line in body.splitlines())
    return [f"- `{head}`", *([indented] if body else [])]


def _first_paragraph(doc: str | None) -> str:
    return _inline(" ".join(inspect.cleandoc(doc or "").split("\n\n")[0].split()))


def _entry(qualified: str, value: Any) -> list[str]:
    lines = [f"### `{qualified}`", ""]
    if _is_function(value):
        lines += ["```python", _signature(qualified, value), "```", "", _markdown(value.__doc__)]
    elif inspect.isclass(value):
        bases = [b.__name__ for b in value.__bases__ if b is not object]
        lines += [f"class, based on {', '.join(f'`{b}`' for b in bases)}" if bases else "class", ""]
        lines.append(_markdown(value.__doc__))
        if dataclasses.is_dataclass(value) and not any(s in (value.__doc__ or "") for s in ("Attributes:",)):
            fields = ", ".join(f"`{f.name}`" for f in dataclasses.fields(value) if not f.name.startswith("_"))
            lines += ["", f"Fields: {fields}."]
        members = [line for name, member in _members(value) for line in _member(value.__name__, name, member)]
        if members:
            lines += ["", *members]
    elif isinstance(value, types.ModuleType):
        lines += [
            _markdown(value.__doc__),
            "",
            f"Listed name by name under [{qualified}](#{_anchor(qualified)}).",
        ]
    else:
        shown = repr(value) if not isinstance(value, dict) else "{" + ", ".join(map(repr, value)) + "}"
        lines += [f"`{shown}`"]
    return [*lines, ""]


def _anchor(qualified: str) -> str:
    return "namespace-" + qualified.replace(".", "")


def _namespace(name: str) -> list[str]:
    module = getattr(ropa, name)
    lines = [f"## Namespace `ropa.{name}`", "", f'<a id="{_anchor("ropa." + name)}"></a>', ""]
    lines += [_first_paragraph(module.__doc__), "", "| Name | What |", "|---|---|"]
    for member in sorted(module.__all__, key=str.lower):
        value = getattr(module, member)
        if _is_function(value):
            what = f"`{_signature(member, value)}`<br>{_first_paragraph(value.__doc__)}"
        elif inspect.isclass(value):
            what = _first_paragraph(value.__doc__) or "class"
        elif typing.get_origin(value) is not None:
            what = "a type"
        else:
            what = f"`{type(value).__name__}`"
        lines.append(f"| `ropa.{name}.{member}` | {what.replace('|', chr(92) + '|')} |")
    return [*lines, ""]


def render() -> str:
    """The Markdown of the reference page."""
    lines = [
        "# API reference",
        "",
        "Generated from the docstrings by `python -m ropa._apidocs`; do not edit. [api.md](../api.md) says",
        "how to use the API and what is public: the names below (everything in `ropa.__all__`) and, in the",
        "namespaces at the end, everything in their `__all__`. Models' fields are in",
        "[register-fields.md](../register-fields.md).",
        "",
    ]
    names = [n for n in ropa.__all__ if n != "__version__"]
    placed: set[str] = set()
    for title, test in _KINDS:
        chosen = [n for n in names if n not in placed and test(getattr(ropa, n))]
        if not chosen:
            continue
        placed.update(chosen)
        lines += [f"## {title}", ""]
        for name in sorted(chosen, key=str.lower):
            lines += _entry(f"ropa.{name}", getattr(ropa, name))
    for name in NAMESPACES:
        lines += _namespace(name)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip() + "\n"


if __name__ == "__main__":  # pragma: no cover - developer tool
    target = Path(sys.argv[1] if len(sys.argv) > 1 else PAGE)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(), encoding="utf-8")
