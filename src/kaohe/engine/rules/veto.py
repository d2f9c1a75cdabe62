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

VETO_CONSEQUENCES = {
    "zero": "总分记零",
    "rank_last": "排名列最后",
    "grade_cap": "等次封顶",
    "no_excellence": "取消评优资格",
    "disqualify": "取消考核资格",
}
"""What each veto consequence is called wherever it is shown: explanations, schemes, rankings."""


@dataclass(frozen=True)
class Veto:
    consequence: str
    grade: str
    threshold: Decimal | None


def consequence_text(veto: Veto) -> str:
    """取消评优资格, or 等次封顶（基本称职） when the consequence names a grade."""
    label = VETO_CONSEQUENCES[veto.consequence]
    return f"{label}（{veto.grade}）" if veto.grade else label


@register
class VetoKind(RuleKind):
    name = "veto"
    role = "veto"
    describe = "一票否决"

    def parse(self, settings: Settings) -> Veto:
        consequence = settings.choice("consequence", tuple(VETO_CONSEQUENCES), "zero")
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
            effect = consequence_text(params)
            reason = f"（{record.note}）" if record.note else ""
            line = Line("一票否决「{}」{}：{}", (rule.title, reason, effect))
            outcome.vetoes.append(VetoHit(rule, params.consequence, params.grade, line))
            break
        return outcome
