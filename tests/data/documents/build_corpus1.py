"""Rebuild five of corpus1's documents as the xlsx and docx an office would hold.

Run from the worktree: `.venv/bin/python tests/data/documents/build_corpus1.py`.

Each table below is typed by hand from the document's source.txt: its header rows (two where the
document has a group heading such as 考核结果 over 件数/加分/扣分/得分), merged cells for the
hierarchy (a first-level name merged down over its rows), points in their own column or inside
names as the document writes them, criteria text in cells. Nothing here reads labels.yaml; the
labels of each document serve its source.txt, source.xlsx and source.docx alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
from docx.shared import Pt
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).parent

# A merge is (first row, first column, last row, last column), 0-based over header + body rows.
Merge = tuple[int, int, int, int]


@dataclass
class Table:
    folder: str
    title: str
    header: list[list[str | None]]
    body: list[list[str | None]]
    merges: list[Merge] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)

    @property
    def rows(self) -> list[list[str | None]]:
        return self.header + self.body

    @property
    def width(self) -> int:
        return max(len(row) for row in self.rows)


def lines(*items: str) -> str:
    return "\n".join(items)


JIAMUSI = Table(
    folder="d001-jiamusi-duban",
    title="佳木斯市政府系统督办检查工作考核量化标准(二)",
    before=["考核范围:各县(市)区政府。"],
    header=[
        ["考核项目", "基础分值\n100分", "考  核  标  准", "考 核 结 果", None, None, None],
        [None, None, None, "件数", "加分", "扣分", "得分"],
    ],
    body=[
        [
            "落实市政府以上领导机关重要工作",
            "10",
            lines(
                "1、按要求及时办理和反馈,每完成一件加1分;",
                "2、办理结果引发领导决策,获得肯定性批示,每件再加1分;",
                "3、未按时限要求办复,每件扣1分;",
                "4、未按要求办复或弄虚作假被退办,每次扣2分;",
                "5、因落实工作失误给我市造成不良影响,取消年度督查工作评优资格,并通报批评。",
            ),
            "",
            "",
            "",
            "",
        ],
        [
            "落实市政府重大决策、重要工作",
            "20",
            lines(
                "1、每承办一项工作任务且按要求完成,加1分;",
                "2、办理结果引发领导决策,获得肯定性批示,每件再加1分;",
                "3、未按时限要求办复,每件扣1分;",
                "4、未按要求办复或弄虚作假被退办,每次扣2分;",
                "5、因落实工作失误受到市领导批评,发生一次扣2分,造成不良影响,受到通报批评,"
                "取消年度督查工作评优资格。",
            ),
            "",
            "",
            "",
            "",
        ],
        [
            "落实市政府领导批示(交办)事项",
            "10",
            lines(
                "1、按要求及时办理和反馈,每件加1分;",
                "2、办理结果引发领导决策,获得肯定性批示,每件再加1分;",
                "3、未按时限要求办复,每件扣1分;",
                "4、未按市领导要求办复或弄虚作假被退办,每次扣2分;",
                "5、无故不参加督办检查工作协调会议,发生一次扣1分;",
                "6、因落实工作失误受到市领导批评,发生一次扣2分,造成不良影响,受到通报批评,"
                "取消年度督查工作评优资格。",
            ),
            "",
            "",
            "",
            "",
        ],
        [
            "落实人大代表建议和政协委员提案",
            "10",
            lines(
                "1、承办单位在规定时限内,按要求每完成一件加1分;",
                "2、承办单位答复意见未按规定",
            ),
            "",
            "",
            "",
            "",
        ],
    ],
    merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 6)],
    after=["注:本年度没有承办任务的单位,不参加评优考核。"],
)

QU_DUCHA = Table(
    folder="d007-qu-ducha",
    title="督查工作考核细则(试行)",
    before=["(起评分100分)"],
    header=[["考核条目", None, "考核细则", None]],
    body=[
        ["区政府重点工作", "1", "上报区政府重点工作实施方案。", "未报扣10分"],
        [None, "2", "区政府年度重点工作实施方案无阶段性目标,无具体工作措施。", "扣5分"],
        [None, "3", "上报区政府年度重点工作半年实施情况报告。", "未报扣10分"],
        [None, "4", "上报区政府年度重点工作三季度实施情况报告。", "未报扣10分"],
        [None, "5", "上报区政府年度重点工作期末总结报告。", "未报扣10分"],
        [None, "6", "区政府重点工作各季度报告不能反映工作实施情况和成果。", "扣5-10分"],
        [None, "7", "未按要求参加有关会议和调研活动。", "每次扣5分"],
        [None, "8", "区政府领导对实施情况的评价。", "占20分"],
        ["市、区两级政府列督事项", "9", "上报反馈报告。", "未上报每件扣10分"],
        [None, "10", "反馈报告无实质性内容,不能反映实施进展情况。", "每件扣5分"],
        [
            "备注",
            None,
            "仅有市、区两级政府列督事项的部门和单位,考核扣分分值加倍。",
            "原扣5分-现扣10分\n原扣10分-现扣20分",
        ],
    ],
    merges=[(0, 0, 0, 1), (0, 2, 0, 3), (1, 0, 8, 0), (9, 0, 10, 0), (11, 0, 11, 1)],
)

WENZHOU_DANGJIAN = Table(
    folder="d012-wenzhou-shizhi-dangjian",
    title="溫州市市直機關黨建工作目標管理考核細則",
    header=[
        [
            "項目",
            "目標",
            "考 核 內 容及標準",
            "標準分(100分)",
            "評分說明",
            "評分方法",
            "自查分",
            "扣分",
            "得分",
        ]
    ],
    body=[
        [
            "一、黨組黨委領導班子自身建設20分",
            "1、堅持把思想政治建設放在首位",
            lines(
                "(1)領導班子及其成員理想信念堅定,沒有發(fā)生違反政治紀律、組織紀律的行為。",
                "(2)中心組理論學習年初有計劃、年終有總結;每次學習有考勤、有記錄;每年集中學習不少于6次12天,"
                "每次學習成員出席和每位成員的年出席率均不低于80%。",
                "(3)理論學習聯(lián)系實際,指導思想和工作效果明顯。",
                "(4)中心組成員每年至少自學一本政治理論書籍,集中學習時作一次中心發(fā)言,撰寫一篇學習體會文章或調研報告,"
                "有一本理論學習筆記本。",
                "(5)建立了中心組學習情況檔案,設有學習秘書。",
            ),
            "5分",
            lines(
                "(1)中心組學習年初無計劃,扣2分,年終無總結,扣2分;",
                "(2)中心組全年集中學習不少于6次,12天,缺一次扣2分,缺一天扣2分;",
                "(3)每次學習,成員出席率低于80%,一次扣2分;",
                "(4)成員無中心發(fā)言的,1例扣2分;成員無學習心得或調研文章,1例扣2分;",
                "(5)成員參加學習未實行本人親筆簽到的扣2分;未設學習秘書的扣2分。",
            ),
            lines(
                "(1)聽取匯報、查閱檔案;",
                "(2)開座談會、問卷調查;",
                "(3)綜合年度自查和工委抽查的情況。",
            ),
            "",
            "",
            "",
        ],
        [
            None,
            "2、認真貫徹執(zhí)行民主集中制原則",
            lines(
                "(1)領導班子及其成員,貫徹落實黨的路線方針政策和上級決策、部署,態(tài)度堅決 。",
                "(2)制訂并認真落實黨組(黨委)工作規(guī)則,切實做到“集體領導、民主集中、個別醞釀、會議決定”。",
                "(3)按時召開黨組(黨委)民主生活會,會前征求意見,會上認真開展批評與自我批評,會后有整改措施并得到落實。",
                "(4)班子成員自覺貫徹民主集中制原則,講大局,講團結,守紀律,班子團結協(xié)調,有凝聚力、戰(",
            ),
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ],
    merges=[(1, 0, 2, 0)],
)

LICHENG = Table(
    folder="d014-licheng-zhengwugongkai",
    title="2020年泉州市鲤城区政务公开指数绩效考评标准表",
    header=[["类别", "分值", "考核标准"]],
    body=[
        [
            "政府信息主动公开",
            "10",
            lines(
                "及时、规范公开主动公开的政府信息。",
                "①公文提前或超期公开每条扣5分;②标题、索引号等要素未规范录入每条扣1分;③正文内容未能正常显示每条扣1分。",
            ),
        ],
        [
            "政府信息公开年度报告",
            "10",
            lines(
                "按照要求规范编制政府信息公开年度报告,年度报告按时向区政务公开办备案,并及时上网。",
                "①未及时向区政务公开办备案的扣5分;②未及时公开的扣5分;③未按照要素撰写年度报告扣5分;"
                "④年度报告与往年或与其他单位雷同扣5分;⑤年度报告未按要求编写导致被退回且未及时修改的,再扣5分。",
            ),
        ],
        [
            "政府信息依申请公开",
            "6",
            lines(
                "及时、规范答复依申请公开件,积极、认真配合区政务公开办办理依申请公开件,"
                "及时将有关事项的办理、答复意见送交区政务公开办。",
                "①超期办理每条扣6分;②发生因信息公开引起的行政复议、行政诉讼,行政机关被纠错的,每件扣3分;"
                "③拒绝配合区政务公开办办理依申请公开件的,每次扣6分,未及时将有关事项的办理、答复意见送交区政务公开办的,"
                "每次扣3分。",
            ),
        ],
        [
            "保密审查",
            "6",
            lines(
                "按照《中华人民共和国保守国家秘密法》及新《条例》等有关规定进行保密审查,未出现公开不该公开的内容。",
                "①因保密审查不到位导致公开涉及国家秘密、商业秘密、个人隐私等信息的,扣6分;"
                "②转发上级不属于主动公开的文件,每例扣6分;"
                "③未对引用了上级不属于主动公开文件的内容、标题、文号的部分进行处理再公开的,每例扣2分。",
            ),
        ],
        [
            "及时更新公开栏信息",
            "5",
            "按照《鲤城区政府门户网站内容保障工作清单》责任分工及公开时限要求,"
            "及时更新公开栏信息, 未按照要求",
        ],
    ],
)

ZHEN_ZONGZHI = Table(
    folder="d018-xian-zhen-zongzhi",
    title="XX县20XX年度各镇综治工作(平安建设)检查考核考评项目评分标准",
    header=[["考核项目", "考核内容及评分标准", "考核结果", None], [None, None, "扣分", "得分"]],
    body=[
        ["一、综治工作领导责任制落实情况(6分)", "1.逐级签订综治责任书,1分。", "", ""],
        [
            None,
            "2.制定创建平安工作方案和标准,做到年初有工作计划,平时有检查督促,年终有总结的得1分。",
            "",
            "",
        ],
        [
            None,
            "3.镇综治第一责任人至少每季度主持召开一次例会或全会研究部署综治工作、创建平安工作和解决问题,"
            "得1分,每少一次扣0.25分。",
            "",
            "",
        ],
        [
            None,
            "4.检查辖区内各村(社区)、各单位的综合治理工作,对工作成效明显的进行表彰奖励,对存在问题的督促整改,"
            "履行职责好的得1分。",
            "",
            "",
        ],
        [
            None,
            "5.镇委书记、镇长和分管政法工作的领导按要求提交履行综治和创建平安职责述职报告、履职鉴定表的,得1分。",
            "",
            "",
        ],
        [
            None,
            "6.镇领导工作和综治成员单位挂点抓村(社区)综治中心建设、平安建设,力度大、成效明显的,得1分。",
            "",
            "",
        ],
        [
            None,
            "7.镇综治第一责任人、直接责任人、政法各部门主要负责人严重违纪或违法犯罪的,每人次减2.5分,最高减5分。",
            "",
            "",
        ],
        [
            "二、社会稳定形势分析研判(3分)",
            "1.建立健全维稳分析研判工作机制,对本辖区重点舆情及矛盾纠纷状况和公共安全隐患等"
            "有可能影响社会稳定问题的信息及时搜集、分析、研判、预警,1分。",
            "",
            "",
        ],
        [
            None,
            "2.定期组织召开社会稳定形势分析研判例会,及时报送研判报告或会议纪要,1分。不报送或不按时报送的每次减0.5分,"
            "对重大涉稳信息迟报、漏报、瞒报的每例减1分,减完为止。",
            "",
            "",
        ],
        [None, "3.敏感时期认真摸排辖区重点人员并落实稳控责任,0.5分。", "", ""],
        [None, "4.坚持重大节假日值班制度,安排专人在岗值班,领导带班备勤,0.5分。", "", ""],
        ["三、应急机制建设(1分)", "1.未制定相关应急预案,减0.25分。", "", ""],
        [None, "2.未建立应急处置队伍,减0.25分。", "", ""],
        [None, "3.未定期组织应急演练,减0.25分。", "", ""],
        [None, "4.突发事件信息报送不及时,减0.25", "", ""],
    ],
    merges=[(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (2, 0, 8, 0), (9, 0, 12, 0), (13, 0, 16, 0)],
)

TABLES = [JIAMUSI, QU_DUCHA, WENZHOU_DANGJIAN, LICHENG, ZHEN_ZONGZHI]


def write_xlsx(table: Table, path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "考核细则"
    top = 1 + 1 + len(table.before)  # title row, notes before the table, then the table
    sheet.cell(row=1, column=1, value=table.title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=table.width)
    for offset, text in enumerate(table.before):
        sheet.cell(row=2 + offset, column=1, value=text)
    wrap = Alignment(wrap_text=True, vertical="center")
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if text is not None:
                cell = sheet.cell(row=top + r, column=1 + c, value=text)
                cell.alignment = wrap
                cell.font = Font(bold=r < len(table.header))
    for r1, c1, r2, c2 in table.merges:
        sheet.merge_cells(
            start_row=top + r1, start_column=1 + c1, end_row=top + r2, end_column=1 + c2
        )
    for offset, text in enumerate(table.after):
        sheet.cell(row=top + len(table.rows) + 1 + offset, column=1, value=text)
    for c in range(table.width):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(1 + c)].width = 24 if c else 18
    book.save(path)


def write_docx(table: Table, path: Path) -> None:
    document = docx.Document()
    heading = document.add_paragraph()
    run = heading.add_run(table.title)
    run.bold = True
    run.font.size = Pt(14)
    for text in table.before:
        document.add_paragraph(text)
    grid = document.add_table(rows=len(table.rows), cols=table.width)
    grid.style = "Table Grid"
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if text is not None:
                grid.cell(r, c).text = text
    for r1, c1, r2, c2 in table.merges:
        grid.cell(r1, c1).merge(grid.cell(r2, c2))
    for text in table.after:
        document.add_paragraph(text)
    document.save(path)


def main() -> None:
    for table in TABLES:
        folder = HERE / table.folder
        write_xlsx(table, folder / "source.xlsx")
        write_docx(table, folder / "source.docx")
        print(f"{table.folder}: source.xlsx, source.docx")


if __name__ == "__main__":
    main()
