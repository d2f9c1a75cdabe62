"""The safety net for scoring text the outline put where no rule is read from it.

Rules are read only from a leaf's criteria. A sentence that scores can still end elsewhere: as a
leaf's name (「中心组学习年初无计划,扣2分,年终无总结,扣2分」 taken for the item's name), or as the
criteria of a group (its sub-items were not recognised). Either way it would vanish without a
rule or a flag. A leaf's scoring name is read as its first criteria line; a group's scoring
criteria go to a leaf of their own at the head of the group, without points, so the import
stays a draft until a person places them.
"""

from __future__ import annotations

import re

from kaohe.textrules.normalize import to_simplified
from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.names import strip_numbering

# An amount with its verb: what a heading never says.
_AMOUNT = re.compile(r"(?:扣|减|加|得)\s*\d+(?:\.\d+)?\s*(?:分|(?=$|[,;。，；\s]))")
# An outcome that scores; as a name over criteria of its own (「一票否决」) it is only a heading.
_OUTCOME = re.compile(
    r"不得分|不计分|否决(?![^,;。，；]{0,4}事项)|列最后|取消[^,;。，；]{0,12}资格"
)
_ANNOTATION = re.compile(r"[（(][^（）()]+[)）]")
_EDGES = "。；;，,：: "
GROUP_CRITERIA_NAME = "（本级评分标准）"
# Points stated at a sentence's end: 「……(3分)」, 「……,5分」.
_STATED_POINTS = re.compile(r"(?:[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]|[，,]\s*\d+(?:\.\d+)?\s*分)$")
_TOTAL = re.compile(r"满分|总分|基本分|基础分|标准分|起评分|百分制|合计|共计|[共占]\s*\d")
_SENTENCE_CLOSING = "。；;"
SENTENCE_NAME = 12
"""A name this long is a sentence the layout put in the name's place, not a heading."""


def keep_scoring_text(draft: Draft) -> None:
    """Walk the tree under ``draft``, giving every scoring name or group criteria to a leaf's
    criteria, where the reader reads it as a rule or flags it."""
    for child in draft.children:
        keep_scoring_text(child)
    if _written_name_scores(draft):
        draft.criteria.insert(0, _written_line(draft))
    elif draft.children and _AMOUNT.search(to_simplified(draft.name)):
        draft.criteria.insert(0, draft.name)  # a sentence taken for a group's name
    if draft.children and _scores(" ".join(draft.criteria)):
        leaf = Draft(name=f"{draft.name}{GROUP_CRITERIA_NAME}", criteria=list(draft.criteria))
        draft.criteria = []
        draft.children.insert(0, leaf)
    elif not draft.children and _name_scores(draft):
        draft.criteria.insert(0, draft.name)
    elif not draft.children and _credit_line(draft):
        draft.criteria.insert(0, _written_line(draft))


def _written_name_scores(draft: Draft) -> bool:
    """A name line whose scoring text the name's reading took for points (「把条例列入学习(未
    学习的,倒扣2分)」 is not an item of 2 points with nothing to read): the line as written is the
    item's first criteria line."""
    written = _written_line(draft)
    if not written:
        return False
    annotation = _ANNOTATION.fullmatch(written.replace(draft.name, "", 1).strip(_EDGES))
    return annotation is not None and _scores(annotation.group()) and not _scores(draft.name)


def _credit_line(leaf: Draft) -> bool:
    """An item's line whose points the name's reading took, that states them as a sentence: all
    the item says, or closed as a sentence (「当年发展新党员(4分);」 over 「……的,再加2分」) — a
    credit for a person to settle, not a heading."""
    written = _written_line(leaf)
    closed = written.endswith(tuple(_SENTENCE_CLOSING))
    taken = leaf.points is not None  # a sentence the name's reading left whole is unread.py's
    return taken and (closed or not leaf.criteria) and states_points(written)


def _written_line(draft: Draft) -> str:
    return strip_numbering(draft.raw.partition("\n")[0]).strip()


def _scores(text: str) -> bool:
    simple = to_simplified(text)
    return _AMOUNT.search(simple) is not None or _OUTCOME.search(simple) is not None


def _name_scores(leaf: Draft) -> bool:
    """A name that gives an amount, or scores on an item with no criteria, and that the
    criteria do not already hold (an exported scheme imported again)."""
    if leaf.name in "\n".join(leaf.criteria):
        return False
    if not leaf.criteria:
        return _scores(leaf.name)
    return _AMOUNT.search(to_simplified(leaf.name)) is not None


def states_points(sentence: str) -> bool:
    """Whether a sentence gives a task its points without a verb: 「在网上公布年度报告(1分);」,
    「完成项目投资任务,5分。」 — a credit for a person to settle, unlike a heading's points
    (「一、组织领导(20分)」: short and not closed as a sentence) or a total (「满分100分」)."""
    simple = to_simplified(sentence).strip()
    closed = simple.endswith(tuple(_SENTENCE_CLOSING))
    stated = _STATED_POINTS.search(simple.rstrip(_EDGES))
    if stated is None or _TOTAL.search(simple):
        return False
    task = strip_numbering(simple[: stated.start()])
    return len(task) >= (2 if closed else SENTENCE_NAME)
