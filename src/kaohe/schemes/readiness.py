"""What stands between a draft and publication, and the flagged rules a person must settle.

A flagged rule is shown with the reader's half-readings of its source sentence — read again
from the sentence by ``kaohe.textrules`` — each a one-click choice. Publishing is refused while
:func:`publish_blockers` lists anything.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kaohe.engine import PATH_SEPARATOR, Scheme, rule_sentence, scheme_notes
from kaohe.engine.loading.settings import to_decimal
from kaohe.schemes.editing.tree import nodes_with_positions, position_text
from kaohe.textrules import read_criteria


@dataclass(frozen=True)
class Choice:
    """One reading a flagged rule may be turned into, told in plain Chinese."""

    index: int
    sentence: str


@dataclass(frozen=True)
class FlaggedRule:
    position: str
    index: int
    path: str
    name: str
    text: str
    sentence: str
    choices: tuple[Choice, ...]
    # The text alone was kept (酌情, up to the item's 0 points): confirming it as it stands
    # would give a rule that can never score, so the clerk reads, rewrites or deletes it.
    scores_nothing: bool = False


def publish_blockers(scheme: Scheme) -> list[str]:
    """Everything that must be settled first: flagged rules, items without rules, items that
    can only ever score 0, groups whose items do not add up to their points, and amounts an
    assessor would choose between 0 and 0."""
    blockers = scheme_notes(scheme)
    for node in scheme.leaves():
        stuck = node.floor == 0 and node.cap == 0
        if stuck and any(rule.kind != "veto" for rule in node.rules):
            blockers.append(f"{node.path}: 分值为 0，本项永远得 0 分")
        for rule in node.rules:
            if picks_between_nothing(rule.kind, rule.settings):
                blockers.append(f"{node.path}{PATH_SEPARATOR}规则「{rule.title}」: 酌情范围为 0 分")
    return blockers


def flagged_rules(data: dict[str, Any]) -> list[FlaggedRule]:
    flagged = []
    for position, path, node in nodes_with_positions(data.get("sections") or []):
        for index, rule in enumerate(node.get("rules") or []):
            if isinstance(rule, dict) and rule.get("flagged"):
                readings = readings_for(rule, node.get("points"))
                choices = tuple(
                    Choice(number, rule_sentence(reading))
                    for number, reading in enumerate(readings)
                )
                name = str(rule.get("label") or rule.get("id") or "")
                text = str(rule.get("text") or "")
                flagged.append(
                    FlaggedRule(
                        position_text(position),
                        index,
                        path,
                        name,
                        text,
                        rule_sentence(rule),
                        choices,
                        picks_between_nothing(str(rule.get("kind")), rule),
                    )
                )
    return flagged


def picks_between_nothing(kind: str, settings: Mapping[str, Any]) -> bool:
    """An amount an assessor would choose between 0 and 0: a rule that can never score."""
    return kind == "discretionary" and not settings.get("max")


def readings_for(rule: dict[str, Any], points: Any) -> list[dict[str, Any]]:
    """The reader's readings of the rule's source sentence, confident ones and half-readings
    alike, without repeats and without the flagged rule itself."""
    text = str(rule.get("text") or "")
    if not text:
        return []
    try:
        reading = read_criteria(text, points=number_or_none(points))
    except Exception:  # a reader bug costs the choices, never the editor
        return []
    found: list[dict[str, Any]] = []
    for read in reading.rules:
        for candidate in unfolded(list(read.guesses) if read.flagged else [read.rule]):
            if candidate not in found and candidate != {"kind": "discretionary"}:
                found.append(candidate)
    return found


def unfolded(candidates: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Each candidate as a rule: a half-reading that holds further guesses gives those."""
    for candidate in candidates:
        if candidate.get("guesses"):
            yield from unfolded(candidate["guesses"])
        else:
            yield {key: value for key, value in candidate.items() if key not in ("text", "flagged")}


def number_or_none(value: Any) -> Decimal | None:
    try:
        return to_decimal(value)
    except (ValueError, ArithmeticError):
        return None
