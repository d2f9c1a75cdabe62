"""A credit that is the base of the amounts right after it (kaohe.textrules.bases)."""

from decimal import Decimal

from kaohe.textrules import read_criteria


def rules_of(text, points):
    return [(rule.rule, rule.source) for rule in read_criteria(text, points=Decimal(points)).rules]


def test_part_of_the_points_used_up_by_deductions_caps_them():
    text = "建立信息员队伍的,得3分,每发现1人未到位的扣1分,扣完为止。"
    assert rules_of(text, 10) == [
        (
            {"kind": "per_occurrence", "amount": Decimal(-1), "unit": "人", "cap": Decimal(3)},
            "得3分,每发现1人未到位的扣1分",
        )
    ]


def test_a_base_that_is_the_whole_item_needs_no_cap():
    text = "建立信息员队伍的,得3分,每发现1人未到位的扣1分,扣完为止。"
    assert [rule for rule, _ in rules_of(text, 3)] == [
        {"kind": "per_occurrence", "amount": Decimal(-1), "unit": "人"}
    ]


def test_the_standard_an_adjustment_starts_from_goes_to_a_person_with_it():
    text = "报送率达到全市平均水平的,得5分;每高(低)于平均水平1个百分点加(减)0.5分。"
    reading = read_criteria(text, points=Decimal(10))
    assert [rule.flagged for rule in reading.rules] == [True]
    assert reading.rules[0].source.startswith("得5分")
    assert reading.rules[0].guesses[0]["amount"] == Decimal(5)


def test_a_credit_in_a_numbered_part_of_its_own_is_no_base():
    reading = read_criteria("1、报送及时的得3分。2、每迟报1次扣1分,扣完为止。", points=Decimal(10))
    assert [rule.rule["amount"] for rule in reading.rules] == [Decimal(3), Decimal(-1)]
