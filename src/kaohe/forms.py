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


def form_problems(form: forms.BaseForm) -> list[str]:
    """A refused form's errors, each after the label of its field."""
    return [
        f"{form.fields[name].label if name in form.fields else ''}：{'；'.join(errors)}"
        for name, errors in form.errors.items()
    ]


def search_text(value: object, limit: int = 100) -> str:
    """Words typed into a search box, trimmed and cut at ``limit``; a NUL character, which no
    database text can hold, is dropped."""
    return str(value or "").replace("\x00", "").strip()[:limit]


# The largest id a row can carry (a signed 64-bit integer). A larger number names no row, and
# SQLite cannot even compare one: it is refused before it reaches a query.
MAX_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """An id as a browser sends it (ASCII digits naming a row the database can hold), or None."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def choice_messages(label: object) -> dict[str, str]:
    return {
        "invalid_choice": f"{label}：没有这个选项，请重新选择",
        "invalid_pk_value": f"{label}：没有编号为“%(pk)s”的选项，请重新选择",
        "invalid_list": f"{label}：请选择一个或多个选项",
    }


class IdChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """One row chosen by id; anything but an id is refused as an option not offered."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages.update(choice_messages(self.label))

    def to_python(self, value: Any) -> Any:
        if value not in self.empty_values and parse_id(value) is None:
            raise forms.ValidationError(self.error_messages["invalid_choice"], "invalid_choice")
        return super().to_python(value)


class IdsChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Rows chosen by id; anything but an id is refused, naming it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.error_messages.update(choice_messages(self.label))

    def clean(self, value: Any) -> Any:
        chosen = self.prepare_value(value)
        for pk in chosen if isinstance(chosen, list | tuple) else ():
            if parse_id(pk) is None:
                message = self.error_messages["invalid_pk_value"]
                raise forms.ValidationError(message, "invalid_pk_value", {"pk": pk})
        return super().clean(value)


def unit_label(unit: Any) -> str:
    """「区政府办公室 / 办公室」: a unit named with the unit above it, so that seven sections all
    called 办公室 tell apart. Every unit picker labels its options with this."""
    return f"{unit.parent.name} / {unit.name}" if unit.parent_id else str(unit.name)


class UnitField(IdChoiceField):
    """A unit picker: options labelled by unit_label, parents read in the same query."""

    def __init__(self, queryset: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(queryset.select_related("parent"), *args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return unit_label(obj)


class UnitsField(IdsChoiceField):
    """A picker of several units, labelled like UnitField."""

    def __init__(self, queryset: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(queryset.select_related("parent"), *args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return unit_label(obj)


def person_label(user: Any) -> str:
    """「王伟（市财政局 / 办公室）」: a person named with their unit, as unit_label names it, so
    that two people of one name tell apart."""
    return f"{user}（{unit_label(user.unit)}）" if user.unit_id else str(user)


class PeopleField(IdsChoiceField):
    """A picker of several people, labelled by person_label; give it a queryset that reads
    each person's unit and its parent (select_related("unit__parent"))."""

    def label_from_instance(self, obj: Any) -> str:
        return person_label(obj)


class WholeNumberField(forms.IntegerField):
    """A count or a version: a whole number from 0 up to what the database can hold."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)
