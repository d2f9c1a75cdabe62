"""A form for every rule kind of the engine: its parameters with Chinese labels and units.

``PARAMETERS`` is the one table of what each kind's form asks (the engine's rule modules read
the same keys, docs/scheme-format.md lists them); ``rule_form`` builds the form, ``values()``
turns it into the rule's keys, ``initial_from`` fills it from a rule. Every kind the engine has
must be here (tested).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from kaohe.engine import VETO_CONSEQUENCES
from kaohe.engine.numbers import show
from kaohe.forms import StyledForm

SIGNED = "负数为扣分，正数为加分"
PERIODS = (("month", "每月"), ("quarter", "每季度"), ("half", "每半年"), ("year", "每年"))
PARTIAL = (("floor", "不足一档不计"), ("prorate", "按比例计"), ("ceil", "不足一档按一档计"))
LINE_ITEM = re.compile(r"^\s*(.+?)\s*[：:=\s]\s*(-?[\d.]+%?)\s*$")
NUMBER_SEPARATOR = re.compile(r"[，,、；;\s]+")


@dataclass(frozen=True)
class Parameter:
    """One parameter of a rule kind: key, label, how it is typed (number, text, choice, flag,
    amounts 「名称：数字」 per line, texts one per line, numbers 「3、2、1」), unit and help."""

    key: str
    label: str
    shape: str = "number"
    unit: str = ""
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    required: bool = False
    default: Any = None


def amount(
    label: str, default: int = -1, unit: str = "分", help: str = SIGNED, required: bool = True
) -> Parameter:
    return Parameter("amount", label, unit=unit, help=help, required=required, default=default)


def step_parameters(target_label: str) -> tuple[Parameter, ...]:
    return (
        Parameter("target", target_label, required=True, default=100),
        Parameter("step", "每档", help="每差多少算一档，默认 1", default=1),
        Parameter("partial", "不足一档", "choice", choices=PARTIAL, default="floor"),
        Parameter("unit", "计量单位", "text", help="如 %、万平方米、户"),
    )


PARAMETERS: dict[str, tuple[Parameter, ...]] = {
    "per_occurrence": (
        amount("每次分值", help=f"{SIGNED}；按级别计分时可不填", required=False),
        Parameter("unit", "计量单位", "text", default="次", help="次、件、人次、篇……"),
        Parameter(
            "levels", "按级别分值", "amounts", "分", "每行一个，如「省级：-3」；不分级别留空"
        ),
    ),
    "shortfall": (*step_parameters("目标值"), amount("每少一档分值")),
    "exceed": (*step_parameters("目标值"), amount("每多一档分值", 1)),
    "baseline": (
        Parameter("baseline", "基准值", required=True, default=100),
        Parameter("step", "每档", default=1),
        Parameter("below", "每低一档分值", unit="分", help=SIGNED, default=-1),
        Parameter("above", "每高一档分值", unit="分", help=SIGNED, default=1),
        Parameter("partial", "不足一档", "choice", choices=PARTIAL, default="floor"),
        Parameter("unit", "计量单位", "text"),
    ),
    "proportional": (
        Parameter("target", "目标值（完成即满分）", required=True, default=100),
        Parameter("unit", "计量单位", "text"),
    ),
    "frequency": (
        Parameter("minimum", "最少次数", required=True, default=1),
        Parameter("per", "周期", "choice", choices=PERIODS, default="month"),
        amount("每少一次分值"),
        Parameter("unit", "计量单位", "text", default="次"),
    ),
    "lateness": (
        amount("每迟报一期分值"),
        Parameter("per", "周期", "choice", choices=PERIODS, default="month"),
    ),
    "checklist": (
        Parameter("tasks", "任务", "texts", help="每行一项", required=True, default=["任务一"]),
        amount("每未完成一项分值"),
    ),
    "zero_on_event": (),
    "veto": (
        Parameter(
            "consequence",
            "后果",
            "choice",
            choices=tuple(VETO_CONSEQUENCES.items()),
            default="no_excellence",
        ),
        Parameter("grade", "最高等次", "text", help="后果为「等次封顶」时填写"),
        Parameter("threshold", "触发数值", help="留空为发生即否决；填写则记录数值达到它才否决"),
    ),
    "discretionary": (
        Parameter("min", "最少", unit="分", default=0),
        Parameter("max", "最多", unit="分", required=True, default=5),
        Parameter(
            "direction",
            "方向",
            "choice",
            choices=(("deduct", "扣分"), ("add", "加分")),
            default="deduct",
        ),
    ),
    "escalation": (
        amount("每次追加分值"),
        Parameter("after", "被追加的规则编号", "text", required=True),
    ),
    "tiered": (
        Parameter(
            "levels",
            "各级别分值",
            "amounts",
            "分",
            "每行一个，如「市级：2」",
            required=True,
            default={"本级": 1, "市级": 2, "省级": 3},
        ),
        Parameter("highest_only", "只按最高级别计", "flag", default=True),
    ),
    "conversion": (Parameter("scale", "外部考核满分", unit="分", default=100),),
    "evaluation": (
        Parameter(
            "groups",
            "评议组权重",
            "amounts",
            help="每行一个，如「主要领导：0.5」，合计为 1",
            required=True,
            default={"主要领导": Decimal("0.5"), "分管领导": Decimal("0.5")},
        ),
        Parameter(
            "rounds", "轮次权重", "amounts", help="如「半年：0.25」「年终：0.75」；只有一轮留空"
        ),
        Parameter("scale", "测评满分", unit="分", default=100),
    ),
    "rank": (
        Parameter(
            "metric",
            "排名依据",
            "text",
            help="value 为录入数值，total 为总分，或填指标路径",
            default="value",
        ),
        Parameter(
            "order",
            "排序",
            "choice",
            choices=(("desc", "从高到低"), ("asc", "从低到高")),
            default="desc",
        ),
        Parameter(
            "from",
            "计分名次",
            "choice",
            choices=(("top", "前几名"), ("bottom", "后几名")),
            default="top",
        ),
        Parameter(
            "sequence",
            "依次分值",
            "numbers",
            "分",
            "第1名、第2名……，如「3、2、1」",
            required=True,
            default=[3, 2, 1],
        ),
    ),
    "colour": (
        Parameter(
            "map",
            "各色分值",
            "amounts",
            "分",
            "每行一个，如「红灯：-2」",
            required=True,
            default={"绿灯": 0, "黄灯": -1, "红灯": -2},
        ),
    ),
    "manual": (),
}
COMMON = (
    Parameter("label", "规则名称", "text", help="在记录录入、得分说明中显示"),
    Parameter("cap", "本条最多计", unit="分", help="留空为不限"),
    Parameter("multipliers", "按单位类别加倍", "amounts", help="如「窗口科室：2」"),
    Parameter("flagged", "仍待人工确认", "flag"),
)


def parameters_of(kind: str) -> tuple[Parameter, ...]:
    return (COMMON[0], *PARAMETERS.get(kind, ()), *COMMON[1:])


def defaults_for(kind: str) -> dict[str, Any]:
    """A new rule of ``kind``: the parameters it needs to load, at their usual values."""
    return {p.key: p.default for p in PARAMETERS[kind] if p.default is not None}


class AmountsField(forms.CharField):
    """「名称：数字」 one per line → {名称: Decimal}."""

    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value: Any) -> dict[str, Decimal]:
        text = super().clean(value)
        amounts: dict[str, Decimal] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            found = LINE_ITEM.match(line)
            if not found:
                raise forms.ValidationError(f"第 {number} 行应写成「名称：数字」，如「省级：-3」")
            amounts[found[1]] = parse_number(found[2], f"第 {number} 行")
        return amounts


class TextsField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 3})

    def clean(self, value: Any) -> list[str]:
        return [line.strip() for line in super().clean(value).splitlines() if line.strip()]


class NumbersField(forms.CharField):
    def clean(self, value: Any) -> list[Decimal]:
        parts = [part for part in NUMBER_SEPARATOR.split(super().clean(value)) if part]
        return [parse_number(part, f"第 {index} 个数") for index, part in enumerate(parts, 1)]


def parse_number(text: str, where: str) -> Decimal:
    try:
        number = Decimal(text[:-1]) / 100 if text.endswith("%") else Decimal(text)
    except InvalidOperation as error:
        raise forms.ValidationError(f"{where}「{text}」不是数字") from error
    if not number.is_finite():
        raise forms.ValidationError(f"{where}「{text}」不是数字")
    return number


def form_field(parameter: Parameter) -> forms.Field:
    help_text = "；".join(
        part
        for part in (f"单位：{parameter.unit}" if parameter.unit else "", parameter.help)
        if part
    )
    common = {"label": parameter.label, "required": parameter.required, "help_text": help_text}
    if parameter.shape == "number":
        return forms.DecimalField(max_digits=14, decimal_places=6, **common)
    if parameter.shape == "choice":
        return forms.ChoiceField(choices=parameter.choices, **common)
    if parameter.shape == "flag":
        return forms.BooleanField(**{**common, "required": False})
    shapes = {"amounts": AmountsField, "texts": TextsField, "numbers": NumbersField}
    return shapes.get(parameter.shape, forms.CharField)(**common)


class RuleForm(StyledForm):
    kind: str = ""

    def values(self) -> dict[str, Any]:
        """The rule's keys; empty answers are left out (the engine's defaults apply)."""
        return {
            key: value
            for key, value in self.cleaned_data.items()
            if value not in (None, "", [], {}) and not (key == "flagged" and not value)
        }


def rule_form(kind: str, *args: Any, **kwargs: Any) -> RuleForm:
    fields = {parameter.key: form_field(parameter) for parameter in parameters_of(kind)}
    form_class = type(f"RuleForm_{kind}", (RuleForm,), {**fields, "kind": kind})
    return form_class(*args, **kwargs)  # type: ignore[no-any-return]


def initial_from(rule: dict[str, Any]) -> dict[str, Any]:
    """A rule's keys as its form shows them."""
    initial: dict[str, Any] = {}
    for parameter in parameters_of(str(rule.get("kind", ""))):
        value = rule.get(parameter.key)
        if value is None:
            continue
        initial[parameter.key] = shown(parameter.shape, value)
    return initial


def shown(shape: str, value: Any) -> Any:
    if shape == "amounts" and isinstance(value, dict):
        return "\n".join(f"{name}：{number_text(amount)}" for name, amount in value.items())
    if shape == "texts" and isinstance(value, list):
        return "\n".join(map(str, value))
    if shape == "numbers" and isinstance(value, list):
        return "、".join(number_text(item) for item in value)
    if shape == "number":
        return number_text(value)
    return value


def number_text(value: Any) -> Any:
    try:
        return show(Decimal(str(value)))
    except InvalidOperation:
        return value
