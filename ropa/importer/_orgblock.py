"""The organisation block above a register table (or on its own sheet): controller, DPO, representative.

Two layouts are understood:

- a small table (the ICO template): a row of contact headings (``Name``, ``Address``, ``Email``,
  ``Telephone``) and below it one row per role (``Controller``, ``Data Protection Officer``,
  ``Representative``);
- label/value pairs (Dutch and Belgian templates): ``Naam organisatie | Acme B.V.``,
  ``KvK-nummer | 12345678``, ``E-mail FG | fg@acme.nl``, or ``Label: value`` in one cell. A label
  naming only a role (``Functionaris voor gegevensbescherming``) applies to the labels below it.

The first row with a single text that is not a label is taken as the register's title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ropa.importer._values import fold, is_not_stated

__all__ = ["OrgBlock", "read_org_block"]

# fmt: off
_ROLES: dict[str, tuple[str, ...]] = {
    "controller": (
        "controller", "data controller", "verwerkingsverantwoordelijke", "organisatie", "organisation",
        "organization", "responsable du traitement", "responsable de traitement", "organisme",
        "verantwortlicher", "verantwortliche stelle", "verantwortliche", "company", "bedrijf",
        "onderneming", "entreprise", "societe", "unternehmen", "firma", "controller details",
    ),
    "dpo": (
        "data protection officer", "dpo", "functionaris voor gegevensbescherming",
        "functionaris gegevensbescherming", "fg", "delegue a la protection des donnees", "dpd",
        "datenschutzbeauftragter", "datenschutzbeauftragte", "datenschutzbeauftragten",
    ),
    "representative": (
        "representative", "eu representative", "vertegenwoordiger", "representant", "vertreter",
        "vertreter in der eu", "vertreter in der union",
    ),
}
_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "naam", "nom", "bezeichnung", "firmenname", "bedrijfsnaam", "raison sociale",
             "denomination", "statutaire naam"),
    "email": ("email", "e mail", "e mail address", "email address", "e mailadres", "emailadres", "courriel",
              "adresse electronique", "mail", "adresse e mail", "e mail adresse", "adresse mel",
              "adresse mail", "mel"),
    "address": ("address", "adres", "adresse", "anschrift", "postadres", "bezoekadres", "vestigingsadres",
                "postal address", "siege social", "adresse postale", "postanschrift"),
    "phone": ("telephone", "phone", "telephone number", "phone number", "tel", "telefoon", "telefoonnummer",
              "telefon", "telefonnummer", "tel nr", "numero de telephone"),
    "registration_number": ("kvk", "kvk nummer", "kvk nr", "kamer van koophandel", "kbo", "kbo nummer",
                            "ondernemingsnummer", "bce", "numero d entreprise", "siren", "siret",
                            "handelsregister", "handelsregisternummer", "registration number",
                            "company number", "company registration number", "chamber of commerce",
                            "numero bce"),
    "url": ("website", "url", "site web", "site internet", "webseite", "internetseite", "homepage"),
}
_FILLER = frozenset(
    {
        "of", "the", "van", "de", "het", "du", "des", "der", "die", "la", "le", "l", "d", "contact",
        "details", "contactgegevens", "gegevens", "coordonnees", "kontaktdaten", "and", "en", "et", "und",
        "nummer", "number", "nr", "no",
    }
)
# fmt: on


@dataclass
class OrgBlock:
    """What an organisation block says; ``cells`` lists the cells that were read ((row, column), 0-based)."""

    title: str | None = None
    contacts: dict[str, dict[str, str]] = field(default_factory=dict)
    """Role (controller, dpo, representative) → field (name, address, email, phone, ...) → value."""
    used: set[tuple[int, int]] = field(default_factory=set)

    def organisation(self) -> dict[str, Any] | None:
        """The ``organisation`` entity as plain data, or ``None`` when nothing was found."""
        out: dict[str, Any] = {}
        controller = dict(self.contacts.get("controller", {}))
        if "name" in controller:
            out["name"] = controller.pop("name")
        if "registration_number" in controller:
            out["registration_number"] = controller.pop("registration_number")
        contact = {k: v for k, v in controller.items() if k in ("email", "phone", "address", "url")}
        if contact:
            out["contact"] = contact
        dpo = _contact(self.contacts.get("dpo", {}))
        if dpo:
            out["dpo"] = {"contact": dpo}
        representative = _contact(self.contacts.get("representative", {}))
        if representative:
            out["representative"] = representative
        return out or None


def _contact(values: dict[str, str]) -> dict[str, str]:
    return {k: values[k] for k in ("name", "email", "phone", "address", "url") if k in values}


def _phrase_in(words: str, phrases: tuple[str, ...]) -> tuple[bool, str]:
    for phrase in sorted(phrases, key=len, reverse=True):
        pattern = rf"(?:^|\s){re.escape(phrase)}(?:\s|$)"
        if re.search(pattern, words):
            return True, re.sub(pattern, " ", words, count=1).strip()
    return False, words


@lru_cache(maxsize=4096)
def label(text: str) -> tuple[str | None, str | None] | None:
    """``(role, field)`` when ``text`` is a label such as ``E-mail FG``; ``None`` when it is a value."""
    if len(text) > 80 or "@" in text:
        return None
    words = fold(text.rstrip(":"))
    if not words:
        return None
    role: str | None = None
    for candidate, phrases in _ROLES.items():
        found, rest = _phrase_in(words, phrases)
        if found:
            role, words = candidate, rest
            break
    name: str | None = None
    for candidate, phrases in _FIELDS.items():
        found, rest = _phrase_in(words, phrases)
        if found:
            name, words = candidate, rest
            break
    if role is None and name is None:
        return None
    if any(word not in _FILLER for word in words.split()):
        return None
    return role, name


def _role_at(roles: list[tuple[int, str]], column: int) -> str:
    """The role whose heading stands at or left of ``column`` (side-by-side blocks), else controller."""
    found = "controller"
    for start, role in roles:
        if start <= column:
            found = role
    return found


def read_org_block(rows: Sequence[Sequence[str | None]]) -> OrgBlock:
    """Read the organisation block in ``rows`` (the rows above the header, or a whole sheet).

    Blocks may stand side by side (controller in columns A-B, DPO in D-E): a role heading applies to the
    labels at or right of its column, up to the next role heading of the same row.
    """
    block = OrgBlock()
    subheader: dict[int, str] = {}
    roles: list[tuple[int, str]] = []
    for r, row in enumerate(rows):
        cells = [(c, text) for c, text in enumerate(row) if text]
        if not cells:
            continue
        labels = {c: label(text) for c, text in cells}
        field_labels = {c: lab[1] for c, lab in labels.items() if lab and lab[0] is None and lab[1]}
        if len(field_labels) >= 2 and len(field_labels) == len(cells):
            subheader = {c: name for c, name in field_labels.items() if name}
            block.used.update((r, c) for c, _ in cells)
            continue
        if (
            block.title is None
            and not block.contacts
            and len(cells) == 1
            and labels[cells[0][0]] is None
            and len(cells[0][1]) <= 120
            and "\n" not in cells[0][1]
            and not _banner(cells[0][1])
        ):
            block.title = cells[0][1]
            block.used.add((r, cells[0][0]))
            continue
        first_col = cells[0][0]
        first = labels[first_col]
        if subheader and first and first[0] and first[1] is None:
            role = first[0]
            block.used.add((r, first_col))
            for c, name in subheader.items():
                value = row[c] if c < len(row) else None
                if value and labels.get(c) is None:
                    if not is_not_stated(value):
                        block.contacts.setdefault(role, {}).setdefault(name, value)
                    block.used.add((r, c))
            continue
        headings = [(c, lab[0]) for c, lab in labels.items() if lab and lab[0] and lab[1] is None]
        if (
            headings
            and len(headings) == len([c for c, _ in cells if labels[c] is not None])
            and all(labels[c] is not None for c, _ in cells)
        ):
            roles = sorted((c, str(role)) for c, role in headings)
            block.used.update((r, c) for c, _ in cells)
            continue
        _pairs(block, r, cells, labels, roles)
    return block


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d ()./-]{6,}\d")
_GENERIC = frozenset(
    {"contact", "contactgegevens", "contactpersoon", "kontakt", "kontaktdaten", "coordonnees"}
)


def _banner(text: str) -> bool:
    """True for a banner line of ``Label: value`` segments (``Contact: privacy@x.nl, FG: J. Jansen``)."""
    return len(_segments(text)) >= 1 and ":" in text


def _segments(text: str) -> list[tuple[tuple[str | None, str | None], str]]:
    """The ``Label: value`` segments of a banner cell whose labels are organisation-block labels."""
    out: list[tuple[tuple[str | None, str | None], str]] = []
    for part in re.split(r"\s*(?:[;|\n]|,(?=[^,:]*:)|\s[–—-]\s)\s*", text):
        head, sep, value = part.partition(":")
        if not sep or not value.strip():
            continue
        lab = label(head)
        if lab is None and fold(head) in _GENERIC:
            lab = (None, None)
        if lab is not None:
            out.append((lab, value.strip()))
    return out


def _split_value(value: str) -> dict[str, str]:
    """``Jan Jansen (fg@x.nl, 06 1234 5678)`` → name, email and phone."""
    out: dict[str, str] = {}
    email = _EMAIL.search(value)
    if email:
        out["email"] = email.group()
    rest = _EMAIL.sub(" ", value)
    phone = _PHONE.search(rest)
    if phone:
        out["phone"] = phone.group().strip()
        rest = _PHONE.sub(" ", rest)
    name = re.sub(r"[()\[\],;]+", " ", rest)
    name = " ".join(name.split()).strip(" :-–—")
    if name:
        out["name"] = name
    return out


def _pairs(
    block: OrgBlock,
    r: int,
    cells: list[tuple[int, str]],
    labels: dict[int, tuple[str | None, str | None] | None],
    roles: list[tuple[int, str]],
) -> None:
    """Label/value pairs in one row, ``Label: value`` cells and banner lines of several segments."""
    index = 0
    while index < len(cells):
        c, text = cells[index]
        lab = labels[c]
        role_context = _role_at(roles, c)
        if lab is None and ":" in text:
            segments = _segments(text)
            for (role, name), value in segments:
                if name is not None:
                    _assign(block, (role, name), value, role_context)
                    continue
                for field_name, part in _split_value(value).items():
                    _assign(block, (role, field_name), part, role_context)
            if segments:
                block.used.add((r, c))
            index += 1
            continue
        if lab is None:
            index += 1
            continue
        role, name = lab
        value_cell = cells[index + 1] if index + 1 < len(cells) else None
        if value_cell is not None and labels[value_cell[0]] is None:
            if not is_not_stated(value_cell[1]):
                if name is None:
                    for field_name, part in _split_value(value_cell[1]).items():
                        _assign(block, (role, field_name), part, role_context)
                else:
                    _assign(block, lab, value_cell[1], role_context)
            block.used.update({(r, c), (r, value_cell[0])})
            index += 2
            continue
        if role is not None and name is None:
            block.used.add((r, c))  # a role heading: applies to the labels below
            roles[:] = sorted([*(x for x in roles if x[0] != c), (c, role)])
        index += 1


def _assign(block: OrgBlock, lab: tuple[str | None, str | None], value: str, role_context: str) -> None:
    role, name = lab
    if is_not_stated(value):
        return
    block.contacts.setdefault(role or role_context, {}).setdefault(name or "name", value)
