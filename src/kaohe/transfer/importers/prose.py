"""A scheme that is only described in prose: parts of the total and their weights, no table.

「绩效评估总分值为100分，指标考核和公众评议按百分制考评后折入总分，其中指标考核占70%，公众
评议占30%。察访核验情况不计入总分，察访核验中发现问题酌情扣减总分。」 gives three sections:
two scored on 100 and weighted 0.7 and 0.3 in the formula, and one that only deducts. What each
part's score is made of is not in such a document (「具体指标附后」), so every rule is flagged
for a person to settle: the weighted parts are entered (manual) or evaluated, the deducting part
is the assessor's within the total.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kaohe.transfer.importers.assemble import bound_discretion, preview
from kaohe.transfer.importers.report import ImportReport, shown
from kaohe.transfer.importers.settle import EVALUATION_NAME, evaluator

HUNDRED = Decimal(100)
_SENTENCE = re.compile(r"[^。\n]+[。]?")
_WEIGHT = re.compile(r"([\u4e00-\u9fff]{2,10}?)占\s*(\d+(?:\.\d+)?)\s*[%％]")
_TOTAL = re.compile(r"总分值?为\s*(\d+(?:\.\d+)?)\s*分")
_OUTSIDE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:情况)?不计入总分")
_DEDUCTS = re.compile(r"扣减总分|扣分")
_LEADING = re.compile(r"^(?:其中|以及|及|和)")


def weighted_sections(prose: str, report: ImportReport) -> dict[str, Any] | None:
    """Sections and formula from the weights in ``prose``; None when it gives none that add up
    to 100%."""
    sentences = [match.group().strip() for match in _SENTENCE.finditer(prose)]
    for sentence in sentences:
        weights = {
            _LEADING.sub("", name): Decimal(share) for name, share in _WEIGHT.findall(sentence)
        }
        if len(weights) >= 2 and sum(weights.values()) == HUNDRED:
            return _scheme(weights, sentence, sentences, report)
    return None


def _scheme(
    weights: dict[str, Decimal], where: str, sentences: list[str], report: ImportReport
) -> dict[str, Any]:
    total = next((Decimal(m.group(1)) for s in sentences if (m := _TOTAL.search(s))), HUNDRED)
    parts = [_weighted(name, where, total, code) for code, name in enumerate(weights, 1)]
    terms = [f"{shown(share / HUNDRED)}*{name}" for name, share in weights.items()]
    for sentence in sentences:
        outside = _OUTSIDE.search(sentence)
        if outside and _DEDUCTS.search(sentence) and outside.group(1) not in weights:
            name = outside.group(1)
            parts.append(_deducting(name, sentence, total, len(parts) + 1))
            terms.append(name)  # its score is never above 0
    for section, why in parts:
        report.indicators_by_level[0] += 1
        report.rules_parsed += 1
        report.rules_flagged.append(f"{section['name']}：{why}")
    report.notes.append(
        f"文件中没有指标表，按「{preview(where)}」导入 {len(parts)} 个部分及总分公式；"
        "各部分的具体指标请补充"
    )
    return {"formula": " + ".join(terms), "sections": [section for section, _ in parts]}


Part = tuple[dict[str, Any], str]  # a section, and why its rule is flagged


def _weighted(name: str, where: str, total: Decimal, code: int) -> Part:
    points = HUNDRED if "百分制" in where else total
    rule: dict[str, Any]
    if EVALUATION_NAME.search(name):
        rule = {"kind": "evaluation", "groups": {evaluator(name): Decimal(1)}}
        why = "测评部分，请确认评价主体及权重"
    else:
        rule = {"kind": "manual"}
        why = "得分的来源文件未写明（指标附后），暂按直接录入得分导入"
    return _section(name, code, points, "value", where, rule), why


def _deducting(name: str, sentence: str, total: Decimal, code: int) -> Part:
    section = _section(name, code, total, "penalty", sentence, {"kind": "discretionary"})
    bound_discretion(section["rules"][0], section)  # up to the whole total, as 扣减总分 says
    return section, "酌情扣减总分，原文未写扣分范围，请确认"


def _section(
    name: str, code: int, points: Decimal, kind: str, text: str, rule: dict[str, Any]
) -> dict[str, Any]:
    return {
        "name": name,
        "code": str(code),
        "points": points,
        "kind": kind,
        "criteria": text,
        "rules": [{"id": f"{code}-1", **rule, "text": text, "flagged": True}],
    }
