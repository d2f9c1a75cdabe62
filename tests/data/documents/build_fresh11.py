"""Rebuild two held-out corpus documents (d337 d341) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table the text came from or would be kept in. d337, a town's numbered
outline, becomes a four-column table: the two sections merged down over their items, each item's
points in their own column and its scoring sentences whole in the 评分标准 cell. d341, a law
site's «|» table, keeps its columns: 考评项目 and the 考评内容 group merged down over their rows,
each requirement with its «(1分)», the method cell (merged over rows (1)–(4) of item 1, whose
rows (2)–(4) are empty in the source) and the two empty score columns. Each labelled sentence stays
verbatim inside one cell, so labels.yaml serves the text, the xlsx and the docx alike. The layout
code is build_corpus2.py's. Run from the worktree:

    .venv/bin/python tests/data/documents/build_fresh11.py
"""

from __future__ import annotations

from build_corpus2 import Sheet, build_docx, build_xlsx

D337 = Sheet(
    folder="d337-zhangqiaozhen-linye-lvhua",
    title="张桥镇2017年林业绿化工作考核意见",
    subtitle="考核按百分制计算,除进行单项考核外,同时将得分折算记入对村(居)的年度目标管理考核"
    "和对村重点工作绩效考核。",
    headers=[["类别", "考核项目", "分值", "评分标准"]],
    rows=[
        [
            "一、考核内容",
            "1、完成指定路段及河段的绿化",
            "30",
            "完成镇交任务及通过验收的计满分,完不成任务的按比例计分。",
        ],
        [
            None,
            "2、完成栽植株数",
            "20",
            "完成镇交新栽株数且成活率达90%的得满分。完不成任务数且成活率低于90%的不记分。",
        ],
        [
            None,
            "3、新建、完善农田林网任务",
            "30",
            "完成镇交任务验收合格的得满分,完不成任务数的按比例计分,经过验收达到全覆盖的加10分。",
        ],
        [
            None,
            "4、建设、完善绿色通道",
            "5",
            "已建的绿色通道弱树枯苗及时更新、缺株补栽,不完善的不得分。",
        ],
        [
            None,
            "5、完成通村道路绿化达标",
            "15",
            "完成通村道路绿化达标并通过市验收记15分,栽好胸径3㎝以上的常绿树,"
            "乔灌木搭配不完善不记分。",
        ],
        [
            None,
            "6、森林生态示范村(居)",
            "",
            "确定为森林生态示范村(居),市验收不通过的村(居)倒扣20分。",
        ],
        [
            "二、考核加减分项目",
            "1、超额完成镇交栽植任务数",
            "",
            "超额完成镇交栽植任务数,每超10%加2分,10分封顶。",
        ],
        [
            None,
            "2、发展连片经济林、围庄林及林下经济",
            "",
            "大力鼓励发展连片经济林、围庄林及林下经济,每新建成连片经济林50亩加8分,"
            "新发展林下经济50亩加6分,加分最高不超过15分。",
        ],
        [
            None,
            "3、引进“三资”投入林业",
            "",
            "引进“三资”5万元以上投入林业的加记1分,在此基础上每增5万元加记1分,"
            "利用外资5万美元以上投入林业加5分,加分最高不超过10分(以引资合同",
        ],
    ],
)

D341 = Sheet(
    folder="d341-pingan-nongji-shifanxian-kaoping",
    title="“平安农机”示范县考评标准",
    subtitle=None,
    headers=[["考评项目", "考评内容", None, "考评方法", "自评得分", "省级考评得分"]],
    rows=[
        [
            "一、农机安全管理组织领导(24分)",
            "1.加强农机安全管理组织领导(5分)",
            "(1)成立农机、安监等相关部门参加的农机安全管理工作领导小组,"
            "领导小组成员单位职责分工明确。(1分)",
            "查看文件材料,缺项不得分。",
            "",
            "",
        ],
        [None, None, "(2)领导小组由分管县(区、市)领导担任负责人。(1分)", None, "", ""],
        [
            None,
            None,
            "(3)政府下发农机安全管理工作文件,“平安农机”创建活动目标明确。(1分)",
            None,
            "",
            "",
        ],
        [None, None, "(4)辖区内“平安农机”示范乡(镇)达到30%以上。 (1分)", None, "", ""],
        [
            None,
            None,
            "(5)建立健全联席会议制度,定期召开联席会议,每年不少于2次。(1分)",
            "有会议纪录,缺项不得分。",
            "",
            "",
        ],
        [
            None,
            "2.保障农机安全的财政投入(4分)",
            "(1)将农业机械安全监理工作经费、人员经费、牌证费、检验费等纳入财政预算。(2分)",
            "查看文件材料,缺一项扣0.5分,扣完为止。",
            "",
            "",
        ],
        [
            None,
            None,
            "(2)逐步加强农机安全监理基础设施和装备建设,辖区内装备设施配置水平明显高于平均水平。"
            "(1分)",
            "查看材料,缺一项扣0.5分,扣完为止。",
            "",
            "",
        ],
        [
            None,
            None,
            "(3)安排必要的专项资金,保障创建活动持续开展。(1分)",
            "查看相关文件,没有专项资金不得分。",
            "",
            "",
        ],
        [
            None,
            "3.落实农机安全生产责任制(3分)",
            "(1)将农机安全生产纳入政府安全生产考核内容。(1分)",
            "查阅有关材料(政府关于安全生产的文件),没有不得分。",
            "",
            "",
        ],
        [
            None,
            None,
            "(2)县、乡、村三级实行农机安全目标责任制管理。(1分)",
            "查阅责任书,缺项不得分。",
            "",
            "",
        ],
        [
            None,
            None,
            "(3)有事故责任追究、倒查、岗位责任等制度。(1分)",
            "查材料,缺项不得分。",
            "",
            "",
        ],
        [
            None,
            "4.建立农机安全生产应急预案(3分)",
            "(1) 制定农机安全生产应急预案并进行应急演练。(2分)",
            "看文件,查看图片和文字记录,缺一项扣1分。",
            "",
            "",
        ],
        [None, None, "(2)公开事故报告电话,建立24小时值班制度。(1分)", "查看资", "", ""],
    ],
    merge_down=(0, 1, 3),
)

SHEETS = [D337, D341]


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
