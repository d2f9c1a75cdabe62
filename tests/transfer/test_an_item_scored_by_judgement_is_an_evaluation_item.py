"""An item whose points are 「按测评得分折算」 — people's judgement (测评, 评议, 满意度, 民意调查)
converted to points — imports as an evaluation item of one group, so the office can run the
evaluation in kaohe and its tally feeds that item; a conversion of another assessment's result
(「按…考核结果折算」) stays a conversion."""

import pytest

from kaohe import engine
from kaohe.evaluations.items import evaluation_items
from kaohe.transfer.importers import import_document

DOCUMENT = (
    "一、工作实绩（80分）\n1.重点任务（80分）每未完成1项扣2分。\n二、{name}（20分）\n{criteria}\n"
)


@pytest.mark.parametrize(
    ("name", "criteria", "group"),
    [
        ("服务对象评价", "由考核办组织服务对象进行测评，按测评得分折算。", "测评"),
        ("群众满意度", "按群众满意度测评结果折算得分。", "群众满意度测评"),
        ("民主评议", "干部职工民主评议得分按比例折算。", "干部职工民主评议"),
    ],
)
def test_an_item_scored_from_a_judgement_can_be_fed_by_an_evaluation(
    name: str, criteria: str, group: str
) -> None:
    text = DOCUMENT.format(name=name, criteria=criteria)

    scheme = engine.load_scheme(import_document("细则.txt", text.encode()).scheme)

    items = evaluation_items(scheme)
    assert [(item.name, item.groups) for item in items] == [(name, [group])]


def test_another_assessments_result_converted_stays_a_conversion() -> None:
    text = DOCUMENT.format(name="专项工作", criteria="按市安委会年度考核结果折算。")

    scheme = engine.load_scheme(import_document("细则.txt", text.encode()).scheme)

    assert evaluation_items(scheme) == []
    assert [rule.kind for rule in scheme.rules.values()].count("conversion") == 1
