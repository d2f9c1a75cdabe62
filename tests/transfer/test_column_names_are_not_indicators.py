"""A column's name or a title naming the standards, taken for a group above the indicators,
gives way to them (importers/sections.py: lift_column_names)."""

from kaohe.transfer.importers import import_document
from tests.transfer.documents import tree


def test_a_column_name_or_a_title_naming_the_standards_gives_way_to_the_indicators_it_heads():
    text = (
        "某县民政工作目标管理考核办法\n"
        "一、目标任务和记分标准\n"
        "(一)业务工作(30分)\n"
        "1、社会救助工作(20分)\n"
        "低保审批程序不规范的,每户扣1分。\n"
        "2、救灾救济工作(10分)\n"
        "灾情报送不及时的,每次扣2分。\n"
        "(二)自身建设(20分)\n"
        "1、队伍建设(20分)\n"
        "未开展业务培训的,扣5分。\n"
    )

    imported = import_document("办法.txt", text.encode())

    assert tree(imported.scheme) == [
        ("业务工作", "30"),
        ("业务工作", "社会救助工作", "20"),
        ("业务工作", "救灾救济工作", "10"),
        ("自身建设", "20"),
        ("自身建设", "队伍建设", "20"),
    ]
    assert any("目标任务和记分标准" in cell for cell in imported.report.cells_ignored)
