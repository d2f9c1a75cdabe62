"""What the reader writes is what the engine reads: every rule from the corpus loads."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from kaohe.engine import load_scheme
from kaohe.textrules import read_criteria

CORPUS = Path(__file__).resolve().parents[1] / "data" / "textrules" / "corpus.yaml"
VALUE_KINDS = {"conversion", "proportional", "evaluation", "manual"}


def _scheme_around(rule: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"name": "指标", "points": 10, "rules": [{**rule, "id": "r1"}]}
    if rule["kind"] in VALUE_KINDS:
        item["kind"] = "value"
    item.update({key: node[key] for key in ("kind", "floor", "cap", "assessor") if key in node})
    section: dict[str, Any] = {"name": "考核", "children": [item]}
    if item.get("kind") not in ("bonus", "penalty"):
        section["points"] = 10
    return {
        "format": "kaohe-scheme/1",
        "id": "t",
        "name": "测试",
        "body": "测试",
        "sections": [section],
    }


def _texts() -> list[str]:
    return [entry["text"] for entry in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("text", _texts())
def test_every_rule_read_from_the_corpus_loads_in_the_engine(text):
    reading = read_criteria(text, points=Decimal(10))
    for read in reading.rules:
        load_scheme(_scheme_around(read.rule, reading.node))
