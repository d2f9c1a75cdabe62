from __future__ import annotations

from typing import Any

from django import forms

from kaohe.forms import StyledForm


class HolidayForm(StyledForm):
    first = forms.DateField(label="开始日期", widget=forms.DateInput(attrs={"type": "date"}))
    last = forms.DateField(
        label="结束日期",
        required=False,
        help_text="只录一天时留空",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    name = forms.CharField(label="名称", max_length=50, help_text="如：春节、国庆节调休上班")
    is_working_day = forms.BooleanField(
        label="调休上班（该日为工作日）", required=False, help_text="不勾选表示放假"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("first") and not data.get("last"):
            data["last"] = data["first"]
        return data
