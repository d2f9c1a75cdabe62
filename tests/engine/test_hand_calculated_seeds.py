"""The five built-in schemes on edge-case facts, every figure worked by hand from the seed
document and docs/scheme-format.md before kaohe ran (tests/data/hand_calculated/<scheme>/).

Besides the totals, every group is checked to be the sum of its children held to its bounds,
so that the explanation of every unit adds up."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kaohe.engine import CycleResult, Facts, compute
from kaohe.transfer.records import read_records
from kaohe.transfer.records_facts import read_facts
from kaohe.transfer.scheme_file import read_scheme

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "hand_calculated"


def scored(scheme_id: str) -> CycleResult:
    folder = DATA / scheme_id
    records = read_records(folder / "records.csv")
    facts_file = folder / "facts.yaml"
    facts = read_facts(facts_file, records) if facts_file.exists() else Facts.of(records)
    return compute(read_scheme(ROOT / "schemes" / f"{scheme_id}.yaml"), facts)


def D(text: str) -> Decimal:
    return Decimal(text)


# 张家港 (seed 004), 2020 Q3. 季度得分 = 日常考核 + 班子测评 + 综合加分; no bands, no tie-breakers.
# 甲科: 1.1.1 重点 kt1 5 × −2 + kt2 7 × −1 = −17 → 扣完为止 0; 1.1.2 15 → 1.1 = 15.
#   1.2 迟到 3 × 0.5 → 13.5.  1.3 安全隐患 3 × −1, rule cap 1 → 14.
#   1.4 被中心通报批评 −2 and 1.5 节能检查被扣分 −2 are the same incident 通报-1: equal,
#   the first in scheme order (1.4) stands → 1.4 = 13, 1.5 = 15.
#   日常 = 0 + 15 + 13.5 + 14 + 13 + 15 = 70.5.
#   班子 (90 + 80)/2 = 85 → 8.5.  加分: 省级表彰 3 and 省级信息 3 same incident → 3 once;
#   比赛 市级 2 + 本级 1 (every award counts) = 3; 创新 90 ties 丙科 for 1st → 3.  9.
#   88, 一票否决 取消评优 (no bands: only excellence_eligible false).
# 乙科: 1.4 上访 5 × −3 = −15 → exactly 0; 1.2 旷工 20 × −1 → 0.  日常 60.
#   班子 (91 + (88 + 89)/2)/2 = 89.75 → 8.975.  创新 80 is 3rd → 1.  69.975 → 69.98.
# 丙科: 日常 90, 班子 10, 创新 1st → 3.  103 (本项加分不设上线).
# 丁科: no records and no ballots: 90 + 0 (two warnings) + 0 = 90.
# Ranks: 丙 1, 丁 2, 甲 3, 乙 4.
ZHANGJIAGANG = {
    "甲科": ("88.00", 3, {"日常考核": "70.5", "班子测评": "8.5", "综合加分": "9"}),
    "乙科": ("69.98", 4, {"日常考核": "60", "班子测评": "8.975", "综合加分": "1"}),
    "丙科": ("103.00", 1, {"日常考核": "90", "班子测评": "10", "综合加分": "3"}),
    "丁科": ("90.00", 2, {"日常考核": "90", "班子测评": "0", "综合加分": "0"}),
}

# 三明 (seed 002), 2022.
# total = 0.7×(业务 + 自身 + 改革) + 0.15×领导 + 0.15×公众 + 激励 + 察访 + 奖惩.
# 甲单位: 业务 45 − 2.5 = 42.5.  自身: 2.1 15 − 1 − 0.5 = 13.5; 2.2 15 − 10 − 8 → 0 (扣完为止);
#   2.3 15 → 28.5.  改革 8.6.  0.7 × 79.6 = 55.72.
#   领导 0.6 × 92 + 0.4 × (88 + 85)/2 = 55.2 + 34.6 = 89.8 → 0.15 × 89.8 = 13.47.
#   公众 0.6 × 90.5 + 0.4 × 0 (网络 missing, warned) = 54.3 → 8.145.
#   激励 3 + 2.5 = 5.5 → cap 5.  察访 −6 − 5 = −11 → −10.
#   奖惩 +1.5 − 1 + 评审 highest only (第2名 0.3 over 参赛 0.1) = 0.8.
#   55.72 + 13.47 + 8.145 + 5 − 10 + 0.8 = 73.135 → 73.14 (half-up).
# 乙单位: nothing recorded: 0.7 × (45 + 45 + 0) = 63.
SANMING = {
    "甲单位": (
        "73.14",
        1,
        {"业务工作实绩": "42.5", "自身建设": "28.5", "改革创新成效": "8.6", "领导评价": "89.8"},
    ),
    "乙单位": ("63.00", 2, {"业务工作实绩": "45", "自身建设": "45", "改革创新成效": "0"}),
}

# 东阳 (seed 003), 2013, 12 months. total = 一 + 职能工作 + 作风建设.
# 一: 服务经济发展 conversions /100: 甲 1.8 + 0.8 + 1 + 0.95 = 4.55; 乙 does not take part in
#   工业 and 服务业 → participants' average (甲, 丙 with no score = 0): 0.9 and 0.475; 乙 0.7 + 0.6;
#   乙 = 2.675; 丙 0.  联系帮扶: 甲 2 − 0.5 (酌情) + 2 − 0.5 (成员任务) + 1 − 0.6 (two 帮扶 tasks)
#   + max(−1, −1.2 − min(1, 0.5)) = 1.5 + 1.5 + 0.4 − 1 = 2.4;
#   乙 2 + (2 − 0.5 × 2 非成员) + (1 − 0.4) − 0.3 = 3.3; 丙 5.
#   五城同创 甲 (90 − 100)/100 × 5 = −0.5.  人才 乙 (50 − 100)/100 × 3 = −1.5.
#   甲 4.55 + 2.4 − 0.5 = 6.45; 乙 2.675 + 3.3 − 1.5 = 4.475; 丙 5.
# 职能工作: 甲 5 × 0.96 + 30 × 0.9 = 31.8; 乙 has no 金华 task, its 5 move to 工作要点:
#   30 × 0.95 × 35/30 = 33.25; 丙 nothing recorded → 0 + 0 (warned).
# 作风建设: 3.1 (10): 甲 学习 2 of 2, 检查 4 quarters, 教育 1 of 2 → −0.1, 信息 July 0 (−0.4) and
#   Aug 1 (−0.2), 举措 3 × −0.5, 电子监察 2 × −2 capped at 2 → 10 − 4.2 = 5.8; 乙 and 丙 nothing:
#   −0.2 − 0.4 − 0.2 − 12 × 0.4 = −5.6 → 4.4.
#   3.2 (8): 甲 班子不团结 −1 → 7; 乙, 丙 干部学习 12 months × −0.2 = −2.4 → 干部管理 0 → 6.
#   3.3 (7): 甲 4 + 85% × 3 = 6.55; 乙, 丙 4 + 0.  3.4 党风廉政 甲 (95 − 100)/100 × 8 = −0.4.
#   3.5 行政服务中心 甲 −0.8, 丙 0; 乙 does not take part → (−0.8 + 0)/2 = −0.4.
#   3.6 自身建设: 甲 机密 失泄密 −1; 乙 重大食品事故 −2.
#   3.7 综合评议 (¼ 半年 + ¾ 年终) × 5 each: 甲 (20 + 67.5)% = 4.375, (22.5 + 67.5)% = 4.5,
#   (75/4 + 63.75)% = 4.125 → 13; 乙 75% → 3.75, 60% → 3, 0 → 6.75; 丙 0.
#   甲 5.8 + 7 + 6.55 − 0.4 − 0.8 − 1 + 13 = 30.15; 乙 4.4 + 6 + 4 − 0.4 − 2 + 6.75 = 18.75;
#   丙 4.4 + 6 + 4 = 14.4.
# 甲 68.4; 乙 4.475 + 33.25 + 18.75 = 56.475 → 56.48; 丙 19.4.
DONGYANG = {
    "甲局": ("68.40", 1, {"一（原文缺页）": "6.45", "职能工作": "31.8", "作风建设": "30.15"}),
    "乙局": ("56.48", 2, {"一（原文缺页）": "4.475", "职能工作": "33.25", "作风建设": "18.75"}),
    "丙局": ("19.40", 3, {"一（原文缺页）": "5", "职能工作": "0", "作风建设": "14.4"}),
}

# 人防办 (seed 001): total = 0.7 × 指标 + 0.3 × 公众 + 察访; bands 优 90, 良 76, 一般 60, 差.
# A 0.7 × 92 + 0.3 × (85 + 86 + 90)/3 = 64.4 + 26.1 = 90.5, − 0.5 → 90.0 → 优 (inclusive).
# D 66.5 + 28.5 − 5 = 90.0: ties A; tie-breaker 指标考核 95 > 92 → D 1st, A 2nd.
# C 0.7 × 85.71 + 0.3 × 55 = 59.997 + 16.5 = 76.497 → 76.50 → 良.   B 56 + 18 = 74 → 一般.
# F 0.7 × 57.85 + 0.3 × 65 = 40.495 + 19.5 = 59.995 → 60.00 → 一般.
# E 59.5 + 0 (no ballots, warned) − 5 − 5 = 49.5 → 差.
RENFANG_OFFICE = {
    "D科": ("90.00", 1, {"指标考核": "95", "公众评议": "95", "察访核验": "-5"}),
    "A科": ("90.00", 2, {"指标考核": "92", "公众评议": "87", "察访核验": "-0.5"}),
    "C科": ("76.50", 3, {"公众评议": "55"}),
    "B科": ("74.00", 4, {}),
    "F科": ("60.00", 5, {}),
    "E科": ("49.50", 6, {"公众评议": "0", "察访核验": "-10"}),
}
RENFANG_OFFICE_GRADES = {
    "D科": "优",
    "A科": "优",
    "C科": "良",
    "B科": "一般",
    "F科": "一般",
    "E科": "差",
}

# 人防中心 (seed 000), 2024, 12 months; total = the six sections.
# 甲 履行职责: 2.1.1 14万 − 12.5万 = 1.5 short, whole steps → −1 → 7; 2.1.2 two drills −2 → 5;
#   2.2.3 事故 → 0; 2.2.6 节日 1 of 2 −0.5, 形式 2 of 3 −0.5, 发稿 18 of 20 (any part a step, ceil)
#   −1 capped 0.5, 联建 −0.5 → 2; 2.2.7 三率 −1.5 capped 1, 案件 5 × −0.5 capped 2, 复议 −0.5 → 0.5;
#   2.2.8 5 × −0.5 → 0.  12 + 7 + 7 + 0 + 5 + 5 + 2 + 0.5 + 0 = 38.5.
#   综合测评 (90 + 100)/2 → 4.75, 88 → 4.4, 服务对象 none → 0: 9.15.
#   基础管理 4.1.1 −1.8 − 3.2 → 0; 4.2.1 −2.4 − 0.5 = −2.9 → exactly 0; 4.2.2 2.1 − 0.3 = 1.8;
#   4.3.1 中央级 2 × −0.5 = −1, 情节严重 −0.5 → 2.3; 4.3.2 1.2 → 5.3.
#   写实 5 − 0.3 + 5 = 9.7.  加分 3 + 2.5 → cap 5.  67.65.
# 乙: nothing recorded. 2.1.1 has no 验收面积 → nothing deducted (a rule with no records does
#   nothing); 节日宣传 0 of 2 → −1 (frequency counts the empty year) → 54; 测评 0; 15; 10; 0 → 79.
RENFANG_CENTER = {
    "乙": ("79.00", 1, {"履行职责": "54", "综合测评": "0", "基础管理": "15", "写实考核": "10"}),
    "甲": (
        "67.65",
        2,
        {"履行职责": "38.5", "综合测评": "9.15", "基础管理": "5.3", "写实考核": "9.7"},
    ),
}

SCENARIOS = {
    "zhangjiagang-sections": ZHANGJIAGANG,
    "sanming-veterans": SANMING,
    "dongyang-departments": DONGYANG,
    "renfang-office-evaluation": RENFANG_OFFICE,
    "renfang-center-2024": RENFANG_CENTER,
}


@pytest.mark.parametrize("scheme_id", list(SCENARIOS))
def test_totals_ranks_and_sections_as_worked_by_hand(scheme_id):  # type: ignore[no-untyped-def]
    result = scored(scheme_id)
    for name, (total, rank, sections) in SCENARIOS[scheme_id].items():
        unit = result.units[name]
        assert (unit.total, unit.rank) == (D(total), rank), name
        for section, value in sections.items():
            assert unit.sections[section] == D(value), (name, section)


@pytest.mark.parametrize("scheme_id", list(SCENARIOS))
def test_every_group_is_the_sum_of_its_children_within_its_bounds(scheme_id):  # type: ignore[no-untyped-def]
    result = scored(scheme_id)
    scheme = result.scheme
    for unit in result.units.values():
        for node in scheme.nodes.values():
            if not node.children:
                continue
            total = sum((unit.nodes[child.path].score for child in node.children), Decimal(0))
            if node.floor is not None:
                total = max(total, node.floor)
            if node.cap is not None:
                total = min(total, node.cap)
            assert unit.nodes[node.path].score == total, (unit.unit, node.path)


def test_renfang_office_grades_are_inclusive_minimums_of_the_rounded_total():
    result = scored("renfang-office-evaluation")
    assert {name: unit.grade for name, unit in result.units.items()} == RENFANG_OFFICE_GRADES


def test_zhangjiagang_veto_takes_excellence_away_without_touching_the_score():
    unit = scored("zhangjiagang-sections").units["甲科"]
    assert unit.excellence_eligible is False
    assert unit.formula_total == unit.total == D("88.00")


def test_zhangjiagang_incident_across_modules_names_where_it_was_counted():
    lines = (
        scored("zhangjiagang-sections").units["甲科"].nodes["日常考核 › 公共管理情况"].explanation
    )
    assert lines[0] == (
        "节能环保检查被扣分：1 次 × 2 分，扣 2 分——同一事项「通报-1」已在「被中心通报批评」"
        "就高扣分，此处不重复计分"
    )
