"""Sentence readers, one small module per rule kind, registered in priority order.

More specific readers come first: a finding that overlaps an earlier one is dropped. The
one-time amount reader (「…的，扣0.5分」) and the weak 酌情扣分 reader come last.
"""

from __future__ import annotations

from kaohe.textrules.patterns import (  # noqa: F401  (importing registers, in this order)
    baseline,
    checklist,
    colour,
    discretion,
    events,
    levels,
    nodefacts,
    occurrence,
    rank,
    shortfall,
    value,
)
from kaohe.textrules.patterns.base import SENTENCE_READERS, Finding, SentenceReader

_ORDER = (
    "每未完成1项扣分",
    "名次加分",
    "扣1-5分",
    "第几名加分",
    "红黄绿灯",
    "基数上下",
    "超额加分",
    "逾期扣分",
    "分别扣几分",
    "评价权重",
    "半年与年终权重",
    "不少于几次",
    "每减少一个单位扣分",
    "每件扣分",
    "一票否决",
    "该项不得分",
    "折算",
    "按完成比例得分",
    "整项扣分上限与加分上限",
)


def ordered_readers() -> list[SentenceReader]:
    """Every sentence reader, most specific first, ending with the fallbacks."""
    by_name = dict(SENTENCE_READERS)
    return [by_name[name] for name in _ORDER] + [occurrence.read_once, discretion.read_at_will]


__all__ = ["Finding", "SentenceReader", "ordered_readers"]
