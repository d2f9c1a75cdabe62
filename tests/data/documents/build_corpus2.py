"""Rebuild four corpus documents (d102 d103 d106 d108) as an office's xlsx and docx.

The cell texts below are typed from each document's source.txt (not derived from labels.yaml),
laid out as the office table: a title row, one or two header rows, merged cells for the hierarchy
(a section's name merged down over its rows), points in their own column or inside names.
Run from the worktree:

    .venv/bin/python tests/data/documents/build_corpus2.py
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).resolve().parent

# A row is a list of cell texts; None in a merge column means "merged into the cell above".
Row = list[str | None]


@dataclass
class Sheet:
    folder: str
    title: str
    subtitle: str | None
    # one or two header rows; None merges into the cell to the left (row 1) or above (row 2)
    headers: list[Row]
    rows: list[Row]
    merge_down: tuple[int, ...] = (0,)  # columns whose None cells merge into the cell above
    notes: list[str] = field(default_factory=list)  # paragraphs after the table (说明, 备注)


D102 = Sheet(
    folder="d102-changde-jiakoufen",
    title="市直单位绩效评估加分和扣分事项表",
    subtitle=None,
    headers=[["加扣分事项", "加扣分标准"]],
    rows=[
        ["受到党中央国务院表彰", "8分,无其它重大问题直接评优秀等次"],
        ["受到国家部委表彰", "3分,部委管理的国家局表彰加1.5"],
        ["受到省委、省政府表彰", "3分(两办发文表彰的加2分,表彰分了等次的,第二等次减半加分"],
        [
            "完成招商引资任务,或未明确目标任务的单位引进1个亿元以上工业、农业产业化或高新技术项目、"
            "5亿元以上商贸物流或文化旅游项目",
            "签约达目标要求加1分,产业项目每超1000万再加0.1分,最多加2分;"
            "引进产业项目履约开工且完成投资额每超过1亿元当年再加0.5分,最多加3",
        ],
        ["", ""],
        ["受到党中央国务院通报批评的", "15"],
        ["受到国家部委或省委省政府通报批评的", "10"],
        ["受到市委市政府通报批评,或纳入绩效评估范围的工作被省委省政府约谈的", "5"],
        ["因单位领导班子成员失职渎职造成重大损失或恶劣影响的", "5"],
        ["市直数据采集责任单位未严格按要求采集数据", "3"],
        ["市直主管部门对其管理单位未严格履行考评职责的", "3"],
    ],
    merge_down=(),
    notes=[
        "说明:",
        "1.表彰加分以党中央、国务院及其办公厅;国家部委;省委、省政府及其办公厅的正式表彰(通报)文件为准"
        "(其它各类领导小组、委员会等非正式实体机构的表彰,仅作为相关指标评估评分依据)。",
        "2.被表彰对象应为市委市政府或市直单位本级,其它表彰不予加分。",
        "3.招商引资加分值及加分事由需向纳入评估范围的市直单位通报公示5天,并经市政府主要领导签字同意。",
    ],
)

D103 = Sheet(
    folder="d103-zhou-zhengwu-pingjia",
    title="州直部门政务工作评价内容及扣分标准",
    subtitle=None,
    headers=[["序号", "评价事项", "具体评价内容及主要扣分标准", "分值"]],
    rows=[
        [
            "1",
            "行政效能",
            "认真贯彻落实州委、州政府重大决策部署,主动跟踪和反馈工作进展情况。"
            "贯彻落实不力的一次扣5分;未及时反馈工作情况的一次扣2分。",
            "8",
        ],
        [None, None, "深刻分析经济运行形势和社会发展态势。", "4"],
        [
            None,
            None,
            "认真办理州委、州政府领导批示事项、交办事项和督办事项,按规定时间和要求反馈,一次性办结率达到97%以上。"
            "未按规定时间办结的一次扣3分;未及时反馈的一次扣2分;一次性办结率低于97%的,扣8分。",
            "8",
        ],
        [None, None, "积极配合州政府办公室、州委州政府督查室牵头组织开展的政务督查活动。", "5"],
        [
            "2",
            "政务调研",
            "围绕州委、州政府重大决策部署积极开展政务调研;按照要求组织协调完成当年州政府调研室确定的政务重点调研课题。"
            "调研课题未完成或被退回一件扣5分;完成质量较差一件扣3分。",
            "8",
        ],
        [None, None, "及时总结提炼工作经验,及时发现工作中存在的问题并予改进。", "4"],
        [
            None,
            None,
            "及时准确为州政府起草文稿提供所需材料。提供材料延时一次扣2分;因不符要求被退回一次扣5分。",
            "8",
        ],
        [
            None,
            None,
            "调研成果转化为州政府重要决策,进入州政府领导重要文稿、重要政策性文件或作为典型经验推广。",
            "5",
        ],
        [
            "3",
            "办理工作",
            "认真办理人大代表建议和政协提案,办理答复要有针对性,态度端正、诚恳、实事求是、行文规范。"
            "无故未按时上报答复代拟稿一件扣5分;因答复质量较差,代拟稿被退回重办一件扣3分;代拟稿行文不规范一件扣1分。",
            "15",
        ],
        [
            None,
            None,
            "创新办理形式,通过走访、约见、调研、座谈等形式,主动加强与代表、委员的沟通联系。",
            "5",
        ],
        [None, None, "加强组织领导,明确办理工作分管领导、主管科室,落实专兼职人员负责。", "5"],
        [
            "4",
            "政务信息",
            "紧紧围绕州政府中心工作,深入拓展信息源,积极报送政务信息,政务信息报送采用率高",
            "",
        ],
    ],
    merge_down=(0, 1),
)

D106 = Sheet(
    folder="d106-pingan-xiangzhen-bianjing",
    title="平安乡镇(街道)创建考核标准",
    subtitle="(100分制,80分以上合格)",
    headers=[["考核分值", "实现目标", "扣分说明"]],
    rows=[
        ["27", "1、建立治安形势分析制度(1分)", "无制度或有但形同虚设均扣1分。"],
        [
            None,
            "2、开展国家安全教育活动,基层组织和群众积极参与“两反”斗争(2分)",
            "教育、组织、群众工作不力各扣1分。",
        ],
        [
            None,
            "3、渗透、偷渡活动受到有力打击,跨国犯罪案件得到有效遏制。(2分)",
            "渗透、偷渡活动打击不力扣2分,因防范不力导致发生重大跨国犯罪案件的,每件扣2分。",
        ],
        [None, "4、无严重影响稳定的重大恶性案件。(2分)", "未破的,每起扣2分。"],
        [None, "5、无造成社会严重影响的黑恶势力犯罪团伙。(2分)", "有未打掉的团伙,发现一个扣2分。"],
        [
            None,
            "6、双抢案件占刑事案件的比例不超过全州平均值。(2分)",
            "持平不扣分,超过平均值5个点以内扣1分,5个点以外扣2分。",
        ],
        [
            None,
            "7、盗窃案件同比数不超过全州平均值。(2分)",
            "持平不扣分,超过平均值5个点以内扣1分,5个点以外扣2分。",
        ],
        [
            None,
            "8、盗窃机动车案同比数不超过全州平均值。(2分)",
            "持平不扣分,超过平均值5个点以内扣1分,5个点以外扣2分。",
        ],
        [
            None,
            "9社会面治安管理和控制有力,“黄赌毒”现象得以控制;文化、娱乐市场管理有序,群众意见少;"
            "社会治安秩序良好,人民群众对当地治安的满意率不低于80。(5分)",
            "社会治安、“黄赌毒”现象控制不力各扣2分;文化娱乐市场管理不力扣2分;群众安全感低于80扣3分。",
        ],
        [
            None,
            "10、治安重点地区、重点问题得到整治,重大火灾隐患整改及时,火灾起数不超过全州平均值。(2分)",
            "没有整治或整改的,扣2分;整治或整改不力扣1分;火灾起数超过全州平均值5个点以内的,扣1分,5个点以外的,扣2",
        ],
    ],
)

D108 = Sheet(
    folder="d108-dachuan-xinfang",
    title="达川区信访工作考核细则",
    subtitle="一、综合绩效评价指标",
    headers=[
        ["考核指标", None, None, "分值", "评分标准"],
        ["一级指标", "二级指标", "三级指标", None, None],
    ],
    rows=[
        ["解决信访问题方面（40分）", "信访事项及时受理率", "", "5", "得分=及时受理率 c 5分。"],
        [
            None,
            "信访事项按期办结率（20分）",
            "信访事项按期答复率",
            "10",
            "得分=按期答复率 c 10分。",
        ],
        [None, None, "重复信访治理", "10", "重复信访件数每增加1件,扣减1分(以每月为一个周期)。"],
        [
            None,
            "信访事项处理群众满意率（15分）",
            "有权处理信访事项的机关、单位信访事项处理参评群众满意率",
            "10",
            "得分=参评群众满意率 c 10分。",
        ],
        [None, None, "信访事项处理群众参评率", "5", "得分=群众参评率 c 5分。"],
        [
            "完成年度重点工作方面（60分）",
            "贯彻落实《信访工作条例》情况（5分）",
            "乡镇(街道)党(工)委、区级部门党组学习贯彻《信访工作条例》情况",
            "3",
            "",
        ],
        [None, None, "结合实际制定学习宣传贯彻落实《信访工作条例》工作方案及部署实施情况", "2", ""],
        [
            None,
            "落实信访工作责任制情况（10分）",
            "专题研究部署信访工作",
            "",
            "(1)乡镇(街道)党政办公会或信访联席会议、区级部门办公会专题研究部署信访工作的,每次得1分,最多得6分。",
        ],
        [
            None,
            None,
            "领导接访包案",
            "4",
            "乡镇(街道)党政主要领导坚持当场天坐班接访,其余工作日安排一名副职领导接访;"
            "区级部门要做到领导随访随接,无接访工作记录的扣2分;"
            "领导包案化解信访案件,化解率低于85%的扣减1分,未开展此项工作的,扣减2分。",
        ],
    ],
    merge_down=(0, 1),
)

SHEETS = [D102, D103, D106, D108]


def _spans(rows: list[Row], column: int) -> list[tuple[int, int]]:
    """(first, last) row indexes of each run a column's None cells merge into."""
    spans, start = [], None
    for index, row in enumerate(rows):
        if row[column] is not None:
            if start is not None and index - 1 > start:
                spans.append((start, index - 1))
            start = index
    if start is not None and len(rows) - 1 > start:
        spans.append((start, len(rows) - 1))
    return spans


def _header_spans(header: Row) -> list[tuple[int, int]]:
    """(first, last) columns of a header cell followed by None cells (merged across)."""
    spans, start = [], 0
    for index in range(1, len(header) + 1):
        if index == len(header) or header[index] is not None:
            if index - 1 > start:
                spans.append((start, index - 1))
            start = index
    return spans


def _vertical_header_spans(sheet: Sheet) -> list[tuple[int, int, int]]:
    """(column, first header row, last header row) for a two-row header cell spanning both rows."""
    if len(sheet.headers) < 2:
        return []
    top, bottom = sheet.headers
    covered = {c for first, last in _header_spans(top) for c in range(first, last + 1)}
    return [
        (c, 0, 1)
        for c, cell in enumerate(bottom)
        if cell is None and top[c] is not None and c not in covered
    ]


def build_xlsx(sheet: Sheet) -> None:
    book = Workbook()
    ws = book.active
    ws.title = "考核细则"
    width = len(sheet.headers[0])
    lines = [sheet.title] + ([sheet.subtitle] if sheet.subtitle else [])
    for offset, line in enumerate(lines, start=1):
        ws.cell(row=offset, column=1, value=line).font = Font(bold=offset == 1)
        ws.merge_cells(start_row=offset, start_column=1, end_row=offset, end_column=width)
    first_header = len(lines) + 1
    for r, header in enumerate(sheet.headers):
        for c, text in enumerate(header):
            if text is not None:
                ws.cell(row=first_header + r, column=c + 1, value=text).font = Font(bold=True)
        for first, last in _header_spans(header) if r == 0 else []:
            ws.merge_cells(
                start_row=first_header + r,
                start_column=first + 1,
                end_row=first_header + r,
                end_column=last + 1,
            )
    for c, top, bottom in _vertical_header_spans(sheet):
        ws.merge_cells(
            start_row=first_header + top,
            start_column=c + 1,
            end_row=first_header + bottom,
            end_column=c + 1,
        )
    first_row = first_header + len(sheet.headers)
    for r, row in enumerate(sheet.rows):
        for c, text in enumerate(row):
            if text is not None:
                cell = ws.cell(row=first_row + r, column=c + 1, value=_typed(text))
                cell.alignment = Alignment(wrap_text=True, vertical="center")
    for column in sheet.merge_down:
        for first, last in _spans(sheet.rows, column):
            ws.merge_cells(
                start_row=first_row + first,
                start_column=column + 1,
                end_row=first_row + last,
                end_column=column + 1,
            )
    for r, row in enumerate(sheet.rows):
        if row[0] == "备注" and sheet.folder.startswith("d111"):
            ws.merge_cells(
                start_row=first_row + r, start_column=2, end_row=first_row + r, end_column=3
            )
    for offset, note in enumerate(sheet.notes):
        ws.cell(row=first_row + len(sheet.rows) + 1 + offset, column=1, value=note)
    for c in range(width):
        ws.column_dimensions[chr(ord("A") + c)].width = 16 if c < width - 1 else 60
    book.save(HERE / sheet.folder / "source.xlsx")


def _typed(text: str) -> str | int:
    """Points columns hold numbers, as an office's sheet does; every other cell stays text."""
    return int(text) if text.isdigit() and len(text) <= 3 else text


def build_docx(sheet: Sheet) -> None:
    document = Document()
    document.add_heading(sheet.title, level=1)
    if sheet.subtitle:
        document.add_paragraph(sheet.subtitle)
    width = len(sheet.headers[0])
    table = document.add_table(rows=len(sheet.headers) + len(sheet.rows), cols=width)
    table.style = "Table Grid"
    for r, header in enumerate(sheet.headers):
        for c, text in enumerate(header):
            if text is not None:
                table.cell(r, c).text = text
        for first, last in _header_spans(header) if r == 0 else []:
            table.cell(r, first).merge(table.cell(r, last))
    for c, top, bottom in _vertical_header_spans(sheet):
        table.cell(top, c).merge(table.cell(bottom, c))
    base = len(sheet.headers)
    for r, row in enumerate(sheet.rows):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(base + r, c).text = text
    for column in sheet.merge_down:
        for first, last in _spans(sheet.rows, column):
            keep = table.cell(base + first, column).text
            merged = table.cell(base + first, column).merge(table.cell(base + last, column))
            merged.text = keep
    for r, row in enumerate(sheet.rows):
        if row[0] == "备注" and sheet.folder.startswith("d111"):
            keep = table.cell(base + r, 1).text
            table.cell(base + r, 1).merge(table.cell(base + r, 2)).text = keep
    for note in sheet.notes:
        document.add_paragraph(note)
    document.save(str(HERE / sheet.folder / "source.docx"))


def main() -> None:
    for sheet in SHEETS:
        build_xlsx(sheet)
        build_docx(sheet)
        print(sheet.folder, "source.xlsx source.docx")


if __name__ == "__main__":
    main()
