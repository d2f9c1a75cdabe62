from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from kaohe.forms import StyledForm


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class AppealForm(StyledForm):
    target = forms.ChoiceField(label="申诉的考核记录或指标")
    reason = forms.CharField(label="申诉理由", widget=forms.Textarea(attrs={"rows": 5}))
    files = MultipleFileField(
        label="证明材料（pdf、doc/docx、xls/xlsx、jpg/png、zip）", required=False
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = choices


class DecisionForm(StyledForm):
    OUTCOMES = [
        ("rejected", "申诉不成立（维持原记录）"),
        ("upheld", "申诉成立（更正记录并重新公示）"),
    ]

    outcome = forms.ChoiceField(label="答复结果", choices=OUTCOMES, widget=forms.RadioSelect)
    decision = forms.CharField(label="答复意见", widget=forms.Textarea(attrs={"rows": 4}))
    record = forms.TypedChoiceField(
        label="更正的考核记录", coerce=int, required=False, empty_value=None
    )
    count = forms.DecimalField(
        label="更正后的次数", required=False, max_digits=12, decimal_places=4
    )
    value = forms.DecimalField(
        label="更正后的数值", required=False, max_digits=14, decimal_places=4
    )
    withdraw = forms.BooleanField(label="撤销该记录", required=False)
    add_rule = forms.ChoiceField(label="或补录一条记录，按规则", required=False)
    level = forms.CharField(label="补录记录的级别", required=False, max_length=100)
    evaluation = forms.TypedChoiceField(
        label="或更正测评得分", coerce=int, required=False, empty_value=None
    )
    score = forms.DecimalField(
        label="更正后的测评得分（0–100）",
        required=False,
        min_value=0,
        max_value=100,
        max_digits=7,
        decimal_places=3,
    )

    def __init__(
        self,
        *args: Any,
        records: list[tuple[int, str]],
        rules: list[tuple[str, str]],
        evaluations: Sequence[tuple[int, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["record"].choices = [("", "—"), *records]
        self.fields["add_rule"].choices = [("", "—"), *rules]
        self.fields["evaluation"].choices = [("", "—"), *evaluations]
        self.fields["outcome"].widget.attrs["class"] = "form-check-input"
