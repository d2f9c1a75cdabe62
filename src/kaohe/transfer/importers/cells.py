"""Any text as a stream of cells, each classed: how the cell-stream reader (stream.py) sees a
document whatever its shape.

Lines are cut into cells at tabs, ``|`` and box-drawing rules, runs of spaces; a table run
together into one line (PDF text, a flattened Word table) is cut again where its cell edges were;
names written one character a line and sentences wrapped across lines are joined. Each cell is then
a header, a number (points or a serial), page furniture or a title, a name, a unit, criteria (a
scoring word) or text (a sentence that scores nothing).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kaohe.textrules.normalize import to_simplified
from kaohe.textrules.vocabulary import SCORING_WORD
from kaohe.transfer.importers.boxes import joined_box_rows
from kaohe.transfer.importers.broken import amount_runs_on
from kaohe.transfer.importers.furniture import is_furniture
from kaohe.transfer.importers.header_runs import SPACED_HEADER, between_header_runs
from kaohe.transfer.importers.headings import heading_rank
from kaohe.transfer.importers.names import UNIT_ENDINGS, split_name, strip_numbering
from kaohe.transfer.importers.spaced import spaced_cells, spaced_rows

COUNTING_WORDS = (
    r"个|次|项|条|人|件|天|日|月|年|周|名|份|处|户|家|分|元|万|亿|倍|届|批|位|所|类|台(?!账)|辆|篇|期|"
    r"轮|季|小时|层|级|米|公里|吨|亩|岁|号|时|本|套|张|场|起|宗|例|种|门|栏|点|组|支|部|段|座|棵"
)
_SEPARATORS = re.compile(r"\s*[|│┃║¦]\s*|\t+| {3,}|\u3000{2,}|\s,\s|,{2,}\s*$|^\s*,\s")
_RULE_LINE = re.compile(r"^[\s─━│┃┌┐└┘├┤┬┴┼═║╔╗╚╝╠╣╦╩╬+\-=_|.·…]*$")
_HEADER_WORDS = re.compile(
    r"^(?:序号|编号|类别|项目|考核项目|考核条目|考核内容|考核指标|指标|一级指标|二级指标|三级指标|分值|"
    r"基础分值|基础分|标准分|分数|权重|考核标准|评分标准|考核细则|评分细则|计分标准|扣分标准|"
    r"考核要点|考核方法|考核办法|评分办法|考核结果|件数|加分|扣分|得分|自评分|考核得分|备注|"
    r"考核单位|考核部门|考评单位|责任单位|责任部门|牵头单位|信息提供部门|数据来源|"
    r"具体项目内容|工作内容|目标任务|考核内容及计分标准|考核内容及评分标准|评分方法|"
    r"(?:检查|自查|考评|评价|评估)(?:内容|项目)|(?:赋分|打分)(?:标准|办法|方法|细则)|"
    r"(?:创建|建设|达标|创评)(?:标准|内容|要求)|"
    r"(?:加扣分|加减分|奖扣分|加分|扣分)(?:事项|项目|标准))$"
)
_POINTS_WRITTEN = re.compile(r"(?<![第共])\d+(?:\.\d+)?\s*分(?!钟|之|别|值|数|类|项|级|析|管)")
# 「(一)倒扣分制度:结合月度考核……」: a numbered heading before a colon, its description after.
HEAD = re.compile(r"^(?P<name>[^:：,，。；;]{2,20})[:：](?P<rest>.*)$")
_VERB = re.compile(r"扣|得\s*\d|不得|每")
# 「加分项」, 「扣分事项」: a short heading that names scoring without scoring anything.
_SHORT_NAME = re.compile(
    r"^(?!.*(?:\d|不得分|不计分|否决|酌情|扣完|取消|视情))[^,，。；;:：]{2,10}$"
)
# 「一票否决事项」 heads the vetoes: a name, though 否决 is a scoring word.
_VETO_HEADING = re.compile(r"^(?:一票)?否决(?:事项|项目|指标|类)?$|^一票否决$")
FIRST_CLAUSE = re.compile(r"[，,；;。：:]")
# 「(15分)」 on a line of its own, and 「15分)」 whose opening bracket the copy lost.
NUMBER_CELL = re.compile(
    r"^(?:[（(](?=\s*\d[\d.]*\s*分))?\s*(?P<value>\d{1,4}(?:\.\d{1,2})?)\s*(?:分\s*[)）]?)?$"
)
_SENTENCE_END = re.compile(r"[。；;]$")
_CONTINUES = re.compile(r"[，,、和与及或的（(《“‘「『【]$")
MAX_NAME = 30
MIN_WRAPPED = 18


@dataclass(frozen=True)
class Cell:
    text: str
    where: str
    line: int = 0


def cells_of(text: str) -> list[Cell]:
    """Every non-empty cell, in reading order, with vertical names and wrapped lines joined."""
    cells: list[Cell] = []
    lines = joined_box_rows(_joined_between_rules(text.split("\n")))
    spaced = False  # a header whose cells are set apart by single spaces: so are its rows'
    spaced_apart = spaced_rows(lines)  # rows whose cells only lone numbers set apart
    for number, line in enumerate(lines, 1):
        if _RULE_LINE.match(line):
            continue
        parts = _SEPARATORS.split(line.strip())
        if spaced_apart and len(parts) == 1:
            parts = spaced_cells(parts[0].strip())  # cut only where nothing else cuts
        if spaced and len(parts) == 1:
            row = _SPACED_SERIAL.sub(r"\1、", line.strip(), count=1)
            parts = _SINGLE_SPACED_ROW.split(row)
        spaced = spaced or bool(SPACED_HEADER.search(to_simplified(line)))
        for part in parts:
            for piece in _split_inline(" ".join(part.split())):
                cells.append(Cell(piece, f"第 {number} 行", number))
    return _join_wrapped(_join_vertical(cells), _double_spaced(lines))


_LONE_RULE = re.compile(r"^\s*[|│┃║¦]\s*$")
_RULED_SHARE = 0.3


def cell_per_line_between_rules(lines: list[str]) -> bool:
    """A table dumped one cell a line with a lone 「|」 line between cells."""
    filled = [line for line in lines if line.strip()]
    rules = sum(1 for line in filled if _LONE_RULE.match(line))
    return len(filled) >= 8 and rules >= _RULED_SHARE * len(filled)


def _joined_between_rules(lines: list[str]) -> list[str]:
    """In a table with a lone 「|」 between cells, the lines between two rules are one cell
    (「3.发布审核制度、保密」 / 「审查制度」); each cell keeps the number of its first line."""
    if not cell_per_line_between_rules(lines):
        return lines
    joined: list[str] = []
    cell: int | None = None  # where the cell being read began, after a rule
    after_rule = False
    for line in lines:
        edge = not line.strip() or bool(_LONE_RULE.match(line))
        if cell is not None and not edge:
            joined[cell] += line.strip()
            joined.append("")  # the line's number stays taken
            continue
        joined.append(line)
        cell = len(joined) - 1 if after_rule and not edge else None
        after_rule = bool(_LONE_RULE.match(line))
    return joined


_DOUBLE_SPACED_SHARE = 0.8


def _double_spaced(lines: list[str]) -> bool:
    """Cells set apart by blank lines (a table dumped one cell a line, a blank line after each):
    then a blank line is a cell's edge, and only lines with none between them wrap."""
    filled = [index for index, line in enumerate(lines) if line.strip()]
    if len(filled) < 8:
        return False
    apart = sum(1 for a, b in itertools.pairwise(filled) if b > a + 1)
    return apart >= _DOUBLE_SPACED_SHARE * (len(filled) - 1)


# Where a table run together into one line (PDF text, a flattened Word table) breaks back into
# cells: before a numbered item or a 「name(N分)」 heading that follows a sentence's end, and
# around points written alone after a sentence (「……具体负责。8分未成立的扣2分」).
_INLINE_BREAK = re.compile(
    r"(?<=办法|细则)(?=[一二三四五六七八九十]、)"
    r"|(?<=[。；;）)])\s*(?="
    r"\d{1,2}[.、．](?!\d)|\d{1,2}-\d{1,2}\s*[\u4e00-\u9fff“]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
    r"|[\u4e00-\u9fff、]{2,15}[（(]\d+(?:\.\d+)?分[)）]"
    r"|\d{1,3}(?:\.\d)?分(?!钟|之|[)）]))"
    r"|(?<=[（(]\d分[)）])(?=\d{1,2}[.、．](?!\d))|(?<=[（(]\d\d分[)）])(?=\d{1,2}[.、．](?!\d))"
    r"|(?<=^\d分)(?![,，(（)）]|及?以[上下])|(?<=^\d\d分)(?![,，(（)）]|及?以[上下])"
    r"|(?<=^\d\.\d分)(?![,，(（)）]|及?以[上下])"
)
# After a header copied with one space between its cells (header_runs.SPACED_HEADER), each row
# is cut after its serial and where a sentence ends before a space (「1 ……的。 每件扣5分……」).
_SINGLE_SPACED_ROW = re.compile(r"(?<=[。；;])\s+(?=\S)")
_SPACED_SERIAL = re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff])")  # numbered like an outline item
# 「……三落实。5每缺一项扣0.5分」: a points cell that lost its 分 in PDF text, between a row's
# requirement (ending a sentence) and its criteria. A counting word after the number
# (「3个月内」, 「2人以上」) makes it part of a sentence instead.
_BARE_POINTS = re.compile(
    r"(?<=[。；;])\s*(\d{1,2}(?:\.\d)?)(?=[\u4e00-\u9fff]|$)(?!的|" + COUNTING_WORDS + ")"
)
# 「2严格落实……」: a row's serial run into its requirement.
# Where a word begins: a copy may mask one with X or * (「X组织书记」 for 党组织书记).
_WORD_START = r"[\u4e00-\u9fffX*＊]"
GLUED_SERIAL = re.compile(r"^\d{1,2}(?=" + _WORD_START + ")(?!" + COUNTING_WORDS + ")")
# 「基础工作(50分)实施方案按时出台;……」: a heading with its points, run into its first row.
_POINTED_HEAD = re.compile(
    r"^(?:\d{1,2}、|\d{1,2}-\d{1,2}\s*)?[^，,。；;:：\d]{2,15}[（(]\d{1,3}(?:\.\d)?分[)）]"
    r"(?:(?=[\u4e00-\u9fff])|。(?=\s*[\u4e00-\u9fff]))"
    # 「1、预算管理2分。预算内、外……」: a numbered name with its points bare, ending a sentence.
    r"|^\d{1,2}[、.．][^，,。；;:：\d扣加得减计记每少超占共为按]{2,12}\d{1,3}(?:\.\d)?分。"
    r"(?=\s*[\u4e00-\u9fff])"
)


def _split_inline(text: str) -> list[str]:
    """A cell cut where a run-together table had its cell edges; runs of header words gone."""
    pieces: list[str] = []
    segments = [s for run in between_header_runs(text) for s in _GLUED_HEADING.split(run)]
    for segment in segments:
        names, segment = _leading_pointed_names(segment.strip())
        pieces.extend(names)
        for piece in _at_glued_serials(segment):
            for part in _split_bare_points(piece):
                pieces.extend(_split_points_head(part))
    return [piece.strip() for piece in pieces if piece.strip(" \u3000")]


# 「……市效能办2、效能投诉办理情况(20分)受理……」: a numbered heading with its points glued to
# the cell before it (the assessor column of the row above).
_GLUED_HEADING = re.compile(
    r"(?<=[\u4e00-\u9fff])(?=\d{1,2}、[^，,。；;:：\d]{2,15}[（(]\d{1,3}(?:\.\d)?分[)）])"
)


# 「常规工作70分基本组织13分1坚持民主集中制……」: the names of a row's levels, each with its points
# written without brackets, run into the row. A name holds no verb that would make 「N分」 an
# amount (「未报送扣2分」).
_LEADING_POINTED_NAME = re.compile(
    r"^(?P<name>[^\d\s，,。；;:：、()（）扣加得减计记每少超占共为按]{2,12}?)"
    r"(?P<points>\d{1,3}(?:\.\d)?)分(?=[\u4e00-\u9fff\d])"
)


def _leading_pointed_names(text: str) -> tuple[list[str], str]:
    """The pointed names a line starts with, each as 「name(N分)」, and the rest of the line."""
    names: list[str] = []
    while head := _LEADING_POINTED_NAME.match(to_simplified(text)):
        names.append(f"{text[: head.end('name')]}({head.group('points')}分)")
        text = text[head.end() :]
    return names, text


MIN_GLUED_ROWS = 3
_LONG_LINE = 80


def _at_glued_serials(text: str) -> list[str]:
    """「…扣2分2区文明办督查组…扣1分3局督查组…」: a table run into one line with each row's
    serial glued to the row before. When serials 1, 2, 3 … follow each other through the line,
    the line is cut before each; the pieces are then cut as usual."""
    cuts = _serial_cuts(text) if len(text) > _LONG_LINE else []
    if len(cuts) < MIN_GLUED_ROWS:
        return _INLINE_BREAK.split(text)
    edges = [0, *cuts, len(text)]
    pieces = [text[a:b] for a, b in itertools.pairwise(edges)]
    return [part for piece in pieces for part in _INLINE_BREAK.split(piece.strip())]


def _serial_cuts(text: str) -> list[int]:
    cuts: list[int] = []
    serial, start = 1, 0
    while True:
        pattern = rf"(?<![\d.、-])(?<!第){serial}(?![\d.])(?={_WORD_START})(?!{COUNTING_WORDS})"
        match = re.compile(pattern).search(text, start)
        if match is None:
            return cuts
        cuts.append(match.start())
        serial, start = serial + 1, match.end()


def _split_bare_points(text: str) -> list[str]:
    """「……三落实。5每缺一项扣0.5分」 → the requirement, 「5」, the criteria; a pointed heading
    run into its first row is cut off it too."""
    head = _POINTED_HEAD.match(to_simplified(text))
    pieces = [text[: head.end()].rstrip("。")] if head else []
    start = head.end() if head else 0
    for match in _BARE_POINTS.finditer(to_simplified(text), start):
        pieces += [*_criteria_then_requirement(text[start : match.start(1)]), match.group(1)]
        start = match.start(1)  # the number stays on its criteria too: the text as written
    return [*pieces, text[start:]]


def _criteria_then_requirement(text: str) -> list[str]:
    """「每缺一项扣0.5分。实现……更新及时。」 before a points cell: the last row's criteria, then
    the requirement of the row the points belong to (its sentences score nothing)."""
    sentences = [s for s in re.split(r"(?<=[。；;])", text) if s]
    scoring = [i for i, s in enumerate(sentences) if scoring_words(to_simplified(s))]
    if not scoring or scoring[-1] == len(sentences) - 1:
        return [text]
    cut = scoring[-1] + 1
    return ["".join(sentences[:cut]), "".join(sentences[cut:])]


_POINTS_HEAD = re.compile(r"^(\d{1,3}(?:\.\d)?分)(?!钟|之|及?以[上下])(?=[\u4e00-\u9fff])")


def _split_points_head(piece: str) -> list[str]:
    """「8分未成立的扣2分」: the item's points, then its criteria."""
    head = _POINTS_HEAD.match(piece.strip())
    if head is None:
        return [piece]
    return [head.group(1), piece.strip()[head.end() :]]


def _join_vertical(cells: list[Cell]) -> list[Cell]:
    """「区\n政\n府」, 「决策\n部署\n落实\n情况\n(4分)」, 「机关\n党委\n(纪委)」: a name written a
    character or two a line (a tall, narrow merged cell), its bracket on the last line."""
    joined: list[Cell] = []
    run: list[Cell] = []
    for cell in [*cells, Cell("", "")]:
        if _fragment(cell.text) and run and len(cell.text) != len(run[0].text):
            _close_run(joined, run)  # 「考核」「部门」 then 「党」「建」: two cells, not one
            run = []
        if _fragment(cell.text) or (run and _closing_bracket(cell.text)):
            run.append(cell)
            if not _closing_bracket(cell.text):
                continue
        _close_run(joined, run)
        if cell.text and cell not in run:
            joined.append(cell)
        run = []
    return joined


def _close_run(joined: list[Cell], run: list[Cell]) -> None:
    if _vertical(run):
        joined.append(Cell("".join(c.text for c in run), run[0].where, run[-1].line))
    else:
        joined.extend(run)


_FRAGMENT = re.compile(r"[^\d\s]|[\u4e00-\u9fff]{2}")
_CLOSING_BRACKET = re.compile(r"[（(][^（）()]{1,6}[)）]")


def _fragment(text: str) -> bool:
    return bool(_FRAGMENT.fullmatch(text)) and not _HEADER_WORDS.match(text)


def _closing_bracket(text: str) -> bool:
    return bool(_CLOSING_BRACKET.fullmatch(text))


def _vertical(run: list[Cell]) -> bool:
    """One character a line from two lines on; two a line from three lines, or two before a
    bracket."""
    if len(run) < 2:
        return False
    if all(len(cell.text) == 1 for cell in run):
        return True
    return len(run) >= 3 or _closing_bracket(run[-1].text)


def _join_wrapped(cells: list[Cell], double_spaced: bool = False) -> list[Cell]:
    """A long sentence broken across lines (「受到通报批」 / 「评，取消……」) is one cell."""
    joined: list[Cell] = []
    last_line = 0
    for cell in cells:
        previous = joined[-1] if joined else None
        apart = double_spaced and cell.line > last_line + 1
        last_line = cell.line
        runs_on = previous is not None and amount_runs_on(previous.text, cell.text)
        if previous is not None and (runs_on or (not apart and _wraps(previous.text, cell.text))):
            joined[-1] = Cell(previous.text + cell.text, previous.where, cell.line)
        else:
            joined.append(cell)
    return joined


def _wraps(previous: str, text: str) -> bool:
    if heading_rank(text) is not None or NUMBER_CELL.match(text) or _HEADER_WORDS.match(text):
        return False
    if _CONTINUES.search(previous):
        return True
    sentence_like = SCORING_WORD.search(previous) or "，" in previous or "," in previous
    ended = _SENTENCE_END.search(previous) or previous.endswith("分")
    return (
        bool(len(previous) >= MIN_WRAPPED and sentence_like and not ended)
        and not text[:1].isdigit()
    )


def kind_of(text: str) -> str:
    """header, number, criteria, unit, name or text (a sentence without a scoring word)."""
    text = to_simplified(text)
    if _HEADER_WORDS.match(text.replace(" ", "")):
        return "header"
    if is_furniture(text):
        return "furniture"
    if NUMBER_CELL.match(text):
        return "number"
    if _named_with_points(text) or _VETO_HEADING.match(text) or _scoring_heading(text):
        return "name"
    if (SCORING_WORD.search(text) or _POINTS_WRITTEN.search(text)) and not _SHORT_NAME.match(text):
        return "criteria"
    bare = strip_numbering(text).rstrip("。；;")
    if len(bare) > MAX_NAME or re.search(r"[。；;]", text.rstrip("。；;")):
        return "text"
    closed = text.rstrip().endswith(("。", "；", ";"))  # 「有固定的党员活动室。」: not an office
    if bare.endswith(UNIT_ENDINGS) and len(bare) <= 12 and _unit_bracket(bare) and not closed:
        return "unit"
    return "name"


def _scoring_heading(text: str) -> bool:
    """「(一)倒扣分制度:结合月度考核……」: a numbered heading that names scoring (倒扣分制度,
    加分项目) before a colon, its description after it scoring nothing."""
    head = HEAD.match(text)
    if head is None or heading_rank(text) is None:
        return False
    name, rest = strip_numbering(head.group("name")), head.group("rest")
    return bool(_SHORT_NAME.match(name)) and not scoring_words(rest)


def _unit_bracket(name: str) -> bool:
    """「机关党委(纪委)」 ends like a unit in its bracket; 「依法行政(政务公开)」 names an item."""
    if not name.endswith(("）", ")")):
        return True
    return name[:-1].endswith(UNIT_ENDINGS) and not name[:-1].endswith(("）", ")"))


def _named_with_points(text: str) -> bool:
    """「一、组织领导(20分)」, 「平安三率(本项限扣5分)」: a short name carrying its points."""
    head = HEAD.match(text)
    name = head.group("name") if head else text
    named = split_name(name)
    return (
        named.points is not None
        and 0 < len(named.name) <= MAX_NAME
        and not _VERB.search(named.name)
    )


def scoring_words(text: str) -> int:
    """How many scoring words (and amounts written without a verb) a simplified text holds."""
    return len(SCORING_WORD.findall(text)) + len(_POINTS_WRITTEN.findall(text))
