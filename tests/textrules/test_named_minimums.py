"""The minimum written in the item's name counts the times short (named_minimums.py)."""

from decimal import Decimal

from kaohe.textrules import read_criteria


def _rules(text: str, name: str) -> list[tuple[bool, dict[str, object]]]:
    reading = read_criteria(text, points=Decimal(3), name=name)
    return [(rule.flagged, rule.rule) for rule in reading.rules]


def test_times_short_count_against_the_minimum_the_name_writes():
    read = _rules("专题研究安全生产工作每少一次扣0.5分。", "全年专题研究安全生产工作不少于3次")
    assert read == [
        (
            False,
            {
                "kind": "frequency",
                "minimum": Decimal(3),
                "per": "year",
                "amount": Decimal("-0.5"),
                "unit": "次",
            },
        )
    ]


def test_a_name_with_two_minimums_leaves_the_rule_to_a_person():
    read = _rules("每少一次扣0.5分。", "每月至少召开1次例会,每季度至少开展1次检查")
    assert [flagged for flagged, _ in read] == [True]


def test_without_a_minimum_anywhere_the_rule_goes_to_a_person():
    assert [flagged for flagged, _ in _rules("每少一次扣0.5分。", "安全生产工作")] == [True]


def test_a_period_the_reader_does_not_know_leaves_the_rule_to_a_person():
    assert [flagged for flagged, _ in _rules("少一次扣1分。", "每学期至少召开两次支部大会")] == [
        True
    ]
