"""The rule registry: every rule of the catalogue, listed explicitly, in code order.

Each family package (``ropa.rules.law`` ...) lists its rule modules in ``RULES``; nothing registers itself
by import side effect.
"""

from __future__ import annotations

import difflib

from ropa.errors import ConfigError
from ropa.rules import act, dpia, exm, gov, law, nl, org, prc, rec, ret, rgt, sec, spc, trf
from ropa.rules._base import Finding, Rule, RuleContext, RuleOptions

__all__ = ["ALL_RULES", "Finding", "Rule", "RuleContext", "RuleOptions", "get"]

_FAMILY_ORDER = (
    "ORG",
    "EXM",
    "ACT",
    "LAW",
    "SPC",
    "REC",
    "PRC",
    "TRF",
    "RET",
    "SEC",
    "DPIA",
    "RGT",
    "GOV",
    "NL",
)


def _key(rule: Rule) -> tuple[int, str]:
    return (_FAMILY_ORDER.index(rule.prefix), rule.code)


ALL_RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            *org.RULES,
            *exm.RULES,
            *act.RULES,
            *law.RULES,
            *spc.RULES,
            *rec.RULES,
            *prc.RULES,
            *trf.RULES,
            *ret.RULES,
            *sec.RULES,
            *dpia.RULES,
            *rgt.RULES,
            *gov.RULES,
            *nl.RULES,
        ),
        key=_key,
    )
)
"""Every rule, in catalogue order."""

_BY_KEY = {r.code: r for r in ALL_RULES} | {r.name: r for r in ALL_RULES}


def get(code_or_name: str) -> Rule:
    """The rule with this code (``LAW-001``) or name (``missing-lawful-basis``).

    Raises:
        ConfigError: no such rule; the message suggests the closest one.
    """
    rule = _BY_KEY.get(code_or_name) or _BY_KEY.get(code_or_name.upper())
    if rule is None:
        close = difflib.get_close_matches(code_or_name, list(_BY_KEY), n=1)
        suggestion = f"; did you mean {close[0]}?" if close else ""
        raise ConfigError(f"no rule '{code_or_name}'{suggestion}")
    return rule
