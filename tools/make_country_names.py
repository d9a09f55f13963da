"""Write ropa/data/country_names.json: ISO 3166-1 codes with their names in English, Dutch, German and
French, from Debian's iso-codes package (the JSON table and its gettext translations).

Run on a machine with iso-codes installed (``apt-get install iso-codes``)::

    python tools/make_country_names.py

The import reads country names and codes from the file (``ropa.importer``); the aliases below are the
short and everyday names that iso-codes does not list (``VS``, ``UK``, ``Amerika``), kept here because
they are curated by hand.
"""

from __future__ import annotations

import datetime as dt
import gettext
import json
from pathlib import Path

ISO = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALES = Path("/usr/share/locale")
OUT = Path(__file__).resolve().parents[1] / "ropa" / "data" / "country_names.json"
LANGUAGES = ("nl", "de", "fr")

# Everyday names and abbreviations that are not in iso-codes, per language.
ALIASES: dict[str, dict[str, list[str]]] = {
    "US": {
        "en": ["USA", "US", "U.S.", "U.S.A.", "America", "United States of America"],
        "nl": ["VS", "Verenigde Staten", "Amerika", "Verenigde Staten van Amerika"],
        "de": ["Vereinigte Staaten", "Vereinigten Staaten", "Amerika"],
        "fr": ["États-Unis", "Etats-Unis", "Amérique"],
    },
    "GB": {
        "en": ["UK", "U.K.", "Great Britain", "Britain", "England", "United Kingdom"],
        "nl": ["Verenigd Koninkrijk", "Groot-Brittannië", "Engeland"],
        "de": ["Vereinigtes Königreich", "Großbritannien", "England"],
        "fr": ["Royaume-Uni", "Grande-Bretagne", "Angleterre"],
    },
    "KR": {"en": ["South Korea", "Korea"], "nl": ["Zuid-Korea"], "de": ["Südkorea"], "fr": ["Corée du Sud"]},
    "KP": {"en": ["North Korea"], "nl": ["Noord-Korea"], "de": ["Nordkorea"], "fr": ["Corée du Nord"]},
    "RU": {"en": ["Russia"], "nl": ["Rusland"], "de": ["Russland"], "fr": ["Russie"]},
    "AE": {"en": ["UAE"], "nl": [], "de": [], "fr": []},
    "CZ": {"en": ["Czech Republic"], "nl": ["Tsjechië"], "de": ["Tschechien"], "fr": ["Tchéquie"]},
    "TR": {"en": ["Turkey", "Türkiye"], "nl": ["Turkije"], "de": ["Türkei"], "fr": ["Turquie"]},
    "TW": {"en": ["Taiwan"], "nl": ["Taiwan"], "de": ["Taiwan"], "fr": ["Taïwan"]},
    "VN": {"en": ["Vietnam"], "nl": ["Vietnam"], "de": ["Vietnam"], "fr": ["Viêt Nam", "Vietnam"]},
}


def main() -> None:
    table = json.loads(ISO.read_text(encoding="utf-8"))["3166-1"]
    catalogues = {
        lang: gettext.translation("iso_3166-1", localedir=str(LOCALES), languages=[lang], fallback=False)
        for lang in LANGUAGES
    }
    countries: dict[str, dict[str, object]] = {}
    for entry in sorted(table, key=lambda e: e["alpha_2"]):
        code = entry["alpha_2"]
        english = [entry[k] for k in ("name", "common_name", "official_name") if k in entry]
        names: dict[str, list[str]] = {"en": english}
        for lang, catalogue in catalogues.items():
            names[lang] = [catalogue.gettext(name) for name in english]
        for lang, extra in ALIASES.get(code, {}).items():
            names[lang] = [*names[lang], *extra]
        countries[code] = {
            "alpha3": entry["alpha_3"],
            **{lang: list(dict.fromkeys(values)) for lang, values in names.items()},
        }
    today = dt.datetime.now(tz=dt.UTC).date().isoformat()
    data = {
        "name": "Country names and ISO 3166-1 alpha-3 codes in English, Dutch, German and French",
        "version": today,
        "source": "Debian iso-codes (ISO 3166-1 table and its nl/de/fr translations), "
        "plus everyday names curated in tools/make_country_names.py",
        "retrieved": today,
        "shelf_life": "P5Y",
        "countries": countries,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
