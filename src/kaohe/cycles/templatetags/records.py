"""Template filters for pages that show one record."""

from __future__ import annotations

from typing import Any

from django import template

from kaohe.cycles.fields import LABELS, RECORD_COLUMNS
from kaohe.cycles.models import Record

register = template.Library()


@register.filter
def shown_fields(record: Record, rule: Any = None) -> list[tuple[str, Any]]:
    """Every field of the record but its unit, as (label, value), in the field list's order;
    the rule by its title when the scheme's rule is given, not by its id."""
    named = {"rule": rule.title} if rule is not None else {}
    return [
        (LABELS[column], named.get(column, getattr(record, column))) for column in RECORD_COLUMNS
    ]
