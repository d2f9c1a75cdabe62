from kaohe.transfer.importers import import_document
from tests.transfer.documents import workbook

HEADER = ["一级指标", "二级指标", "分值", "考核要点及评价标准"]


def imported(rows, merges=()):
    return import_document("细则.xlsx", workbook([HEADER, *rows], merges))


def test_the_report_counts_indicators_per_level_with_their_points():
    result = imported(
        [
            ["日常考核（30分）", "工作落实", 15, "每项扣2分"],
            [None, "人员管理", 15, "每人次扣0.5分"],
            ["班子测评（10分）", None, None, None],
        ],
        merges=[(2, 1, 3, 1)],
    )

    report = result.report
    assert dict(report.indicators_by_level) == {0: 2, 1: 2}
    assert "一级指标 2 个（合计 40 分），二级指标 2 个（合计 30 分）" in "\n".join(report.lines())
    assert report.points_add_up


def test_a_group_whose_children_do_not_add_up_is_named_in_the_report():
    result = imported(
        [["日常考核（30分）", "工作落实", 15, None], [None, "人员管理", 10, None]],
        merges=[(2, 1, 3, 1)],
    )

    assert not result.report.points_add_up
    assert "日常考核：本级 30 分，下级合计 25 分" in "\n".join(result.report.lines())


def test_rules_read_and_rules_flagged_are_counted_separately():
    result = imported(
        [
            ["日常考核（30分）", "工作落实", 15, "每发现一次扣1分"],
            [None, "综合评价", 15, "视情况由领导小组研究确定"],
        ],
        merges=[(2, 1, 3, 1)],
    )

    report = result.report
    flagged = [rule for node in result.scheme["sections"][0]["children"] for rule in node["rules"]]
    assert report.rules_parsed == len(flagged)
    assert len(report.rules_flagged) == sum(1 for rule in flagged if rule.get("flagged"))
    assert any("综合评价" in item for item in report.rules_flagged)


def test_cells_in_unknown_columns_are_reported_as_ignored_with_their_place():
    data = workbook(
        [["考核项目", "分值", "备用列"], ["信息报送", 5, "内部备忘"]],
    )

    report = import_document("t.xlsx", data).report

    assert report.cells_ignored == ["工作表「考核细则」单元格 C2：内部备忘"]


def test_an_indicator_without_points_is_imported_at_zero_and_said_so():
    report = imported([["党的建设", "政治建设", None, None]]).report

    assert any("政治建设：未写分值，按 0 分导入" in note for note in report.notes)


def test_the_report_says_what_the_engine_thinks_of_the_scheme():
    good = imported([["安全生产（10分）", None, None, "发生安全责任事故，该项不得分。"]]).report
    bad = imported(
        [["日常考核（10分）", "工作落实", 15, None]],
    ).report

    assert good.scheme_problems == []
    assert "方案校验：通过" in good.lines()
    assert bad.scheme_problems
    assert "方案校验未通过：" in bad.lines()


def test_the_report_summary_for_the_web_page_is_plain_data():
    summary = imported([["班子测评（10分）", None, None, "每次扣1分"]]).report.as_dict()

    assert summary["indicators"] == 1
    assert summary["points_add_up"] is True
    assert summary["rules_parsed"] == 1
    assert summary["scheme_problems"] == []


def test_schemes_imported_from_differently_named_chinese_files_get_different_ids():
    data = workbook([["考核项目", "分值"], ["信息报送", 5]])

    first = import_document("人防中心细则.xlsx", data).scheme["id"]
    second = import_document("审批局细则.xlsx", data).scheme["id"]

    assert first != second
    assert first.startswith("scheme-")


def test_a_scheme_with_work_left_is_a_draft_never_reported_as_passing():
    report = imported(
        [
            ["安全生产（10分）", None, None, "发生安全责任事故，该项不得分。"],
            ["信息报送", None, None, "每少报1篇扣0.5分。"],
            ["班子测评（10分）", None, None, None],
        ]
    ).report

    lines = report.lines()
    assert report.scheme_problems == []
    assert "「信息报送」没有分值" in report.pending
    assert "「班子测评」没有评分规则" in report.pending
    assert lines[1].startswith(f"待处理：{len(report.pending)} 项")
    assert "方案校验：通过" not in lines
    assert lines[-1] == f"方案校验：引擎可以载入，尚有 {len(report.pending)} 项待处理（见开头）"
