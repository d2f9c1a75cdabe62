from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from kaohe.accounts.models import Unit
from kaohe.cycles.fields import LABELS, RECORD_COLUMNS
from kaohe.cycles.models import Cycle, Record
from kaohe.forms import (
    IdChoiceField,
    StyledForm,
    StyledModelForm,
    UnitField,
    UnitsField,
    WholeNumberField,
)
from kaohe.schemes.models import SchemeVersion

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PublishedVersionField(IdChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.scheme.name}（第 {obj.number} 版）"


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
    units = UnitsField(
        Unit.objects.exclude(kind__in=[Unit.Kind.REGION, Unit.Kind.OFFICE]).order_by(
            "parent_id", "sort_order", "id"
        ),
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
    assessor = UnitField(
        Unit.objects.order_by("parent_id", "id"),
        label="考评单位",
        required=False,
        empty_label="（未指定）",
    )
    responsible_units = UnitsField(
        Unit.objects.order_by("parent_id", "id"), label="责任单位", required=False
    )
    leaders = forms.CharField(label="分管领导", max_length=200, required=False)
    persons = forms.CharField(label="责任人", max_length=200, required=False)
    deadline = forms.DateField(label="完成期限", required=False, widget=DATE_INPUT)


class NumberInput(forms.TextInput):
    """A number as a person writes it (1.0000 → 1), in a plain text box."""

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal):
            text = format(value.normalize(), "f")
            return "0" if text in {"-0", "0"} else text
        return super().format_value(value)


# The grid picks the indicator above its rows; every other field of a record is a cell.
GRID_COLUMNS = tuple(column for column in RECORD_COLUMNS if column != "indicator")


class RecordForm(StyledModelForm):
    """One record as an assessor types it in the grid (the fields are cycles.fields'); the rule
    decides which cells matter, and actions.check_record what they may hold."""

    version = WholeNumberField(label="版本号", required=False, widget=forms.HiddenInput)

    class Meta:
        model = Record
        fields = GRID_COLUMNS
        labels = {column: LABELS[column] for column in GRID_COLUMNS}
        widgets = {
            "count": NumberInput,
            "value": NumberInput,
            "share": NumberInput,
            "date": DATE_INPUT,
            "note": forms.TextInput,
        }

    def __init__(self, *args: Any, rules: Sequence[tuple[str, str]] = (), **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", False)  # many rows on one page: no clashing ids
        super().__init__(*args, **kwargs)
        self.fields["rule"].widget = forms.Select(choices=rules, attrs={"class": "form-select"})
        self.fields["note"].validators.append(MaxLengthValidator(2000))
        for field in self.fields.values():
            field.widget.attrs["aria-label"] = field.label
            field.widget.attrs["class"] += f" {field.widget.attrs['class']}-sm"
        # Every row, saved or new, names its empty cells: the grid's header is one line.
        for field in self.visible_fields():
            field.field.widget.attrs.setdefault("placeholder", field.label)
        self.fields["note"].widget.attrs["placeholder"] = "说明/理由"

    def record_values(self) -> dict[str, Any]:
        return {column: self.cleaned_data[column] for column in GRID_COLUMNS}

    @cached_property
    def cells(self) -> SafeString:
        """The inputs of the visible fields, rendered once however many rows show this form:
        the grid shows one blank form in every unit's new-record row."""
        return format_html_join("", "{}", ((field,) for field in self.visible_fields()))


class RecordDeleteForm(StyledForm):
    """A record's deletion: the version the assessor saw, so that a later change is not lost."""

    version = WholeNumberField(label="版本号", required=False)


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
