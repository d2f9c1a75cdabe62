from decimal import Decimal

from tests.textrules.helpers import is_flagged, only_rule, rules


def test_a_descending_spread_gives_one_amount_per_position():
    rule = only_rule("综合排名前5名的依次加5至1分。")
    assert rule["sequence"] == [Decimal(n) for n in (5, 4, 3, 2, 1)]
    assert rule["from"] == "top"


def test_ordinals_give_the_sequence_and_倒数_counts_from_the_bottom():
    assert only_rule("排名第1名的加2分，第2名加1.5分，第3名加1分。")["sequence"] == [
        Decimal(2),
        Decimal("1.5"),
        Decimal(1),
    ]
    assert only_rule("排名倒数第1名的扣2分，倒数第2名的扣1分。")["from"] == "bottom"


def test_positions_in_the_provinces_ranking_are_levels_not_a_ranking_of_our_units():
    top, bottom = rules(
        "对指标得分位列全省前三名和后三名的指标责任单位，分别加减1.5分、1分、0.5分。"
    )
    assert top["kind"] == bottom["kind"] == "tiered"
    assert bottom["levels"]["倒数第1名"] == Decimal("-1.5")


def test_amounts_whose_separators_were_lost_are_flagged():
    assert is_flagged("根据情况确定前三名，分别加321分。")


def test_positions_written_from_the_first_as_a_range_are_a_rank_sequence():
    assert only_rule("综合排名第一至第三名的,分别加3分、2分、1分。")["sequence"] == [
        Decimal(3),
        Decimal(2),
        Decimal(1),
    ]
    rule = only_rule("排名第1-3位的依次加1.5、1、0.5分")
    assert (rule["kind"], rule["from"]) == ("rank", "top")
    assert rule["sequence"] == [Decimal("1.5"), Decimal(1), Decimal("0.5")]


def test_amounts_in_turn_for_positions_not_from_the_first_are_flagged_not_a_range():
    # 「依次加3至1分」 is 3, 2, 1 by position: never an amount chosen between 1 and 3.
    assert is_flagged("排名第四至第六名的依次加3至1分")
    assert is_flagged("获评示范单位的依次加3至1分")


def test_a_sequence_for_the_top_and_another_for_the_bottom_are_two_rank_rules():
    read = rules("年度排名前2名的分别加2分、1分,后2名的分别扣2分、1分。")
    assert [(rule["from"], rule["sequence"]) for rule in read] == [
        ("top", [Decimal(2), Decimal(1)]),
        ("bottom", [Decimal(-2), Decimal(-1)]),
    ]
