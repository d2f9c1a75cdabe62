"""Every rule kind reads as one plain-Chinese sentence, generated from the rule itself."""

from decimal import Decimal

import pytest

from kaohe.engine import load_scheme, rule_kinds
from kaohe.engine.wording import rule_sentence, worded_kinds


def test_every_rule_kind_of_the_engine_has_a_sentence():
    assert set(worded_kinds()) == set(rule_kinds())


@pytest.mark.parametrize(
    ("rule", "sentence"),
    [
        (
            {"kind": "per_occurrence", "amount": -2, "cap": 10},
            "每发生1次扣2分，最多扣10分",
        ),
        (
            {"kind": "per_occurrence", "amount": Decimal("-0.5"), "unit": "人次"},
            "每发生1人次扣0.5分",
        ),
        (
            {"kind": "per_occurrence", "levels": {"省级": -3, "市级": -2}, "unit": "件"},
            "按级别每件省级扣3分、市级扣2分",
        ),
        (
            {"kind": "per_occurrence", "amount": -2, "multipliers": {"窗口科室": 2}},
            "每发生1次扣2分，窗口科室按2倍计",
        ),
        (
            {"kind": "shortfall", "target": 14, "step": 1, "amount": -1, "unit": "万平方米"},
            "目标14万平方米，每少1万平方米扣1分（不足一档的不计）",
        ),
        (
            {"kind": "exceed", "target": 100, "step": 5, "amount": 1, "partial": "ceil"},
            "超过目标100的，每多5加1分（不足一档的按一档计）",
        ),
        (
            {
                "kind": "baseline",
                "baseline": 95,
                "step": 1,
                "below": -1,
                "above": "0.5",
                "unit": "%",
                "partial": "prorate",
            },
            "以95%为基准，每低1%扣1分，每高1%加0.5分（不足一档的按比例计）",
        ),
        (
            {"kind": "proportional", "target": 100, "unit": "户"},
            "按完成比例得分：完成100户得满分，未完成的按完成比例计",
        ),
        (
            {"kind": "frequency", "minimum": 8, "per": "month", "amount": -0.5, "unit": "篇"},
            "每月不少于8篇，每少1篇扣0.5分",
        ),
        ({"kind": "lateness", "amount": -0.5, "per": "month"}, "每迟报1个月扣0.5分"),
        (
            {"kind": "checklist", "tasks": ["一件事改革", "证照分离"], "amount": -2},
            "共2项任务（一件事改革、证照分离），每未完成1项扣2分",
        ),
        ({"kind": "zero_on_event"}, "发生即本项不得分"),
        ({"kind": "veto", "consequence": "no_excellence"}, "发生即一票否决：取消评优资格"),
        (
            {"kind": "veto", "consequence": "grade_cap", "grade": "良好", "threshold": 2},
            "数值达到2及以上的，一票否决：等次最高为「良好」",
        ),
        (
            {"kind": "discretionary", "min": 1, "max": 5, "direction": "deduct"},
            "由考评单位在1至5分之间酌情扣分，须写明理由",
        ),
        (
            {"kind": "escalation", "amount": -5, "after": "shigu"},
            "规则「shigu」已有记录时，每次再扣5分",
        ),
        (
            {"kind": "tiered", "levels": {"本级": 1, "市级": 2, "省级": 3}},
            "按级别本级加1分、市级加2分、省级加3分，只按最高级别计",
        ),
        (
            {"kind": "tiered", "levels": {"本级": 1}, "highest_only": False, "cap": 5},
            "按级别本级加1分，各级别累加计算，最多加5分",
        ),
        ({"kind": "conversion", "scale": 100}, "按另一项考核的得分折算：其满分100分折合本项满分"),
        (
            {
                "kind": "evaluation",
                "groups": {"市委市政府": 0.6, "人大政协": 0.4},
                "rounds": {"半年": 0.25, "年终": 0.75},
            },
            "按测评得分（满分100分）折算：市委市政府占60%、人大政协占40%；半年占25%、年终占75%",
        ),
        (
            {"kind": "rank", "metric": "value", "sequence": [1.5, 1, 0.5]},
            "按录入数值从高到低排名，第1名加1.5分、第2名加1分、第3名加0.5分，并列的名次相同",
        ),
        (
            {"kind": "rank", "metric": "total", "from": "bottom", "sequence": [-1]},
            "按总分从高到低排名，倒数第1名扣1分，并列的名次相同",
        ),
        (
            {"kind": "colour", "map": {"绿灯": 0, "黄灯": -1, "红灯": -2}},
            "按亮灯计分：绿灯不扣分、黄灯扣1分、红灯扣2分",
        ),
        ({"kind": "manual"}, "由考评单位直接评定本项得分"),
    ],
)
def test_a_rule_reads_as_one_plain_sentence(rule, sentence):
    assert rule_sentence(rule) == sentence


def test_a_rule_with_missing_parameters_says_so_instead_of_failing():
    assert rule_sentence({"kind": "shortfall"}) == "规则参数不完整，无法读成一句话"
    assert rule_sentence({"kind": "nonsense"}) == "未知的规则类型「nonsense」"


def test_a_loaded_rule_reads_from_its_settings():
    scheme = load_scheme(
        {
            "id": "s",
            "name": "s",
            "sections": [
                {
                    "name": "纪律",
                    "points": 10,
                    "rules": [{"id": "a", "kind": "per_occurrence", "amount": -1, "cap": 4}],
                }
            ],
        }
    )
    rule = scheme.rules["a"]
    assert rule_sentence({"kind": rule.kind, **rule.settings, "cap": rule.cap}) == (
        "每发生1次扣1分，最多扣4分"
    )
