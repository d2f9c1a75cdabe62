"""A numbered line: how deep its numbering puts it, and the indicator it opens if it is a heading.

「（一）重点工作落实情况（15分）」 opens an indicator of 15 points at the depth of （一）; a heading
that names a bonus section or 一票否决 opens one without points; 「1.未按时报送……每次扣1分;」 is
only a numbered sentence, left to be its parent's criteria.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kaohe.textrules.normalize import to_simplified
from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.names import strip_numbering

HEADING_RANKS: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern), rank)
    for pattern, rank in (
        (r"第[一二三四五六七八九十百]+章", 0),
        (r"第[一二三四五六七八九十百]+条", 1),
        (r"[一二三四五六七八九十]+[、.．]", 2),
        (r"[（(][一二三四五六七八九十]+[)）]", 3),
        # 「( * )基本得分项」, 「* 、考核对象」: a numeral the page masked, its brackets kept.
        (r"[（(]\s*[*＊]\s*[)）]", 3),
        (r"[*＊]\s*、", 2),
        (r"\d+[.．、](?!\d)", 4),
        (r"[（(]\d+[)）]", 5),
        # 「2-1积极开展信访评估」: the first item under 2、, numbered with its parent's number.
        (r"\d{1,2}-\d{1,2}(?![\d.%％])(?=\s*[\u4e00-\u9fff“\"])(?![月日号年个次人天分])", 5),
        (r"[①-⑳]", 6),
        # 「.非正常上访为零(9分)」: an item whose arabic numeral the copy lost, its dot left.
        (r"[.．](?=[^\d.．\s])", 4),
    )
)
_ANNOTATION = re.compile(r"[（(][^（）()]*?\d[^（）()]*?[)）]")
_DESCRIBED = re.compile(
    r"(?P<name>[^。；;，,：:\d]{2,40})。(?P<description>[^。]+?)"
    r"(?P<points>[（(]\d+(?:\.\d+)?分[)）])[。；;]?"
)
# 「到市集体上访5人以上(不含5人访)(6分)」: the bracket with the points, past brackets of the name.
_POINTS_ANNOTATION = re.compile(r"[（(][^（）()]*?\d[^（）()]*?分[^（）()]*?[)）]")
_ASSESSED_BY = re.compile(r"[（(]由([^（）()]+?)(?:牵头)?考核[)）]")
_ASSESSOR_NOTE = re.compile(
    r"[（(](?:负责考核科室|考核科室|考评单位|考核单位)[:：]\s*([^（）()]+)[)）]"
)
_PENALTY = re.compile(r"倒扣分?\s*(\d+(?:\.\d+)?)\s*分")
# 「（二）综合加分」, 「（一）扣分制度：……」: a heading that names a part of the scoring;
# 「3、完成的酌情扣分。」 (a page's line number before the end of a sentence) is none.
_SCORING_PART = re.compile(r"^[^\d的]*(?:加分|奖励|正向激励|扣分|减分)[^\d的]*$")
NAME_END = re.compile(r"[。；;：:，,]")
MAX_NAME = 40
_VETO = re.compile(r"一票否决")


def heading_rank(line: str) -> int | None:
    for pattern, rank in HEADING_RANKS:
        if pattern.match(line):
            return rank
    return None


def read_heading(line: str, where: str) -> Draft | None:
    """The indicator a numbered line opens, or None when it is only a numbered sentence."""
    body = strip_numbering(line)
    found = (
        _described(body, where)
        or _annotated(body, where)
        or _base_points(body, where)
        or _veto(body, line, where)
        or _scoring_part(body, where)
    )
    if found is None:
        return None
    draft, rest = found
    add_criteria_line(draft, rest.lstrip("。；;，,：: "))
    draft.raw = line
    return draft


def _described(body: str, where: str) -> tuple[Draft, str] | None:
    """「3.群众满意率。指参评群众满意率和参评率(15分)。」: points at the end of the sentence that
    describes the item named before it."""
    described = _DESCRIBED.fullmatch(body)
    if described is None:
        return None
    draft = Draft.from_text(described.group("name") + described.group("points"), where=where)
    return draft, described.group("description")


def _annotated(body: str, where: str) -> tuple[Draft, str] | None:
    """「（一）重点工作落实情况（15分）……」: a short name and the bracket with its points (which
    may have lost its closing bracket at the line's end: 「1、组织健全(16分」)."""
    annotation = (
        _POINTS_ANNOTATION.search(body)
        or _ANNOTATION.search(body)
        or _UNCLOSED.search(body)
        or MASKED_POINTS.search(body)
    )
    if annotation is None:
        return None
    name = body[: annotation.start()].rstrip("。 ")
    if len(name.lstrip("。 ")) > _longest(body, annotation):
        return None
    closed = annotation.group(0).rstrip() + _closing(annotation.group(0))
    draft = Draft.from_text(name + closed, where=where)
    _penalty_allowance(draft, annotation.group(0))
    return draft, body[annotation.end() :]


# 「1.成立安全工作领导机构,明确……负直接责任。(4分)未成立……」: a requirement written as a whole
# sentence before its points is the item's name, however long; other names stay short.
MAX_REQUIREMENT = 80


def _longest(body: str, annotation: re.Match[str]) -> int:
    return MAX_REQUIREMENT if body[: annotation.start()].endswith("。") else MAX_NAME


# 「1.岗位职责( * 分)」: points the page masked — written, but not known.
MASKED_POINTS = re.compile(r"[（(]\s*[*＊]+\s*分\s*[)）]")
_UNCLOSED = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*$")


def _closing(annotation: str) -> str:
    return ")" if _UNCLOSED.fullmatch(annotation) else ""


# 「2-2初次信访事项办理基础分为25分。按时办结率……」: the item's points written as its base.
_BASE_POINTS = re.compile(
    r"(?P<name>[^。；;，,：:\d]{2,30}?)(?:基础分|基本分|满分|分值)(?:为|是)?\s*"
    r"(?P<points>\d{1,3}(?:\.\d{1,2})?)\s*分[。；;，,]?"
)


# 「1、预算管理2分。预算内、外收支……」: a short name, its points bare, then a sentence end.
_BARE_POINTS = re.compile(
    r"(?P<name>[^。；;，,：:\d扣加得减计记每少超占共为按]{2,12})"
    r"(?P<points>\d{1,3}(?:\.\d{1,2})?)\s*分[。；;](?=\s*\S)"
)


def _base_points(body: str, where: str) -> tuple[Draft, str] | None:
    base = _BASE_POINTS.match(body) or _BARE_POINTS.match(to_simplified(body))
    if base is None:
        return None
    name = body[base.start("name") : base.end("name")]  # as written: 简 and 繁 map one for one
    draft = Draft.from_text(f"{name}({base.group('points')}分)", where=where)
    return draft, body[base.end() :]


def _veto(body: str, line: str, where: str) -> tuple[Draft, str] | None:
    if not _VETO.search(NAME_END.split(body, maxsplit=1)[0]):
        return None
    draft = Draft(name="一票否决", raw=line, points=Decimal(0), where=where)
    draft.facts["kind"] = "penalty"
    return draft, body.partition("。")[2] if "。" in body else ""


def _scoring_part(body: str, where: str) -> tuple[Draft, str] | None:
    """「（二）综合加分」, 「（一）扣分制度：……」: a short heading naming a part of the scoring."""
    name = NAME_END.split(body, maxsplit=1)[0]
    if not (_SCORING_PART.match(name) and len(name) <= MAX_NAME // 2):
        return None
    return Draft.from_text(name, where=where), body[len(name) :]


def add_criteria_line(draft: Draft, text: str) -> None:
    """Append a criteria line, lifting 「（由市纪委考核）」-style assessor notes out of it."""
    for pattern in (_ASSESSED_BY, _ASSESSOR_NOTE):
        for match in pattern.finditer(text):
            draft.add_assessor(match.group(1))
        text = pattern.sub("", text)
    draft.add_criteria(text)


def _penalty_allowance(draft: Draft, annotation: str) -> None:
    """「（每小项倒扣分2分）」 names no points of its own but still marks a penalty item."""
    match = _PENALTY.search(annotation)
    if draft.points is None and match and not draft.child_defaults:
        draft.points = Decimal(match.group(1))
        draft.facts.setdefault("kind", "penalty")


# 「一、综合绩效评价指标」 over 「（一）解决信访问题方面（40分）」: a numbered name without points
# heads what is numbered below it — unless it names a part of the document's own layout.
_GROUP_NAME = re.compile(r"[^\d，,。；;：:、]{2,20}")
_LAYOUT_PART = re.compile(
    r"(?:考核|评分|评价|计分|考评|评估)(?:内容|标准|细则|办法|方式|方法|项目|对象|范围|程序|结果|要求"
    r"|机构|等级|组织|时间|步骤|安排)"
    r"|附件|附则|说明"
)


def names_layout(name: str) -> bool:
    """「考核对象」, 「考核方式」, 「附则」: a part of the document, not an indicator; nor is a
    document's own title (「一、杭州市“平安单位”考核标准」 above the table)."""
    simple = to_simplified(name)
    if _TITLE_END.search(simple):
        return True
    return len(name) <= MAX_LAYOUT_NAME and bool(_LAYOUT_PART.search(simple))


_TITLE_END = re.compile(r"(?:考核|评分|评价|考评|计分|评比)(?:标准|细则|办法|评分表|表)$")


MAX_LAYOUT_NAME = 12


def names_a_group(line: str) -> bool:
    """A numbered name without points, which heads the items numbered or tabled below it."""
    name = strip_numbering(line).rstrip("。 ")
    return (
        heading_rank(line) is not None
        and read_heading(line, "") is None
        and bool(_GROUP_NAME.fullmatch(name))
        and not names_layout(name)
    )
