"""A clerk builds the seed 004 scheme (张家港市行政审批局 科室考核) from a blank one with the
editor's forms alone — no YAML typed — and the result is the built-in scheme: the same tree,
points, bounds, criteria, assessors, rules (kinds, parameters, names, caps), formula and grades.

The test posts exactly what a clerk would type into each form: the built-in document only tells
it what to type (each field as the form shows it). Rule ids and source sentences are not typed
(the editor numbers new rules; a rule added by hand has no source sentence), so they are not
compared.
"""

import re
from pathlib import Path
from typing import Any

from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.engine import Node, Rule, Scheme
from kaohe.schemes import rule_forms
from kaohe.schemes.documents import document_revision, scheme_from_text
from kaohe.schemes.editing.tree import position_text
from kaohe.schemes.forms import GRADE_ROWS, NodeForm, SettingsForm
from kaohe.schemes.models import SchemeVersion
from kaohe.transfer.scheme_file import parse_scheme_text

BUILT_IN = Path(__file__).resolve().parents[2] / "schemes" / "zhangjiagang-sections.yaml"


class Clerk:
    """The office's person at the editor: each change one form posted, each one saved."""

    def __init__(self, client: Any, draft: SchemeVersion) -> None:
        self.client, self.draft = client, draft
        self.url = reverse("schemes:editor_change", args=[draft.scheme.slug, draft.number])

    def post(self, change: str, **fields: Any) -> None:
        self.draft.refresh_from_db()
        saved = self.draft.revisions.count()
        revision = document_revision(self.draft.document)
        response = self.client.post(self.url, {"change": change, "revision": revision, **fields})
        assert response.status_code == 302, response.content.decode()
        assert self.draft.revisions.count() == saved + 1, f"{change} {fields} was not saved"

    def fill_node(self, position: str, node: dict[str, Any]) -> None:
        typed = typed_fields("", NodeForm.initial_from(node))
        extra = {"group": "1"} if node.get("children") else {}
        self.post("node", node=position, **typed, **extra)

    def add_rule(self, position: str, index: int, rule: dict[str, Any]) -> None:
        self.post("add_rule", node=position, kind=rule["kind"])
        typed = typed_fields(f"rule-{index}-", rule_forms.initial_from(rule))
        self.post("rule", node=position, index=str(index), kind=rule["kind"], **typed)


def refusal(response: Any) -> str:
    """What the refused form says, for the failure message."""
    page = response.content.decode()
    return " ".join(re.findall(r'class="[^"]*(?:field-error|alert-danger)[^"]*">(.*?)</div>', page))


def typed_fields(prefix: str, shown: dict[str, Any]) -> dict[str, str]:
    """A form's fields as typed: text as shown, a ticked box as "on", an unticked one left out."""
    typed = {}
    for name, value in shown.items():
        if value is True:
            typed[f"{prefix}{name}"] = "on"
        elif value not in (False, None):
            typed[f"{prefix}{name}"] = str(value)
    return typed


def settings_typed(data: dict[str, Any]) -> dict[str, str]:
    typed = typed_fields("", SettingsForm.initial_from(data))
    for row in range(1, GRADE_ROWS + 1):
        typed.setdefault(f"grade_{row}", "")
    return typed


def build_from_blank(clerk: Clerk, built_in: dict[str, Any]) -> None:
    for section in built_in["sections"]:
        clerk.post("add", name=section["name"])
    clerk.post("delete", node="1")  # the blank scheme's own example section
    for position, section in enumerate(built_in["sections"]):
        build_node(clerk, (position,), section)
    clerk.post("settings", **settings_typed(built_in))


def build_node(clerk: Clerk, place: tuple[int, ...], node: dict[str, Any]) -> None:
    position = position_text(place)
    for child in node.get("children") or []:
        clerk.post("add", node=position, name=child["name"])
    for index, rule in enumerate(node.get("rules") or []):
        clerk.add_rule(position, index, rule)
    clerk.fill_node(position, node)  # after its rules: a 赋值项 needs its rule first
    for number, child in enumerate(node.get("children") or []):
        build_node(clerk, (*place, number), child)


def node_as_read(node: Node) -> tuple[Any, ...]:
    rules = tuple(rule_as_read(rule) for rule in node.rules)
    return (
        node.path,
        node.kind,
        node.points,
        node.floor,
        node.cap,
        node.criteria,
        node.assessor,
        rules,
    )


def rule_as_read(rule: Rule) -> tuple[Any, ...]:
    settings = {key: value for key, value in rule.settings.items() if key not in ("id", "text")}
    return (rule.kind, rule.label, rule.cap, dict(rule.multipliers), settings)


def scheme_as_read(scheme: Scheme) -> dict[str, Any]:
    return {
        "name": scheme.name,
        "body": scheme.body,
        "period": scheme.period,
        "decimals": scheme.decimals,
        "formula": scheme.formula_text,
        "grades": scheme.grades,
        "quota": scheme.excellence_quota,
        "tree": [node_as_read(node) for node in scheme.nodes.values()],
    }


def test_a_clerk_builds_seed_004_from_a_blank_scheme_with_forms_alone(login):
    client = login(Role.OFFICE)
    response = client.post(reverse("schemes:copy"), {"template": ""})
    draft = SchemeVersion.objects.get(scheme__slug=response.url.split("/")[2])
    built_in_text = BUILT_IN.read_text(encoding="utf-8")
    build_from_blank(Clerk(client, draft), parse_scheme_text(built_in_text))
    draft.refresh_from_db()
    assert draft.problems == []
    built = scheme_as_read(scheme_from_text(draft.document))
    expected = scheme_as_read(scheme_from_text(built_in_text))
    assert built["tree"] == expected["tree"]
    assert built == expected
    assert len(built["tree"]) == 11 and sum(len(node[-1]) for node in built["tree"]) == 47
