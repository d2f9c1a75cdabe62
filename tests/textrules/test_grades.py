from decimal import Decimal

from kaohe.engine import load_scheme
from kaohe.textrules import read_grades


def test_grade_bands_in_prose_become_minimums_highest_first():
    text = (
        "总得分在90分以上(含90分)的确定为优秀等次,得分在76—89分的为良;"
        "在60—75分的为一般;60分以下为差。"
    )
    assert read_grades(text) == (
        {"name": "优秀", "min": Decimal(90)},
        {"name": "良", "min": Decimal(76)},
        {"name": "一般", "min": Decimal(60)},
        {"name": "差"},
    )


def test_bands_written_lowest_first_with_及以上_and_至_read_the_same():
    text = "60分以下为不合格；60分至79分为合格；80分至89分为良好；90分及以上为优秀。"
    assert [band["name"] for band in read_grades(text)] == ["优秀", "良好", "合格", "不合格"]


def test_bands_that_leave_a_gap_are_not_read():
    assert read_grades("90分以上为优秀，60分以下为差。") is None
    assert read_grades("90分以上为优秀，80—85分为良，80分以下为差。") is None


def test_a_rule_sentence_is_not_a_grade_band():
    assert read_grades("每次扣1分，最多扣5分。") is None


def test_the_bands_read_load_in_the_engine():
    grades = read_grades("90分及以上为优秀，75至89分为良好，60至74分为合格，60分以下为不合格。")
    item = {"name": "指标", "points": 100, "rules": []}
    load_scheme(
        {
            "format": "kaohe-scheme/1",
            "id": "t",
            "name": "测试",
            "body": "测试",
            "grades": list(grades),
            "sections": [{"name": "考核", "points": 100, "children": [item]}],
        }
    )
