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
