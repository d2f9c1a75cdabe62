"""What a person reading the whole table concludes that no single cell says.

Runs on the assembled scheme, before validation:

1. A group's points shared out among children that were given none: children whose rules are
   all once-only deductions are worth what they can deduct, and a single child left over takes
   what remains (基础管理（15分） › 机构编制管理（5） › two items with no points of their own).
2. Credits on a scored item (「……的，得0.4分」) that add up to its points read as a checklist:
   the item starts full, so each task not done takes its credit away. Credits that do not add up
   to the points are flagged: as written they could never change the score.
3. An item with criteria but no rule read from them is never silently worth its full points: an
   evaluation item (评价, 测评, 评议) gets a flagged evaluation rule, any other item a flagged
   discretionary one, for a person to settle.

Every change is told in the report.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from kaohe.transfer.importers.assemble import bound_discretion, path_text
from kaohe.transfer.importers.names import strip_numbering
from kaohe.transfer.importers.report import ImportReport, PointsCheck, shown

Node = dict[str, Any]
ZERO = Decimal(0)
EVALUATION_NAME = re.compile(r"评价|测评|评议|满意度")
_EVALUATION_SUFFIX = re.compile(r"(?:综合)?(?:评价|测评|评议|满意度)$")
_CLAUSE = re.compile(r"[^；;。\n]+")
_CREDIT = re.compile(r"[，,]?\s*(?:的)?[，,]?\s*得\s*\d+(?:\.\d+)?\s*分\s*$")
HUNDRED = Decimal(100)
_ENTRY = re.compile(r"参赛|参评|参加.{0,12}(?:评审|评选|比赛|竞赛)")
# 「取消…参评先进集体…资格」 takes a unit out of the running: no entry bonus.
_DISQUALIFIED = re.compile(r"取消[^。;；]{0,30}?资格")


def settle(scheme: dict[str, Any], report: ImportReport) -> None:
    for section in scheme.get("sections", []):
        _walk(section, (), report)


def _walk(node: Node, path: tuple[str, ...], report: ImportReport) -> None:
    path = (*path, node["name"])
    children = node.get("children")
    if children:
        for child in children:
            _walk(child, path, report)
        _share_out_points(node, path, report)
        return
    if node.get("kind") == "scored" and node.get("rules"):
        _credits_as_checklist(node, path, report)
        _short_checklist(node, path, report)
        _entry_and_placing(node, path, report)
    if not node.get("rules") and node.get("criteria"):
        _rule_for_unread(node, path, report)
    if not node.get("points") and any(r["kind"] == "evaluation" for r in node.get("rules", [])):
        node["points"] = HUNDRED
        report.notes.append(f"{path_text(path)}：测评项未写分值，按百分制 100 分导入")


def _share_out_points(group: Node, path: tuple[str, ...], report: ImportReport) -> None:
    declared = group.get("points") or ZERO
    children = group["children"]
    missing = [child for child in children if not child.get("points") and "children" not in child]
    if not declared or not missing:
        return
    worth = {id(child): _deductible(child) for child in missing}
    known = sum((child.get("points") or ZERO for child in children), ZERO)
    guessed = sum((value for value in worth.values() if value is not None), ZERO)
    left = [child for child in missing if worth[id(child)] is None]
    if len(left) > 1 or known + guessed > declared or (not left and known + guessed != declared):
        return
    remainder = declared - known - guessed
    values = [remainder if (value := worth[id(child)]) is None else value for child in missing]
    if any(value <= 0 for value in values):
        return
    for child, value in zip(missing, values, strict=True):
        if worth[id(child)] is None:
            how = f"取「{path_text(path)}」{shown(declared)} 分减去其余各项后的余数"
        else:
            how = "取其各条扣分之和（每条只扣一次）"
        child["points"] = value
        for rule in child.get("rules") or []:
            if rule["kind"] == "discretionary" and not rule.get("max"):
                rule["max"] = value  # bounded by the item's points, as when they are written
        report.notes.append(
            f"{path_text((*path, child['name']))}：未写分值，{how}，按 {shown(value)} 分导入"
        )
    _correct_check(report, path_text(path), declared)


def _deductible(node: Node) -> Decimal | None:
    """What an item's rules can deduct in all when each deducts at most once; None otherwise."""
    rules = node.get("rules") or []
    if not rules:
        return None
    total = ZERO
    for rule in rules:
        once = _once_only(rule)
        if once is None or once[0] >= 0:
            return None
        total += -once[0] * once[1]
    return total


def _once_only(rule: Node) -> tuple[Decimal, int] | None:
    """(amount, how many times at most) for a rule that gives a fixed amount at most once per
    task: a checklist, or 「……的，扣0.6分」 read as once per occurrence capped at its amount."""
    if rule.get("flagged"):
        return None
    amount = rule.get("amount")
    if not isinstance(amount, Decimal):
        return None
    if rule["kind"] == "checklist":
        return amount, len(rule.get("tasks") or [])
    if (
        rule["kind"] == "per_occurrence"
        and rule.get("cap") == abs(amount)
        and not rule.get("levels")
    ):
        return amount, 1
    return None


def _correct_check(report: ImportReport, path: str, declared: Decimal) -> None:
    report.points_checks = [
        check if check.path != path else PointsCheck(path, declared, declared)
        for check in report.points_checks
    ]


def _credits_as_checklist(node: Node, path: tuple[str, ...], report: ImportReport) -> None:
    rules = node["rules"]
    credits = [rule for rule in rules if _is_credit(rule)]
    points = node.get("points") or ZERO
    total = sum((rule["amount"] for rule in credits), ZERO)
    where = path_text(path)
    if len(credits) < len(rules):
        # 「达到上年的，得15分；每增1亿元加1分，最多加5分」: a credit short of the item's points,
        # in a sentence whose rest is left for a person, sets the value, not a task's share.
        valued = [rule for rule in credits if _beside_a_flag(rule, rules, node.get("criteria", ""))]
        if valued and total < points:
            _flag_credits(valued, total, points, where, report)
        return
    if total != points:
        for rule in rules:
            rule["flagged"] = True
            report.rules_flagged.append(
                f"{where}：{rule.get('text', '')}（各项得分合计 {shown(total)} 分，"
                f"与本项 {shown(points)} 分不符）"
            )
        return
    tasks = _credit_tasks(node.get("criteria", ""), len(rules))
    checklists: dict[Decimal, Node] = {}
    for number, (rule, task) in enumerate(zip(rules, tasks, strict=True), 1):
        amount = -rule["amount"]
        if amount not in checklists:
            checklists[amount] = {
                "id": f"{node['code']}-{len(checklists) + 1}",
                "kind": "checklist",
                "amount": amount,
                "tasks": [],
                "text": "",
            }
        listed = checklists[amount]
        listed["tasks"].append(task or f"第{number}项")
        listed["text"] += rule.get("text", "")
    node["rules"] = list(checklists.values())
    report.notes.append(
        f"{where}：各项得分合计等于本项 {shown(points)} 分，按未完成事项扣分导入（检查清单）"
    )


def _is_credit(rule: Node) -> bool:
    once = _once_only(rule)
    return once is not None and once[0] > 0 and once[1] == 1


def _beside_a_flag(credit: Node, rules: list[Node], criteria: str) -> bool:
    """Whether the rest of the credit's sentence, after it, was left for a person."""
    own = str(credit.get("text", ""))
    sentence = next((s for s in _SENTENCE.findall(criteria) if own in s), "")
    rest = sentence[sentence.find(own) + len(own) :] if own and sentence else ""
    flagged = [str(rule.get("text", "")) for rule in rules if rule.get("flagged")]
    return any(text and text in rest for text in flagged)


_SENTENCE = re.compile(r"[^。\n]+")


def _flag_credits(
    credits: list[Node], total: Decimal, points: Decimal, where: str, report: ImportReport
) -> None:
    for rule in credits:
        rule["flagged"] = True
        report.rules_flagged.append(
            f"{where}：{rule.get('text', '')}（各项得分合计 {shown(total)} 分，"
            f"与本项 {shown(points)} 分不符）"
        )


def _short_checklist(node: Node, path: tuple[str, ...], report: ImportReport) -> None:
    """A lone checklist whose tasks cannot take the item's points away was likely read with its
    tasks run together (「开展勘踏，编写方案」 is two tasks): a person counts them."""
    rules = node["rules"]
    if len(rules) != 1 or rules[0]["kind"] != "checklist" or rules[0].get("flagged"):
        return
    rule = rules[0]
    reach = len(rule.get("tasks") or []) * abs(rule["amount"])
    if reach < (node.get("points") or ZERO):
        rule["flagged"] = True
        report.rules_flagged.append(
            f"{path_text(path)}：读出 {len(rule.get('tasks') or [])} 项任务，"
            f"最多扣 {shown(reach)} 分，少于本项 {shown(node['points'])} 分，请核对任务"
        )


def _entry_and_placing(node: Node, path: tuple[str, ...], report: ImportReport) -> None:
    """「参赛加0.1分；获得前3名的分别加0.5、0.3、0.2分」: every unit that places also took part,
    and the text does not say whether the two add up or only the higher counts."""
    if not _ENTRY.search(_DISQUALIFIED.sub("", node.get("criteria", ""))):
        return
    rules = node["rules"]
    entry = [r for r in rules if (once := _once_only(r)) is not None and once[0] > 0]
    placing = [
        r
        for r in rules
        if r["kind"] == "tiered" and all(v > 0 for v in r.get("levels", {}).values())
    ]
    if not (entry and placing):
        return
    for rule in (*entry, *placing):
        rule["flagged"] = True
    report.rules_flagged.append(
        f"{path_text(path)}：参赛（参加）加分与名次加分是否叠加，原文未写明，请确认"
    )


def _credit_tasks(criteria: str, count: int) -> list[str]:
    """The task each credit is for: its clause without the 「的，得X分」 ending."""
    clauses = [clause for clause in _CLAUSE.findall(criteria) if _CREDIT.search(clause)]
    if len(clauses) != count:
        return [""] * count
    return [strip_numbering(_CREDIT.sub("", clause)).strip(" ,，") for clause in clauses]


def _rule_for_unread(node: Node, path: tuple[str, ...], report: ImportReport) -> None:
    where = path_text(path)
    text = node["criteria"]
    if EVALUATION_NAME.search(node["name"]):
        node["kind"] = "value"
        rule: Node = {"kind": "evaluation", "groups": {evaluator(node["name"]): Decimal(1)}}
        report.rules_flagged.append(f"{where}：测评项，请确认评价主体及权重")
    else:
        rule = {"kind": "discretionary"}
        bound_discretion(rule, node)
        report.rules_flagged.append(f"{where}：未读出计分规则，按酌情扣分待人工确认")
    node["rules"] = [{"id": f"{node['code']}-1", **rule, "text": text, "flagged": True}]
    report.rules_parsed += 1


def evaluator(name: str) -> str:
    """Who evaluates an evaluation item, from its name: 举办单位评价 → 举办单位. (Weights between
    several evaluators are read from the criteria by the text-rule reader.)"""
    return _EVALUATION_SUFFIX.sub("", name) or name
