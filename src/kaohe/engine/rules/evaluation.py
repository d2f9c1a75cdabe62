"""测评/评议: evaluator groups' 0–100 scores, weighted across groups and rounds, onto the points.

Scores come from the facts' evaluation scores, or from records of this rule (级别 = group,
期间 = round, 数值 = score). Several scores for one group and round (ballots) are averaged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.numbers import ZERO, show
from kaohe.engine.rules.base import Line, RuleKind, RuleOutcome, UnitView, where
from kaohe.engine.rules.registry import register


@dataclass(frozen=True)
class Evaluation:
    groups: dict[str, Decimal]
    rounds: dict[str, Decimal]
    scale: Decimal


def check_weights(settings: Settings, key: str, weights: dict[str, Decimal]) -> None:
    total = sum(weights.values(), ZERO)
    if weights and total != 1:
        settings.problem(f"「{key}」的权重合计应为 1（现为 {show(total)}）")


@register
class EvaluationKind(RuleKind):
    name = "evaluation"
    role = "value"
    always = True
    describe = "测评"

    def parse(self, settings: Settings) -> Evaluation:
        groups = settings.amounts("groups", required=True)
        rounds = settings.amounts("rounds")
        check_weights(settings, "groups", groups)
        check_weights(settings, "rounds", rounds)
        scale = settings.decimal("scale", Decimal(100)) or Decimal(100)
        return Evaluation(groups, rounds or {"": Decimal(1)}, scale)

    def record_levels(self, rule: Rule) -> tuple[str, ...]:
        params = rule.params
        assert isinstance(params, Evaluation)
        return tuple(params.groups)

    def value_bounds(self, rule: Rule) -> tuple[Decimal | None, Decimal | None]:
        params = rule.params
        assert isinstance(params, Evaluation)
        return (ZERO, params.scale)

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Evaluation)
        outcome = RuleOutcome()
        scores = self.collect(rule, node, records, view, outcome)
        weighted = ZERO
        parts: list[str] = []
        missing: list[str] = []
        for round_name, round_weight in params.rounds.items():
            for group, group_weight in params.groups.items():
                ballots = scores.get((round_name, group))
                if not ballots:
                    label = f"{round_name}{group}".strip()
                    outcome.warnings.append(f"「{node.path}」缺少「{label}」的测评分，按 0 分计")
                    missing.append(f"「{label}」")
                    ballots = [ZERO]
                score = sum(ballots, ZERO) / len(ballots)
                weighted += score * group_weight * round_weight
                parts.append(
                    f"{round_name}{group} {show(score)}×{show(group_weight * round_weight)}"
                )
        points = node.points or ZERO
        outcome.value = weighted * points / params.scale  # divided last, as by hand
        outcome.value_line = Line(
            "{}：{} = {}，÷ {} × {} 分 = {} 分{}",
            (
                rule.title,
                " + ".join(parts),
                weighted,
                params.scale,
                points,
                outcome.value,
                missing_note(missing),
            ),
        )
        return outcome

    def collect(
        self,
        rule: Rule,
        node: Node,
        records: Sequence[Record],
        view: UnitView,
        outcome: RuleOutcome,
    ) -> dict[tuple[str, str], list[Decimal]]:
        """Scores by (round, group), from the facts' evaluation scores and from records."""
        params = rule.params
        assert isinstance(params, Evaluation)
        scores: dict[tuple[str, str], list[Decimal]] = defaultdict(list)
        single_round = next(iter(params.rounds)) if len(params.rounds) == 1 else None
        sources: list[tuple[str, str, Decimal | None, str]] = [
            (e.group, e.round, e.score, f"单位「{e.unit}」的测评分")
            for e in view.evaluations_by_path.get(node.path, ())
        ]
        sources += [(r.level, r.period, r.value, where(r)) for r in records]
        for group, round_name, score, source in sources:
            round_name = round_name if single_round is None else single_round
            problem = self.problem_with(params, group, round_name, score)
            if problem:
                outcome.problems.append(f"{source}：{problem}（规则「{rule.title}」）")
            elif score is not None:
                scores[(round_name, group)].append(score)
        return scores

    def problem_with(
        self, params: Evaluation, group: str, round_name: str, score: Decimal | None
    ) -> str:
        if group not in params.groups:
            return f"测评组「{group}」不在（{'、'.join(params.groups)}）中"
        if round_name not in params.rounds:
            return f"轮次「{round_name}」不在（{'、'.join(params.rounds)}）中"
        if score is None:
            return "需要在「数值」中填写测评分"
        if not score.is_finite() or not 0 <= score <= params.scale:
            return f"测评分 {show(score)} 不在 0–{show(params.scale)} 之间"
        return ""


def missing_note(missing: list[str]) -> str:
    """Said on the item itself, where the unit reads its score: a group with no score (its
    quorum missed, its session void, nobody rated the unit) counted 0."""
    return f"（{'、'.join(missing)}没有测评分，按 0 分计）" if missing else ""
