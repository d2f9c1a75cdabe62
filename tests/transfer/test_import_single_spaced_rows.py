"""A table whose cells only single spaces set apart (PDF text, a table copied off a page): the
numbers standing alone between them — a row's serial, its points — are where its cells end
(importers/spaced.py). Each document here is written for the test in the style of its class."""

from kaohe.transfer.importers import import_document
from kaohe.transfer.importers.cells import cells_of
from tests.transfer.documents import leaf, tree

# Header, parts numbered 一 二, rows numbered 1 2 3 … with their points, all in one line.
ONE_LINE = (
    "附件: 某县乡镇安全生产工作考核评分标准 序号 检查内容 分数 评 分 标 准 得 分 "
    "一 组织保障 10 1 机构建设 4 成立安全生产委员会的得4分,否则得0分。 "
    "2 人员配备 6 配备专职安全员的得6分,配备兼职安全员的得3分,否则得0分。 "
    "二 隐患治理 20 3 隐患排查 12 未按月开展隐患排查的,每次扣2分。 "
    "4 整改落实 8 重大隐患未按期整改的,每处扣4分。"
)


def test_a_table_run_into_one_line_with_single_spaces_reads_as_its_parts_and_rows():
    scheme = import_document("标准.txt", ONE_LINE.encode()).scheme

    assert tree(scheme) == [
        ("组织保障", "10"),
        ("组织保障", "机构建设", "4"),
        ("组织保障", "人员配备", "6"),
        ("隐患治理", "20"),
        ("隐患治理", "隐患排查", "12"),
        ("隐患治理", "整改落实", "8"),
    ]
    [rule] = leaf(scheme, "隐患治理", "隐患排查")["rules"]
    assert (rule["kind"], rule["amount"]) == ("per_occurrence", -2)


def test_a_number_that_belongs_to_its_verb_or_its_counting_word_stays_in_the_sentence():
    text = (
        "序号 考核内容 分值 评分标准\n"
        "1 会议制度 5 每季度召开 1 次专题会议,少开 1 次扣 1 分。\n"
        "2 信息报送 5 迟报 1 次扣 0.5 分,漏报扣 2 分。\n"
    )

    texts = [cell.text for cell in cells_of(text)]

    assert "每季度召开 1 次专题会议,少开 1 次扣 1 分。" in texts
    assert "迟报 1 次扣 0.5 分,漏报扣 2 分。" in texts


def test_a_decimal_broken_by_a_space_is_one_amount_not_two_cells():
    text = (
        "类别 序号 工作内容 分值 评分标准\n"
        "党建工作 1 建立联系点 2 没建立联系点扣0 5分 2 落实谈心谈话 3 少谈一人扣0 5分\n"
    )

    texts = [cell.text for cell in cells_of(text)]

    assert "没建立联系点扣0 5分" in texts
    assert "少谈一人扣0 5分" in texts


def test_points_glued_to_the_criteria_after_them_are_cut_off_them():
    text = (
        "序号 工作内容 检查方式 分值 评分标准\n"
        "1 制定年度工作计划 查看资料 2少一项扣1分 2 每半年召开推进会 查看记录 3少开一次扣1 5分 "
        "3 建立工作台账 查看台账 2无台账扣2分 4 报送年度总结 查看资料 3未报送扣3分\n"
    )

    scheme = import_document("细则.txt", text.encode()).scheme

    assert [(path[-1], points) for *path, points in tree(scheme)] == [
        ("制定年度工作计划 查看资料", "2"),
        ("每半年召开推进会 查看记录", "3"),
        ("建立工作台账 查看台账", "2"),
        ("报送年度总结 查看资料", "3"),
    ]
    assert "少开一次扣1 5分" in leaf(scheme, "每半年召开推进会 查看记录")["criteria"]


def test_a_rows_requirement_wrapped_onto_a_second_line_stays_its_description():
    text = (
        "项目 序号 考核内容 分值 评分办法\n"
        "阵地建设 20分 1 有固定的党员活动室。\n"
        "面积不低于30平方米 10 看现场, 面积达不到要求扣5分\n"
        "2 设立党务公开栏 10 没有的扣10分\n"
    )

    scheme = import_document("细则.txt", text.encode()).scheme

    assert tree(scheme) == [
        ("阵地建设", "20"),
        ("阵地建设", "有固定的党员活动室", "10"),
        ("阵地建设", "设立党务公开栏", "10"),
    ]
    assert "面积不低于30平方米" in leaf(scheme, "阵地建设", "有固定的党员活动室")["criteria"]


def test_prose_with_a_few_spaced_numbers_is_not_cut_as_a_table():
    text = (
        "一、考勤(20分)\n迟到 1 次扣 1 分,早退 1 次扣 1 分。\n二、纪律(10分)\n违反纪律的扣 5 分。\n"
    )

    texts = [cell.text for cell in cells_of(text)]

    assert "迟到 1 次扣 1 分,早退 1 次扣 1 分。" in texts
