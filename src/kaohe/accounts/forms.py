from __future__ import annotations

from typing import Any

from django import forms

from kaohe.accounts.models import Unit, UnitCategory, User
from kaohe.forms import IdsChoiceField, StyledForm, UnitField


class UnitForm(StyledForm):
    name = forms.CharField(label="单位名称", max_length=100)
    parent = UnitField(
        Unit.objects.order_by("parent_id", "sort_order", "id"),
        label="上级单位",
        required=False,
        empty_label="（无，顶级单位）",
    )
    kind = forms.ChoiceField(label="单位性质", choices=Unit.Kind.choices, initial=Unit.Kind.AGENCY)
    categories = IdsChoiceField(UnitCategory.objects.all(), label="单位类别", required=False)
    new_categories = forms.CharField(
        label="新增类别", required=False, help_text="多个类别用顿号分隔，如：行政机关、窗口单位"
    )
    code = forms.CharField(label="单位编码", max_length=50, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if Unit.objects.filter(name=data.get("name"), parent=data.get("parent")).exists():
            raise forms.ValidationError("同一上级单位下已有同名单位")
        return data


class UserForm(StyledForm):
    """A new account: no role (the 安全管理员 grants them) and no password (a one-time password
    is generated and shown once)."""

    username = forms.CharField(label="用户名", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=50)
    unit = UnitField(Unit.objects.order_by("parent_id", "sort_order", "id"), label="所属单位")
    email = forms.EmailField(label="电子邮箱", required=False)

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        if User.objects.filter(username=username).exists():
            raise forms.ValidationError("该用户名已被使用")
        return username
