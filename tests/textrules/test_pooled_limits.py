"""「扣完N分为止」 bounds the rate before it; a limit at or above the item's points (pooled.py)."""

from decimal import Decimal

from kaohe.textrules import read_criteria


def test_a_limit_written_with_扣完_caps_the_rate_before_it():
    reading = read_criteria("每发现一处违规停放扣0.5分,扣完3分为止。", points=Decimal(8))
    (rule,) = [read.rule for read in reading.rules]
    assert rule == {"kind": "per_occurrence", "amount": Decimal("-0.5"), "unit": "处", "cap": 3}


def test_a_limit_above_the_items_points_is_the_sections_and_the_item_stops_at_nothing():
    reading = read_criteria("(6分)发现一处错误扣2分,扣完30分为止。", points=Decimal(6))
    (rule,) = [read.rule for read in reading.rules]
    assert rule == {"kind": "per_occurrence", "amount": Decimal(-2), "unit": "处"}
    assert reading.node == {"floor": 0}


def test_a_limit_equal_to_the_points_is_all_of_them():
    reading = read_criteria("每缺一次会议记录扣1分,扣满5分为止。", points=Decimal(5))
    assert [read.rule.get("cap") for read in reading.rules] == [None]
    assert reading.node == {"floor": 0}


def test_without_the_items_points_the_written_limit_stays_the_rates_cap():
    reading = read_criteria("每缺一次会议记录扣1分,扣完5分为止。")
    assert [read.rule.get("cap") for read in reading.rules] == [Decimal(5)]
