from __future__ import annotations

from typing import Any

from django import forms

from kaohe.accounts.models import Unit
from kaohe.cycles.models import Cycle
from kaohe.forms import StyledForm
from kaohe.schemes.models import SchemeVersion

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PublishedVersionField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.scheme.name}（第 {obj.number} 版）"


class UnitChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.parent.name} · {obj.name}" if obj.parent_id else obj.name


class CycleForm(StyledForm):
    name = forms.CharField(
        label="周期名称", max_length=200, help_text="如：2024年第一季度科室绩效考核"
    )
    scheme_version = PublishedVersionField(
        SchemeVersion.objects.filter(status=SchemeVersion.Status.PUBLISHED)
        .select_related("scheme")
        .order_by("scheme__name", "-number"),
        label="考核方案（已发布版本）",
    )
    period = forms.ChoiceField(label="周期类型", choices=Cycle.Period.choices)
    starts_on = forms.DateField(label="开始日期", widget=DATE_INPUT)
    ends_on = forms.DateField(label="结束日期", widget=DATE_INPUT)
    submission_deadline = forms.DateField(
        label="材料报送截止日期", required=False, widget=DATE_INPUT
    )
    units = UnitChoiceField(
        Unit.objects.exclude(kind__in=[Unit.Kind.REGION, Unit.Kind.OFFICE])
        .select_related("parent")
        .order_by("parent_id", "sort_order", "id"),
        label="被考核单位",
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "结束日期不能早于开始日期")
        return data


class AssignmentForm(StyledForm):
    assessor = forms.ModelChoiceField(
        Unit.objects.order_by("parent_id", "id"),
        label="考评单位",
        required=False,
        empty_label="（未指定）",
    )
    responsible_units = forms.ModelMultipleChoiceField(
        Unit.objects.order_by("parent_id", "id"), label="责任单位", required=False
    )
    leaders = forms.CharField(label="分管领导", max_length=200, required=False)
    persons = forms.CharField(label="责任人", max_length=200, required=False)
    deadline = forms.DateField(label="完成期限", required=False, widget=DATE_INPUT)


class RecordForm(StyledForm):
    """One record as an assessor types it; the rule decides which cells matter."""

    rule_id = forms.CharField(label="规则", max_length=100)
    count = forms.DecimalField(label="次数", required=False, max_digits=12, decimal_places=4)
    value = forms.DecimalField(label="数值", required=False, max_digits=14, decimal_places=4)
    level = forms.CharField(label="级别", required=False, max_length=100)
    incident = forms.CharField(label="事项", required=False, max_length=100)
    occurred_on = forms.DateField(label="日期", required=False, widget=DATE_INPUT)
    period = forms.CharField(label="期间", required=False, max_length=20)
    note = forms.CharField(label="说明", required=False, max_length=2000)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def record_values(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return {
            key: ("" if value is None and key in {"level", "incident", "period", "note"} else value)
            for key, value in data.items()
        }


class RecordUploadForm(StyledForm):
    file = forms.FileField(label="记录文件（xlsx）")


class ParticipationForm(StyledForm):
    categories = forms.MultipleChoiceField(
        label="单位类别", required=False, widget=forms.CheckboxSelectMultiple
    )
    not_participating = forms.MultipleChoiceField(
        label="不参加的指标",
        required=False,
        help_text="按方案规定：不参加的得参加单位的平均分，或分值转入指定的同级指标",
    )

    def __init__(
        self, *args: Any, categories: list[str], nodes: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = [(name, name) for name in categories]
        self.fields["not_participating"].choices = nodes
        self.fields["not_participating"].widget.attrs["size"] = 8
