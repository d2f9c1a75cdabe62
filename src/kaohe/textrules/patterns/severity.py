"""Severity tiers in one breath: 「造成一般事故的扣5分，较大事故的扣10分」.

The amounts are alternatives for one event graded by its severity, not additions: a 较大事故
costs 10, not 5 + 10. They become one tiered rule whose levels are the grades as written, the
highest level only counting (the sentence has no 每, so each grade costs its amount once).
"""

from __future__ import annotations

import re

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.patterns.base import AMOUNT, DEDUCT, SURE, Finding, sentence_reader, signed

SEVERITIES = r"特别重大|特大|重大|较大|一般|轻微|较轻|较重|严重|特别严重"
TIER = re.compile(
    rf"(?P<level>(?:情节)?(?:{SEVERITIES})[\u4e00-\u9fff]{{0,6}}?)\s*的?\s*,?\s*"
    rf"(?P<verb>{DEDUCT})\s*{AMOUNT}(?!\s*(?:-|至|到|/))"
)


@sentence_reader("一般事故扣5分、较大事故扣10分", priority=14, needs="般大重轻")
def read_severity_tiers(sentence: Sentence) -> list[Finding]:
    tiers = list(TIER.finditer(sentence.text))
    levels = {
        tier.group("level"): signed(tier.group("verb"), tier.group("amount")) for tier in tiers
    }
    if len(tiers) < 2 or len(levels) < len(tiers) or _joined_by_every(sentence.text, tiers):
        return []
    rule = {"kind": "tiered", "levels": levels, "highest_only": True}
    return [Finding(rule, tiers[0].start(), tiers[-1].end(), SURE)]


def _joined_by_every(text: str, tiers: list[re.Match[str]]) -> bool:
    """「每发生一般事故扣5分」 counts events: per occurrence by level, not a one-off tier."""
    return "每" in text[: tiers[-1].end()]
