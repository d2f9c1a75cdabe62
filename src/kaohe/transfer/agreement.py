"""How far importing a seed document agrees with its hand-encoded built-in scheme.

Indicators are matched by path, names compared without numbering, spaces or punctuation.
Matched indicators are compared on points, and leaves on what their rules score (see
``_clauses``: the same scoring written as one checklist or as several once-only deductions
compares equal) unless the import flagged a rule there: a flagged rule is one a person settles,
so it is counted apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kaohe.engine import PATH_SEPARATOR
from kaohe.transfer.importers import ImportRefused, import_file
from kaohe.transfer.importers.names import strip_numbering

SEED_SCHEMES = {
    "000": "renfang-center-2024",
    "001": "renfang-office-evaluation",
    "002": "sanming-veterans",
    "003": "dongyang-departments",
    "004": "zhangjiagang-sections",
}
_NOT_IN_NAMES = re.compile(r"[\s\W_]+")
_POINTS_NOTE = re.compile(r"\([^()]*\d[^()]*分[^()]*\)")  # after NFKC, （5分） reads (5分)
Path_ = tuple[str, ...]


@dataclass
class Agreement:
    """One seed's import set against its built-in scheme."""

    seed: str
    scheme_id: str
    problem: str = ""
    matched: int = 0
    imported_only: list[str] = field(default_factory=list)
    builtin_only: list[str] = field(default_factory=list)
    points_equal: int = 0
    points_differ: list[str] = field(default_factory=list)
    rules_equal: int = 0
    rules_differ: list[str] = field(default_factory=list)
    rules_flagged: int = 0

    @property
    def indicators(self) -> int:
        return self.matched + len(self.builtin_only)

    @property
    def tree_agrees(self) -> bool:
        return not self.problem and not self.imported_only and not self.builtin_only

    @property
    def points_agree(self) -> bool:
        return self.tree_agrees and not self.points_differ

    def lines(self, *, details: bool = True) -> list[str]:
        head = f"{self.seed} {self.scheme_id}："
        if self.problem:
            return [head + self.problem]
        compared = self.rules_equal + len(self.rules_differ)
        lines = [
            head
            + f"指标 {self.matched}/{self.indicators} 一致"
            + f"（导入多出 {len(self.imported_only)} 个）；"
            + f"分值 {self.points_equal}/{self.matched} 一致；"
            + f"规则 {self.rules_equal}/{compared} 个指标一致，"
            + f"另有 {self.rules_flagged} 个指标含待确认规则"
        ]
        if details:
            lines += [f"  仅内置方案有：{path}" for path in self.builtin_only]
            lines += [f"  仅导入结果有：{path}" for path in self.imported_only]
            lines += [f"  分值不同：{item}" for item in self.points_differ]
            lines += [f"  规则不同：{item}" for item in self.rules_differ]
        return lines


def seed_agreements(seeds_dir: str | Path, schemes_dir: str | Path) -> list[Agreement]:
    """Import every seed text found and compare it with ``schemes_dir/<id>.yaml``."""
    results = []
    for seed, scheme_id in SEED_SCHEMES.items():
        result = Agreement(seed=seed, scheme_id=scheme_id)
        documents = sorted(Path(seeds_dir).glob(f"{seed}_*.txt"))
        builtin_file = Path(schemes_dir) / f"{scheme_id}.yaml"
        if not documents:
            result.problem = f"未找到种子文件 {seed}_*.txt（目录 {seeds_dir}）"
        elif not builtin_file.exists():
            result.problem = f"缺少内置方案 {builtin_file}"
        else:
            _compare_files(result, documents[0], builtin_file)
        results.append(result)
    return results


def compare(result: Agreement, imported: dict[str, Any], builtin: dict[str, Any]) -> Agreement:
    ours = _flatten(imported.get("sections") or [])
    theirs = _flatten(builtin.get("sections") or [])
    result.imported_only = [_show(path) for path in ours if path not in theirs]
    result.builtin_only = [_show(path) for path in theirs if path not in ours]
    for path, node in ours.items():
        if path in theirs:
            result.matched += 1
            _compare_points(result, path, node, theirs[path])
            if not node.get("children"):
                _compare_rules(result, path, node, theirs[path])
    return result


def _compare_files(result: Agreement, document: Path, builtin_file: Path) -> None:
    import yaml

    try:
        imported = import_file(document, scheme_id=result.scheme_id).scheme
    except ImportRefused as error:
        result.problem = f"导入失败：{error}"
        return
    builtin = yaml.safe_load(builtin_file.read_text(encoding="utf-8"))
    compare(result, imported, builtin if isinstance(builtin, dict) else {})


def _compare_points(
    result: Agreement, path: Path_, ours: dict[str, Any], theirs: dict[str, Any]
) -> None:
    mine, built = _decimal(ours.get("points")), _decimal(theirs.get("points"))
    if mine == built:
        result.points_equal += 1
    else:
        result.points_differ.append(f"{_show(path)}：导入 {mine}，内置 {built}")


def _compare_rules(
    result: Agreement, path: Path_, ours: dict[str, Any], theirs: dict[str, Any]
) -> None:
    rules = ours.get("rules") or []
    if any(rule.get("flagged") for rule in rules):
        result.rules_flagged += 1
        return
    mine, built = _signatures(rules), _signatures(theirs.get("rules") or [])
    if mine == built:
        result.rules_equal += 1
    else:
        result.rules_differ.append(
            f"{_show(path)}：导入 {_describe(mine)}；内置 {_describe(built)}"
        )


def _signatures(rules: list[dict[str, Any]]) -> Counter[tuple[str, str]]:
    return Counter(clause for rule in rules for clause in _clauses(rule))


def _clauses(rule: dict[str, Any]) -> list[tuple[str, str]]:
    """What a rule scores, so that two ways of writing the same scoring compare equal.

    A checklist of k tasks at amount a is k once-only clauses of a, as are k per-occurrence
    rules capped at their own amount (「……的，扣0.8分」 read one by one); a checklist capped
    below what its tasks could take scores as 「a each time, at most c」, as a per-occurrence
    rule with that cap does. Every other rule compares by kind and amount.
    """
    kind, amount = str(rule.get("kind")), _decimal(rule.get("amount"))
    cap = _decimal(rule.get("cap"))
    shown = _amount(rule)
    levels = rule.get("levels")
    if isinstance(levels, dict) and kind in ("per_occurrence", "tiered"):
        # Amounts by level that add up (每个…, 分别加减…): one clause per level; the level names
        # are the office's own words and may differ. Only the highest level: one clause.
        amounts = [_number(_decimal(value) or ZERO) for value in levels.values()]
        if kind == "tiered" and rule.get("highest_only", True):
            return [(_HIGHEST, "/".join(sorted(amounts)))]
        return [(_BY_LEVEL, each) for each in amounts]
    if amount is None or kind not in ("checklist", "per_occurrence"):
        return [(kind, shown)]
    if kind == "checklist":
        tasks = len(rule.get("tasks") or [])
        if cap is None or cap >= tasks * abs(amount):
            return [(_ONCE, shown)] * tasks
    elif cap is None:
        return [(_EACH, shown)]
    elif cap == abs(amount):
        return [(_ONCE, shown)]
    return [(f"{_EACH}（至多 {_number(cap)}）", shown)]


_ONCE, _EACH, _BY_LEVEL, _HIGHEST = "每项一次", "每次", "按级别累计", "按级别取最高"
ZERO = Decimal(0)


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _amount(rule: dict[str, Any]) -> str:
    value = _decimal(rule.get("amount"))
    return "" if value is None else _number(value)


def _describe(signatures: Counter[tuple[str, str]]) -> str:
    if not signatures:
        return "无规则"
    return "、".join(
        f"{kind}{'(' + amount + ')' if amount else ''}×{count}"
        for (kind, amount), count in sorted(signatures.items())
    )


def _flatten(nodes: list[dict[str, Any]], above: Path_ = ()) -> dict[Path_, dict[str, Any]]:
    flat: dict[Path_, dict[str, Any]] = {}
    for node in nodes:
        path = (*above, _key(str(node.get("name", ""))))
        flat[path] = node
        flat.update(_flatten(node.get("children") or [], path))
    return flat


def _key(name: str) -> str:
    bare = strip_numbering(unicodedata.normalize("NFKC", name))
    return _NOT_IN_NAMES.sub("", _POINTS_NOTE.sub("", bare))


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def _show(path: Path_) -> str:
    return PATH_SEPARATOR.join(path)
