from __future__ import annotations

from django import forms

from kaohe.forms import StyledForm, WholeNumberField
from kaohe.progress.models import Schedule


class ProgressForm(StyledForm):
    content = forms.CharField(
        label="进展情况",
        widget=forms.Textarea(attrs={"rows": 6, "aria-label": "进展情况"}),
        max_length=10000,
        help_text="写明本期完成了什么、进度如何、存在什么问题",
    )
    version = WholeNumberField(label="版本号", widget=forms.HiddenInput)


class EvidenceForm(StyledForm):
    # The file input sits in the report's form (its text comes with an upload), so a "required"
    # on it would stop 保存 until a file is chosen; the upload view says when none was chosen.
    use_required_attribute = False

    file = forms.FileField(
        label="证明材料",
        help_text="PDF、Word、Excel、JPG、PNG 或 ZIP",
        widget=forms.ClearableFileInput(attrs={"form": "progress-report"}),
    )


class ApproveForm(StyledForm):
    opinion = forms.CharField(
        label="签批意见",
        max_length=500,
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 2, "placeholder": "可填写签批意见（选填），如：同意报送"}
        ),
    )


class ReturnForm(StyledForm):
    reason = forms.CharField(
        label="退回理由",
        max_length=500,
        widget=forms.TextInput(attrs={"placeholder": "退回理由（必填）", "aria-label": "退回理由"}),
    )


class ScheduleForm(StyledForm):
    frequency = forms.ChoiceField(label="报送频次", choices=Schedule.Frequency.choices)
    working_days = forms.IntegerField(
        label="期末后几个工作日内报送", min_value=0, max_value=30, initial=3
    )
