"""Reading the indicator tree: nodes, their bounds, and the rules on them."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from kaohe.engine.loading.settings import Settings, normalise
from kaohe.engine.model.scheme import PATH_SEPARATOR, Node, NodeKind, NotApplicable, Owners, Rule
from kaohe.engine.numbers import ZERO, show
from kaohe.engine.rules.registry import kinds

LEAF_KINDS = ("scored", "penalty", "bonus", "value")
RULE_COMMON = ("id", "kind", "label", "cap", "multipliers", "text", "flagged")


def default_bounds(kind: NodeKind, points: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    """(floor, cap) when the scheme does not say: 扣完为止 for scored items, and so on."""
    if kind in ("scored", "value"):
        return ZERO, points
    if kind == "penalty":
        return (-points if points is not None else None), ZERO
    if kind == "bonus":
        return ZERO, points
    return None, points


def earns_points(node: Node) -> bool:
    """Whether the node's points are full marks (scored or value items somewhere inside)."""
    return any(item.kind in ("scored", "value") for item in node.walk())


class TreeReader:
    """Reads sections recursively; problems are collected, not raised, so all are reported."""

    def __init__(self, scheme_label: str, problems: list[str]) -> None:
        self.scheme_label = scheme_label
        self.problems = problems
        self.code_counter = 0

    def where(self, path: str) -> str:
        return f"{self.scheme_label}{PATH_SEPARATOR}{path}" if path else self.scheme_label

    def nodes(self, raw: Any, parent_path: str, parent_code: str) -> tuple[Node, ...]:
        if not isinstance(raw, list):
            self.problems.append(f"{self.where(parent_path)}: 子指标应为列表")
            return ()
        nodes: list[Node] = []
        for position, item in enumerate(raw, start=1):
            code = f"{parent_code}.{position}" if parent_code else str(position)
            if not isinstance(item, Mapping):
                self.problems.append(f"{self.where(parent_path)}: 第 {position} 个子指标应为映射")
                continue
            nodes.append(self.node(item, parent_path, code))
        self.check_unique_names(nodes, parent_path)
        return tuple(nodes)

    def check_unique_names(self, nodes: list[Node], parent_path: str) -> None:
        seen: set[str] = set()
        for node in nodes:
            if node.name in seen:
                self.problems.append(f"{self.where(parent_path)}: 同级指标名称「{node.name}」重复")
            seen.add(node.name)

    def node(self, raw: Mapping[str, Any], parent_path: str, default_code: str) -> Node:
        name = str(raw.get("name") or "").strip()
        path = f"{parent_path}{PATH_SEPARATOR}{name}" if parent_path else name
        settings = Settings(raw, self.where(path), self.problems)
        if not name:
            settings.problem("缺少指标名称「name」")
        settings.used.add("name")
        code = settings.text("code", default_code) or default_code
        children = self.nodes(settings.get("children"), path, code) if raw.get("children") else ()
        settings.used.add("children")
        kind = self.kind(settings, bool(children))
        points = settings.non_negative("points")
        if points is None and kind == "group":
            points = self.children_points(children)
        floor, cap = self.bounds(settings, kind, points)
        rules = tuple(
            self.rule(item, path, index) for index, item in enumerate(self.rule_list(settings), 1)
        )
        node = Node(
            name=name,
            code=code,
            path=path,
            kind=kind,
            points=points,
            floor=floor,
            cap=cap,
            rules=rules,
            children=children,
            criteria=settings.text("criteria"),
            assessor=settings.text("assessor"),
            owners=self.owners(settings),
            applies_to=settings.texts("applies_to"),
            not_applicable=self.not_applicable(settings),
            system=settings.text("system"),
            decimals=self.decimals(settings, bool(children)),
        )
        settings.finish()
        self.check_node(node, settings)
        return node

    def kind(self, settings: Settings, has_children: bool) -> NodeKind:
        if has_children:
            if settings.has("kind") and settings.get("kind") != "group":
                settings.problem("有子指标的节点是分组，不能设置 kind（可设 floor / cap）")
            settings.used.add("kind")
            return "group"
        kind = settings.choice("kind", LEAF_KINDS, "scored")
        return kind  # type: ignore[return-value]

    def decimals(self, settings: Settings, has_children: bool) -> int | None:
        """本项得分保留 N 位小数: an item's score rounded half-up before it is summed."""
        if not settings.has("decimals"):
            return None
        value = settings.decimal("decimals")
        if has_children:
            settings.problem(
                "「decimals」只能用于末级指标；一级指标的取整请写在公式中，如 round(指标, 2)"
            )
        elif value is None or value != value.to_integral_value() or not 0 <= value <= 6:
            settings.problem("「decimals」应为 0 到 6 的整数")
        else:
            return int(value)
        return None

    def children_points(self, children: tuple[Node, ...]) -> Decimal | None:
        """The full marks the children add up to; bonus and penalty allowances add none."""
        counted = [child.points for child in children if earns_points(child)]
        if not counted or any(points is None for points in counted):
            return None
        return sum((points for points in counted if points is not None), ZERO)

    def bounds(
        self, settings: Settings, kind: NodeKind, points: Decimal | None
    ) -> tuple[Decimal | None, Decimal | None]:
        floor, cap = default_bounds(kind, points)
        if settings.has("floor"):
            floor = settings.decimal("floor")
        if settings.has("cap"):
            cap = settings.non_negative("cap")
        if floor is not None and cap is not None and floor > cap:
            settings.problem(f"下限 floor {show(floor)} 高于上限 cap {show(cap)}")
        return floor, cap

    def rule_list(self, settings: Settings) -> list[Mapping[str, Any]]:
        raw = settings.get("rules")
        if raw is None:
            return []
        if not isinstance(raw, list) or not all(isinstance(item, Mapping) for item in raw):
            settings.problem("「rules」应为规则列表")
            return []
        return raw

    def owners(self, settings: Settings) -> Owners:
        raw = settings.mapping("owners")
        if raw is None:
            return Owners()
        owner_settings = Settings(raw, f"{settings.where}{PATH_SEPARATOR}owners", self.problems)
        owners = Owners(
            owner_settings.texts("leaders"),
            owner_settings.texts("units"),
            owner_settings.texts("persons"),
        )
        owner_settings.finish()
        return owners

    def not_applicable(self, settings: Settings) -> NotApplicable:
        raw = settings.get("not_applicable")
        if raw is None:
            return NotApplicable()
        if raw in ("average", "full", "zero"):
            return NotApplicable(raw)
        if isinstance(raw, Mapping) and set(raw) == {"move_to"} and raw["move_to"]:
            return NotApplicable("move_to", str(raw["move_to"]).strip())
        settings.problem("「not_applicable」应为 average、full、zero 或 {move_to: 同级指标名称}")
        return NotApplicable()

    def check_node(self, node: Node, settings: Settings) -> None:
        roles = [kinds()[rule.kind].role for rule in node.rules if rule.kind in kinds()]
        if node.kind in ("scored", "value") and node.points is None:
            settings.problem("缺少分值「points」")
        if node.is_group:
            self.check_children_fit(node, settings)
        if node.kind == "value" and roles.count("value") != 1:
            settings.problem(
                "kind 为 value 的指标需要且只能有一条取值规则"
                "（conversion、proportional、evaluation、manual）"
            )
        if node.kind not in ("value", "penalty") and "value" in roles:
            settings.problem(
                "取值规则（conversion、proportional、evaluation、manual）"
                "只能用于 kind: value 或 penalty 的指标"
            )
        if node.is_group and node.rules and any(role != "veto" for role in roles):
            settings.problem("分组节点上只能设置一票否决规则，计分规则应放在末级指标上")

    def check_children_fit(self, node: Node, settings: Settings) -> None:
        total = self.children_points(node.children)
        if node.points is not None and total is not None and total > node.points:
            settings.problem(f"子指标分值合计 {show(total)} 超过本级分值 {show(node.points)}")

    def rule(self, raw: Mapping[str, Any], node_path: str, index: int) -> Rule:
        rule_id = str(raw.get("id") or "").strip()
        label = rule_id or f"第 {index} 条规则"
        settings = Settings(
            raw, f"{self.where(node_path)}{PATH_SEPARATOR}规则「{label}」", self.problems
        )
        if not rule_id:
            settings.problem("缺少规则编号「id」")
        kind_name = settings.text("kind")
        kind = kinds().get(kind_name)
        if kind is None:
            settings.problem(f"未知的规则类型「{kind_name}」（可用：{'、'.join(kinds())}）")
        params = kind.parse(Settings(raw, settings.where, self.problems)) if kind else None
        specific = {key: normalise(value) for key, value in raw.items() if key not in RULE_COMMON}
        rule = Rule(
            id=rule_id,
            kind=kind_name,
            node_path=node_path,
            settings=specific,
            params=params,
            label=settings.text("label"),
            cap=settings.non_negative("cap"),
            multipliers=settings.amounts("multipliers"),
            text=settings.text("text"),
            flagged=settings.boolean("flagged"),
        )
        self.check_kind_keys(raw, kind_name, settings)
        return rule

    def check_kind_keys(self, raw: Mapping[str, Any], kind_name: str, settings: Settings) -> None:
        # The kind's own Settings marked what it read; re-read here to find unknown keys.
        kind = kinds().get(kind_name)
        if kind is None:
            return
        probe = Settings(raw, settings.where, [])
        kind.parse(probe)
        for key in raw:
            if key not in probe.used and key not in RULE_COMMON:
                settings.problem(f"未知的字段「{key}」")
