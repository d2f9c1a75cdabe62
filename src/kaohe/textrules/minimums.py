"""「每年至少召开4次会议。……每少1次会议扣1分」: times short of a minimum written earlier.

The sentence 「每少1次扣0.5分」 alone counts nothing it can name: the minimum sits in an earlier
sentence of the same criteria, or in the item's name, or nowhere. Found in the text, it makes the
rule a frequency (or a shortfall when no period is written); not found, the rule goes to a person
rather than being read per occurrence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kaohe.textrules.drafts import Draft
from kaohe.textrules.patterns.shortfall import MINIMUM, MINIMUM_BEFORE, counted_unit, minimum_rule
from kaohe.textrules.sentences import SCORING


def join_minimums(drafts: list[Draft], text: str) -> list[Draft]:
    """``text`` is the normalised text the drafts' offsets point into. A sentence flagged only
    for the minimum a later rule has now read (「全年不少于6次」) needs no person any more."""
    joined, used = [], []
    for draft in drafts:
        if MINIMUM_BEFORE in draft.rule:
            draft, minimum = _with_minimum(draft, text)
            used += [minimum] if minimum else []
        joined.append(draft)
    return [draft for draft in joined if not any(_only_states(draft, m, text) for m in used)]


def _with_minimum(draft: Draft, text: str) -> tuple[Draft, re.Match[str] | None]:
    rule = {key: value for key, value in draft.rule.items() if key != MINIMUM_BEFORE}
    found = [
        minimum
        for minimum in MINIMUM.finditer(text, 0, draft.start)
        if counted_unit(minimum) == rule["unit"]
    ]
    if not found:
        return replace(draft, rule=rule).doubted(), None
    return replace(draft, rule=minimum_rule(text, found[-1], rule["amount"])), found[-1]


def _only_states(draft: Draft, minimum: re.Match[str], text: str) -> bool:
    """A flag on a sentence whose one score-bearing phrase is the minimum."""
    if draft.rule.get("guesses") != [] or not draft.start <= minimum.start() < draft.end:
        return False
    rest = text[draft.start : minimum.start()] + text[minimum.end() : draft.end]
    return SCORING.search(rest) is None
