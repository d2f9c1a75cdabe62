"""「…,加0.2分/个。累计不超过3分。」: a limit written as a sentence of its own bounds the rate
right before it, as 「…,最多加3分」 in the same sentence does.

Read alone, the limit is a sentence no reader understands and goes to a person while the rate
before it stays confident and unbounded: the rate would then pass the limit the office wrote.
After one rate (no cap of its own) the limit is that rate's cap; after several, or after one the
readers doubted, which it bounds is for a person to say, so the rates go to the person with it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kaohe.textrules.drafts import Draft
from kaohe.textrules.numbers import NUMBER, number
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD
from kaohe.textrules.sentences import SentenceReading

_LIMIT_ONLY = re.compile(
    r"^\s*(?:累计|合计|总计|全年)?\s*(?:加分|扣分|得分)?\s*(?:累计)?\s*"
    r"(?:最多不超过|不超过|不得超过|最多|最高)\s*(?P<verb>加|扣|得|计)?\s*"
    rf"(?P<cap>{NUMBER})\s*分\s*$"
)
_LIMITED = "_limited"
_RATES = frozenset({"per_occurrence", "shortfall", "frequency", "exceed", "baseline", "lateness"})


def join_limit_sentences(drafts: list[Draft], readings: list[SentenceReading]) -> list[Draft]:
    joined: list[Draft] = []
    for draft in drafts:
        limit = _limit_only(draft, readings)
        before = _run_before(joined, draft.sentence)
        if limit is None or not before:
            joined.append(draft)
            continue
        del joined[len(joined) - len(before) :]
        joined += _bounded(before, draft, limit)
    return joined


def _run_before(drafts: list[Draft], sentence: int) -> list[Draft]:
    """The drafts of the sentences right before ``sentence``, back to one without any."""
    run: list[Draft] = []
    reach = sentence - 1
    for draft in reversed(drafts):
        if draft.sentence < reach or not _bindable(draft) or draft.rule.get(_LIMITED):
            break  # no rate, or one bounded already by a limit sentence
        run.insert(0, draft)
        reach = draft.sentence - 1
    return run


def _limit_only(draft: Draft, readings: list[SentenceReading]) -> re.Match[str] | None:
    reading = readings[draft.sentence]
    if reading.findings or draft.rule.get("kind") != "discretionary":
        return None
    return _LIMIT_ONLY.match(reading.sentence.text)


def _bindable(draft: Draft) -> bool:
    """A rate, or a stretch the readers doubted that holds one."""
    doubted = draft.confidence < CONFIDENCE_THRESHOLD
    guesses = [Draft(guess, 0, 0, draft.confidence, 0) for guess in draft.rule.get("guesses", [])]
    return _rate(draft) or (doubted and any(map(_rate, guesses)))


def _rate(draft: Draft) -> bool:
    rule = draft.rule
    return rule.get("kind") in _RATES and "amount" in rule and "cap" not in rule


def _bounded(before: list[Draft], limit_draft: Draft, limit: re.Match[str]) -> list[Draft]:
    rate = before[0]
    verb = limit.group("verb")
    agrees = verb is None or (verb == "扣") == (rate.rule["amount"] < 0)
    if len(before) == 1 and rate.confidence >= CONFIDENCE_THRESHOLD and agrees:
        rule = {**rate.rule, "cap": number(limit.group("cap"))}
        return [replace(rate, rule=rule, end=limit_draft.end)]
    guesses = [guess for draft in before for guess in draft.rule.get("guesses", [draft.rule])]
    rule = {"kind": "discretionary", "guesses": guesses, _LIMITED: True}
    return [replace(rate, rule=rule, end=limit_draft.end, confidence=limit_draft.confidence)]
