"""Hypothesis strategies for registers (pydantic v2 has no hypothesis plugin, so they are explicit).

Strategies build plain data in the register format and validate it into models, so every generated
register is one a user could have written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from ropa.models import Register
from ropa.models.vocab import (
    CookieKind,
    DataSourceKind,
    Frequency,
    LawfulBasis,
    MeasureKind,
    PartyRole,
    PurposeKind,
    Regime,
    RetentionAnchor,
    RetentionKind,
    SpecialCategory,
    SpecialCondition,
    Status,
    TransferMechanism,
    VulnerableGroup,
)

# Text as people write it: any printable Unicode (accents, CJK, RTL, emoji, combining marks), including
# strings YAML would misread ("NO", "yes", "2024-01-01", "12", "null", ": ").
_tricky = st.sampled_from(
    ["NO", "yes", "on", "off", "2024-01-01", "12", "1.5", "null", "~", "a: b", "- x", "#x"]
)
text = st.one_of(
    _tricky,
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff"),
        min_size=1,
        max_size=40,
    ),
)
ids = st.from_regex(r"\A[a-z0-9][a-z0-9._-]{0,15}\Z")
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31)).map(dt.date.isoformat)
durations = st.sampled_from(["P7Y", "P1M", "P30D", "P2Y6M", "P1W", "PT12H", "P10Y"])
countries = st.sampled_from(["NL", "DE", "BE", "FR", "US", "GB", "CH", "JP", "CA", "IN", "NO"])


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _codes(enum: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in enum])


def _mapping(required: dict[str, Any], optional: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A dict with the required keys and any subset of the optional ones (absent = not stated)."""
    return st.fixed_dictionaries(required, optional=optional)


contacts = _mapping({}, {"name": text, "email": text, "phone": text, "address": text, "country": countries})


def _purpose() -> st.SearchStrategy[dict[str, Any]]:
    consent = _mapping({}, {"explicit": st.booleans(), "records": text, "withdrawal": text})
    return _mapping(
        {"description": text},
        {
            "kind": _codes(PurposeKind),
            "lawful_basis": _codes(LawfulBasis),
            "law": text,
            "legitimate_interest": text,
            "lia": text,
            "consent": consent,
        },
    )


def _activity(
    category_ids: list[str], subject_ids: list[str], party_ids: list[str]
) -> st.SearchStrategy[Any]:
    cat_list = (
        st.lists(st.sampled_from(category_ids), max_size=3, unique=True) if category_ids else st.just([])
    )
    subj_list = (
        st.lists(st.sampled_from(subject_ids), max_size=2, unique=True) if subject_ids else st.just([])
    )
    party = st.sampled_from(party_ids) if party_ids else ids
    transfer = _mapping(
        {},
        {
            "country": countries,
            "recipient": party,
            "mechanism": _codes(TransferMechanism),
            "scc_module": st.integers(1, 4),
            "tia": text,
            "frequency": _codes(Frequency),
        },
    )
    retention = _mapping(
        {},
        {
            "data_categories": cat_list,
            "kind": _codes(RetentionKind),
            "duration": durations,
            "anchor": _codes(RetentionAnchor),
            "legal_reference": text,
            "criteria": text,
        },
    )
    return _mapping(
        {"id": ids, "name": text},
        {
            "description": text,
            "status": _codes(Status),
            "purposes": st.lists(_purpose(), max_size=3),
            "art9": st.lists(_mapping({"condition": _codes(SpecialCondition)}, {"law": text}), max_size=2),
            "data_subjects": subj_list,
            "data_categories": cat_list,
            "sources": st.lists(
                _mapping({"kind": _codes(DataSourceKind)}, {"description": text}), max_size=2
            ),
            "recipients": st.lists(
                st.one_of(
                    party.map(lambda p: {"party": p}),
                    _mapping({"category": text}, {"role": _codes(PartyRole), "country": countries}),
                ),
                max_size=3,
            ),
            "authority_disclosures": st.lists(
                _mapping({"authority": text}, {"party": party, "law": text, "description": text}), max_size=2
            ),
            "regime": _codes(Regime),
            "transfers": st.lists(transfer, max_size=2),
            "retention": st.lists(retention, max_size=2),
            "cookies": st.lists(_codes(CookieKind), max_size=2, unique=True),
            "last_reviewed": dates,
            "large_scale": st.booleans(),
            "systems": st.lists(text, max_size=2),
            "unmapped": st.dictionaries(text, text, max_size=2),
        },
    )


@st.composite
def register_data(draw: st.DrawFn) -> dict[str, Any]:
    """Plain data of a valid register (unique ids per kind; references mostly resolvable)."""
    category_ids = draw(st.lists(ids, max_size=4, unique=True))
    subject_ids = draw(st.lists(ids, max_size=3, unique=True))
    party_ids = draw(st.lists(ids, max_size=4, unique=True))
    activity_ids = draw(st.lists(ids, min_size=0, max_size=4, unique=True))
    data: dict[str, Any] = {}
    data["register"] = draw(
        _mapping(
            {},
            {
                "title": text,
                "version": text,
                "language": st.sampled_from(["nl", "en"]),
                "last_updated": dates,
            },
        )
    )
    data["organisation"] = draw(
        _mapping(
            {"name": text},
            {
                "contact": contacts,
                "country": countries,
                "employees": st.integers(0, 10_000),
                "public_authority": st.booleans(),
                "privacy_contact": contacts,
                "dpo": _mapping({}, {"designated": st.booleans(), "contact": contacts}),
            },
        )
    )
    data["security_measures"] = [
        draw(_mapping({"id": st.just(f"m{i}"), "description": text}, {"kind": _codes(MeasureKind)}))
        for i in range(draw(st.integers(0, 2)))
    ]
    data["data_categories"] = [
        draw(
            _mapping(
                {"id": st.just(cid), "name": text},
                {"special": _codes(SpecialCategory), "criminal": st.booleans(), "bookkeeping": st.booleans()},
            )
        )
        for cid in category_ids
    ]
    data["data_subjects"] = [
        draw(_mapping({"id": st.just(sid), "name": text}, {"vulnerable": _codes(VulnerableGroup)}))
        for sid in subject_ids
    ]
    data["parties"] = [
        draw(
            _mapping(
                {"id": st.just(pid), "name": text},
                {
                    "role": _codes(PartyRole),
                    "country": countries,
                    "contact": contacts,
                    "sub_processors": st.just([]),
                    "own_purposes": text,
                },
            )
        )
        for pid in party_ids
    ]
    data["activities"] = []
    for aid in activity_ids:
        activity = draw(_activity(category_ids, subject_ids, party_ids))
        activity["id"] = aid
        data["activities"].append(activity)
    return data


def registers() -> st.SearchStrategy[Register]:
    """Valid :class:`~ropa.models.Register` objects."""
    return register_data().map(Register.model_validate)


# --- YAML texts -------------------------------------------------------------------------------------------
# Fragments that parsers disagree on: YAML 1.1 words, numbers in every notation, tags, aliases, merge keys,
# flow and block collections, quotes, comments, document markers, odd whitespace and line breaks.
_yaml_scalars = st.sampled_from(
    [
        "x",
        "NO",
        "yes",
        "on",
        "~",
        "null",
        "Null",
        "",
        "true",
        "False",
        "TRUE",
        "0",
        "-0",
        "+1",
        "12",
        "012",
        "0612345678",
        "0x1F",
        "0o17",
        "0b101",
        "1_000",
        "1.5",
        "1.10",
        "1e3",
        ".5",
        ".inf",
        "-.INF",
        ".nan",
        "999999999999999999",
        "1000000000000000000",
        "2024-01-31",
        "2024-01-31T10:00:00Z",
        "10:01",
        "'0612'",
        '"x\\ty"',
        '"\\N\\L\\_"',
        "'it''s'",
        "a b",
        "a # c",
        "!!str 12",
        "!!int 7",
        "!!float 1",
        "!!null ''",
        "!!bool yes",
        "!foo x",
        "!!python/object:os.system x",
        "&a x",
        "*a",
        "[1, 2]",
        "{a: 1}",
        "[0612]",
        '{"k":01}',
        "[[[x]]]",
        "|\n  lit",
        ">-\n  fold\n\n  ed",
        "- - x",
        "Hello!",
        "a:!b",
        "http://x",
        "é",
        "中文",
        "\u2028",
        "\x85",
        "\t",
        "%",
        "@x",
        "`x",
    ]
)
_yaml_lines = st.sampled_from(["---", "...", "# c", "", "%YAML 1.2", "a: &x {b: 1}", "c: *x"])
_yaml_keys = st.sampled_from(["a", "b", "id", "<<", "1", "true", "null", "'q'", '"d"', "? k", "a b", "0612"])


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """Small YAML-like texts, valid or not, built from fragments (for differential tests of parsers)."""
    lines = []
    for _ in range(draw(st.integers(1, 8))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 4, 1, 3]))
        shape = draw(st.integers(0, 3))
        scalar = draw(_yaml_scalars)
        if shape == 0:
            lines.append(f"{indent}{draw(_yaml_keys)}: {scalar}")
        elif shape == 1:
            lines.append(f"{indent}- {scalar}")
        elif shape == 2:
            lines.append(f"{indent}{draw(_yaml_keys)}:")
        else:
            lines.append(draw(_yaml_lines))
    end = draw(st.sampled_from(["\n", "\r\n", "\r", ""]))
    return end.join(lines) + end


# --- block-style YAML texts with every layout a hand-written register may have ---------------------------
_block_keys = st.sampled_from(
    ["id", "name", "purposes", "a", "b_c", "x-y", "k.1", "1", "true", "é", "naam van", '"q"', "'s'", "<<"]
)
_block_scalars = st.sampled_from(
    [
        "x",
        "Text with spaces",
        "Café — ünïcode 中文",
        "'quoted'",
        '"dq \\" x"',
        "'it''s'",
        "a: b",
        "x #c",
        "- y",
        "[]",
        "{}",
        "[a, b]",
        "[ a ,b,]",
        "[é, 中文]",
        "[a, [b]]",
        "{a: 1}",
        "[a, 'b']",
        "&anc x",
        "*anc",
        "!!str x",
        "? x",
        "|",
        ">-",
        "",
        "# only a comment",
        "'multi",
        '"multi',
        "[multi,",
    ]
)


@st.composite
def block_yaml_texts(draw: st.DrawFn, depth: int = 0) -> str:
    """Block-style YAML: mappings and sequences nested by indentation (compact sequences, items holding
    mappings on the item's line or below), scalars of every shape, comments, blank lines, CRLF."""
    step = draw(st.sampled_from([1, 2, 4]))
    compact = draw(st.booleans())

    def node(indent: int, level: int) -> list[str]:
        shape = draw(st.sampled_from(["map", "seq", "scalar"] if level < 3 else ["scalar"]))
        pad = " " * indent
        lines: list[str] = []
        if shape == "scalar":
            value = draw(_block_scalars)
            lines.append(f"{pad}{value}")
            if value in ("|", ">-") or value.startswith(("'multi", '"multi', "[multi")):
                lines.append(f"{pad}  continued: text")
                lines.append(f"{pad}  - more")
                if value[:1] in "'\"[":
                    lines.append(f"{pad}  end{value[0] if value[0] != '[' else ']'}")
            return lines
        for _ in range(draw(st.integers(0, 3))):
            if draw(st.integers(0, 9)) == 0:
                lines.append(draw(st.sampled_from(["", f"{pad}# comment: 'x", "#", "   "])))
            if shape == "map":
                key = draw(_block_keys)
                if draw(st.booleans()):
                    lines.append(f"{pad}{key}: {draw(_block_scalars)}")
                else:
                    lines.append(f"{pad}{key}:" + draw(st.sampled_from(["", " ", "  # c"])))
                    inner = indent if compact and draw(st.booleans()) else indent + step
                    child = node(inner, level + 1)
                    if inner == indent and child and not child[0].lstrip().startswith("-"):
                        inner = indent + step
                        child = node(inner, level + 1)
                    lines.extend(child)
            else:
                child = node(indent + 2, level + 1)
                if child and draw(st.booleans()):  # the item's first line after the dash
                    lines.append(f"{pad}- {child[0].lstrip(' ')}")
                    lines.extend(child[1:])
                else:
                    lines.append(f"{pad}-")
                    lines.extend(child)
        return lines

    body = node(0, depth)
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return end.join(body) + end


# --- foreign registers: sheets of headings and cells, for the importer's "never lose a cell" property ---

_CELL_EXAMPLES = (
    "N/A",
    "n.v.t.",
    "-",
    "k. A.",
    "entfällt",
    "sans objet",
    "Ja",
    "Nee",
    "yes",
    "no",
    "Oui/non",
    "Ja/Nee",
    "keine",
    "geen",
    "None",
    "Art. 6 lid 1 sub c en sub e AVG",
    "Art. 6 Abs. 1 lit. c) und lit. e) DSGVO",
    "Art. 9 lid 2 sub h AVG jo. art. 30 lid 3 UAVG",
    "Art. 10 AVG jo. art. 33 UAVG",
    "toestemming",
    "Consent; legal obligation",
    "USA, IND, CHN",
    "VS",
    "Verenigde Staten (SCC)",
    "only for US cloud services",
    "to be checked",
    "Data Privacy Framework en standaardcontractbepalingen",
    "7 jaar",
    "2 jaar; bij een klacht 5 jaar",
    "30 dagen voor de verkiezing",
    "Tot intrekking van de toestemming",
    "10 Jahre nach Vertragsende",
    "Mailchimp (verwerker)",
    "Lohnbüro GmbH (als Auftragsverarbeiter)",
    "no disclosure to third parties",
    "keine, außer Steuerberater",
    "Verwerkersovereenkomst",
    "AVV",
    "Processor",
    "verwerker",
    "Joint controller",
    "Sélectionnez un élément…",
    "(EXEMPLE) Gestion de la paie",
    "VOORBEELD",
    "ALLGEMEINES",
    "Naam, adres (straat, huisnummer), e-mail",
    "31-12-2024",
    "actief",
    "2024-01-31",
    "x",
    "✓",
)
_CELL_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "S")), min_size=1, max_size=60
).filter(lambda t: t.strip() != "")


@st.composite
def foreign_sheets(draw: st.DrawFn) -> list[list[str]]:
    """A foreign register as rows of text cells: a header row of known (and unknown) headings, then
    rows of cells drawn from the words the importer reads and from arbitrary text."""
    from ropa.importer.synonyms import FIELD_SYNONYMS

    fields = sorted(f for f in FIELD_SYNONYMS if f not in ("unmapped",))
    chosen = draw(st.lists(st.sampled_from(fields), min_size=2, max_size=8, unique=True))
    if "name" not in chosen and draw(st.booleans()):
        chosen.insert(0, "name")
    headings = [draw(st.sampled_from(FIELD_SYNONYMS[field])) for field in chosen]
    if draw(st.booleans()):
        headings.append("Kleurcode")
    if len({h.casefold() for h in headings}) != len(headings):
        headings = list(dict.fromkeys(headings))
    cell = st.one_of(st.sampled_from(_CELL_EXAMPLES), _CELL_TEXT, st.just(""))
    rows = draw(
        st.lists(st.lists(cell, min_size=len(headings), max_size=len(headings)), min_size=1, max_size=5)
    )
    return [headings, *rows]


@st.composite
def full_register_data(draw: st.DrawFn) -> dict[str, Any]:
    """:func:`register_data` plus processor activities, with some kinds left unstated (``None``) or stated
    empty, so that round trips see every kind in every state."""
    data = draw(register_data())
    data["processor_activities"] = draw(
        st.lists(
            _mapping(
                {"id": ids},
                {
                    "controller": contacts,
                    "categories": st.lists(text, max_size=2),
                    "sub_processors": st.lists(ids, max_size=2),
                    "agreement": text,
                },
            ),
            max_size=2,
            unique_by=lambda entity: entity["id"],
        )
    )
    for kind in draw(st.sets(st.sampled_from(sorted(data)), max_size=3)):
        del data[kind]  # not stated
    return data


def full_registers() -> st.SearchStrategy[Register]:
    """Valid registers with every kind, each stated, stated empty or not stated."""
    return full_register_data().map(Register.model_validate)


# --- registers whose list items hold the separators of foreign spreadsheets ---------------------------
_word = st.from_regex(r"\A[A-Za-zÀ-ÿ0-9()]{1,8}\Z")
_separator = st.sampled_from([", ", "; ", ",", ";", "\n", " ", " (", ") "])


@st.composite
def separator_item(draw: st.DrawFn) -> str:
    """A list item with commas, semicolons and line breaks inside: ``Name, address; town``."""
    words = draw(st.lists(_word, min_size=2, max_size=4))
    out = words[0]
    for word in words[1:]:
        out += draw(_separator) + word
    return out


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@st.composite
def separator_register_data(draw: st.DrawFn) -> dict[str, Any]:
    """Plain data of a register whose list items (names of categories, purposes, recipient categories,
    systems, security measures) hold commas, semicolons and line breaks (each a single item of its
    list)."""
    names = st.lists(separator_item(), min_size=1, max_size=3, unique_by=_key)
    categories = draw(names)
    subjects = draw(names)
    activities = []
    for number in range(draw(st.integers(1, 3))):
        purposes = draw(st.lists(separator_item(), min_size=1, max_size=3, unique_by=_key))
        recipients = draw(st.lists(separator_item(), max_size=2, unique_by=_key))
        systems = draw(st.lists(separator_item(), max_size=3, unique_by=_key))
        measures = draw(st.lists(separator_item(), max_size=3, unique_by=_key))
        activities.append(
            {
                "id": f"a{number}",
                "name": f"Activity {number}",
                "purposes": [{"description": p, "lawful_basis": "6-1-b"} for p in purposes],
                "data_categories": [f"c{i}" for i in draw(st.permutations(range(len(categories))))],
                "data_subjects": [f"s{i}" for i in range(len(subjects))],
                "recipients": [{"category": r} for r in recipients] or None,
                "systems": systems or None,
                "specific_measures": [{"description": m} for m in measures] or None,
            }
        )
    return {
        "data_categories": [{"id": f"c{i}", "name": n} for i, n in enumerate(categories)],
        "data_subjects": [{"id": f"s{i}", "name": n} for i, n in enumerate(subjects)],
        "activities": [{k: v for k, v in a.items() if v is not None} for a in activities],
    }


def separator_registers() -> st.SearchStrategy[Register]:
    """Valid registers whose list items hold commas, semicolons and line breaks."""
    return separator_register_data().map(Register.model_validate)


# --- registers that state every Art. 30(1) point, for round trips through ropa's visible sheets -----------
_plain = st.from_regex(r"\A[A-Z][a-z]{2,9}( [a-z]{2,9}){0,3}\Z")


@st.composite
def art30_register_data(draw: st.DrawFn) -> dict[str, Any]:
    """Plain data of a register whose activities state every Art. 30(1) point: purposes with their lawful
    bases, data subjects and categories, categories of recipients, transfers with their safeguards,
    retention, security measures, systems and dates; and special-category and criminal data with their
    Art. 9(2) conditions and Art. 10 authorisations (see :func:`_special_and_criminal`)."""
    data = draw(separator_register_data())
    for activity in data["activities"]:
        activity["purposes"] = [
            {**p, "lawful_basis": draw(st.sampled_from(["6-1-a", "6-1-b", "6-1-c", "6-1-e"]))}
            for p in activity["purposes"]
        ]
        transfers = []
        for country in draw(
            st.lists(st.sampled_from(["US", "IN", "CH", "JP", "BR"]), max_size=2, unique=True)
        ):
            transfer: dict[str, Any] = {"country": country}
            transfer["mechanism"] = draw(st.sampled_from(["scc", "bcr", "49-1-a"]))
            transfers.append(transfer)
        activity["transfers"] = transfers
        activity["retention"] = [{"duration": f"P{draw(st.integers(1, 10))}Y"}]
        activity["description"] = draw(_plain)
        activity["department"] = draw(_plain)
        activity["owner"] = draw(_plain)
        activity["storage_location"] = draw(_plain)
        activity["privacy_notice"] = draw(_plain)
        activity["status"] = draw(st.sampled_from(["planned", "active", "suspended"]))
        activity["last_reviewed"] = draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31))).isoformat()
    _special_and_criminal(draw, data)
    return data


_SPECIAL = [
    "racial-ethnic-origin",
    "political-opinions",
    "religious-philosophical-beliefs",
    "trade-union-membership",
    "genetic",
    "biometric",
    "health",
    "sex-life-orientation",
]
_ART9 = ["9-2-a", "9-2-b", "9-2-c", "9-2-d", "9-2-e", "9-2-f", "9-2-g", "9-2-h", "9-2-i", "9-2-j"]


def _special_and_criminal(draw: st.DrawFn, data: dict[str, Any]) -> None:
    """Mark some data categories as special-category (Art. 9(1)) or criminal (Art. 10) data, and give the
    activities Art. 9(2) conditions (some with a law), Art. 10 authorisations or ``special_categories``
    where they fit: stated, absent (so that SPC-001 and SPC-005 fire) or, without special data, false."""
    for category in data["data_categories"]:
        special = draw(st.none() | st.sampled_from(_SPECIAL))
        if special is not None:
            category["special"] = special
        if draw(st.booleans()):
            category["criminal"] = True
    by_id = {c["id"]: c for c in data["data_categories"]}
    for activity in data["activities"]:
        used = [by_id[i] for i in activity["data_categories"]]
        if any("special" in c for c in used):
            conditions = draw(st.lists(st.sampled_from(_ART9), max_size=2, unique=True))
            activity["art9"] = [
                {"condition": c, **({"law": law} if (law := draw(st.none() | _plain)) else {})}
                for c in conditions
            ] or None
        elif draw(st.booleans()):
            activity["special_categories"] = False
        if any(c.get("criminal") for c in used) or draw(st.booleans()):
            authorisation = draw(st.none() | _plain)
            if authorisation is not None:
                activity["art10"] = {"authorisation": authorisation}
        if activity.get("art9") is None:
            activity.pop("art9", None)


def art30_registers() -> st.SearchStrategy[Register]:
    """Valid registers whose activities state every Art. 30(1) point (see :func:`art30_register_data`)."""
    return art30_register_data().map(Register.model_validate)
