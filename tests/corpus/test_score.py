"""The scorer itself: matching, counting, reading expected.yaml, writing the generated section."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import ropa
from tests.corpus import score
from tests.corpus.score import Case, Expectation, Forbidden, Found


def found(
    code: str = "RET-001",
    entity: str = "activity a",
    *,
    severity: str = "warning",
    pointer: str = "/activities/0",
    file: str = "activities.yaml",
    refs: tuple[str, ...] = ("Art. 30(1)(f) GDPR",),
) -> Found:
    return Found(code, severity, entity, file, pointer, 1, f"{entity}: {code}", refs)


def expect(
    codes: tuple[str, ...] = ("RET-001",),
    entities: tuple[str, ...] = ("activity a",),
    *,
    index: int = 0,
    articles: tuple[str, ...] = ("Art. 30(1)(f) GDPR",),
    pointer: str | None = None,
    file: str | None = None,
    severity: str | None = None,
    missing_rule: bool = False,
    scope: str = "issue-9",
) -> Expectation:
    return Expectation(
        case="c",
        index=index,
        entities=entities,
        codes=codes,
        articles=articles,
        reason="why",
        pointer=pointer,
        file=file,
        severity=severity,
        missing_rule=missing_rule,
        scope=scope,
    )


def case(expectations: tuple[Expectation, ...] = (), forbidden: tuple[Forbidden, ...] = ()) -> Case:
    return Case("c", Path("."), dt.date(2026, 12, 1), "t", "NL", "s", expectations, forbidden)


# --- satisfies -----------------------------------------------------------------------------------------
def test_code_and_entity_must_both_match() -> None:
    assert score.satisfies(found(), expect())
    assert not score.satisfies(found(entity="activity b"), expect())
    assert not score.satisfies(found(code="RET-002"), expect())
    assert score.satisfies(found(code="RET-002"), expect(codes=("RET-001", "RET-002")))
    assert score.satisfies(found(entity="party p"), expect(entities=("activity a", "party p")))


def test_pointer_is_a_prefix_at_a_slash() -> None:
    e = expect(pointer="/activities/1")
    assert score.satisfies(found(pointer="/activities/1"), e)
    assert score.satisfies(found(pointer="/activities/1/retention/0"), e)
    assert not score.satisfies(found(pointer="/activities/10"), e)
    assert not score.satisfies(found(pointer="/activities"), e)


def test_file_matches_the_path_or_its_tail() -> None:
    e = expect(file="activities.yaml")
    assert score.satisfies(found(file="activities.yaml"), e)
    assert score.satisfies(found(file="register/activities.yaml"), e)
    assert not score.satisfies(found(file="my-activities.yaml"), e)


def test_missing_rule_is_satisfied_by_any_code_citing_its_article() -> None:
    e = expect(codes=(), articles=("Art. 28(10)",), entities=("party p",), missing_rule=True)
    assert score.satisfies(found("PRC-007", "party p", refs=("Art. 28(10) GDPR",)), e)
    assert score.satisfies(found("PRC-007", "party p", refs=("Art.28(10)  GDPR",)), e)
    assert not score.satisfies(found("PRC-001", "party p", refs=("Art. 28(3) GDPR",)), e)
    # a coded expectation is never satisfied through its article alone
    coded = expect(codes=("PRC-001",), articles=("Art. 28(10)",), entities=("party p",))
    assert not score.satisfies(found("PRC-007", "party p", refs=("Art. 28(10) GDPR",)), coded)


def test_article_prefix_does_not_match_a_shorter_citation() -> None:
    e = expect(codes=(), articles=("Art. 30(1)(d)",), missing_rule=True)
    assert not score.satisfies(found(refs=("Art. 30(1) GDPR",)), e)
    assert score.satisfies(found(refs=("Art. 30(1)(d) GDPR", "Art. 44 GDPR")), e)


# --- matching and counting -----------------------------------------------------------------------------
def test_one_finding_satisfies_one_expectation() -> None:
    result = score.score_case(case((expect(index=0), expect(index=1))), [found()])
    assert (result.stats.tp, result.stats.fp, result.stats.fn) == (1, 0, 1)


def test_one_expectation_absorbs_one_finding() -> None:
    result = score.score_case(case((expect(),)), [found(pointer="/activities/0/a"), found(pointer="/b")])
    assert (result.stats.tp, result.stats.fp, result.stats.fn) == (1, 1, 0)


def test_matching_is_maximum_not_greedy() -> None:
    # expectation 0 could take either finding; expectation 1 only the first: both must be paired.
    wide = expect(index=0)
    narrow = expect(index=1, pointer="/activities/0/retention/0")
    findings = [found(pointer="/activities/0/retention/0"), found(pointer="/activities/0/purposes/0")]
    pairing = score.match([wide, narrow], findings)
    assert pairing == {0: 1, 1: 0}


def test_coded_expectations_are_preferred_over_missing_rules() -> None:
    coded = expect(index=0, codes=("REC-004",), articles=("Art. 30(1)(e) GDPR",))
    missing = expect(index=1, codes=(), articles=("Art. 30(1)(e)",), missing_rule=True)
    one = found("REC-004", refs=("Art. 30(1)(e) GDPR",))
    assert score.match([missing, coded], [one]) == {1: 0}


def test_infos_are_set_aside_but_remembered_for_the_report() -> None:
    result = score.score_case(case((expect(),)), [found(severity="info")])
    assert (result.stats.tp, result.stats.fp, result.stats.fn) == (0, 0, 1)
    assert result.reported_as_info[0].code == "RET-001"


def test_unexpected_errors_and_structural_diagnostics_are_false_positives() -> None:
    result = score.score_case(
        case(), [found("STR-002", severity="error"), found("LAW-001", severity="error")]
    )
    assert [f.code for f in result.false_positives] == ["STR-002", "LAW-001"]


def test_severity_mismatch_is_counted_as_found_but_listed() -> None:
    result = score.score_case(case((expect(severity="error"),)), [found(severity="warning")])
    assert result.stats.tp == 1
    assert len(result.severity_mismatches) == 1


def test_must_not_by_code_entity_pointer_and_citation() -> None:
    entry = Forbidden("c", 0, ("activity a",), ("TRF-004",), (), "own decision", cites="2023/1795")
    dpf = found(
        "TRF-004", severity="error", refs=("Art. 45 GDPR", "Art. 1 Implementing Decision (EU) 2023/1795")
    )
    canada = found("TRF-004", severity="error", refs=("Art. 45 GDPR", "Decision 2002/2/EC"))
    assert score.forbids(entry, dpf)
    assert not score.forbids(entry, canada)
    result = score.score_case(case(forbidden=(entry,)), [dpf, canada])
    assert [f for _, f in result.violations] == [dpf]
    assert len(result.false_positives) == 2


def test_must_not_by_article_for_a_rule_to_come() -> None:
    entry = Forbidden("c", 0, ("party t",), (), ("Art. 28(10)",), "no own purposes")
    assert score.forbids(entry, found("PRC-009", "party t", refs=("Art. 28(10) GDPR",)))
    assert not score.forbids(entry, found("PRC-001", "party t", refs=("Art. 28(3) GDPR",)))


def test_stats_and_per_rule_tallies() -> None:
    e1 = expect(index=0)
    e2 = expect(index=1, codes=(), articles=("Art. 28(10)",), entities=("party p",), missing_rule=True)
    result = score.score_case(case((e1, e2)), [found(), found("LAW-002", severity="error")])
    corpus = score.CorpusResult([result])
    table = corpus.per_rule()
    assert (table["RET-001"].tp, table["LAW-002"].fp, table["missing: Art. 28(10)"].fn) == (1, 1, 1)
    assert corpus.overall.precision == 0.5
    assert corpus.overall.recall == 0.5
    assert score.Stats().precision == 1.0
    assert score.Stats().recall == 1.0


def test_scoped_recall_leaves_out_beyond_scope_expectations_only() -> None:
    beyond = expect(index=1, codes=(), articles=("Art. 24(1)(h)",), missing_rule=True, scope="beyond")
    result = score.score_case(case((expect(index=0), beyond)), [found()])
    corpus = score.CorpusResult([result])
    assert corpus.overall.recall == 0.5
    assert corpus.scoped("issue-9").recall == 1.0


def test_a_crash_is_recorded_not_raised(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def boom(*args: object, **kwargs: object) -> ropa.Report:
        raise RuntimeError("bug")

    monkeypatch.setattr(ropa, "validate", boom)
    result = score.run_case(case((expect(),)))
    assert result.crash is not None
    assert "RuntimeError: bug" in result.crash
    assert result.stats.fn == 1


# --- expected.yaml -------------------------------------------------------------------------------------
HEAD = "title: t\ncountry: NL\nsector: s\n"


def write_case(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "x"
    folder.mkdir()
    (folder / "expected.yaml").write_text(HEAD + body, encoding="utf-8")
    return folder


def test_load_case_reads_every_kind(tmp_path: Path) -> None:
    folder = write_case(
        tmp_path,
        "today: 2021-03-15\n"
        "expected:\n"
        "  - {code: RET-001, entity: activity a, article: Art. 30(1)(f), reason: r, severity: warning}\n"
        "missing_rule:\n  - {entity: [party p], article: [Art. 28(10)], reason: r, case: t1}\n"
        "must_not:\n  - {code: [RET-005], entity: activity a, reason: r, case: [t2]}\n",
    )
    loaded = score.load_case(folder)
    assert loaded.today == dt.date(2021, 3, 15)
    assert [e.missing_rule for e in loaded.expectations] == [False, True]
    assert loaded.expectations[1].index == 1
    assert loaded.expectations[1].tags == ("t1",)
    assert loaded.forbidden[0].codes == ("RET-005",)
    assert score.tag_counts([loaded]) == {("positive", "t1"): 1, ("negative", "t2"): 1}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("expected:\n  - {entity: activity a, article: x, reason: r}\n", "'code' is required"),
        ("expected:\n  - {code: X-1, article: x, reason: r}\n", "'entity' is required"),
        ("expected:\n  - {code: X-1, entity: a, reason: r}\n", "'article' is required"),
        ("expected:\n  - {code: X-1, entity: a, article: x}\n", "'reason' is required"),
        ("expected:\n  - {code: X-1, entity: a, article: x, reason: r, severity: info}\n", "'severity'"),
        ("expected:\n  - {code: X-1, entity: a, article: x, reason: r, colour: red}\n", "unknown key"),
        ("must_not:\n  - {entity: a, reason: r}\n", "'code'"),
        ("expected: {code: X-1}\n", "must be a list"),
        ("today: soon\n", "'today' must be a date"),
        ("expected:\n  - reason: a: b\n", "not valid YAML"),
    ],
)
def test_load_case_rejects_a_malformed_file(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(score.ExpectedFileError, match=message):
        score.load_case(write_case(tmp_path, body))


# --- the generated section -----------------------------------------------------------------------------
def test_write_generated_section_replaces_only_between_the_markers(tmp_path: Path) -> None:
    doc = tmp_path / "accuracy.md"
    doc.write_text(f"# Title\n\nbefore\n{score.BEGIN}\nold table\n{score.END}\nafter\n", encoding="utf-8")
    score.write_generated_section(doc, "new table\n")
    assert (
        doc.read_text(encoding="utf-8")
        == f"# Title\n\nbefore\n{score.BEGIN}\nnew table\n{score.END}\nafter\n"
    )


def test_write_generated_section_needs_the_markers(tmp_path: Path) -> None:
    doc = tmp_path / "accuracy.md"
    doc.write_text("no markers\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no '"):
        score.write_generated_section(doc, "x")
    assert doc.read_text(encoding="utf-8") == "no markers\n"


def test_reports_list_every_false_positive_and_false_negative_with_its_reason() -> None:
    entry = Forbidden("c", 0, ("activity a",), ("RET-005",), (), "fixed period after a named event")
    result = score.score_case(
        case((expect(index=0, codes=("NL-001",)),), (entry,)),
        [found("RET-005", refs=("Art. 5(1)(e) GDPR",))],
    )
    corpus = score.CorpusResult([result], "main")
    text, markdown = score.render_text(corpus), score.render_markdown(corpus)
    for out in (text, markdown):
        assert "fixed period after a named event" in out
        assert "NL-001" in out
        assert "why" in out
    assert "Precision corpus (main)" in text
    assert "| NL | s | 0 | 1 | 1 | 0.00 | 0.00 |" in markdown
