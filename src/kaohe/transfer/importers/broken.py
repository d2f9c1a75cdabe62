"""Amounts broken across lines by a narrow column or a PDF's line ends.

A cell a line wide breaks a sentence wherever the line ends, even between a verb and its
amount (「未配备保洁队伍扣」 / 「2分;」) or a count and what it counts (「缺少一」 / 「项扣1分」).
The piece that starts the next line looks like a points cell or a line of its own; it belongs to
the sentence before, whatever blank lines the dump put between.
"""

from __future__ import annotations

import re

from kaohe.textrules.vocabulary import COUNTER

_VERB_ENDS = re.compile(r"[扣加减得]\s*$")
_AMOUNT_STARTS = re.compile(r"^\d+(?:\.\d+)?\s*分")
_NUMBER_ENDS = re.compile(r"[扣加减得]\s*\d+(?:\.\d+)?\s*$")
_COUNT_ENDS = re.compile(r"(?:每|少|缺)\s*[一1]\s*$")
_COUNTED_STARTS = re.compile(rf"^(?:{COUNTER})[^\d]{{0,12}}?[扣加减得]\s*\d")


def amount_runs_on(previous: str, text: str) -> bool:
    """「未配备保洁队伍扣」 / 「2分;……」, 「每少1人扣0.3」 / 「分。」, 「缺少一」 / 「项扣1分。」: a
    verb broken from its amount, an amount from its 分 or a count from what it counts runs on
    whatever lies between — never a points cell or a sentence of its own."""
    return bool(
        (_VERB_ENDS.search(previous) and _AMOUNT_STARTS.match(text))
        or (_NUMBER_ENDS.search(previous) and text.startswith("分"))
        or (_COUNT_ENDS.search(previous) and _COUNTED_STARTS.match(text))
    )
