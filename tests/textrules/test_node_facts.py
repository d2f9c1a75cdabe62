from decimal import Decimal

from kaohe.textrules import read_criteria


def test_扣完为止_and_the_assessor_are_node_facts():
    reading = read_criteria("每次扣1分。本项扣分扣完为止。(负责考核科室:办公室)")
    assert reading.node == {"floor": 0, "assessor": "办公室"}


def test_a_bonus_ceiling_makes_a_bonus_item():
    reading = read_criteria("获得表彰的，予以加分，最高加5分。")
    assert reading.node == {"kind": "bonus", "cap": Decimal(5)}
    assert reading.rules[0].rule == {"kind": "discretionary", "direction": "add"}


def test_an_uncapped_bonus_has_no_ceiling():
    assert read_criteria("本项加分不设上线。").node == {"kind": "bonus", "cap": None}


def test_a_deduction_limit_is_a_penalty_allowance_unless_the_points_are_known():
    assert read_criteria("扣分累计不超过10分").node == {"kind": "penalty", "points": Decimal(10)}
    limited = read_criteria("本项扣分累计不超过5分。", points=Decimal(10))
    assert limited.node == {"floor": Decimal(5)}


def test_non_participants_get_the_average():
    reading = read_criteria("不参加的部门单位得参加部门单位考核得分的平均分。")
    assert reading.node == {"not_applicable": "average"}
    assert reading.rules == ()


def test_不得分_inside_a_part_with_its_own_points_is_flagged_not_zeroing_the_item():
    # Sub-items merged into their parent's cell: 不得分 zeroes the 2-point part, not all 6.
    reading = read_criteria(
        "制定预案(2分):未制定的不得分;组织演练(4分):未组织的扣2分。", points=Decimal(6)
    )
    assert [rule.flagged for rule in reading.rules] == [True, False]
    assert reading.rules[0].source == "制定预案(2分):未制定的不得分"
    assert reading.rules[0].guesses == (
        {"kind": "per_occurrence", "amount": Decimal(-2), "cap": Decimal(2)},
    )


def test_不得分_under_a_heading_worth_the_whole_item_zeroes_it():
    reading = read_criteria("制定预案(2分):未制定的不得分。", points=Decimal(2))
    assert reading.rules[0].rule == {"kind": "zero_on_event"}


def test_a_limit_that_is_a_share_of_the_points_is_not_a_floor_of_zero():
    reading = read_criteria("每次扣0.5分,扣分不超过本项分值的一半。", points=Decimal(4))
    assert reading.node == {}
    assert all(rule.flagged for rule in reading.rules)
