"""Every imported rule gets a short name, proposed from its source sentence (editable later).

Explanations and the records grid name a rule by its label, else by its item's name; an item
with nine rules would otherwise show nine identical names.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kaohe.textrules.labels import propose_label


def name_rules(scheme: dict[str, Any]) -> None:
    """Sets ``label`` on every rule without one, where its text or criteria give a name."""
    for node in nodes_of(scheme.get("sections") or []):
        criteria, cursor = str(node.get("criteria") or ""), 0
        for rule in node.get("rules") or []:
            text = str(rule.get("text") or "")
            start = criteria.find(text, cursor) if text else -1
            if start >= 0:
                cursor = start + len(text)
            label = propose_label(text, criteria, start if start >= 0 else None)
            if label and not rule.get("label"):
                rule["label"] = label


def nodes_of(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from nodes_of(node.get("children") or [])
