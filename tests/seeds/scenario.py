"""A built-in scheme with its worked scenario: loaded through the public API, compared to the cent.

Each scheme ``schemes/<id>.yaml`` has ``schemes/scenarios/<id>/`` holding ``records.csv``,
``facts.yaml``, ``expected.yaml`` (worked out by hand in ``working.md``) — never engine output.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kaohe.engine import CycleResult, Facts, Record, Scheme, UnitResult, compute
from kaohe.transfer.records import read_records
from kaohe.transfer.records_facts import read_facts
from kaohe.transfer.scheme_file import read_scheme

ROOT = Path(__file__).resolve().parents[2]
SCHEMES = ROOT / "schemes"
SEEDS = ROOT / "tests" / "data" / "import" / "seeds"  # copies of ../shared/seeds
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Scenario:
    scheme: Scheme
    facts: Facts
    expected: Mapping[str, Any]
    result: CycleResult

    @property
    def expected_units(self) -> Mapping[str, Mapping[str, Any]]:
        units: Mapping[str, Mapping[str, Any]] = self.expected["units"]
        return units

    def unit(self, name: str) -> UnitResult:
        return self.result.units[name]

    def item_score(self, unit: str, reference: str) -> Decimal:
        node = self.scheme.find_node(reference)
        assert node is not None, f"方案中没有指标「{reference}」"
        return self.unit(unit).nodes[node.path].score

    def item_lines(self, unit: str, reference: str) -> list[str]:
        node = self.scheme.find_node(reference)
        assert node is not None, f"方案中没有指标「{reference}」"
        return self.unit(unit).nodes[node.path].explanation


@cache
def load_scenario(scheme_id: str) -> Scenario:
    """The scheme, its facts and the engine's result for the whole cycle (computed once)."""
    folder = SCHEMES / "scenarios" / scheme_id
    scheme = read_scheme(SCHEMES / f"{scheme_id}.yaml")
    facts = read_facts(folder / "facts.yaml", read_records(folder / "records.csv"))
    expected = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    return Scenario(scheme, facts, expected, compute(scheme, facts))


def cents(value: object) -> Decimal:
    """A number rounded half-up to the cent, the precision results are published in."""
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def unexercised_rules(scenario: Scenario) -> list[str]:
    """Rule ids no record (or, for evaluations, no evaluation score) of the scenario reaches."""
    used = {rule_of(scenario.scheme, record) for record in scenario.facts.records}
    evaluated = {
        node.path
        for evaluation in scenario.facts.evaluations
        if (node := scenario.scheme.find_node(evaluation.indicator)) is not None
    }
    return [
        rule.id
        for rule in scenario.scheme.rules.values()
        if rule.id not in used and not (rule.kind == "evaluation" and rule.node_path in evaluated)
    ]


def rule_of(scheme: Scheme, record: Record) -> str:
    """The rule a record names, or its indicator's only rule when it names none."""
    if record.rule:
        return record.rule
    node = scheme.find_node(record.indicator)
    return node.rules[0].id if node is not None and len(node.rules) == 1 else ""


def absorbed_line(scenario: Scenario, unit: str, rule_id: str, incident: str) -> str | None:
    """The explanation line saying this rule's record gave way to a larger one (就高)."""
    rule = scenario.scheme.rules[rule_id]
    for line in scenario.item_lines(unit, rule.node_path):
        if line.startswith(rule.title) and f"同一事项「{incident}」" in line and "就高" in line:
            return line
    return None


def verbatim_texts(scheme: Scheme) -> Iterator[tuple[str, str]]:
    """(where, text) for every criteria line and rule text that should come from the document."""
    for node in scheme.nodes.values():
        for line in node.criteria.splitlines():
            yield node.path, line
        for rule in node.rules:
            yield f"{node.path} › {rule.id}", rule.text


def squeezed(text: str) -> str:
    """Text without whitespace, so a document's line breaks and blank lines do not matter."""
    return re.sub(r"\s+", "", text)


def differences(scenario: Scenario, unit: str) -> list[str]:
    """Every way the engine's result for ``unit`` departs from expected.yaml, in Chinese.

    expected.yaml gives per unit ``total``, ``rank``, ``grade``, ``vetoes`` (consequences),
    ``sections`` (name → subtotal), ``items`` (code or path → score) and optionally ``absorbed``
    (``{rule, incident}`` of records that 就高 set aside). Numbers are compared to the cent.
    """
    expected = scenario.expected_units[unit]
    found = list(headline_differences(expected, scenario.unit(unit)))
    sections = scenario.unit(unit).sections
    found += [
        f"小计「{name}」：手算 {cents(value)}，引擎 {cents(sections[name])}"
        for name, value in expected.get("sections", {}).items()
        if cents(value) != cents(sections[name])
    ]
    found += [
        f"指标「{code}」：手算 {cents(value)}，引擎 {cents(scenario.item_score(unit, code))}"
        for code, value in expected.get("items", {}).items()
        if cents(value) != cents(scenario.item_score(unit, code))
    ]
    found += [
        f"规则「{item['rule']}」的同一事项「{item['incident']}」没有说明已就高不重复计分"
        for item in expected.get("absorbed", ())
        if absorbed_line(scenario, unit, item["rule"], item["incident"]) is None
    ]
    return found


def headline_differences(expected: Mapping[str, Any], actual: UnitResult) -> Iterator[str]:
    if cents(expected["total"]) != actual.total:
        yield f"总分：手算 {cents(expected['total'])}，引擎 {actual.total}"
    if expected["rank"] != actual.rank:
        yield f"名次：手算 {expected['rank']}，引擎 {actual.rank}"
    if expected.get("grade") != actual.grade:
        yield f"等次：手算 {expected.get('grade')}，引擎 {actual.grade}"
    vetoes = sorted(veto.consequence for veto in actual.vetoes)
    if sorted(expected.get("vetoes", [])) != vetoes:
        yield f"一票否决：手算 {sorted(expected.get('vetoes', []))}，引擎 {vetoes}"


def unexpected_items(scenario: Scenario) -> list[str]:
    """「unit › code」 for every indicator a record or evaluation touches that expected.yaml omits.

    The hand calculation must state the score of every indicator its records touch, either under
    ``items`` (by code) or, for a section, under ``sections`` (by name).
    """
    touched = {
        (fact.unit, node.path)
        for fact in (*scenario.facts.records, *scenario.facts.evaluations)
        if (node := scenario.scheme.find_node(fact.indicator)) is not None
    }
    missing = []
    for unit, path in sorted(touched):
        node = scenario.scheme.nodes[path]
        expected = scenario.expected_units[unit]
        stated = set(map(str, expected.get("items", {}))) | set(expected.get("sections", {}))
        if node.code not in stated and node.name not in stated:
            missing.append(f"{unit} › {node.code}")
    return missing
