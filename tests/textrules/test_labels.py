"""A rule's short name is proposed from the sentence it was read from."""

import re
from pathlib import Path

import pytest

from kaohe.textrules.labels import MAX_LABEL, propose_label
from kaohe.transfer.importers import import_file

SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "import" / "seeds").glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "criteria", "label"),
    [
        ("迟到、早退,每人次扣0.5分", "", "迟到、早退"),
        ("未按时报送材料的，每次扣1分", "", "未按时报送材料"),
        ("扣0.9分", "1.未全面推行聘用合同制度的，扣0.9分；", "未全面推行聘用合同制度"),
        ("扣2分", "未建立台账的扣1分，台账造假的扣2分", "台账造假"),
        ("一次扣1分", "1.上班时间玩游戏的，一次扣1分。", "上班时间玩游戏"),
        ("该项不得分", "发生安全事故，该项不得分", "发生安全事故"),
        ("按工业竞赛活动考核得分折算", "", "工业竞赛活动考核得分折算"),
        ("扣0.5分", "", ""),
    ],
)
def test_the_name_is_the_condition_before_the_scoring_words(text, criteria, label):
    assert propose_label(text, criteria) == label


def test_a_long_condition_is_cut_at_a_clause_or_marked():
    assert propose_label("未设立法制机构、配备专职法制工作人员、按要求参加培训的，各扣0.5分") == (
        "未设立法制机构"
    )
    long_name = propose_label("违反关于改进工作作风密切联系群众的实施意见规定的，每起扣0.2分")
    assert len(long_name) == MAX_LABEL and long_name.endswith("…")


def imported_rules(seed: Path) -> list[tuple[str, dict]]:
    scheme = import_file(seed).scheme

    def walk(nodes):
        for node in nodes:
            for rule in node.get("rules") or []:
                yield node["name"], rule
            yield from walk(node.get("children") or [])

    return list(walk(scheme["sections"]))


@pytest.mark.parametrize("seed", SEEDS, ids=[seed.name[:3] for seed in SEEDS])
def test_the_seed_schemes_imported_rules_are_named_short_and_without_amounts(seed):
    rules = imported_rules(seed)
    named = [rule["label"] for _, rule in rules if rule.get("label")]
    assert len(named) >= 0.85 * len(rules)
    assert all(len(label) <= MAX_LABEL for label in named)
    assert not [label for label in named if re.search(r"[扣加得]\s*\d", label)]


def test_seed_004s_nine_discipline_rules_are_told_apart_by_name():
    rules = [rule for name, rule in imported_rules(SEEDS[4]) if name == "纪律规范情况"]
    labels = [rule.get("label") for rule in rules]
    assert len(rules) == 9 and len(set(labels)) == 9 and all(labels)
    assert "查实被服务对象投诉" in labels
