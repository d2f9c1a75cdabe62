"""What an import found, told back to the office that uploaded the document."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from kaohe.textrules.normalize import to_simplified
from kaohe.textrules.vocabulary import SCORING_WORD

LEVEL_NAMES = ("一级", "二级", "三级", "四级", "五级", "六级")


@dataclass(frozen=True)
class PointsCheck:
    """Whether a group's own points equal the sum of its scored children."""

    path: str
    declared: Decimal
    children: Decimal

    @property
    def adds_up(self) -> bool:
        return self.declared == self.children


@dataclass
class ImportReport:
    source: str
    kind: str
    indicators_by_level: Counter[int] = field(default_factory=Counter)
    points_by_level: dict[int, Decimal] = field(default_factory=dict)
    points_checks: list[PointsCheck] = field(default_factory=list)
    rules_parsed: int = 0
    rules_flagged: list[str] = field(default_factory=list)
    cells_ignored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    scheme_problems: list[str] = field(default_factory=list)
    ignored_scoring: list[bool] = field(default_factory=list)
    """For each ignored cell, whether it holds a scoring word."""
    ignored_texts: list[str] = field(default_factory=list)
    """For each ignored cell, its whole text (the list above shows only its start)."""
    pending: list[str] = field(default_factory=list)
    """What a person must settle before publishing (0-point or ruleless items, points that do
    not add up, flags): shown first, and the check never says 通过 while any stands."""
    """Ignored cells that hold a scoring word (a reading that drops such cells loses rules)."""

    @property
    def indicator_count(self) -> int:
        return sum(self.indicators_by_level.values())

    @property
    def points_add_up(self) -> bool:
        return all(check.adds_up for check in self.points_checks)

    @property
    def scoring_ignored(self) -> int:
        return sum(self.ignored_scoring)

    def ignore(self, where: str, text: str) -> None:
        self.ignored_scoring.append(bool(SCORING_WORD.search(to_simplified(text))))
        self.ignored_texts.append(text)
        preview = " ".join(text.split())
        self.cells_ignored.append(f"{where}：{preview[:40]}{'…' if len(preview) > 40 else ''}")

    def forget_ignored(self, since: int = 0) -> None:
        """A reading given up: the cells it ignored (from the ``since``-th on) are not lost."""
        del self.cells_ignored[since:]
        del self.ignored_scoring[since:]
        del self.ignored_texts[since:]

    def take_ignored(self, other: ImportReport) -> None:
        """The reading kept is ``other``'s: its ignored cells replace this report's."""
        self.cells_ignored[:] = other.cells_ignored
        self.ignored_scoring[:] = other.ignored_scoring
        self.ignored_texts[:] = other.ignored_texts

    def unignore(self, index: int) -> None:
        """The ``index``-th ignored cell was placed after all: it leaves the list."""
        del self.cells_ignored[index]
        del self.ignored_scoring[index]
        del self.ignored_texts[index]

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "kind": self.kind,
            "indicators": self.indicator_count,
            "indicators_by_level": dict(sorted(self.indicators_by_level.items())),
            "points_add_up": self.points_add_up,
            "rules_parsed": self.rules_parsed,
            "rules_flagged": len(self.rules_flagged),
            "cells_ignored": len(self.cells_ignored),
            "scheme_problems": list(self.scheme_problems),
            "pending": list(self.pending),
        }

    def lines(self) -> list[str]:
        """The report as the command prints it."""
        lines = [f"导入文件：{self.source}（{_KIND_LABELS.get(self.kind, self.kind)}）"]
        if self.pending:
            lines.append(f"待处理：{len(self.pending)} 项（已作为草稿导入，处理后方可发布）")
            lines.extend(f"  {item}" for item in self.pending)
        levels = "，".join(
            f"{_level(level)} {count} 个（合计 {shown(self._points_at(level))} 分）"
            for level, count in sorted(self.indicators_by_level.items())
        )
        lines.append(f"指标：共 {self.indicator_count} 个；{levels}")
        lines.extend(self._points_lines())
        lines.append(
            f"规则：识别 {self.rules_parsed} 条，其中待人工确认 {len(self.rules_flagged)} 条"
        )
        lines.extend(f"  待确认 {item}" for item in self.rules_flagged)
        lines.append(f"忽略的单元格/段落：{len(self.cells_ignored)} 处")
        lines.extend(f"  {item}" for item in self.cells_ignored)
        lines.extend(f"提示：{note}" for note in self.notes)
        if self.scheme_problems:
            lines.append("方案校验未通过：")
            lines.extend(f"  {problem}" for problem in self.scheme_problems)
        elif self.pending:
            lines.append(f"方案校验：引擎可以载入，尚有 {len(self.pending)} 项待处理（见开头）")
        else:
            lines.append("方案校验：通过")
        return lines

    def _points_at(self, level: int) -> Decimal:
        return self.points_by_level.get(level, Decimal(0))

    def _points_lines(self) -> list[str]:
        wrong = [check for check in self.points_checks if not check.adds_up]
        if not wrong:
            return [f"分值：各级合计一致（核对 {len(self.points_checks)} 处）"]
        lines = [f"分值：{len(wrong)} 处合计不一致"]
        lines.extend(
            f"  {check.path}：本级 {shown(check.declared)} 分，下级合计 {shown(check.children)} 分"
            for check in wrong
        )
        return lines


_KIND_LABELS = {"xlsx": "Excel 工作簿", "docx": "Word 文档", "text": "纯文本"}


def _level(level: int) -> str:
    return f"{LEVEL_NAMES[level]}指标" if level < len(LEVEL_NAMES) else f"{level + 1}级指标"


def shown(value: Decimal) -> str:
    """A number as the report writes it: 2.90 → 2.9, 5.0 → 5."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
