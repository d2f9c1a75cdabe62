"""The office's forms: an evaluation's settings, a group with its form, codes, links, paper."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from kaohe import engine
from kaohe.accounts.models import User
from kaohe.accounts.roles import ADMINISTRATOR_ROLES
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle
from kaohe.evaluations.actions import DimensionLine
from kaohe.evaluations.actions.running import MAX_BATCH
from kaohe.evaluations.items import evaluation_items
from kaohe.evaluations.models import CodeBatch, Evaluation, EvaluatorGroup
from kaohe.forms import (
    IdsChoiceField,
    PeopleField,
    StyledForm,
    StyledModelForm,
    WholeNumberField,
)

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MARKING_WORDS = {"等次": EvaluatorGroup.Marking.GRADE, "打分": EvaluatorGroup.Marking.SCORE}
MAX_DIMENSIONS = 20


def deduction_choices(scheme: engine.Scheme) -> list[tuple[str, str]]:
    """The per-occurrence rules a 「不满意」 may be proposed under (seed 004: 每次扣2分); never
    a bonus (受表彰 加1分), which would add points for every 「不满意」."""
    choices = [("", "（不生成建议扣分）")]
    for rule in scheme.rules.values():
        if rule.kind == "per_occurrence" and deducts(rule):
            node = scheme.nodes[rule.node_path]
            choices.append(
                (f"{rule.node_path}#{rule.id}", f"{node.code} {node.name} · {rule.title}")
            )
    return choices


def deducts(rule: engine.Rule) -> bool:
    """Takes points away at its amount, or at every level it names."""
    amount = rule.settings.get("amount")
    amounts = [amount] if amount is not None else list((rule.settings.get("levels") or {}).values())
    return bool(amounts) and all(Decimal(str(each)) < 0 for each in amounts)


class EvaluationForm(StyledModelForm):
    deduction = forms.ChoiceField(label="「不满意」生成建议扣分的规则", required=False)

    class Meta:
        model = Evaluation
        fields = [
            "name",
            "round",
            "opens_at",
            "closes_at",
            "quorum_percent",
            "void_blank",
            "void_over_issued",
            "drop_extremes",
        ]
        widgets = {"opens_at": DATETIME, "closes_at": DATETIME}

    def __init__(self, *args: Any, cycle: Cycle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["deduction"]
        field.choices = deduction_choices(cycle_scheme(cycle))
        if self.instance.deduction_rule_id:
            self.initial["deduction"] = (
                f"{self.instance.deduction_node_path}#{self.instance.deduction_rule_id}"
            )

    def values(self) -> dict[str, Any]:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        path, _, rule_id = self.cleaned_data["deduction"].partition("#")
        return {**data, "deduction_node_path": path, "deduction_rule_id": rule_id}


def item_group_choices(cycle: Cycle) -> list[tuple[str, str]]:
    return [
        (f"{item.path}#{group}", f"{item.name} · {group}（占 {(weight * 100).normalize():f}%）")
        for item in evaluation_items(cycle_scheme(cycle))
        for group, weight in item.group_weights
    ]


def dimension_lines(text: str, default: str) -> list[DimensionLine]:
    """One dimension a line: 「工作作风」, or 「工作作风/打分」「工作作风/等次」."""
    lines = []
    for number, line in enumerate(text.replace("／", "/").splitlines(), 1):
        name, _, marking = (part.strip() for part in line.partition("/"))
        if not name:
            continue
        if marking and marking not in MARKING_WORDS:
            raise ValidationError(
                f"第 {number} 行：计分方式应为「等次」或「打分」（填写的是「{marking}」）"
            )
        if len(name) > 50:
            raise ValidationError(f"第 {number} 行：维度名称不超过 50 个字")
        lines.append(DimensionLine(name, MARKING_WORDS.get(marking, default)))
    if len(lines) > MAX_DIMENSIONS:
        raise ValidationError(f"评议维度最多 {MAX_DIMENSIONS} 项")
    return lines


NO_EVALUATION_ITEM = (
    "本周期的考核方案中没有测评类指标，评议结果无处计入：请在方案编辑器中为承接测评的指标"
    "新增「测评」规则（写明各评议组占比），发布新版本后用于考核周期"
)


class GroupForm(StyledModelForm):
    item_group = forms.ChoiceField(label="计入方案中的测评指标和评议组")
    dimensions = forms.CharField(
        label="评议维度（每行一项；可写「工作作风/打分」或「办事效率/等次」指定计分方式）",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
    units = IdsChoiceField(
        label="指定的单位（评议对象为「指定的单位」时）", queryset=None, required=False
    )
    members = PeopleField(label="有账户的评议人", queryset=None, required=False)

    class Meta:
        model = EvaluatorGroup
        fields = [
            "name",
            "scope",
            "marking",
            "satisfied_points",
            "fairly_points",
            "unsatisfied_points",
            "allows_comment",
        ]

    def __init__(self, *args: Any, evaluation: Evaluation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cycle = evaluation.cycle
        fields: Any = self.fields
        fields["item_group"].choices = item_group_choices(cycle)
        if not fields["item_group"].choices:
            fields["item_group"].help_text = NO_EVALUATION_ITEM
            fields["item_group"].error_messages["required"] = NO_EVALUATION_ITEM
        fields["units"].queryset = cycle.cycle_units.all()
        fields["members"].queryset = (
            User.objects.filter(is_active=True)
            .exclude(role_grants__role__in=ADMINISTRATOR_ROLES)  # they keep the system, never rate
            .select_related("unit__parent")
            .order_by("username")
        )
        group = self.instance
        if group.pk:
            self.initial.update(
                item_group=f"{group.node_path}#{group.scheme_group}",
                dimensions="\n".join(
                    f"{d.name}/{'等次' if d.by_grade else '打分'}" for d in group.dimensions.all()
                ),
                units=list(group.units.all()),
                members=list(group.members.all()),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "dimensions" in data:
            default = data.get("marking") or EvaluatorGroup.Marking.GRADE
            try:
                data["dimension_lines"] = dimension_lines(data["dimensions"], default)
            except ValidationError as error:
                self.add_error("dimensions", error)
        if data.get("scope") == EvaluatorGroup.Scope.LIST and not data.get("units"):
            self.add_error("units", "请选择要评议的单位")
        return data

    def values(self) -> dict[str, Any]:
        path, _, group = self.cleaned_data["item_group"].partition("#")
        own = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {**own, "node_path": path, "scheme_group": group}


class CodesForm(StyledForm):
    size = WholeNumberField(label="生成数量", min_value=1, max_value=MAX_BATCH)
    file_type = forms.ChoiceField(
        label="文件格式", choices=[("docx", "Word"), ("pdf", "PDF")], required=False
    )


class SendForm(StyledForm):
    kind = forms.ChoiceField(
        label="发送方式",
        choices=[(CodeBatch.Kind.EMAIL, "电子邮件"), (CodeBatch.Kind.SMS, "短信")],
    )
    addresses = forms.CharField(
        label="收件人（每行一个电子邮箱或手机号码；只用于发送，不保存）",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=200_000,
    )


class PaperForm(StyledForm):
    issued = WholeNumberField(label="本场发出纸质票张数", min_value=1, max_value=100_000)
    workbook = forms.FileField(label="录入好的纸质票表格（xlsx）")
