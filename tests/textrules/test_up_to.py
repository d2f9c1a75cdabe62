"""An amount at the assessor's discretion written with one amount (patterns/upto.py)."""

from decimal import Decimal

from tests.textrules.helpers import only_rule


def test_酌情扣_an_amount_lets_the_assessor_take_up_to_it():
    rule = only_rule("宣传报道出现差错,造成不良影响的,酌情扣3分。")
    assert rule == {"kind": "discretionary", "max": Decimal(3), "direction": "deduct"}


def test_视情况加_an_amount_lets_the_assessor_give_up_to_it():
    rule = only_rule("工作成效突出的,视情况加2分。")
    assert rule == {"kind": "discretionary", "max": Decimal(2), "direction": "add"}


def test_a_range_keeps_both_of_its_bounds():
    rule = only_rule("造成不良影响的视情扣2-4分。")
    assert (rule["min"], rule["max"]) == (Decimal(2), Decimal(4))
