"""An amount at the assessor's discretion: 「…的，酌情扣2分」 takes up to 2, as they judge.

酌情 (视情, 根据情况) puts the amount in the assessor's hands; written with one amount, that
amount is the most they may take or give (扣1-5分 writes both bounds, discretion.py). Per thing
(「每次酌情扣1分」) the amount is counted as well as chosen: left to the other readers, or a person.
"""

from __future__ import annotations

import re

from kaohe.textrules.clauses import Sentence, clause_start
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.patterns.base import ADD, DEDUCT, SURE, Finding, sentence_reader

_UP_TO = re.compile(
    rf"(?:酌情|视情况?|根据情况)\s*(?P<verb>{DEDUCT}|{ADD}|给)\s*(?P<amount>{NUMBER})\s*分"
    r"(?!\s*(?:-|~|至|到|—|/))"
)


@sentence_reader("酌情扣2分", priority=29, needs="酌视根")
def read_up_to(sentence: Sentence) -> list[Finding]:
    findings = []
    for match in _UP_TO.finditer(sentence.text):
        if "每" in sentence.text[clause_start(sentence.text, match.start()) : match.start()]:
            continue
        adds = re.fullmatch(ADD, match.group("verb")) or match.group("verb") == "给"
        rule = {
            "kind": "discretionary",
            "max": number(match.group("amount")),
            "direction": "add" if adds else "deduct",
        }
        findings.append(Finding(rule, match.start(), match.end(), SURE))
    return findings
