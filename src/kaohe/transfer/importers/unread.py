"""The last safety net: no scoring sentence of an item's criteria is left without a rule.

The text-rule reader reads what it recognises in an item's criteria and passes over the rest.
A sentence it passed over that still holds a scoring word (扣, 加, 得…分, 不得分, 否决, 折算 …)
would vanish from the scheme though its text is there: so each such sentence becomes a flagged
rule of its item, carrying the sentence in full, in its place among the item's rules. The
scheme is then a draft: the flag is listed among the work left before publishing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from kaohe.engine import PATH_SEPARATOR
from kaohe.textrules.normalize import to_simplified
from kaohe.textrules.vocabulary import SCORING_WORD
from kaohe.transfer.importers.assemble import bound_discretion, preview
from kaohe.transfer.importers.names import strip_numbering
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.scoring_text import SENTENCE_NAME, states_points
from kaohe.transfer.scheme_file import nodes_with_paths

# A full stop typed as 「.」 ends a sentence before a space and more words (「一票否决 . 全县」),
# never inside a number, broken across lines or not (「扣0.\n2分」).
_SENTENCE = re.compile(
    r"(?:[^。；;！!？?\n.]|\.(?!\s+\D|\s*$))+(?:[。；;！!？?]|\.(?=\s+\D|\s*$))?"
)
_CLAUSE = re.compile(r"[^，,：:]+[，,：:]?")
# Words that name scoring without scoring: 「其它表彰不予加分」, 「采取逐项扣分的办法」,
# 「本项扣分扣完为止」 (a cap on the deductions read elsewhere).
_NOT_SCORING = re.compile(
    r"不予?(?:加|扣)分|(?:扣|加)分(?:的)?(?:办法|方法|方式|制)|(?:扣|加)分(?=[^，,。；;]{0,8}为止)"
    r"|(?:扣|加)分(?:事项|项目|项|类|标准|细则)"
)
# Full marks set outright, formulas and a score set by assessment: 「全部结案计满分」,
# 「最终得分=……」, 「加2倍计分」, 「评估定分」.
# 「取消社区居委会参评先进集体及主要领导,责任人评选先进个人资格」: a qualification taken away
# across a comma.
# A score set on a scale or by a person (「按5、3、1评分」, 「按完成情况打分」), and an outcome on
# the unit's standing rather than an amount (「不参评」, 「不纳入评选先进集体范围」, 「予以解聘」,
# 「总分即为零分」).
_SCALE_OR_STANDING = (
    r"按(?!以下|下列|如下)[^，,。；;：:]{0,20}?(?:评分|打分|赋分|给分)"
    r"|不(?:得|予)?参评|不(?:得|予)?纳入[^，,。；;]{0,12}(?:评选|评先|评优|先进)"
    r"|予以(?:解聘|辞退|清退)|(?:为|得|记|计)\s*零分"
)
_SCORED_OTHERWISE = re.compile(
    r"[计记]满分|得分\s*[=＝]|加倍计分|[加乘]\s*[\d.一二三两]+\s*倍|取消[^。；;\n]{0,30}资格"
    r"|(?:评估|评定|考核|考评|据实|综合)定分"  # 「进行综合考核,评估定分」: a person sets it
    rf"|{_SCALE_OR_STANDING}"
)
_BARE_WORDS = frozenset({"扣分", "加分", "倒扣", "扣除", "扣减"})
_PUNCTUATED = re.compile(r"[，,。；;：:！!？?]")
_CLOSING = "。；;，,！!？?："
# What a clause of a partly read sentence must say to score by itself: an amount with its verb
# or an outcome (「经费2000元以上得分,」: the item's points) — not a word that only names
# scoring (「扣分至基本分值」, 「加分项：」).
_AMOUNT_OR_OUTCOME = re.compile(
    r"(?:扣|加|减|得|计|记)\s*\d+(?:\.\d+)?\s*分|不得分|不计分|不记分|列最后|取消[^，,。；;]{0,12}资格"
    r"|否决(?![^，,。；;]{0,4}事项)|(?:以上|以下|以内|的)\s*得分\s*[，,]?$"
    rf"|{_SCALE_OR_STANDING}"
)
_POINTS_GIVEN = re.compile(r"[计记]\s*(\d+(?:\.\d+)?)\s*分")
_SAME_LINE = re.compile(r"[ \t]*[；;，,]?[ \t]*")
_SPACE = re.compile(r"\s+")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
# A clause that states what the next one scores: 「发生一起瞒报事故的,」.
_CONDITION = re.compile(r"的[，,]?$")

Span = tuple[int, int]


UNPLACED_NAME = "未归入指标的评分文字"
"""The item that holds scoring text written before every indicator (importers/ignored.py)."""


def keep_unread_scoring(scheme: dict[str, Any], report: ImportReport) -> None:
    """Give every scoring sentence no rule was read from a flagged rule of its item. Text the
    import placed itself, outside every indicator, is not read at all: each of its scoring
    sentences is a flagged rule, for a person to move and settle."""
    for names, node in nodes_with_paths(scheme.get("sections") or []):
        if names == (UNPLACED_NAME,):
            _forget_reading(node, report)
        if node.get("children"):
            continue
        _keep_scoring_name(node)
        if not node.get("criteria"):
            continue
        _flags_with_their_condition(str(node["criteria"]), node.get("rules") or [])
        unread = list(unread_scoring(str(node["criteria"]), node.get("rules") or []))
        if names == (UNPLACED_NAME,):
            unread = _every_placed_text(str(node["criteria"]), unread)
        if unread:
            _flag(node, unread, PATH_SEPARATOR.join(names), report)


def _every_placed_text(criteria: str, unread: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each text placed outside every indicator, flagged whole where no sentence of it was: it
    was placed for its amounts (「60分至79分为基本合格单位」) even with no scoring word."""
    flagged = list(unread)
    start = 0
    for line in criteria.split("\n"):
        end = start + len(_squeeze(line))
        if line.strip() and not any(start <= at < end for at, _ in unread):
            flagged.append((start, line.strip()))
        start = end
    return sorted(flagged)


def _flags_with_their_condition(criteria: str, rules: list[dict[str, Any]]) -> None:
    """A flag read from the middle of a sentence (「发生一起瞒报事故的,全年实行一票否决」 flagged
    from 「全年实行」 on) quotes the sentence from its start when the words before state its
    condition (「……的,」) and no other rule reads them: a person needs them to settle it."""
    spans = _rule_spans(criteria, rules)
    where = [index for index, char in enumerate(criteria) if not char.isspace()]
    for found, rule in zip(spans, rules, strict=True):
        if len(found) != 1 or not rule.get("flagged"):
            continue
        (start, end), begin = found[0], _sentence_begin(criteria, where[found[0][0]])
        whole = strip_numbering(criteria[begin : where[end - 1] + 1])
        since = end - len(_squeeze(whole))
        if since >= start or not _CONDITION.search(_squeeze(whole)[: start - since]):
            continue
        if not any(at < start and since < until for other in spans for at, until in other):
            rule["text"] = whole


def _sentence_begin(criteria: str, at: int) -> int:
    return next((match.start() for match in _SENTENCE.finditer(criteria) if match.end() > at), at)


def _keep_scoring_name(leaf: dict[str, Any]) -> None:
    """A sentence taken for an item's name (「在上述媒体头版头条采纳的稿件加倍计分」) that scores
    is its first criteria line, where it is read here as nothing else reads it: flagged."""
    name, criteria = str(leaf["name"]), str(leaf.get("criteria") or "")
    if len(_squeeze(name)) < SENTENCE_NAME or _squeeze(name) in _squeeze(criteria):
        return
    if scores(name) or states_points(name):
        leaf["criteria"] = f"{name}\n{criteria}" if criteria else name


def _forget_reading(node: dict[str, Any], report: ImportReport) -> None:
    mine = f"{UNPLACED_NAME}："
    report.rules_flagged[:] = [line for line in report.rules_flagged if not line.startswith(mine)]
    report.rules_parsed -= len(node.get("rules") or [])
    node["rules"] = []


def unread_scoring(criteria: str, rules: list[dict[str, Any]]) -> Iterator[tuple[int, str]]:
    """The scoring text of ``criteria`` that overlaps no rule's source, each with its place
    (offset in the criteria without spaces): a whole sentence no rule was read from, or the
    clauses of a partly read sentence that no rule took (「全部出齐得2分」 before a rule)."""
    read = [span for spans in _rule_spans(criteria, rules) for span in spans]
    # A rule settled from several (credits become one checklist) quotes them run together.
    quoted = [_squeeze(str(rule.get("text") or "")) for rule in rules]

    def untouched(start: int, text: str) -> bool:
        end = start + len(_squeeze(text))
        return not any(at < end and start < until for at, until in read)

    for start, sentence in _pieces(_SENTENCE, criteria, 0):
        if _squeeze(sentence).rstrip(_CLOSING) in "\n".join(quoted):
            continue
        if (scores(sentence) or states_points(sentence)) and untouched(start, sentence):
            yield start, sentence.strip().rstrip(_CLOSING)
            continue
        if scores(sentence):
            yield from _unread_clauses(sentence, start, untouched)


def _unread_clauses(
    sentence: str, start: int, untouched: Callable[[int, str], bool]
) -> Iterator[tuple[int, str]]:
    """The clauses of a partly read sentence that score alone and that no rule took, each with
    the unread clauses right before it that state its condition (「发生一起瞒报事故的,全年实行
    一票否决」 is flagged whole, not from 「全年实行」 on)."""
    given: set[str] = set()
    condition: tuple[int, str] | None = None
    for at, clause in _pieces(_CLAUSE, sentence, start):
        alone = _scores_alone(clause, given)
        if not untouched(at, clause):
            condition = None
        elif alone:
            first, before = condition or (at, "")
            text = (before + clause).strip().rstrip(_CLOSING)
            bare = strip_numbering(text)  # the enumerator is the outline's, not the sentence's
            yield first + len(_squeeze(text)) - len(_squeeze(bare)), bare
            condition = None
        elif _CONDITION.search(clause):
            condition = (condition[0], condition[1] + clause) if condition else (at, clause)
        else:
            condition = None


def _scores_alone(clause: str, given: set[str]) -> bool:
    """Whether a clause of a partly read sentence scores by itself. 「(1)设立信访信息员记30分」
    gives a sub-item's points, and 「……的记30分」 after it repeats them: neither is a rule."""
    simple = to_simplified(clause)
    points = _POINTS_GIVEN.search(simple)
    if points is not None:
        repeated = points.group(1) in given
        given.add(points.group(1))
        if repeated or strip_numbering(simple) != simple.strip():
            return False
    return _AMOUNT_OR_OUTCOME.search(simple) is not None


def scores(text: str) -> bool:
    """Whether a text puts a score on something. 「其它表彰不予加分」, 「采取逐项扣分的办法」,
    「综合加分事项」 and a title such as 「绩效考核扣分项目及标准」 name scoring without scoring."""
    simple = _CJK_GAP.sub("", to_simplified(text))  # 「不 得分」: a PDF's space in the word
    if _SCORED_OTHERWISE.search(simple):
        return True
    found = [match.group() for match in SCORING_WORD.finditer(_NOT_SCORING.sub("", simple))]
    if not found:
        return False
    return not (_PUNCTUATED.search(simple) is None and set(found) <= _BARE_WORDS)


def _pieces(pattern: re.Pattern[str], text: str, offset: int) -> Iterator[tuple[int, str]]:
    for match in pattern.finditer(text):
        if match.group().strip():
            yield offset + len(_squeeze(text[: match.start()])), match.group()


def _rule_spans(criteria: str, rules: list[dict[str, Any]]) -> list[list[Span]]:
    """Where each rule's source lies in the criteria (spaces aside), in the rules' order: one
    span, or several for a rule settled from several sentences (credits become one checklist
    quoting them run together); none for a source the criteria do not hold."""
    squeezed, cursor, spans = _squeeze(criteria), 0, []
    for rule in rules:
        source = _squeeze(str(rule.get("text") or ""))
        found = _pieces_of(source, squeezed, cursor) or _pieces_of(source, squeezed, 0)
        spans.append(found)
        cursor = found[-1][1] if found else cursor
    return spans


def _pieces_of(source: str, text: str, cursor: int) -> list[Span]:
    """``source`` found in ``text`` from ``cursor`` on: whole, or as the longest runs in order."""
    at = text.find(source, cursor) if source else -1
    if at >= 0 or not source:
        return [(at, at + len(source))] if at >= 0 else []
    found, start = [], 0
    while start < len(source):
        end = len(source)
        while end - start > 1 and text.find(source[start:end], cursor) < 0:
            end -= 1
        at = text.find(source[start:end], cursor)
        if at < 0 or end - start < 2:
            return []
        found.append((at, at + end - start))
        cursor, start = at + end - start, end
    return found


def _flag(
    node: dict[str, Any], unread: list[tuple[int, str]], path: str, report: ImportReport
) -> None:
    """The flagged rules join the item's rules in the order of the text they quote; a sentence
    next to a flagged rule on the same line widens that flag instead (「在107及以下的,计满分;
    高于107的,按幅度分段计分」 is one thing for a person to settle)."""
    criteria, rules = str(node["criteria"]), node.get("rules") or []
    placed: list[tuple[int, dict[str, Any]]] = []
    flags: list[tuple[Span, dict[str, Any]]] = []
    for spans, rule in zip(_rule_spans(criteria, rules), rules, strict=True):
        placed.append((spans[0][0] if spans else placed[-1][0] if placed else 0, rule))
        if spans and rule.get("flagged"):
            flags.append(((spans[0][0], spans[-1][1]), rule))
    added = 0
    for at, sentence in unread:
        if _widen(flags, (at, at + len(_squeeze(sentence))), criteria):
            continue
        placed.append((at, _flagged_rule(sentence, node)))
        added += 1
        report.rules_flagged.append(
            f"{path}：{preview(sentence)}（未能识别，原文保留，待人工确认）"
        )
    placed.sort(key=lambda item: item[0])
    node["rules"] = [
        {"id": f"{node['code']}-{number}", **{key: rule[key] for key in rule if key != "id"}}
        for number, (_, rule) in enumerate(placed, 1)
    ]
    report.rules_parsed += added


def _widen(flags: list[tuple[Span, dict[str, Any]]], span: Span, criteria: str) -> bool:
    """Widen the flag written right next to ``span`` (only 「;，」 between, on the same line) to
    quote both; False when there is none."""
    where = [index for index, char in enumerate(criteria) if not char.isspace()]
    for index, ((start, end), rule) in enumerate(flags):
        first, last = min(start, span[0]), max(end, span[1])
        gap = criteria[where[min(end, span[1]) - 1] + 1 : where[max(start, span[0])]]
        if last - first - (end - start) - (span[1] - span[0]) <= 1 and _SAME_LINE.fullmatch(gap):
            rule["text"] = criteria[where[first] : where[last - 1] + 1]
            flags[index] = ((first, last), rule)
            return True
    return False


def _flagged_rule(sentence: str, node: dict[str, Any]) -> dict[str, Any]:
    rule: dict[str, Any] = {"kind": "discretionary", "text": sentence, "flagged": True}
    bound_discretion(rule, node)
    return rule


def _squeeze(text: str) -> str:
    return _SPACE.sub("", text)
