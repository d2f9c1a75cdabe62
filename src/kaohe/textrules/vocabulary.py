"""Counting words, periods and levels that sentences use around numbers."""

from __future__ import annotations

COUNTERS: tuple[str, ...] = (
    "人次", "件次", "批次", "台次", "条", "件", "篇", "次", "项", "例",
    "宗", "户", "起", "个", "人", "家", "份", "种", "处", "天", "名", "位", "期", "场", "所",
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
    "绝密", "机密", "秘密", "到京", "到省(?!级)", "到市(?!级)",
)  # fmt: skip
"""Level words (regular expressions) naming amounts in a per-level rule: 市级/省级, 到省."""
