from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from kaohe import forms

register = template.Library()


@register.filter
def plain(value: Any) -> str:
    """A Decimal as a person writes it: 1.0000 → 1, 0.50 → 0.5; None → ''."""
    if value is None or value == "":
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return "0" if text in {"-0", "0"} else text
    return str(value)


@register.filter
def unit_label(unit: Any) -> str:
    """A unit as its pickers name it (「市财政局 / 办公室」); '' for no unit."""
    return forms.unit_label(unit) if unit else ""
