from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html

from kaohe.accounts.models import Unit, UnitCategory, User
from kaohe.accounts.roles import Role
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
    username = forms.CharField(label="用户名", max_length=150)
    full_name = forms.CharField(label="姓名", max_length=50)
    unit = UnitField(Unit.objects.order_by("parent_id", "sort_order", "id"), label="所属单位")
    roles = forms.MultipleChoiceField(
        label="角色", choices=Role.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    email = forms.EmailField(label="电子邮箱", required=False)
    password = forms.CharField(
        label="初始密码", widget=forms.PasswordInput, help_text=password_validators_help_text_html
    )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        if User.objects.filter(username=username).exists():
            raise forms.ValidationError("该用户名已被使用")
        return username
