"""Messages count and quote correctly: "1 activity", and a cut quote ends with "…"."""

from __future__ import annotations

from ropa.rules._base import count, excerpt

from ._semantics import findings


def test_count_uses_the_singular_for_one() -> None:
    assert count(1, "activity", "activities") == "1 activity"
    assert count(0, "activity", "activities") == "0 activities"
    assert count(3, "activity", "activities") == "3 activities"


def test_a_cut_quote_ends_with_an_ellipsis_after_a_word() -> None:
    text = "Verzoeken van betrokkenen afhandelen en een administratie van de verzoeken bijhouden"
    assert excerpt(text) == "Verzoeken van betrokkenen afhandelen en een administratie…"
    assert len(excerpt(text)) <= 60
    assert excerpt("  Short purpose  ") == "Short purpose"
    assert excerpt("x" * 80) == "x" * 59 + "…"


def test_a_long_purpose_is_quoted_with_an_ellipsis() -> None:
    description = "Verzoeken van betrokkenen afhandelen en een administratie van de verzoeken bijhouden"
    text = f"""\
data_subjects: [{{id: s, name: S}}]
data_categories: [{{id: c, name: C}}]
activity:
  id: a
  name: A
  purposes: [{{description: {description}}}]
  data_subjects: [s]
  data_categories: [c]
"""
    (finding,) = findings(text, ["LAW-001"])
    quoted = "'Verzoeken van betrokkenen afhandelen en een administratie…'"
    assert finding.message == f"activity a: purpose {quoted} has no lawful basis"


def test_organisation_level_measures_inherited_by_one_activity() -> None:
    text = """\
security_measures:
  - {id: policy, description: Access policy, kind: organisational}
data_subjects: [{id: s, name: S}]
data_categories: [{id: c, name: C}]
activity:
  id: a
  name: A
  purposes: [{description: Deliver orders, lawful_basis: 6-1-b}]
  data_subjects: [s]
  data_categories: [c]
"""
    messages = [d.message for d in findings(text, ["SEC-002"])]
    assert any(
        m.startswith("organisation-level security measures (inherited by 1 activity):") for m in messages
    )
