"""Credits listed per part: 「公开扶贫清单2分，公开监督电话2.5分」, 「有专栏0.2-2分」.

Disclosure and checklist items often list what each part earns with no verb at all. Two or more
such clauses in one sentence are a list of credits: a fixed amount is earned once when the part
is there, a range is the assessor's to choose within.
"""

from __future__ import annotations

import re
from typing import Any

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import LIKELY, Finding, sentence_reader

# A number inside a part's name (「公开12317扶贫监督电话2.5分」, 「公开2023年预算1分」) is followed
# by more of the name, never by 分 or the end of the clause.
_NAMING_NUMBER = r"\d+(?![\d.])(?=\s*[^\d\s.分,;、)])"
_CREDIT = re.compile(
    rf"(?:^|(?<=[,、]))\s*(?P<what>(?:[^,;、\d()]|{_NAMING_NUMBER}){{2,30}}?)\s*(?P<low>{NUMBER})\s*分?"
    rf"(?:\s*(?:-|—|至)\s*(?P<high>{NUMBER})\s*)?分(?=\s*(?:[,、.;]|$))"
)
# A part is something done or there (公开…, 有专栏), not a heading's name (组织领导5分) or a total.
_PART = re.compile(
    r"(?:有|公开|发布|设立|设置|开设|建立|制定|开展|完成|及时|按时|集中|提供|上传|更新|配备|印发|出台)"
)
_NOT_A_PART = re.compile(
    r"扣|(?<![参增])加|得分|满分|共|计分|计入|占|最高|最多|分值|基础|每|以上|以下|低于|超过|合计|总分"
)


def _credit(match: re.Match[str]) -> dict[str, Any]:
    low = number(match.group("low"))
    if match.group("high") is None:
        return {"kind": "per_occurrence", "amount": low, "cap": low}
    high = number(match.group("high"))
    return {
        "kind": "discretionary",
        "min": min(low, high),
        "max": max(low, high),
        "direction": "add",
    }


def _is_part(what: str) -> bool:
    return _PART.match(what.strip()) is not None and _NOT_A_PART.search(what) is None


@sentence_reader("公开清单2分，公开电话2.5分", priority=35, needs="分")
def read_credits(sentence: Sentence) -> list[Finding]:
    parts = [m for m in _CREDIT.finditer(sentence.text) if _is_part(m.group("what"))]
    if len(parts) < 2:
        return []
    return [Finding(_credit(m), m.start("what"), m.end(), LIKELY) for m in parts]
