"""The quick path (scores without lines) gives every leaf the very number the full path gives,
down to its written form, for the rule kinds it spells out for speed."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kaohe.engine import Facts, Record, compute
from kaohe.engine.compute.explainer import UnitExplainer

from .builders import scheme

STEPS = ("1", "1.0", "0.5", "2", "10", "0.25")
AMOUNTS = ("-1", "-0.1", "-0.5", "-2.50")
# Full marks far above any deduction: a bound would hide a difference in the written form.
POINTS = 10_000
VALUES = st.decimals(min_value=-50, max_value=150, places=2, allow_nan=False)


def gap_scheme(kind: str, step: str, partial: str, amount: str) -> object:
    return scheme(
        f"""
        - name: 业务
          children:
            - name: 指标
              points: {POINTS}
              rules:
                - {{id: g, kind: {kind}, target: 80, step: {step}, partial: {partial},
                    amount: {amount}}}
        """
    )


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["shortfall", "exceed"]),
    st.sampled_from(STEPS),
    st.sampled_from(["floor", "prorate", "ceil"]),
    st.sampled_from(AMOUNTS),
    st.lists(VALUES, min_size=1, max_size=3),
)
def test_a_gap_rule_scores_alike_on_the_quick_and_the_full_path(
    kind: str, step: str, partial: str, amount: str, values: list[Decimal]
) -> None:
    result = compute(
        gap_scheme(kind, step, partial, amount),  # type: ignore[arg-type]
        Facts.of([Record("一科", rule="g", value=value) for value in values]),
    )
    leaf = result.units["一科"].nodes["业务 › 指标"]
    assert isinstance(leaf.explainer, UnitExplainer)
    explained = leaf.explainer.explained(leaf.path)
    assert explained is not None
    assert str(explained.score) == str(leaf.score)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["-0.5", "-1", "2", "-0.25"]),
    st.lists(st.one_of(st.none(), st.integers(0, 5).map(Decimal)), min_size=1, max_size=3),
)
def test_a_counted_rule_scores_alike_on_the_quick_and_the_full_path(
    amount: str, counts: list[Decimal | None]
) -> None:
    the_scheme = scheme(
        f"""
        - name: 日常
          children:
            - name: 纪律
              points: 10
              rules: [{{id: jl, kind: per_occurrence, amount: {amount}, cap: 4}}]
        """
    )
    facts = Facts.of([Record("一科", rule="jl", count=count) for count in counts])
    leaf = compute(the_scheme, facts).units["一科"].nodes["日常 › 纪律"]
    assert isinstance(leaf.explainer, UnitExplainer)
    explained = leaf.explainer.explained(leaf.path)
    assert explained is not None
    assert str(explained.score) == str(leaf.score)
