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

# An amount with its verb: what a heading never says.
_AMOUNT = re.compile(r"(?:扣|减|加|得)\s*\d+(?:\.\d+)?\s*(?:分|(?=$|[,;。，；\s]))")
# An outcome that scores; as a name over criteria of its own (「一票否决」) it is only a heading.
_OUTCOME = re.compile(
    r"不得分|不计分|否决(?![^,;。，；]{0,4}事项)|列最后|取消[^,;。，；]{0,12}资格"
)
GROUP_CRITERIA_NAME = "（本级评分标准）"


def keep_scoring_text(draft: Draft) -> None:
    """Walk the tree under ``draft``, giving every scoring name or group criteria to a leaf's
    criteria, where the reader reads it as a rule or flags it."""
    for child in draft.children:
        keep_scoring_text(child)
    if draft.children and _scores(" ".join(draft.criteria)):
        leaf = Draft(name=f"{draft.name}{GROUP_CRITERIA_NAME}", criteria=list(draft.criteria))
        draft.criteria = []
        draft.children.insert(0, leaf)
    elif not draft.children and _name_scores(draft):
        draft.criteria.insert(0, draft.name)


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
