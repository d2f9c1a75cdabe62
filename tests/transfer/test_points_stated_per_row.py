"""Numbered lines under an item, each stating its own points, that together make the item's
points are its parts (importers/stated.py) — however the line states them."""

from kaohe.transfer.importers import import_document
from tests.transfer.documents import tree


def test_points_written_as_a_lines_last_clause_or_after_fenzhi_make_the_lines_parts():
    text = (
        "某街道综治工作考核细则\n"
        "一、维稳研判(3分)\n"
        "1.建立矛盾纠纷排查工作机制,定期分析研判,1分。\n"
        "2.按时报送研判报告,1分。迟报的每次减0.5分。\n"
        "3.落实重点人员稳控措施。分值:0.5分。\n"
        "4.坚持节假日值班制度,0.5分。\n"
        "二、应急处置(2分)\n"
        "1.未制定应急预案的,减1分。\n"
        "2.未开展应急演练的,减1分。\n"
    )

    assert tree(import_document("细则.txt", text.encode()).scheme) == [
        ("维稳研判", "3"),
        ("维稳研判", "建立矛盾纠纷排查工作机制", "1"),
        ("维稳研判", "按时报送研判报告", "1"),
        ("维稳研判", "落实重点人员稳控措施", "0.5"),
        ("维稳研判", "坚持节假日值班制度", "0.5"),
        ("应急处置", "2"),  # deductions, not parts: the lines stay its criteria
    ]
