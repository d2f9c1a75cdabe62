"""The scheme editor's forms for a node and for the scheme's own settings.

Each form turns what a person typed into values of the scheme file (docs/scheme-format.md);
``values()`` gives them for :mod:`kaohe.schemes.editing`, ``initial_from`` fills a form from a
node or the scheme.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms

from kaohe.engine.numbers import show
from kaohe.forms import StyledForm
from kaohe.schemes.editing.edits import NULL
from kaohe.schemes.presentation import NODE_KIND_LABELS, PERIOD_LABELS

NAMES_SEPARATOR = re.compile(r"[、，,；;\s]+")
GRADE_ROWS = 6
LEAF_KINDS = [(kind, NODE_KIND_LABELS[kind]) for kind in ("scored", "penalty", "bonus", "value")]


def number_field(label: str, help_text: str = "", required: bool = False) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=required, max_digits=14, decimal_places=6, help_text=help_text
    )


def names(text: str) -> list[str]:
    return [name for name in NAMES_SEPARATOR.split(text or "") if name]


def plain(value: Any) -> Any:
    """A number from the file as the form shows it (90.0 → 90)."""
    if isinstance(value, float | int | Decimal) and not isinstance(value, bool):
        return show(Decimal(str(value)))
    return value


QUOTA_ROUNDING_CHOICES = [
    ("floor", "舍去（不超过比例）"),
    ("half_up", "四舍五入"),
    ("ceil", "不足 1 个按 1 个计"),
]


class NodeForm(StyledForm):
    name = forms.CharField(label="指标名称", max_length=200)
    points = number_field("分值", "本项满分；倒扣分项为最多扣的分数；不封顶的加分项可留空")
    kind = forms.ChoiceField(label="类型", choices=LEAF_KINDS, required=False)
    floor = number_field("下限", "留空为默认：计分项扣完为止（0）；倒扣分1分填 -1")
    cap = number_field("上限", "留空为默认：本项分值")
    uncapped = forms.BooleanField(label="不封顶（加分项）", required=False)
    criteria = forms.CharField(
        label="考核要点及评价标准", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    assessor = forms.CharField(label="考评单位", max_length=200, required=False)
    leaders = forms.CharField(label="分管领导", required=False, help_text="多人用顿号分隔")
    units = forms.CharField(label="责任科室", required=False, help_text="多个用顿号分隔")
    persons = forms.CharField(label="责任人", required=False, help_text="多人用顿号分隔")

    def __init__(self, *args: Any, group: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if group:
            del self.fields["kind"]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        owners = {key: names(data[key]) for key in ("leaders", "units", "persons")}
        values = {key: data.get(key) for key in ("name", "points", "kind", "floor", "cap")}
        if data.get("uncapped"):
            values["cap"] = NULL
        values["criteria"] = data["criteria"].strip()
        values["assessor"] = data["assessor"].strip()
        values["owners"] = {key: people for key, people in owners.items() if people}
        return values

    @staticmethod
    def initial_from(node: dict[str, Any]) -> dict[str, Any]:
        owners = node.get("owners") or {}
        initial = {key: plain(node.get(key)) for key in ("name", "points", "floor", "cap")}
        initial["uncapped"] = "cap" in node and node["cap"] is None
        initial["kind"] = node.get("kind", "scored")
        initial["criteria"] = node.get("criteria", "")
        initial["assessor"] = node.get("assessor", "")
        initial.update({key: "、".join(owners.get(key) or []) for key in owners})
        return initial


class SettingsForm(StyledForm):
    name = forms.CharField(label="方案名称", max_length=200)
    body = forms.CharField(label="制定单位", max_length=200, required=False)
    period = forms.ChoiceField(label="考核周期", choices=list(PERIOD_LABELS.items()))
    decimals = forms.IntegerField(label="保留小数位数", min_value=0, max_value=6)
    categories = forms.CharField(
        label="单位类别", required=False, help_text="如：业务科室、窗口科室（规则可按类别加倍）"
    )
    formula = forms.CharField(
        label="总分公式",
        required=False,
        help_text="由一级指标名称、数字和 + - × ÷、min、max 组成；留空为各一级指标之和",
    )
    quota_grade = forms.CharField(label="优秀比例：等次", required=False)
    quota_percent = number_field("优秀比例：不超过（%）")
    quota_demote_to = forms.CharField(label="超出比例的降为", required=False)
    quota_rounding = forms.ChoiceField(
        label="优秀名额取整",
        choices=QUOTA_ROUNDING_CHOICES,
        required=False,
        help_text="比例乘以参评单位数不是整数时",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for row in range(1, GRADE_ROWS + 1):
            self.fields[f"grade_{row}"] = forms.CharField(
                label=f"第 {row} 等", required=False, max_length=20
            )
            self.fields[f"grade_min_{row}"] = number_field(f"第 {row} 等最低分")
        for name in self.fields:
            self.fields[name].widget.attrs.setdefault("class", "form-control")
        self.fields["period"].widget.attrs["class"] = "form-select"
        self.fields["quota_rounding"].widget.attrs["class"] = "form-select"

    def grade_rows(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"grade_{row}"], self[f"grade_min_{row}"]) for row in range(1, 7)]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {key: data[key] for key in ("name", "body", "period", "decimals", "formula")}
        values["categories"] = names(data["categories"])
        values["grades"] = self.grades()
        values["excellence_quota"] = self.quota()
        return values

    def grades(self) -> list[dict[str, Any]]:
        grades = []
        for row in range(1, GRADE_ROWS + 1):
            name, least = (
                self.cleaned_data[f"grade_{row}"].strip(),
                self.cleaned_data[f"grade_min_{row}"],
            )
            if name:
                grades.append({"name": name} if least is None else {"name": name, "min": least})
        return grades

    def quota(self) -> dict[str, Any]:
        data = self.cleaned_data
        if not data["quota_grade"] and data["quota_percent"] is None:
            return {}
        ratio = (data["quota_percent"] or Decimal(0)) / 100
        quota = {"grade": data["quota_grade"], "ratio": ratio, "demote_to": data["quota_demote_to"]}
        rounding = data.get("quota_rounding") or "floor"
        return quota | ({"rounding": rounding} if rounding != "floor" else {})

    @staticmethod
    def initial_from(data: dict[str, Any]) -> dict[str, Any]:
        initial = {key: data.get(key, "") for key in ("name", "body", "formula")}
        initial["period"] = data.get("period", "year")
        initial["decimals"] = data.get("decimals", 2)
        initial["categories"] = "、".join(data.get("categories") or [])
        for row, band in enumerate(data.get("grades") or [], start=1):
            initial[f"grade_{row}"] = band.get("name", "")
            initial[f"grade_min_{row}"] = plain(band.get("min"))
        quota = data.get("excellence_quota") or {}
        if quota:
            initial["quota_grade"] = quota.get("grade", "")
            initial["quota_percent"] = plain(Decimal(str(quota.get("ratio", 0))) * 100)
            initial["quota_demote_to"] = quota.get("demote_to", "")
            initial["quota_rounding"] = quota.get("rounding", "floor")
        return initial
