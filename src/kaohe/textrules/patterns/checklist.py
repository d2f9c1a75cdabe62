"""Checklists: 「…；…。每未完成1项，扣1分」 and lists of conditions ending 「…的，各扣0.5分」.

The tasks are the sentences before the amount, so the sentence reader only marks the amount and
the reader gathers the tasks once every sentence of the text is known.
"""

from __future__ import annotations

import re

from kaohe.textrules.clauses import Sentence
from kaohe.textrules.patterns.base import AMOUNT, DEDUCT, SURE, Finding, sentence_reader, signed

GATHER_TASKS = "_gather_tasks"
GATHER_CONDITIONS = "_gather_conditions"

_EACH_UNDONE = re.compile(
    rf"(?:(?:每|有)\s*(?:未完成|未落实|未达到|少完成)\s*(?:一|1)\s*项"
    rf"|每有\s*(?:一|1)\s*项\s*(?:未完成|未落实|未达到))[^,;]{{0,4}}?,?\s*"
    rf"(?P<verb>{DEDUCT})\s*{AMOUNT}"
)
_EACH_CONDITION = re.compile(rf"(?:的)?\s*,?\s*各\s*(?P<verb>{DEDUCT})\s*{AMOUNT}$")


@sentence_reader("每未完成1项扣分", priority=10)
def read_checklist(sentence: Sentence) -> list[Finding]:
    findings = []
    for pattern, gather in ((_EACH_UNDONE, GATHER_TASKS), (_EACH_CONDITION, GATHER_CONDITIONS)):
        match = pattern.search(sentence.text)
        if match:
            amount = signed(match.group("verb"), match.group("amount"))
            rule = {"kind": "checklist", "amount": amount, gather: True}
            findings.append(Finding(rule, match.start(), match.end(), SURE))
    return findings
