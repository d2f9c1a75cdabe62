"""一票否决: a record (at or above a threshold, if set) triggers a consequence after the formula."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from kaohe.engine.loading.settings import Settings
from kaohe.engine.model.facts import Record
from kaohe.engine.model.scheme import Node, Rule
from kaohe.engine.rules.base import Line, RuleKind, RuleOutcome, UnitView, VetoHit, where
from kaohe.engine.rules.registry import register

CONSEQUENCES = {
    "zero": "总分计为 0 分",
    "rank_last": "列最后一位",
    "grade_cap": "等次最高为",
    "no_excellence": "取消评优资格",
    "disqualify": "取消考核资格",
}


@dataclass(frozen=True)
class Veto:
    consequence: str
    grade: str
    threshold: Decimal | None


@register
class VetoKind(RuleKind):
    name = "veto"
    role = "veto"
    describe = "一票否决"

    def parse(self, settings: Settings) -> Veto:
        consequence = settings.choice("consequence", tuple(CONSEQUENCES), "zero")
        grade = settings.text("grade")
        if consequence == "grade_cap" and not grade:
            settings.problem("consequence 为 grade_cap 时需要「grade」（最高等次）")
        return Veto(consequence, grade, settings.decimal("threshold"))

    def apply(
        self, rule: Rule, node: Node, records: Sequence[Record], view: UnitView
    ) -> RuleOutcome:
        params = rule.params
        assert isinstance(params, Veto)
        outcome = RuleOutcome()
        for record in records:
            if params.threshold is not None and record.value is None:
                outcome.problems.append(
                    f"{where(record)}：规则「{rule.title}」按数值判定，需要填写「数值」"
                )
                continue
            if params.threshold is not None and (record.value or 0) < params.threshold:
                continue
            effect = CONSEQUENCES[params.consequence] + params.grade
            reason = f"（{record.note}）" if record.note else ""
            line = Line("一票否决「{}」{}：{}", (rule.title, reason, effect))
            outcome.vetoes.append(VetoHit(rule, params.consequence, params.grade, line))
            break
        return outcome
