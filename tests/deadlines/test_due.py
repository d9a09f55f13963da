"""ropa due: every kind of date, the horizon, agreement with the rules that report what is overdue, the
formats and the command."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ropa
from ropa.deadlines import due_kinds, parse_within, render_due
from ropa.durations import Duration, add_to_date
from ropa.models import Register
from tests.cli.conftest import Run, write_register
from tests.strategies import register_data

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 3)

REGISTER = """\
register:
  next_review: 2026-12-20
organisation: {name: Shop B.V., country: NL}
parties:
  - id: mailer
    name: Mailer B.V.
    role: processor
    agreement: {reference: DPA Mailer, signed: true, review_date: 2026-11-30}
    sub_processors: []
    suppress:
      - {rule: PRC-004, justification: The list is an annex of the DPA, until: 2026-12-31}
  - id: analytics
    name: Analytics Inc.
    role: processor
    country: US
    agreement: {reference: DPA Analytics, signed: true}
    sub_processors: []
    dpf: {certified: true, checked: 2025-12-10}
  - id: cloud
    name: Cloud Inc.
    role: processor
    country: US
    agreement: {reference: DPA Cloud, signed: true}
    sub_processors: []
    dpf: {certified: true}
activities:
  - id: orders
    name: Order handling
    next_review: 2027-06-01
    dpia: {required: true, reference: DPIA-1, date: 2025-01-01, review_date: 2026-12-03}
    transfers:
      - country: US
        recipient: analytics
        mechanism: scc
        scc_module: 2
        tia: TIA-1
        tia_review_date: 2027-01-02
  - id: raffle
    name: Summer raffle
    status: active
    end_date: 2026-11-01
  - id: archive
    name: Old archive
    status: ended
    end_date: 2025-01-01
"""


def _items(text: str = REGISTER, **options: Any) -> list[ropa.DueItem]:
    """The items about the register (ropa's own data files, which other releases change, left out)."""
    options.setdefault("today", TODAY)
    options.setdefault("config", ropa.Config())
    return [i for i in ropa.due(ropa.loads(text), **options) if i.kind != "data-file"]


def _data_files() -> dict[str, dt.date]:
    """Each data file of ropa with a shelf life, and its retrieval date."""
    out = {}
    for entry in resources.files("ropa.data").iterdir():
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            if data.get("shelf_life"):
                out[entry.name] = dt.date.fromisoformat(data["retrieved"])
    return out


def _summary(items: list[ropa.DueItem]) -> list[tuple[str, str, str | None, int | None]]:
    return [(i.status, i.kind, i.due.isoformat() if i.due else None, i.days_left) for i in items]


def test_every_kind_of_date_with_the_days_left() -> None:
    assert _summary(_items()) == [
        ("overdue", "dpf-check", None, None),  # certified, never checked
        ("overdue", "activity-end", "2026-11-01", -32),
        ("overdue", "agreement-review", "2026-11-30", -3),
        ("due", "dpia-review", "2026-12-03", 0),
        ("due", "dpf-check", "2026-12-10", 7),  # 12 months after the check
        ("due", "register-review", "2026-12-20", 17),
        ("due", "suppression", "2026-12-31", 28),
        ("due", "tia-review", "2027-01-02", 30),  # the last day of the horizon
    ]


def test_items_say_what_to_do_and_where() -> None:
    items = {i.kind: i for i in _items()}
    agreement = items["agreement-review"]
    assert agreement.subject == "party mailer: review of the processing agreement"
    assert agreement.entity == "party mailer"
    assert [str(r) for r in agreement.legal_refs] == ["Art. 24(1) GDPR", "Art. 28(1) GDPR"]
    assert agreement.action == due_kinds()["agreement-review"].action
    assert agreement.location == ropa.Location(
        "register.yaml", "/parties/0/agreement/review_date", ropa.Span(8, 54), "party mailer"
    )
    tia = items["tia-review"]
    assert tia.subject == "activity orders: review of the transfer impact assessment of the transfer to US"
    assert tia.location is not None
    assert tia.location.pointer == "/activities/0/transfers/0/tia_review_date"


def test_the_horizon() -> None:
    assert [i.kind for i in _items(within=0) if not i.overdue] == ["dpia-review"]  # due today only
    assert len(_items(within="29d")) == 7  # the TIA review on day 30 is left out
    assert [i.kind for i in _items(within="1y")][-1] == "activity-review"  # 2027-06-01
    late = _items(within="30d", today=dt.date(2027, 7, 1))
    assert {i.kind for i in late if i.overdue} >= {
        "activity-review",
        "tia-review",
        "suppression",
    }


def test_months_are_calendar_months() -> None:
    register = "register:\n  next_review: 2027-02-28\n"
    assert _items(register, today=dt.date(2027, 1, 31), within="1m")[0].days_left == 28
    assert _items(register, today=dt.date(2027, 1, 31), within="27d", config=ropa.Config()) == []


def test_the_dpf_interval_and_the_data_shelf_life_come_from_the_options() -> None:
    config = ropa.Config.model_validate({"options": {"dpf-max-age-months": 6, "data-max-age-months": 1}})
    items = {(i.kind, i.due) for i in _items(config=config)}
    assert ("dpf-check", dt.date(2026, 6, 10)) in items
    files = _data_files()
    assert "adequacy.json" in files
    latest = max(files.values())
    day = latest + dt.timedelta(days=40)  # every file is more than a month old
    data = [i for i in ropa.due(ropa.Register(), config=config, today=day) if i.kind == "data-file"]
    assert {i.subject.split(":")[0] for i in data} == {f"ropa data file {name}" for name in files}
    assert {i.due for i in data} == {add_to_date(d, Duration(months=1)) for d in files.values()}
    assert all(i.overdue and i.location is None and i.entity is None for i in data)
    with_shelf_life = ropa.due(ropa.Register(), config=ropa.Config(), today=day, within=0)
    assert [i for i in with_shelf_life if i.kind == "data-file" and i.due is not None and i.due < day] == [
        i for i in with_shelf_life if i.overdue
    ]


@pytest.mark.parametrize("today", [dt.date(2026, 11, 29), TODAY, dt.date(2026, 12, 11), dt.date(2027, 1, 1)])
def test_overdue_items_are_what_ropa_validate_reports(today: dt.date) -> None:
    kinds = {
        "register-review": "GOV-001",
        "activity-review": "GOV-001",
        "dpia-review": "DPIA-005",
        "agreement-review": "PRC-003",
        "dpf-check": "TRF-005",
        "suppression": "SUP-002",
    }
    result = ropa.loads(REGISTER)
    overdue = {
        (kinds[i.kind], i.entity)
        for i in ropa.due(result, today=today, config=ropa.Config())
        if i.overdue and i.kind in kinds
    }
    report = ropa.validate(result, ropa.Config(), today=today)
    findings = {(d.code, d.location.entity) for d in report if d.code in set(kinds.values())}
    assert overdue == findings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30d", Duration(days=30)),
        ("6w", Duration(weeks=6)),
        ("3M", Duration(months=3)),
        ("1y", Duration(years=1)),
        ("P1Y2M", Duration(years=1, months=2)),
        (" 14 d ", Duration(days=14)),
        ("30", Duration(days=30)),
        (45, Duration(days=45)),
    ],
)
def test_within(text: str | int, expected: Duration) -> None:
    assert parse_within(text) == expected


@pytest.mark.parametrize("text", ["soon", "30x", "-1d", "PT12H", "P", -3, True])
def test_within_rejects_what_is_not_a_period(text: str | int) -> None:
    with pytest.raises(ValueError, match=r"period|time part"):
        parse_within(text)


@settings(max_examples=40)
@given(register_data(), st.dates(dt.date(2000, 1, 1), dt.date(2040, 1, 1)), st.integers(0, 800))
def test_due_never_crashes_and_stays_in_the_horizon(data: dict[str, Any], today: dt.date, days: int) -> None:
    items = ropa.due(Register.model_validate(data), within=days, today=today, config=ropa.Config())
    horizon = today + dt.timedelta(days=days)
    assert all(i.due is None or i.due <= horizon for i in items)
    assert all((i.days_left is None or i.days_left < 0) is i.overdue for i in items)
    assert [i.overdue for i in items] == sorted((i.overdue for i in items), reverse=True)
    for fmt in ("text", "json", "github", "markdown"):
        assert render_due(items, fmt, today=today, within=days) is not None


# --- formats ----------------------------------------------------------------------------------------------


def test_json_follows_its_schema(tmp_path: Path) -> None:
    folder = write_register(tmp_path / "reg", {"register.yaml": REGISTER})
    items = ropa.due(folder, today=TODAY, config=ropa.Config())
    document = json.loads(render_due(items, "json", path=folder, today=TODAY, within="30d"))
    schema = json.loads((REPO / "schemas" / "due.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert (document["today"], document["within"], document["horizon"]) == (
        "2026-12-03",
        "P30D",
        "2027-01-02",
    )
    assert document["summary"] == {"overdue": 3, "due": 5}
    first = document["items"][1]
    assert (first["kind"], first["status"], first["due"], first["days_left"]) == (
        "activity-end",
        "overdue",
        "2026-11-01",
        -32,
    )
    assert first["location"]["file"] == f"{folder.as_posix()}/register.yaml"


def test_github_annotations() -> None:
    lines = render_due(_items(), "github", path=None, today=TODAY).splitlines()
    assert len(lines) == 8
    title = "title=ropa due%3A agreement-review (overdue%2C 2026-11-30)::"
    assert lines[2].startswith(f"::error file=register.yaml,line=8,col=54,{title}")
    assert "party mailer: review of the processing agreement: 3 days ago%0AReview the agreement" in lines[2]
    assert lines[3].startswith("::warning file=register.yaml,")
    assert lines[0].startswith("::error file=register.yaml,line=")  # never checked: overdue, 'never'
    assert "(overdue%2C never)" in lines[0]


def test_text_and_markdown() -> None:
    text = render_due(_items(), "text", today=TODAY)
    assert text.rstrip().endswith("3 overdue, 5 due within 30 days (today 2026-12-03)")
    assert "overdue 2026-11-30 3 days ago     party mailer: review of the processing agreement\n" in text
    assert "        at register.yaml:8:54\n" in text
    markdown = render_due(_items(), "markdown", path="registers/shop", today=TODAY)
    assert markdown.startswith(
        "## ropa due: `registers/shop`\n\n3 overdue, 5 due within 30 days (today 2026-12-03)."
    )
    assert (
        "| **overdue** | 2026-11-30 | 3 days ago | party mailer: review of the processing agreement |"
        in markdown
    )
    assert render_due([], "text", today=TODAY) == "nothing overdue or due within 30 days (today 2026-12-03)\n"
    with pytest.raises(ValueError, match="unknown format"):
        render_due([], "sarif")


# --- the command ------------------------------------------------------------------------------------------


@pytest.fixture
def shop(workdir: Path) -> Path:
    return write_register(workdir / "registers", {"register.yaml": REGISTER})


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ([], 1),  # something is overdue
        (["--fail-on", "never"], 0),
        (
            ["--today", "2026-10-01", "--within", "7d"],
            0,
        ),  # nothing overdue yet (the DPF check aside: see below)
    ],
)
def test_exit_codes(shop: Path, run: Run, options: list[str], code: int) -> None:
    text = REGISTER.replace("    dpf: {certified: true}\n", "")  # the never-checked DPF certification
    (shop / "register.yaml").write_text(text, encoding="utf-8")
    result = run("due", shop, "--today", "2026-12-03", *options)
    assert result.code == code, result.out + result.err


def test_fail_on_due_and_the_configured_defaults(shop: Path, run: Run, workdir: Path) -> None:
    text = "register:\n  next_review: 2026-12-20\n"
    (shop / "register.yaml").write_text(text, encoding="utf-8")
    assert run("due", shop, "--today", "2026-12-03").code == 0
    assert run("due", shop, "--today", "2026-12-03", "--fail-on", "due").code == 1
    assert run("due", shop, "--today", "2026-12-03", "--within", "7d", "--fail-on", "due").code == 0
    (workdir / "ropa.toml").write_text('[due]\nwithin = "7d"\nfail-on = "due"\n', encoding="utf-8")
    assert run("due", shop, "--today", "2026-12-03").code == 0  # 17 days away: beyond 7d
    assert run("due", shop, "--today", "2026-12-14").code == 1  # within 7d: due


def test_formats_and_errors(shop: Path, run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("due", shop, "--today", "2026-12-03", "-f", "markdown", "--fail-on", "never")
    assert result.out.startswith("## ropa due: `registers`\n")  # relative to the working directory
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert run("due", shop, "--today", "2026-12-03").out.startswith("::error file=")
    bad = run("due", shop, "--within", "soon")
    assert bad.code == 2
    assert "--within: 'soon' is not a period" in bad.err
    assert run("due", shop / "missing").code == 2
    assert run("due", shop, "--today", "3 December").code == 2
