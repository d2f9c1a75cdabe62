"""Counting words, periods and levels that sentences use around numbers."""

from __future__ import annotations

import re

COUNTERS: tuple[str, ...] = (
    "人次", "件次", "批次", "台次", "案次", "条", "件", "篇", "次", "项", "例",
    "宗", "户", "起", "个", "人", "家", "份", "种", "处", "天", "名", "位", "期", "场", "所",
    "批", "案", "卷", "辆", "亩", "张", "台", "套", "座", "栋", "株", "棵", "伙", "本", "只", "节",
)  # fmt: skip
"""Counting words, longest first so 人次 wins over 人."""

COUNTER = "(?:" + "|".join(COUNTERS) + ")"

PERIODS: dict[str, str] = {
    "每月": "month",
    "每个月": "month",
    "月度": "month",
    "每季度": "quarter",
    "每季": "quarter",
    "每个季度": "quarter",
    "每半年": "half",
    "全年": "year",
    "每年": "year",
    "年内": "year",
    "一年内": "year",
}

LEVELS: tuple[str, ...] = (
    "中央级", "国家级", "部级", "省级", "市级", "县级", "区级", "镇级", "本级", "中央", "国家",
    "绝密", "机密", "秘密", "到京", "进京", "赴京", "到省(?!级)", "赴省", "到市(?!级)",
    "到县(?!级)", "去京", "去省(?!级)", "去市(?!级)", "赴市(?!级)",
)  # fmt: skip
"""Level words (regular expressions) naming amounts in a per-level rule: 市级/省级, 到省."""

SCORING_WORD = re.compile(
    r"(?:扣|加|减|得)\s*(?:[\d.]+|[一二两三四五六七八九十半]+)\s*分|不得分|不计分|不记分|不给分|否决|折算|"
    r"列最后|取消[^，,。；;]{0,12}资格|按[^，,。；;]{1,20}计(?:分|算|入)|酌情|视情|倒扣|扣分|加分|"
    r"扣除|扣减|得满分|减半计|计\s*\d+(?:\.\d+)?\s*分|占\s*\d+(?:\.\d+)?\s*(?:分|%)"
)
"""A word that puts a score on a sentence: a sentence holding one must end as a rule or a flag."""
