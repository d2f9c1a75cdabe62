"""A credit equal to the item's points says when the item keeps them (keeps.py)."""

from decimal import Decimal

from kaohe.textrules import read_criteria


def _read(text: str, points: int | None) -> list[tuple[bool, dict[str, object], str]]:
    reading = read_criteria(text, points=None if points is None else Decimal(points))
    return [(rule.flagged, rule.rule, rule.source) for rule in reading.rules]


def test_the_whole_of_the_points_earned_or_nothing_flags_only_the_credit():
    (flag, zero) = _read("建立值班制度并张贴上墙的,得4分,否则不得分。", 4)
    assert flag[0] and flag[2] == "建立值班制度并张贴上墙的,得4分"
    assert zero == (False, {"kind": "zero_on_event"}, "不得分")


def test_the_flag_quotes_the_clause_of_the_credit_not_the_requirement_before_it():
    (flag, zero) = _read("按上级要求加强资金监管,建立监管台账的得5分,监管不到位的不得分。", 5)
    assert flag[2] == "建立监管台账的得5分"
    assert zero[1] == {"kind": "zero_on_event"}


def test_values_to_choose_from_up_to_the_points_stay_one_flag_beside_the_zero():
    read = _read("设有专门接待场所的得3分,有兼用场所的得2分,否则得0分。", 3)
    assert [flagged for flagged, _, _ in read] == [True, False]
    assert read[1][1] == {"kind": "zero_on_event"}


def test_a_one_time_deduction_after_the_points_stands_beside_the_flag():
    (flag, deduction) = _read("档案整理规范计5分,档案缺失的扣5分。", 5)
    assert flag[0]
    assert deduction[1] == {"kind": "per_occurrence", "amount": Decimal(-5), "cap": Decimal(5)}


def test_marks_written_with_记_as_the_points_are_kept_on_their_condition():
    (flag, zero) = _read("按期完成年度培训计划记6分,未开展培训的不记分。", 6)
    assert flag[0] and flag[2] == "按期完成年度培训计划记6分"
    assert zero[1] == {"kind": "zero_on_event"}


def test_marks_before_a_shortfall_from_a_target_are_the_full_marks_it_takes_from():
    (shortfall,) = _read("疫苗接种率达到95%以上的计8分,每低1个百分点扣0.5分。", 8)
    assert not shortfall[0]
    assert shortfall[1]["kind"] == "shortfall" and shortfall[1]["target"] == Decimal(95)
    assert shortfall[2].startswith("疫苗接种率达到95%以上的计8分")  # nothing left unread


def test_a_credit_smaller_than_the_points_withholds_only_itself_and_goes_to_a_person():
    read = _read("建立巡查台账的,得4分,否则不得分。", 10)
    assert [flagged for flagged, _, _ in read] == [True]


def test_without_the_items_points_the_marks_go_to_a_person():
    assert [flagged for flagged, _, _ in _read("按期上报统计报表记6分,未上报的不记分。", None)] == [
        True
    ]
    assert [flagged for flagged, _, _ in _read("按期上报统计报表记6分,未上报的不记分。", 5)] == [
        True
    ]


def test_a_parts_marks_taken_down_to_nothing_cap_the_amounts_per_failing():
    (rule,) = _read("按要求完成整改的,得2分,每发现1处未整改的扣0.5分,扣完为止。", 12)
    assert rule[1] == {"kind": "per_occurrence", "amount": Decimal("-0.5"), "unit": "处", "cap": 2}
    assert rule[2].startswith("得2分")


def test_the_items_own_marks_taken_down_to_nothing_leave_the_rate_uncapped():
    (rule,) = _read("台账完整得3分,每缺一次扣1分,扣完为止。", 3)
    assert rule[1] == {"kind": "per_occurrence", "amount": Decimal(-1), "unit": "次"}


def test_an_amount_left_to_the_assessor_after_the_points_stands_beside_the_flag():
    (flag, chosen) = _read("宣传资料发放到户的得5分,否则酌情扣分。", 5)
    assert flag[0] and not chosen[0]
    assert chosen[1] == {"kind": "discretionary", "direction": "deduct", "max": Decimal(5)}


def test_two_amounts_per_thing_in_one_unit_after_the_marks_stay_with_a_person():
    text = "道路无杂物堆放的记10分,主街每发现一处扣3分,小巷每发现一处扣1分,扣完为止。"
    assert [flagged for flagged, _, _ in _read(text, 10)] == [True]


def test_a_one_time_amount_taken_down_to_nothing_may_be_per_finding_and_stays_flagged():
    text = "路面平整、排水通畅的记5分,发现积水等扣1分,扣完为止。"
    assert [flagged for flagged, _, _ in _read(text, 5)] == [True]


def test_nothing_below_a_threshold_is_the_bottom_of_a_scale_not_an_event():
    text = "完成10万元以上得5分,5万元以上得3分,少于5万元不得分。"
    assert [flagged for flagged, _, _ in _read(text, 5)] == [True]


def test_an_amount_per_item_after_items_listed_stays_with_a_person():
    text = "签订责任状、上报报表、排查隐患的,计6分,未完成每项扣2分。"
    assert [flagged for flagged, _, _ in _read(text, 6)] == [True]
