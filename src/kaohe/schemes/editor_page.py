"""What the scheme editor page shows: the tree, the chosen node with its rules and their forms,
the scheme's settings, and the to-do list (flags, problems, what blocks publication)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms

from kaohe.engine import SchemeError, flagged_rule_notes, load_scheme, rule_kinds, rule_sentence
from kaohe.schemes import rule_forms
from kaohe.schemes.documents import document_revision
from kaohe.schemes.editing.tree import (
    EditRefused,
    Position,
    node_at,
    nodes_with_positions,
    position_of,
    position_text,
)
from kaohe.schemes.editing.words import in_words
from kaohe.schemes.forms import NodeForm, SettingsForm
from kaohe.schemes.models import SchemeVersion
from kaohe.schemes.presentation import NODE_KIND_LABELS
from kaohe.schemes.readiness import flagged_rules, publish_blockers
from kaohe.transfer.scheme_file import parse_scheme_text

REPORT_WARNINGS = ("提示：", "分值：", "  ")


@dataclass(frozen=True)
class TreeRow:
    position: str
    depth: int
    name: str
    points: Any
    kind_label: str
    rules: int
    flagged: int
    selected: bool


@dataclass
class RuleCard:
    index: int
    rule: dict[str, Any]
    kind_label: str
    sentence: str
    form: forms.Form


@dataclass
class EditorPage:
    """Everything the template needs; built by :func:`editor_page`."""

    draft: SchemeVersion
    data: dict[str, Any] | None = None
    unreadable: list[str] = field(default_factory=list)
    tree: list[TreeRow] = field(default_factory=list)
    position: str = ""
    node: dict[str, Any] | None = None
    node_form: forms.Form | None = None
    rules: list[RuleCard] = field(default_factory=list)
    settings_form: forms.Form | None = None
    confirm: str = ""
    confirm_rule: RuleCard | None = None
    kinds: dict[str, str] = field(default_factory=dict)
    flags: list[Any] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    blockers: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    revision: str = ""

    @property
    def todo_count(self) -> int:
        return len(self.flags) + len(self.problems) + len(self.blockers)


def editor_page(
    draft: SchemeVersion,
    position: str = "",
    confirm: str = "",
    bound: dict[str, forms.Form] | None = None,
) -> EditorPage:
    """The page for ``draft`` with the node at ``position`` chosen; ``bound`` holds forms a
    refused change brings back with what the person typed."""
    page = EditorPage(draft=draft, revision=document_revision(draft.document), kinds=rule_kinds())
    try:
        data = parse_scheme_text(draft.document)
    except SchemeError as error:
        page.unreadable = list(error.problems)
        return page
    if not isinstance(data, dict):
        page.unreadable = ["方案文件不是映射"]
        return page
    page.data, bound = data, bound or {}
    page.tree = tree_rows(data, position)
    page.problems = [in_words(problem) for problem in draft.problems]
    page.flags = flagged_rules(data)
    page.blockers = blockers_of(data)
    page.warnings = [
        line.strip() for line in draft.import_report if line.startswith(REPORT_WARNINGS)
    ]
    choose(page, data, position, confirm, bound)
    return page


def choose(
    page: EditorPage,
    data: dict[str, Any],
    position: str,
    confirm: str,
    bound: dict[str, forms.Form],
) -> None:
    """The chosen node's panel, or the scheme's settings when none is chosen."""
    place = chosen_position(data, position)
    if place is None:
        page.settings_form = bound.get("settings") or SettingsForm(
            initial=SettingsForm.initial_from(data)
        )
        return
    node = node_at(data, place)
    page.position, page.node, page.confirm = position_text(place), node, confirm
    group = bool(node.get("children"))
    page.node_form = bound.get("node") or NodeForm(initial=NodeForm.initial_from(node), group=group)
    page.rules = [
        rule_card(index, rule, bound) for index, rule in enumerate(node.get("rules") or [])
    ]
    if confirm.startswith("rule-"):
        page.confirm_rule = next(
            (card for card in page.rules if f"rule-{card.index}" == confirm), None
        )


def chosen_position(data: dict[str, Any], position: str) -> Position | None:
    if not position:
        return None
    try:
        place = position_of(position)
        node_at(data, place)
    except EditRefused:
        return None
    return place


def rule_card(index: int, rule: Any, bound: dict[str, forms.Form]) -> RuleCard:
    rule = rule if isinstance(rule, dict) else {}
    kind = str(rule.get("kind", ""))
    prefix = f"rule-{index}"
    form = bound.get(prefix) or rule_forms.rule_form(
        kind, prefix=prefix, initial=rule_forms.initial_from(rule)
    )
    return RuleCard(index, rule, rule_kinds().get(kind, kind), rule_sentence(rule), form)


def tree_rows(data: dict[str, Any], position: str) -> list[TreeRow]:
    rows = []
    for place, _, node in nodes_with_positions(data.get("sections") or []):
        rules = [rule for rule in node.get("rules") or [] if isinstance(rule, dict)]
        kind = "group" if node.get("children") else str(node.get("kind", "scored"))
        rows.append(
            TreeRow(
                position=position_text(place),
                depth=len(place) - 1,
                name=str(node.get("name", "")),
                points=node.get("points"),
                kind_label=NODE_KIND_LABELS.get(kind, kind),
                rules=len(rules),
                flagged=sum(1 for rule in rules if rule.get("flagged")),
                selected=position_text(place) == position,
            )
        )
    return rows


def todo_count_of(draft: SchemeVersion) -> int:
    """The count the editor's 待办 box shows, for a page that tells it before the editor opens."""
    return editor_page(draft).todo_count


def blockers_of(data: dict[str, Any]) -> list[str]:
    """What blocks publication of a draft that loads (one that does not shows its problems),
    less the flagged rules: the page shows each as a to-do card, and counts it once."""
    try:
        scheme = load_scheme(data)
    except SchemeError:
        return []
    cards = set(flagged_rule_notes(scheme))
    return [in_words(blocker) for blocker in publish_blockers(scheme) if blocker not in cards]
