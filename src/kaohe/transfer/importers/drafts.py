"""Indicators as they are being read, before they become canonical scheme nodes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kaohe.transfer.importers.names import (
    split_name,
    split_people,
    split_units,
    strip_numbering,
)

_POINTS_ONLY = re.compile(r"[（(][^（）()\n]{0,16}[)）]")
# 「交办件按期办结率达95%以上」: a rate named with its target (pinyin the copy left after 達 kept).
_RATE_TARGET = re.compile(
    r"(?P<rate>[^\d，,。；;]{2,40}?率)\s*(?:[达達](?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùü]+\))?)?"
    r"\s*\d+(?:\.\d+)?\s*[%％]"
)


def _rate_and_target(name: str, written: str) -> tuple[str, str]:
    """The rate's name, and the whole name as its target's description; or the name alone.
    Only a numbered line as a document writes it (「1、……率达95%以上」) is cut: a name kaohe
    exported (never numbered) comes back as it was."""
    match = _RATE_TARGET.match(name) if strip_numbering(written) != written.strip() else None
    return (match.group("rate"), name) if match else (name, "")


@dataclass
class Draft:
    """One indicator while its rows are still being read."""

    name: str
    raw: str = ""
    points: Decimal | None = None
    facts: dict[str, Any] = field(default_factory=dict)
    criteria: list[str] = field(default_factory=list)
    assessors: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    children: list[Draft] = field(default_factory=list)
    child_defaults: dict[str, Any] = field(default_factory=dict)
    where: str = ""
    amount: Decimal | None = None
    """A number written alone in the standard column (「受到通报批评的 | 15」): the row's amount."""

    @classmethod
    def from_text(cls, text: str, where: str = "") -> Draft:
        """A draft from a name cell; lines below a first line that carries the points, as in
        「日常考核（90分）\n主要考核……」, describe the indicator."""
        first, _, rest = text.partition("\n")
        named = split_name(first)
        if _POINTS_ONLY.fullmatch(rest.strip()):  # 「公众评议\n（100分）」: a name wrapped
            named, rest = split_name(text), ""
        name, target = _rate_and_target(named.name, first)
        draft = cls(name=name, raw=text, points=named.points, facts=named.node, where=where)
        draft.add_criteria(target)
        draft.add_criteria(rest)
        draft.add_assessor(draft.facts.pop("assessor", ""))
        draft.child_defaults = draft.facts.pop("children", {})
        draft.facts.pop("code", None)  # codes follow the imported order
        return draft

    def add_criteria(self, text: str) -> None:
        text = text.strip()
        if text and text not in self.criteria:
            self.criteria.append(text)

    def add_assessor(self, text: str) -> None:
        _extend(self.assessors, split_units(text))

    def add_owners(self, leaders: str = "", units: str = "", persons: str = "") -> None:
        _extend(self.leaders, split_people(leaders))
        _extend(self.units, split_units(units))
        _extend(self.persons, split_people(persons))

    def child_named(self, raw: str) -> Draft | None:
        """The last child read from the same cell text: a merged cell repeated on a new page."""
        if self.children and self.children[-1].raw == raw:
            return self.children[-1]
        return None


def _extend(names: list[str], more: list[str]) -> None:
    names.extend(name for name in more if name not in names)


_FIRST_CLAUSE = re.compile(r"[，,；;。：:]")
_POINTS_FIRST = re.compile(r"\d+(?:\.\d+)?\s*分")
_STATED_AT_END = re.compile(r"[计记得計記]\s*\d+(?:\.\d+)?\s*分$")
MAX_NAME = 40


def named_by_first_clause(draft: Draft) -> Draft:
    """「完成招商引资任务,或未明确目标任务的单位引进1个亿元以上……项目」: a name that runs on as a
    sentence is named by its first clause; the rest describes the item."""
    first = _FIRST_CLAUSE.split(draft.name, maxsplit=1)[0]
    if len(draft.name) <= MAX_NAME or len(first) < 2 or first == draft.name:
        return draft
    stated = _STATED_AT_END.search(first)
    if stated is not None and stated.start() >= 2:
        first = first[: stated.start()]  # 「……上报数据计2分,每缺席……」: the points score it
    rest = draft.name[len(first) :].lstrip("，,；;。：: ")
    if _POINTS_FIRST.match(rest):
        return draft  # 「做好乡村旅游工作,4分;打造……,2分」: its parts and their points, not prose
    draft.name = first
    draft.criteria.insert(0, rest)
    return draft
