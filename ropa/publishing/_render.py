"""The Jinja2 environments: HTML with autoescaping, Markdown with every value escaped.

Register text reaches a document only through ``{{ ... }}``. The HTML environment escapes it
(autoescaping); the Markdown environment runs every value through :func:`md_escape` (Jinja's
``finalize``), so that neither a Markdown nor an HTML renderer turns register text into markup.
Text the templates build on purpose is marked with :class:`MarkdownSafe`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ropa._version import __version__
from ropa.publishing import _text
from ropa.publishing._deps import require
from ropa.publishing._text import Lang

__all__ = ["MarkdownSafe", "html_env", "is_web_url", "md_env", "md_escape", "template_globals"]

_WEB_URL = re.compile(r"^https?://[^\s<>\"'`\x00-\x1f\x7f]+$", re.IGNORECASE)


def is_web_url(value: object) -> bool:
    """True for an ``http(s)://`` address without spaces, quotes or control characters: only those
    become links (``javascript:`` and ``data:`` never do)."""
    return isinstance(value, str) and bool(_WEB_URL.match(value))


class MarkdownSafe(str):
    """Markdown that a template built on purpose; :func:`md_escape` leaves it alone."""

    __slots__ = ()


_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#+=-])")
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]")


def md_escape(value: Any) -> str:
    """Plain text as inert Markdown, still readable to a person editing the draft.

    ``&``, ``<`` and ``>`` become entities (so no HTML and no character reference reaches a renderer:
    ``&copy;`` in the register stays those six characters), the characters that start inline
    markup (``\\ ` * _ [ ] | ~``) are backslash-escaped, a value that would start a heading, a quote,
    a list or a setext line is escaped at its start, and line breaks become spaces (a value never starts
    a block of its own).
    """
    if value is None:
        return ""
    if isinstance(value, MarkdownSafe):
        return str(value)
    text = _LINE_BREAK.sub(" ", str(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_ORDERED.sub(lambda m: m[1] + "\\" + m[2], text)
    return _MD_LINE_START.sub(lambda m: m[1] + "\\" + m[2], text)


def template_globals(lang: Lang) -> dict[str, Callable[..., str]]:
    """The functions every template calls: ``t`` (own sentences), ``label`` (ropa's labels) and
    ``art`` (an article reference in the style of the language)."""

    def t(key: str, **fields: object) -> str:
        return _text.t(key, lang, **fields)

    def label(code: str) -> str:
        return _text.label(code, lang)

    def art(ref: str) -> str:
        return _text.article(ref, lang)

    return {"t": t, "label": label, "art": art}


@cache
def _environment(kind: str) -> Any:
    jinja2 = require("jinja2", "jinja2", "Publishing")
    loader = jinja2.PackageLoader("ropa.publishing", "templates")
    if kind == "html":
        env = jinja2.Environment(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
        )
    else:
        env = jinja2.Environment(
            loader=loader,
            autoescape=False,
            finalize=md_escape,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    env.tests["web_url"] = is_web_url
    env.globals["version"] = __version__
    return env


def html_env() -> Any:
    """The HTML environment (autoescaping on, undefined names are errors)."""
    return _environment("html")


def md_env() -> Any:
    """The Markdown environment (every value escaped by :func:`md_escape`)."""
    return _environment("md")
