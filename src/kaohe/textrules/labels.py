"""A short name for a rule, proposed from the sentence it was read from.

An item often carries several rules whose sentences differ only in their condition
(「迟到、早退,每人次扣0.5分；旷工的，每次扣2分」): an assessor picking a rule, or reading an
explanation, needs the condition (「迟到、早退」), not the amount. The name is the part of the
rule's own text before its scoring words, else the clause of the criteria just before the text.
"""

from __future__ import annotations

import re

MAX_LABEL = 16
"""Characters a name may have before it is cut: it must fit a picker and an explanation line."""

SCORING = re.compile(
    r"每|各扣|倒扣|[扣减]\s*[\d０-９.]|[扣减]除|加\s*[\d０-９.]|得\s*[\d０-９.]|得满分|不少于|至少|少于"
    r"|少一|不得分|不计分|酌情|不达标|分别[加扣]|予以|按比例|按完成|否则|该项|本项"
    r"|[一1两二]\s*[次项起件篇]\s*[扣加减得]"
)
NUMBERING = re.compile(
    r"^(?:\d+[.．、](?!\d)|[（(]\s*[\d一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+、|[①-⑳])"
)
LEADING_WORDS = re.compile(r"^(?:主要包括|凡是|凡|对于|对|如果|如|若|因|按照|按|根据|依据)")
EDGE = " \t\n\u3000，,；;。：:、“”\"'‘’"
CLAUSE_END = re.compile(r"[，,；;。\n]")
SENTENCE_END = set("；;。\n")


def propose_label(text: str, criteria: str = "", start: int | None = None) -> str:
    """A short name for the rule read from ``text``; ``criteria`` is the item's whole text and
    ``start`` where ``text`` begins in it (found when not given). Empty when neither says more
    than the amount (the item's name then names the rule)."""
    own = tidy(before_scoring(text))
    if len(own) >= 2:
        return shorten(own)
    if start is None:
        start = criteria.find(text) if text else -1
    return shorten(tidy(clause_before(criteria, start))) if start > 0 else ""


def before_scoring(text: str) -> str:
    """The text up to its first scoring word (「未按时报送的，每次扣1分」 → 「未按时报送的，」)."""
    found = SCORING.search(text)
    return text[: found.start()] if found else text


def clause_before(criteria: str, start: int) -> str:
    """The nearest clause before ``start`` that holds no scoring words, within its sentence."""
    clauses = re.split(r"([，,；;。\n])", criteria[:start])
    for index in range(len(clauses) - 1, -1, -1):
        clause = clauses[index]
        if clause in SENTENCE_END and index < len(clauses) - 1:
            return ""
        if CLAUSE_END.fullmatch(clause) or not clause.strip():
            continue
        return "" if SCORING.search(clause) else clause
    return ""


def tidy(name: str) -> str:
    """The first sentence, without numbering, leading 对/凡/按, trailing 的, the punctuation
    around it, and quotation marks a cut left unpaired."""
    name = re.split(r"[；;。\n]", name.strip(EDGE))[0]
    name = NUMBERING.sub("", name).strip(EDGE)
    shorter = LEADING_WORDS.sub("", name)
    if len(shorter) >= 2:
        name = shorter
    while name.endswith(("的", "者", "时")) and len(name) > 2:
        name = name[:-1].strip(EDGE)
    if name.count("“") != name.count("”"):
        name = name.replace("“", "").replace("”", "")
    return name.strip(EDGE)


def shorten(name: str) -> str:
    """At most MAX_LABEL characters: cut at a clause inside the limit, else mark the cut."""
    if len(name) <= MAX_LABEL:
        return name
    cut = max(name.rfind(mark, 0, MAX_LABEL + 1) for mark in "，,、")
    if cut >= 4:
        return name[:cut]
    return name[: MAX_LABEL - 1] + "…"
