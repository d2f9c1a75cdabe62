from decimal import Decimal

from kaohe.textrules import read_name, read_points


def test_points_in_brackets_are_split_from_the_name():
    assert read_points("重点任务（15分）") == ("重点任务", Decimal(15))
    assert read_points("举办单位评价（5）") == ("举办单位评价", Decimal(5))
    assert read_points("二、履行职责（55分）") == ("履行职责", Decimal(55))


def test_a_name_without_points_is_returned_as_written():
    assert read_points("依法行政（政务公开）") == ("依法行政（政务公开）", None)


def test_倒扣分_beside_the_points_sets_the_floor_below_zero():
    reading = read_name("(四)联系帮扶镇乡街道、村工作(5分,倒扣分1分)(由农办、组织部考核)")
    assert reading.name == "联系帮扶镇乡街道、村工作"
    assert reading.points == Decimal(5)
    assert reading.node == {"assessor": "农办、组织部", "floor": Decimal(-1)}


def test_倒扣分_alone_makes_a_penalty_item():
    reading = read_name("(五)五城同创(倒扣分5分)(由“五创办”考核)")
    assert (reading.points, reading.node["kind"]) == (Decimal(5), "penalty")


def test_每小项倒扣分_applies_to_every_child():
    reading = read_name("(六)自身建设(每小项倒扣分2分)")
    assert reading.node == {"children": {"kind": "penalty", "points": Decimal(2)}}


def test_a_dotted_code_is_kept():
    assert read_name("2.1从严治党（15分）").node == {"code": "2.1"}


def test_digits_that_belong_to_the_name_are_kept():
    assert read_points("12345政务服务便民热线中心") == ("12345政务服务便民热线中心", None)
    assert read_points("0一") == ("0一", None)
    assert read_points("2023年度工作（5分）") == ("2023年度工作", Decimal(5))


def test_a_deduction_limit_in_the_name_makes_a_penalty_item_of_that_many_points():
    reading = read_name("安全感测评(本项限扣5分)")
    assert (reading.name, reading.points, reading.node) == (
        "安全感测评",
        Decimal(5),
        {"kind": "penalty"},
    )


def test_points_deducted_until_gone_are_the_items_points():
    reading = read_name("信息报送(共40分,扣完为止)")
    assert (reading.name, reading.points) == ("信息报送", Decimal(40))


def test_points_introduced_by_a_word_are_the_items_points():
    assert read_points("(一)日常管理(共30分)") == ("日常管理", Decimal(30))
    assert read_points("（二）年度任务（共计70分）") == ("年度任务", Decimal(70))
    assert read_points("群众满意度(占20分)") == ("群众满意度", Decimal(20))
    assert read_points("材料报送(满分2分)") == ("材料报送", Decimal(2))
    assert read_points("安全生产(分值:10分)") == ("安全生产", Decimal(10))
