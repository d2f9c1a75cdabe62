"""Rebuild two held-out corpus documents (d390 d396) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text came from. d390 (a .doc table run into one line on the
sharing site) gets its header row 序号 / 检查内容 / 分数 / 评分标准 / 得分 back, a section row for
一 and 二 with the section's points, and one row per item; the converter's 「PAGE PAGE 1」 and the
site's notices are left out. d396 (a `|` table) gets its 项目 column merged down over each
section's items with the section's points inside its name, the points that closed each
requirement (「…明确。3分」) in a 分值 column of their own, and the deductions whole in one cell.
Each labelled sentence stays verbatim inside one cell, so labels.yaml serves the text, the xlsx
and the docx alike. The layout code is build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh14.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

D390 = Sheet(
    folder="d390-anhui-jiaotong-zhifa-pingyi",
    title="安徽省交通运输行政执法考核评议评分标准",
    subtitle=None,
    headers=[["序号", "检查内容", "分数", "评分标准", "得分"]],
    rows=[
        ["一", "组织管理", "10", "", ""],
        ["1", "领导管理", "2", "列入领导议事日程,明确分管领导的得2分,否则得0分。", ""],
        [
            "2",
            "成立机构",
            "3",
            "有专门法制工作机构的得3分,有机构负责法制工作的得2分,否则得0分。",
            "",
        ],
        ["3", "工作计划", "3", "有法制或者行政执法年度工作计划的得3分,否则得0分。", ""],
        [
            "4",
            "人员落实",
            "2",
            "有专职法制工作人员得2分,有兼职法制工作人员的得1 分,否则得0分。",
            "",
        ],
        ["二", "制度建设", "20", "", ""],
        ["5", "执法责任制度", "3", "制定执法责任追究制的得3分,否则得0分。", ""],
        ["6", "执法人员资格制度", "3", "严格执行执法人员资格制度的得3分,否则得0分。", ""],
        ["7", "执法公示制度", "3", "严格执行执法公示制度的得得3分,否则得0分。", ""],
        ["8", "执法监督制度", "3", "落实执法监督制度,明确监督渠道的得3分,否则得0分。", ""],
    ],
    merge_down=(),
)

D396 = Sheet(
    folder="d396-daxing-yifa-xingzheng-pipe",
    title="大兴区依法行政工作考核标准",
    subtitle=None,
    headers=[["项目", "考核标准", "分值", "扣分标准"]],
    rows=[
        [
            "一、组织领导工作(12分)",
            "1、制定推进依法行政总体方案和年度工作计划,工作标准和要求明确。",
            "3",
            "没有总体方案和年度工作计划的扣3分;未及时报法制办备案的扣1分。",
        ],
        [None, "2、工作任务、责任部门和责任人做到“三落实”。", "1", "落实不到位的扣1分。"],
        [None, "3、健全推进依法行政组织领导机构。", "1", "领导机构不健全的扣1分。"],
        [
            None,
            "4、法制工作机构健全,有分管领导和工作人员;没有条件的要明确一个科室兼管法制工作,"
            "加挂法制科牌子。",
            "2",
            "法制机构不健全的扣1分;分管领导不明确的扣1分。",
        ],
        [
            None,
            "5、坚持全面推进依法行政工作报告制度。",
            "2",
            "没有依法行政年终总结的扣2分;未按时上报的扣 1分。",
        ],
        [
            None,
            "6、按时完成有关推进依法行政的工作部署,及时报送依法行政工作的计划、总结、报表、"
            "信息等材料。",
            "3",
            "迟报一次扣0.5分,漏报一次扣1分。",
        ],
        [
            "二、依法决策工作(6分)",
            "1、建立科学民主行政决策机制;建立并落实重大决策集体讨论制度。",
            "2",
            "未建立科学民主行政决策机制的扣1分;未建立落实重大决策集体讨论制度的扣1分。",
        ],
        [
            None,
            "2、建立健全决策公开制度(决策事项、依据和结果公开)。",
            "1",
            "未建立决策公开制度的扣1分。",
        ],
        [
            None,
            "3、建立和落实行政决策跟踪评估制度。",
            "2",
            "未建立跟踪评估制度的扣1分;未能定期跟踪反馈和调整的扣1分。",
        ],
        [None, "4、建立健全决策责任追究制度。", "1", "未建立落实责任追究制度扣1分。"],
        [
            "三、制度建设工作(6分)",
            "1、严格按程序制发规范性文件,文件合法有效。",
            "3",
            "制发规范性文件不符合法定程序扣1分;文件与法律抵触扣2分。",
        ],
        [None, "2、建立规范性文件集中公布制度。", "1", "未建立规范性文件公布制度扣1分。"],
        [None, "3、健全落实", "", ""],
    ],
)

SHEETS = [D390, D396]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
