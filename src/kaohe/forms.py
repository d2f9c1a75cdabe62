"""A form base for every app: each widget gets Bootstrap's classes, so templates stay plain."""

from __future__ import annotations

from typing import Any

from django import forms

CLASS_BY_WIDGET: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.CheckboxSelectMultiple, ""),
    (forms.CheckboxInput, "form-check-input"),
    (forms.Select, "form-select"),
    (forms.SelectMultiple, "form-select"),
    (forms.Widget, "form-control"),
)


def style(fields: dict[str, forms.Field]) -> None:
    for field in fields.values():
        css = next(css for kind, css in CLASS_BY_WIDGET if isinstance(field.widget, kind))
        if css:
            field.widget.attrs.setdefault("class", css)


class StyledForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self.fields)


class StyledModelForm(forms.ModelForm):  # type: ignore[type-arg]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self.fields)
