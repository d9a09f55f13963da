"""Legal terms follow the official language versions of the GDPR.

Where an English message, hint or fragment uses a term of the Regulation, its translation uses the term of
that language version: the field dictionary of shared/reference/gdpr-art30.md section 2.9 (from the OJ
language versions of Regulation (EU) 2016/679), plus the terms of Art. 4, 9, 28, 35 and 44-49 as they
appear there. Text in quotes (YAML keys and values such as 'role: processor') is not prose and is skipped.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from ropa.i18n import catalogue

from ._sources import TRANSLATED

TERMS = tomllib.loads((Path(__file__).parent / "gdpr_terms.toml").read_text(encoding="utf-8"))["term"]
"""Each term: ``en``, the English pattern; ``nl``, ``fr``, ``de``, the stem each language version uses."""

_QUOTED = re.compile(r"(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])")


def _pairs(lang: str) -> list[tuple[str, str, str]]:
    """``(where, English, translation)`` of every text of the catalogue of ``lang``."""
    out = []
    for key, entry in catalogue(lang).messages.items():
        for name, part in (("message", entry.message), ("hint", entry.hint)):
            if part is not None:
                out.append((f"{key}.{name}", part.en, part.text))
        for field, table in entry.fields.items():
            out += [(f"{key}.fields.{field}", f.source, f.text) for f in table.fragments]
    return out


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_official_terms_are_used(lang: str) -> None:
    problems = []
    checked = 0
    for where, english, text in _pairs(lang):
        prose = _QUOTED.sub("", english)
        for term in TERMS:
            if re.search(term["en"], prose):
                checked += 1
                if not re.search(term[lang], text, re.IGNORECASE):
                    problems.append(f"{where}: {term['en']!r} needs {term[lang]!r}: {text}")
    assert problems == [], "\n".join(problems)
    assert checked > 150  # the terms occur: the check is not vacuous
