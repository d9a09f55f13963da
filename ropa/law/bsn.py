"""Which laws permit the use of the Dutch citizen service number (BSN): Art. 87 GDPR, Art. 46 UAVG.

A number that a law prescribes to identify a person may be used only to carry out that law, or for
purposes a law sets (Art. 46 UAVG); government bodies may use the BSN for their public tasks where
necessary (Art. 10 Wabb). ``ropa/data/bsn_laws.json`` lists, with sources, laws known to permit the BSN
(``entries``, each for the users it names) and laws organisations cite for it that prescribe another number
or none (``not_permitting``: the VAT Act prescribes the VAT identification number, Art. 52 AWR no number at
all). A citation is read as one of three:

- ``permits``: it names a law that permits the BSN for this organisation;
- ``does-not-permit``: every law it names (its parts separated by ``;``) is known not to permit it;
- ``unknown``: anything else, for a person to check against the law itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ropa._data import load_data
from ropa.models import Organisation

__all__ = ["BsnLaw", "BsnReading", "read_bsn_law"]


@dataclass(frozen=True, slots=True)
class BsnLaw:
    """An entry of ``ropa/data/bsn_laws.json``.

    Attributes:
        id: the entry's id.
        law: the law, as the data file names it.
        detail: for a law that permits the BSN, who may use it; for one that does not, what it prescribes
            instead.
        public_authority_only: the law permits the BSN to government bodies only (Art. 10 Wabb).
    """

    id: str
    law: str
    detail: str
    public_authority_only: bool = False


@dataclass(frozen=True, slots=True)
class BsnReading:
    """What a cited law says about the BSN: ``verdict`` and the entries of the data file it matched."""

    verdict: Literal["permits", "does-not-permit", "unknown"]
    laws: tuple[BsnLaw, ...] = ()


@cache
def _tables() -> tuple[
    tuple[tuple[re.Pattern[str], BsnLaw], ...], tuple[tuple[re.Pattern[str], BsnLaw], ...]
]:
    data = load_data("bsn_laws")

    def pattern(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)

    permitting = tuple(
        (
            pattern(e["patterns"]),
            BsnLaw(e["id"], e["law"], e["users"], public_authority_only=e.get("who") == "public-authority"),
        )
        for e in data["entries"]
    )
    not_permitting = tuple(
        (pattern(e["patterns"]), BsnLaw(e["id"], e["law"], e["prescribes"])) for e in data["not_permitting"]
    )
    return permitting, not_permitting


def read_bsn_law(citation: str, organisation: Organisation | None) -> BsnReading:
    """Whether the law ``citation`` (a purpose's ``law``) permits this organisation to use the BSN."""
    permitting, not_permitting = _tables()
    public = organisation is not None and bool(organisation.public_authority)
    for regex, law in permitting:
        if regex.search(citation) and (public or not law.public_authority_only):
            return BsnReading("permits", (law,))
    parts = [part.strip() for part in citation.split(";") if part.strip()]
    matched: list[BsnLaw] = []
    for part in parts:
        found = [law for regex, law in not_permitting if regex.search(part)]
        if not found:
            return BsnReading("unknown")
        matched.extend(law for law in found if law not in matched)
    return BsnReading("does-not-permit", tuple(matched)) if matched else BsnReading("unknown")
