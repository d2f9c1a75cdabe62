"""A reading accounts for what its sentence scores by (kaohe.textrules.accounting)."""

from decimal import Decimal

from tests.textrules.helpers import is_flagged, only_rule


def test_a_count_of_one_thing_in_the_amounts_clause_makes_the_amount_per_thing():
    assert only_rule("辖区内发生1起较大以上道路交通事故扣2分。") == {
        "kind": "per_occurrence",
        "amount": Decimal(-2),
        "unit": "起",
    }
    assert only_rule("每出现一次群众因同一诉求重复到县上访情况扣3分;")["unit"] == "次"
    assert only_rule("台账登记错一笔扣0.2分。")["unit"] == "笔"


def test_a_thing_to_be_done_once_is_no_count_and_costs_or_earns_once():
    assert only_rule("年内召开一次专题推进会议的加1分。") == {
        "kind": "per_occurrence",
        "amount": Decimal(1),
        "cap": Decimal(1),
    }


def test_a_rate_the_one_time_amount_cannot_read_goes_to_a_person():
    assert is_flagged("每超出控制标准10%加1分。")
    assert is_flagged("计划、台账、总结有一项不全的,扣0.5分。")
