"""Reading the values of spreadsheet cells: lists, lawful bases, retention periods, yes/no, dates, ids."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ropa._data import country_codes
from ropa.models.vocab import (
    Frequency,
    LawfulBasis,
    PartyRole,
    ProcessingRole,
    RetentionAnchor,
    SpecialCategory,
    SpecialCondition,
    Status,
    TransferMechanism,
    VulnerableGroup,
)

__all__ = [
    "Retention",
    "fold",
    "is_not_stated",
    "parse_art9",
    "parse_bool_prefix",
    "parse_countries",
    "parse_date",
    "parse_lawful_bases",
    "parse_mechanism",
    "parse_retention",
    "parse_status",
    "slugify",
    "split_items",
    "split_lines",
]


@cache
def words_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One compiled pattern that finds any of ``phrases`` as whole words (longest first)."""
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in ordered) + r")\b")


def has_words(folded: str, phrases: tuple[str, ...]) -> bool:
    """True when ``folded`` text contains one of ``phrases`` as whole words."""
    return words_pattern(phrases).search(folded) is not None


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower case without accents, punctuation turned into single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return re.sub(r"[^0-9a-z]+", " ", plain).strip()


_NOT_STATED = frozenset(
    {
        "",
        "n a",
        "na",
        "n v t",
        "nvt",
        "none",
        "geen",
        "nil",
        "not applicable",
        "niet van toepassing",
        "non applicable",
        "sans objet",
        "s o",
        "nicht zutreffend",
        "entfallt",
        "k a",
        "keine angabe",
        "aucun",
        "aucune",
        "keine",
        "kein",
        "niet vermeld",
        "niet bekend",
        "onbekend",
        "unknown",
        "not stated",
        "not specified",
        "non renseigne",
        "non precise",
        "inconnu",
        "nicht angegeben",
        "unbekannt",
        "tbd",
        "nog niet bekend",
    }
)
_DASHES = frozenset({"-", "--", "—", "–", "/", "?", "…", "..."})


def is_not_stated(text: str | None) -> bool:
    """True for blank cells and ``N/A``, ``n.v.t.``, ``-``, ``none``, ``geen`` and their kin."""
    if text is None:
        return True
    stripped = text.strip()
    return stripped in _DASHES or fold(stripped) in _NOT_STATED


_NONE_WORDS = frozenset(
    {"none", "geen", "no", "nee", "non", "nein", "aucun", "aucune", "keine", "kein", "nil"}
)


def states_none(text: str) -> bool:
    """True when a cell answers "none" (``none``, ``geen``, ``no``, ``nee``, ``non``, ``nein``, ``keine``)."""
    return fold(text) in _NONE_WORDS


# --- lists -------------------------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣–—]|\d{1,2}[.)]|[a-z][.)])\s+", re.IGNORECASE)


def split_lines(text: str) -> list[str]:
    """Split on line breaks and ``;``; bullets (``-``, ``•``, ``1.``) are removed; blanks dropped."""
    parts: list[str] = []
    for line in re.split(r"[\n;]+", text):
        item = _BULLET.sub("", line).strip().rstrip(",").strip()
        if item and not is_not_stated(item):
            parts.append(item)
    return parts


def _split_commas(text: str) -> list[str]:
    """Split on commas outside parentheses and brackets."""
    parts: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}" and depth:
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def split_items(text: str) -> list[str]:
    """Split a list of short names (categories, recipients, systems, countries).

    Line breaks and ``;`` separate items; when a cell has neither, commas outside parentheses do
    (``Naam, adres (straat, huisnummer), e-mail`` is three items).
    """
    if "\n" in text or ";" in text:
        return split_lines(text)
    items: list[str] = []
    for part in _split_commas(text):
        item = _BULLET.sub("", part).strip().strip(".").strip()
        if item and not is_not_stated(item):
            items.append(item)
    return items


# --- ids -------------------------------------------------------------------------------------------


def slugify(text: str, *, max_length: int = 60) -> str:
    """A readable id: ``"Klanten (B2C)"`` → ``klanten-b2c``; empty text gives ``""``."""
    slug = re.sub(r"[^0-9a-z]+", "-", fold(text)).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[max_length // 2 :] else cut
    return slug.strip("-")


# --- yes / no, dates, status -----------------------------------------------------------------------

_YES = frozenset({"yes", "y", "ja", "j", "oui", "o", "true", "x", "waar", "vrai", "wahr", "1"})
_NO = frozenset({"no", "n", "nee", "non", "nein", "false", "onwaar", "faux", "falsch", "0"})


def parse_bool_prefix(text: str) -> tuple[bool | None, str]:
    """``"Ja, uitgevoerd in 2023"`` → ``(True, "uitgevoerd in 2023")``; ``(None, text)`` when neither."""
    stripped = text.strip()
    if stripped in ("✓", "✔", "☑"):
        return True, ""
    match = re.match(r"^\s*([^\W_]+)\b[\s,.:;–—-]*", stripped)
    if match is None:
        return None, stripped
    word = fold(match.group(1))
    rest = stripped[match.end() :].strip()
    if word in _YES:
        return True, rest
    if word in _NO:
        return False, rest
    return None, stripped


_DATE_PATTERNS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"), (3, 2, 1)),
)


def parse_date(text: str) -> dt.date | None:
    """ISO dates, and day-first European dates (``31-12-2024``, ``31/12/2024``, ``31.12.2024``)."""
    stripped = text.strip()
    for pattern, (y, m, d) in _DATE_PATTERNS:
        match = pattern.match(stripped)
        if match:
            try:
                return dt.date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return None
    return None


_STATUS = {
    Status.ACTIVE: (
        "active",
        "actief",
        "in gebruik",
        "lopend",
        "en cours",
        "actif",
        "active",
        "aktiv",
        "live",
    ),
    Status.PLANNED: ("planned", "gepland", "prevu", "geplant", "in voorbereiding", "en projet"),
    Status.SUSPENDED: ("suspended", "opgeschort", "suspendu", "ausgesetzt", "gepauzeerd"),
    Status.ENDED: ("ended", "beeindigd", "gestopt", "stopped", "termine", "beendet", "afgesloten", "closed"),
}


def parse_status(text: str) -> Status | None:
    """The life-cycle status a cell names, or ``None``."""
    key = fold(text)
    for status, words in _STATUS.items():
        if key in words:
            return status
    return None


# --- lawful bases ------------------------------------------------------------------------------------

_FILLER = re.compile(
    r"\b(?:art|artikel|article|artikels|articles|lid|abs|absatz|paragraph|para|par|al|alinea|onder|sub|"
    r"lit|litera|letter|lettre|buchstabe|point|punt|under|gdpr|avg|rgpd|dsgvo|ds gvo|uk gdpr|ugdpr|"
    r"eu|ue|of|van|de|du|der|the|en|and|et|und)\b"
)
_ORDINALS = re.compile(r"\b(?:eerste|first|premier|erster|1er|1st)\b")
_SENTENCE = re.compile(r"\b(?:satz|s|uabs|unterabsatz|zin)\s+1\b")


def _article_refs(folded: str, article: str, paragraph: str) -> list[tuple[int, str]]:
    """``(position, letter)`` of references such as 6(1)(b), 6.1.b, "art. 6 lid 1 sub b", "6-1-b"."""
    text = _SENTENCE.sub(" ", _ORDINALS.sub(" 1 ", folded))
    text = _FILLER.sub(" ", text)
    text = re.sub(r"\s+", " ", text)
    return [(m.start(), m.group(1)) for m in _reference_pattern(article, paragraph).finditer(text)]


@cache
def _reference_pattern(article: str, paragraph: str) -> re.Pattern[str]:
    return re.compile(rf"\b{article} {paragraph} ([a-j])\b")


# fmt: off
_BASIS_PHRASES: dict[LawfulBasis, tuple[str, ...]] = {
    LawfulBasis.CONSENT: (
        "consent", "toestemming", "consentement", "einwilligung", "explicit consent",
    ),
    LawfulBasis.CONTRACT: (
        "contract", "performance of a contract", "contractual necessity", "uitvoering overeenkomst",
        "uitvoering van een overeenkomst", "uitvoering van de overeenkomst", "overeenkomst",
        "execution d un contrat", "execution du contrat", "contrat", "mesures precontractuelles",
        "vertragserfullung", "vertrag", "vertragsanbahnung", "erfullung eines vertrags",
        "erfullung des vertrags",
    ),
    LawfulBasis.LEGAL_OBLIGATION: (
        "legal obligation", "legal requirement", "statutory obligation", "wettelijke verplichting",
        "wettelijke plicht", "wettelijke bewaarplicht", "obligation legale", "rechtliche verpflichtung",
        "gesetzliche verpflichtung",
    ),
    LawfulBasis.VITAL_INTERESTS: (
        "vital interest", "vital interests", "vitale belangen", "vitaal belang", "interets vitaux",
        "interet vital", "sauvegarde des interets vitaux", "lebenswichtige interessen",
        "lebenswichtiges interesse",
    ),
    LawfulBasis.PUBLIC_TASK: (
        "public task", "public interest", "official authority", "taak van algemeen belang",
        "algemeen belang", "openbaar gezag", "publiekrechtelijke taak", "mission d interet public",
        "interet public", "autorite publique", "exercice de l autorite publique",
        "offentliches interesse", "offentliche gewalt", "offentlichen interesse",
    ),
    LawfulBasis.LEGITIMATE_INTERESTS: (
        "legitimate interest", "legitimate interests", "gerechtvaardigd belang",
        "gerechtvaardigde belangen", "gerechtvaardigde belang", "interet legitime",
        "interets legitimes", "berechtigtes interesse", "berechtigte interessen",
        "berechtigten interessen", "berechtigten interesses",
    ),
}
# fmt: on


@cache
def _basis_patterns() -> tuple[tuple[re.Pattern[str], LawfulBasis], ...]:
    items = [(phrase, basis) for basis, phrases in _BASIS_PHRASES.items() for phrase in phrases]
    items.sort(key=lambda item: -len(item[0]))
    return tuple((re.compile(rf"\b{re.escape(phrase)}\b"), basis) for phrase, basis in items)


_CODE_RE = re.compile(r"\b6 1 ([a-f])\b")


def _bases_in(folded: str) -> tuple[list[LawfulBasis], str]:
    """The bases named in ``folded`` text, in order, and the text left when they are removed."""
    found: list[tuple[int, LawfulBasis]] = []
    for position, letter in _article_refs(folded, "6", "1"):
        if letter <= "f":
            found.append((position, LawfulBasis(f"6-1-{letter}")))
    rest = folded
    for pattern, basis in _basis_patterns():
        found.extend((match.start(), basis) for match in pattern.finditer(rest))
        rest = pattern.sub(lambda m: " " * len(m.group()), rest)
    rest = _FILLER.sub(" ", re.sub(r"\b6\b|\b1\b|\b[a-f]\b", " ", rest))
    ordered: list[LawfulBasis] = []
    for _, basis in sorted(found, key=lambda item: item[0]):
        if basis not in ordered:
            ordered.append(basis)
    return ordered, re.sub(r"\s+", " ", rest).strip()


@dataclass(frozen=True, slots=True)
class BasisReading:
    """How a lawful-basis cell was read.

    Attributes:
        per_part: the basis of each line (``None`` where a line names none or several).
        bases: every distinct basis named, in order of appearance.
        extra: True when the text says more than the bases themselves (a law, an interest, prose).
    """

    per_part: tuple[LawfulBasis | None, ...]
    bases: tuple[LawfulBasis, ...]
    extra: bool


def parse_lawful_bases(text: str) -> BasisReading:
    """Read a lawful-basis cell: ``Art. 6(1)(b)``, ``6.1.b``, ``uitvoering overeenkomst``,
    ``Vertragserfüllung``, ``consentement``, ``legitimate interests`` ...

    ``per_part`` has one entry per line (or ``;``-separated part) so that a cell listing one basis per
    purpose can be paired with the purposes.
    """
    parts = split_lines(text) or [text]
    per_part: list[LawfulBasis | None] = []
    every: list[LawfulBasis] = []
    extra = False
    for part in parts:
        bases, rest = _bases_in(fold(part))
        per_part.append(bases[0] if len(bases) == 1 else None)
        every.extend(b for b in bases if b not in every)
        if rest and len(rest) > 2:
            extra = True
    return BasisReading(tuple(per_part), tuple(every), extra)


_ART9_PHRASES: dict[SpecialCondition, tuple[str, ...]] = {
    SpecialCondition.EXPLICIT_CONSENT: (
        "explicit consent",
        "uitdrukkelijke toestemming",
        "consentement explicite",
        "ausdruckliche einwilligung",
    ),
    SpecialCondition.MADE_PUBLIC: ("manifestly made public", "kennelijk openbaar gemaakt"),
    SpecialCondition.LEGAL_CLAIMS: ("legal claims", "rechtsvordering", "rechtsvorderingen"),
}


def parse_art9(text: str) -> tuple[list[SpecialCondition], bool]:
    """Art. 9(2) conditions named in a cell (``9(2)(h)``, ``explicit consent``); and whether the text
    says more than that."""
    folded = fold(text)
    found: list[SpecialCondition] = []
    for _, letter in _article_refs(folded, "9", "2"):
        condition = SpecialCondition(f"9-2-{letter}")
        if condition not in found:
            found.append(condition)
    rest = folded
    for condition, phrases in _ART9_PHRASES.items():
        for phrase in phrases:
            if has_words(rest, (phrase,)):
                if condition not in found:
                    found.append(condition)
                rest = rest.replace(phrase, " ")
    rest = _FILLER.sub(" ", re.sub(r"\b9\b|\b2\b|\b[a-j]\b", " ", rest)).strip()
    return found, bool(rest)


# --- retention -------------------------------------------------------------------------------------

# fmt: off
_UNITS: dict[str, str] = {
    **dict.fromkeys(
        ("year", "years", "yr", "yrs", "y", "jaar", "jaren", "j", "an", "ans", "annee", "annees",
         "jahr", "jahre", "jahren"), "Y"),
    **dict.fromkeys(
        ("month", "months", "mo", "maand", "maanden", "mnd", "mois", "monat", "monate", "monaten"), "M"),
    **dict.fromkeys(("week", "weeks", "wk", "weken", "semaine", "semaines", "woche", "wochen"), "W"),
    **dict.fromkeys(("day", "days", "dag", "dagen", "jour", "jours", "tag", "tage", "tagen"), "D"),
    **dict.fromkeys(("hour", "hours", "uur", "uren", "heure", "heures", "stunde", "stunden"), "H"),
}
_NUMBER_WORDS: dict[str, int] = {
    "one": 1, "een": 1, "un": 1, "une": 1, "ein": 1, "eine": 1, "einem": 1, "einen": 1,
    "two": 2, "twee": 2, "deux": 2, "zwei": 2, "three": 3, "drie": 3, "trois": 3, "drei": 3,
    "four": 4, "vier": 4, "quatre": 4, "five": 5, "vijf": 5, "cinq": 5, "funf": 5,
    "six": 6, "zes": 6, "sechs": 6, "seven": 7, "zeven": 7, "sept": 7, "sieben": 7,
    "eight": 8, "acht": 8, "huit": 8, "nine": 9, "negen": 9, "neuf": 9, "neun": 9,
    "ten": 10, "tien": 10, "dix": 10, "zehn": 10, "twelve": 12, "twaalf": 12, "douze": 12, "zwolf": 12,
}
_ANCHORS: dict[RetentionAnchor, tuple[str, ...]] = {
    RetentionAnchor.END_OF_FINANCIAL_YEAR: (
        "end of the financial year", "end of financial year", "end of the fiscal year", "einde boekjaar",
        "einde van het boekjaar", "afloop van het boekjaar", "na afloop boekjaar", "fin de l exercice",
        "ende des geschaftsjahres", "ende des wirtschaftsjahres", "schluss des kalenderjahres",
    ),
    RetentionAnchor.END_OF_CONTRACT: (
        "end of the contract", "end of contract", "termination of the contract", "einde overeenkomst",
        "einde van de overeenkomst", "einde contract", "einde van het contract", "beeindiging overeenkomst",
        "fin du contrat", "vertragsende", "ende des vertrags", "ende des vertrages",
        "beendigung des vertrags", "einde dienstverband", "end of employment", "fin du contrat de travail",
    ),
    RetentionAnchor.END_OF_RELATIONSHIP: (
        "end of the relationship", "end of the customer relationship", "end of the business relationship",
        "einde relatie", "einde van de relatie", "einde klantrelatie", "fin de la relation",
        "fin de la relation contractuelle", "fin de la relation commerciale", "ende der geschaftsbeziehung",
    ),
    RetentionAnchor.ACCOUNT_CLOSURE: (
        "account closure", "closure of the account", "account is closed", "opzeggen account",
        "opheffen account", "beeindiging account", "verwijderen account", "cloture du compte",
        "kontoschliessung", "loschung des kontos", "schliessung des kontos",
    ),
    RetentionAnchor.LAST_ACTIVITY: (
        "last activity", "last contact", "laatste contact", "laatste activiteit", "dernier contact",
        "derniere activite", "letzter kontakt", "letzten kontakt", "letzte aktivitat",
    ),
    RetentionAnchor.CONSENT_WITHDRAWAL: (
        "withdrawal of consent", "consent is withdrawn", "intrekking toestemming",
        "intrekking van de toestemming", "retrait du consentement", "widerruf der einwilligung",
    ),
    RetentionAnchor.END_OF_PROCEDURE: (
        "end of the procedure", "end of the recruitment", "einde procedure", "einde van de procedure",
        "einde sollicitatieprocedure", "einde van de sollicitatieprocedure", "fin de la procedure",
        "ende des verfahrens", "abschluss des verfahrens", "ende des bewerbungsverfahrens",
        "abschluss des bewerbungsverfahrens",
    ),
    RetentionAnchor.END_OF_CALENDAR_YEAR: (
        "end of the calendar year", "end of the year", "einde kalenderjaar", "einde van het jaar",
        "fin de l annee", "ende des kalenderjahres", "ende des jahres",
    ),
    RetentionAnchor.COLLECTION: (
        "collection", "after collection", "verzameling", "verzamelen", "collecte", "erhebung",
        "recording", "opname",
    ),
    RetentionAnchor.TRANSACTION_DATE: ("transaction", "transactiedatum", "date de la transaction"),
}
# fmt: on

_FRACTION_RE = re.compile(r"\d+[.,]\d+\s*-?\s*(?P<unit>[^\W\d_]+)")
_RANGE_RE = re.compile(
    r"\d+\s*(?:[-–—]|\b(?:to|tot|a|à|bis|or|of|ou|oder)\b)\s*\d+\s*-?\s*(?P<unit>[^\W\d_]+)", re.IGNORECASE
)
_DURATION_RE = re.compile(r"\b(\d{1,3}|[a-z]+)\s?(?:-\s?)?([a-z]+)\b")
_CONNECTOR = re.compile(r"^\s*(?:and|en|et|und|,)?\s*$")


@dataclass(frozen=True, slots=True)
class Retention:
    """A retention period read from text: an ISO 8601 duration and the event it runs from."""

    duration: str | None
    anchor: RetentionAnchor | None


def parse_retention(text: str) -> Retention:
    """``"7 jaar"`` → ``P7Y``; ``"2 years after the end of the contract"`` → ``P2Y`` from end of contract;
    ``"30 dagen"`` → ``P30D``; ``"7 jaar en 6 maanden"`` → ``P7Y6M``. Several unrelated periods in one
    text, ranges (``2-3 jaar``) and fractions (``1.5 years``), or none, give no duration."""
    folded = fold(text)
    anchor = _anchor(folded)
    for pattern in (_FRACTION_RE, _RANGE_RE):
        for match in pattern.finditer(text):
            if fold(match.group("unit")) in _UNITS:
                return Retention(None, anchor)
    matches: list[tuple[int, int, int, str]] = []
    for match in _DURATION_RE.finditer(folded):
        number, unit = match.group(1), match.group(2)
        if unit not in _UNITS:
            continue
        value = int(number) if number.isdigit() else _NUMBER_WORDS.get(number)
        if value is None:
            continue
        matches.append((match.start(), match.end(), value, _UNITS[unit]))
    duration: str | None = None
    if matches:
        units = [m[3] for m in matches]
        joined = all(
            _CONNECTOR.match(folded[matches[i][1] : matches[i + 1][0]]) for i in range(len(matches) - 1)
        )
        if len(set(units)) == len(units) and joined:
            duration = _iso(matches)
    return Retention(duration, anchor)


def _anchor(folded: str) -> RetentionAnchor | None:
    for candidate, phrases in _ANCHORS.items():
        if has_words(folded, phrases):
            return candidate
    return None


def _iso(matches: list[tuple[int, int, int, str]]) -> str | None:
    by_unit = {unit: value for _, _, value, unit in matches}
    if any(value == 0 for value in by_unit.values()):
        return None
    date = "".join(f"{by_unit[u]}{u}" for u in "YMWD" if u in by_unit)
    time = f"T{by_unit['H']}H" if "H" in by_unit else ""
    if "W" in by_unit and len(by_unit) > 1:
        return None  # P1W2D is not ISO 8601 basic form
    return f"P{date}{time}"


# --- transfers ---------------------------------------------------------------------------------------

# fmt: off
_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("united states", "united states of america", "usa", "us", "u s", "u s a", "america",
           "verenigde staten", "vs", "amerika", "etats unis", "vereinigte staaten", "vereinigten staaten"),
    "GB": ("united kingdom", "uk", "great britain", "england", "verenigd koninkrijk", "groot brittannie",
           "engeland", "royaume uni", "vereinigtes konigreich", "grossbritannien"),
    "CH": ("switzerland", "zwitserland", "suisse", "schweiz"),
    "CA": ("canada", "kanada"),
    "JP": ("japan", "japon"),
    "KR": ("south korea", "korea", "republic of korea", "zuid korea", "coree du sud", "sudkorea"),
    "IN": ("india", "inde", "indien"),
    "CN": ("china", "chine", "people s republic of china"),
    "AU": ("australia", "australie", "australien"),
    "NZ": ("new zealand", "nieuw zeeland", "nouvelle zelande", "neuseeland"),
    "BR": ("brazil", "brazilie", "bresil", "brasilien"),
    "IL": ("israel", "israel"),
    "SG": ("singapore", "singapour", "singapur"),
    "RU": ("russia", "russian federation", "rusland", "russie", "russland"),
    "UA": ("ukraine", "oekraine"),
    "TR": ("turkey", "turkiye", "turkije", "turquie", "turkei"),
    "ZA": ("south africa", "zuid afrika", "afrique du sud", "sudafrika"),
    "MX": ("mexico", "mexique", "mexiko"),
    "AR": ("argentina", "argentinie", "argentine", "argentinien"),
    "UY": ("uruguay",),
    "PH": ("philippines", "filipijnen", "philippinen"),
    "VN": ("vietnam", "viet nam"),
    "ID": ("indonesia", "indonesie", "indonesien"),
    "MY": ("malaysia", "maleisie", "malaisie"),
    "TH": ("thailand", "thailande"),
    "HK": ("hong kong", "hongkong"),
    "TW": ("taiwan",),
    "AE": ("united arab emirates", "uae", "verenigde arabische emiraten", "emirats arabes unis",
           "vereinigte arabische emirate"),
    "SA": ("saudi arabia", "saoedi arabie", "arabie saoudite", "saudi arabien"),
    "EG": ("egypt", "egypte", "agypten"),
    "MA": ("morocco", "marokko", "maroc"),
    "NG": ("nigeria",),
    "KE": ("kenya", "kenia"),
    "NO": ("norway", "noorwegen", "norvege", "norwegen"),
    "IS": ("iceland", "ijsland", "islande", "island"),
    "LI": ("liechtenstein",),
    "SR": ("suriname",),
    "CW": ("curacao",),
    "AW": ("aruba",),
    "RS": ("serbia", "servie", "serbie", "serbien"),
    "BA": ("bosnia and herzegovina", "bosnie en herzegovina", "bosnie herzegovine"),
    "MK": ("north macedonia", "noord macedonie", "macedoine du nord", "nordmazedonien"),
    "AL": ("albania", "albanie", "albanien"),
    "MD": ("moldova", "moldavie", "moldau"),
    "GE": ("georgia", "georgie", "georgien"),
    "PK": ("pakistan",),
    "BD": ("bangladesh", "bangladesch"),
    "LK": ("sri lanka",),
    "CO": ("colombia", "colombie", "kolumbien"),
    "CL": ("chile", "chili"),
    "PE": ("peru", "perou"),
}
# fmt: on


@cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code, names in _COUNTRY_NAMES.items():
        for name in names:
            index[fold(name)] = code
    return index


def country_code(text: str) -> str | None:
    """The ISO code of a country name (EN/NL/FR/DE) or code, or ``None``."""
    stripped = text.strip()
    if len(stripped) == 2 and stripped.isupper() and stripped in country_codes():
        return stripped
    return _country_index().get(fold(stripped))


def parse_countries(items: list[str]) -> tuple[list[tuple[str, str | None]], list[str]]:
    """``(code, remark)`` for the countries in ``items``, and the items that are not a country.

    An item may carry a remark after the country: ``US — Google``, ``VS (Mailchimp)``, ``India: support``.
    """
    found: list[tuple[str, str | None]] = []
    rest: list[str] = []
    for item in items:
        code = country_code(item)
        remark: str | None = None
        if code is None:
            match = re.match(r"^\s*([^:(—–]+?)\s*(?:[:(]|\s[—–-]\s)\s*(.*?)\)?\s*$", item)
            if match is not None:
                code = country_code(match.group(1))
                remark = match.group(2) or None
        if code is None:
            rest.append(item)
        elif all(code != c for c, _ in found):
            found.append((code, remark))
    return found, rest


_MECHANISMS: dict[TransferMechanism, tuple[str, ...]] = {
    TransferMechanism.SCC: (
        "scc",
        "sccs",
        "standard contractual clauses",
        "model clauses",
        "modelcontractbepalingen",
        "standaardcontractbepalingen",
        "clauses contractuelles types",
        "ccts",
        "cct",
        "standardvertragsklauseln",
        "eu standardvertragsklauseln",
    ),
    TransferMechanism.BCR: (
        "bcr",
        "bcrs",
        "binding corporate rules",
        "bindende bedrijfsvoorschriften",
        "regles d entreprise contraignantes",
        "verbindliche interne datenschutzvorschriften",
    ),
    TransferMechanism.ADEQUACY: (
        "adequacy",
        "adequacy decision",
        "adequaatheidsbesluit",
        "decision d adequation",
        "angemessenheitsbeschluss",
        "data privacy framework",
        "dpf",
        "eu us data privacy framework",
    ),
}


def parse_mechanism(text: str) -> TransferMechanism | None:
    """The one Chapter V mechanism a cell names (SCCs, BCRs, adequacy/DPF), or ``None``."""
    folded = fold(text)
    found = {mechanism for mechanism, phrases in _MECHANISMS.items() if has_words(folded, phrases)}
    return found.pop() if len(found) == 1 else None


# --- vocabulary hints --------------------------------------------------------------------------------

# fmt: off
_SPECIAL: dict[SpecialCategory, tuple[str, ...]] = {
    SpecialCategory.HEALTH: ("health", "medical", "gezondheid", "gezondheidsgegevens", "medisch",
                             "medische", "sante", "gesundheit", "gesundheitsdaten", "ziekteverzuim",
                             "sick leave"),
    SpecialCategory.RACIAL_ETHNIC_ORIGIN: ("ethnic", "racial", "etnische", "ras", "origine ethnique",
                                           "ethnische herkunft"),
    SpecialCategory.POLITICAL_OPINIONS: ("political", "politieke", "opinions politiques", "politische"),
    SpecialCategory.RELIGIOUS_BELIEFS: ("religion", "religious", "religie", "godsdienst", "levensovertuiging",
                                        "religieuses", "religiose", "weltanschauung"),
    SpecialCategory.TRADE_UNION: ("trade union", "vakbond", "vakbondslidmaatschap", "syndicale",
                                  "gewerkschaft"),
    SpecialCategory.GENETIC: ("genetic", "genetische", "genetiques", "genetische daten"),
    SpecialCategory.BIOMETRIC: ("biometric", "biometrische", "biometriques", "biometrische daten",
                                "fingerprint", "vingerafdruk"),
    SpecialCategory.SEX_LIFE: ("sex life", "sexual orientation", "seksuele", "vie sexuelle",
                               "orientation sexuelle", "sexualleben", "sexuelle orientierung"),
}
_CRIMINAL = ("criminal", "strafrechtelijk", "strafrechtelijke", "justitieel", "justitiele", "penale",
             "penales", "condamnations", "strafrechtlich", "strafrechtliche", "vog",
             "verklaring omtrent het gedrag", "casier judiciaire", "fuhrungszeugnis")
_NATIONAL_ID = ("bsn", "burgerservicenummer", "social security number", "national insurance number",
                "national identification number", "rijksregisternummer", "numero de securite sociale", "nir",
                "sozialversicherungsnummer", "steuer id", "steueridentifikationsnummer", "ssn")
_VULNERABLE: dict[VulnerableGroup, tuple[str, ...]] = {
    VulnerableGroup.CHILD: ("children", "child", "minors", "kinderen", "minderjarigen", "leerlingen",
                            "enfants", "mineurs", "kinder", "minderjahrige", "pupils", "schuler"),
    VulnerableGroup.EMPLOYEE: ("employees", "employee", "staff", "werknemers", "medewerkers", "personeel",
                               "personeelsleden", "salaries", "employes", "personnel", "mitarbeiter",
                               "beschaftigte", "arbeitnehmer"),
    VulnerableGroup.PATIENT: ("patients", "patient", "patienten", "clienten zorg"),
    VulnerableGroup.ELDERLY: ("elderly", "ouderen", "personnes agees", "senioren"),
}
_ROLE_WORDS: dict[PartyRole, tuple[str, ...]] = {
    PartyRole.PROCESSOR: ("processor", "verwerker", "sous traitant", "auftragsverarbeiter"),
    PartyRole.JOINT_CONTROLLER: ("joint controller", "gezamenlijke verwerkingsverantwoordelijke",
                                 "responsable conjoint", "gemeinsam verantwortlich"),
    PartyRole.INTERNAL: ("internal", "intern", "interne", "service interne"),
    PartyRole.PUBLIC_AUTHORITY: ("public authority", "overheidsinstantie", "overheidsorgaan",
                                 "autorite publique", "behorde", "offentliche stelle"),
    PartyRole.CONTROLLER: ("independent controller", "zelfstandig verwerkingsverantwoordelijke",
                           "verwerkingsverantwoordelijke", "controller", "responsable du traitement",
                           "verantwortlicher", "eigenstandig verantwortlich"),
}
# fmt: on


_has_word = has_words


def special_category(name: str) -> SpecialCategory | None:
    """The Art. 9(1) category a data category's name points to, when exactly one does."""
    folded = fold(name)
    found = [c for c, words in _SPECIAL.items() if _has_word(folded, words)]
    return found[0] if len(found) == 1 else None


def is_criminal(name: str) -> bool:
    """True when a data category's name points to criminal-conviction data (Art. 10)."""
    return _has_word(fold(name), _CRIMINAL)


def is_national_id(name: str) -> bool:
    """True when a data category's name points to a national identification number."""
    return _has_word(fold(name), _NATIONAL_ID)


def vulnerable_group(name: str) -> VulnerableGroup | None:
    """The vulnerable group a data-subject category's name points to, when exactly one does."""
    folded = fold(name)
    found = [g for g, words in _VULNERABLE.items() if _has_word(folded, words)]
    return found[0] if len(found) == 1 else None


def party_role(name: str) -> PartyRole | None:
    """The role a recipient's text names explicitly (``Mailchimp (verwerker)``), when exactly one."""
    folded = fold(name)
    found = [r for r, words in _ROLE_WORDS.items() if _has_word(folded, words)]
    if PartyRole.JOINT_CONTROLLER in found and PartyRole.CONTROLLER in found:
        found.remove(PartyRole.CONTROLLER)
    return found[0] if len(found) == 1 else None


def strip_role(name: str) -> str:
    """``"Mailchimp (verwerker)"`` and ``"PostNL — Verwerker"`` → the name without the role remark."""
    match = re.match(r"^(.*?)\s*(?:\(([^()]*)\)|[—–-]\s+(.*))$", name.strip())
    if match is None:
        return name
    remark = match.group(2) or match.group(3) or ""
    head = match.group(1)
    return head if head and party_role(remark) is not None and fold(remark) == _role_phrase(remark) else name


def _role_phrase(remark: str) -> str:
    folded = fold(remark)
    for words in _ROLE_WORDS.values():
        for word in words:
            if folded == word:
                return folded
    return ""


_FREQUENCY: dict[Frequency, tuple[str, ...]] = {
    Frequency.OCCASIONAL: (
        "occasional",
        "occasionally",
        "incidenteel",
        "incidentieel",
        "af en toe",
        "occasionnel",
        "occasionnelle",
        "gelegentlich",
    ),
    Frequency.REGULAR: (
        "regular",
        "regularly",
        "regelmatig",
        "periodiek",
        "regulier",
        "reguliere",
        "regelmassig",
        "daily",
        "dagelijks",
        "weekly",
        "wekelijks",
        "monthly",
        "maandelijks",
    ),
    Frequency.SYSTEMATIC: ("systematic", "systematisch", "systematique", "structureel"),
    Frequency.CONTINUOUS: (
        "continuous",
        "continu",
        "doorlopend",
        "permanent",
        "kontinuierlich",
        "laufend",
        "24 7",
    ),
}
_ROLES_OF_ACTIVITY: dict[ProcessingRole, tuple[str, ...]] = {
    ProcessingRole.CONTROLLER: (
        "controller",
        "verwerkingsverantwoordelijke",
        "responsable du traitement",
        "responsable de traitement",
        "verantwortlicher",
        "verantwortliche",
    ),
    ProcessingRole.PROCESSOR: ("processor", "verwerker", "sous traitant", "auftragsverarbeiter"),
}


def parse_frequency(text: str) -> Frequency | None:
    """How often the processing happens, when a cell says so in one word or phrase."""
    key = fold(text)
    for frequency, words in _FREQUENCY.items():
        if key in words:
            return frequency
    return None


def parse_activity_role(text: str) -> ProcessingRole | None:
    """Controller or processor, when a cell says exactly that."""
    key = fold(text)
    for role, words in _ROLES_OF_ACTIVITY.items():
        if key in words:
            return role
    return None
