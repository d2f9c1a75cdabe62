"""Read one sentence: run the readers, settle overlaps, and notice what was left unread."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kaohe.textrules.accounting import account_for_counts
from kaohe.textrules.clauses import Sentence
from kaohe.textrules.numbers import NotANumber
from kaohe.textrules.patterns import Finding, readers_for
from kaohe.textrules.patterns.base import GUESS

# Words that carry score when they are left outside every finding: the sentence then holds
# something the readers did not understand, and reading only part of it could be wrong.
SCORING = re.compile(
    r"(?:扣|加|减|得)\s*(?:[\d.]+|[一二两三四五六七八九十半]+)\s*分|\d\s*分"
    r"|不得分|不计分|不记分|不给分|否决|折算|酌情|视情|倒扣|平均分|加倍|翻倍|[两双二三四五]倍|均分|减半|扣除|扣减|加分|扣分"
    r"|不封顶|不设上限|得满分|\d\s*%\s*(?:计入|折算|计算)"
    r"|(?:予以|给予)(?:扣|加)分|占\s*\d+(?:\.\d+)?\s*%|\*\s*\d"
    r"|(?:不少于|至少|不低于|不超过)\s*[\d一二两三四五六七八九十]"
    # 「每季度至少开展1次…活动」: a minimum per period, its verb between, is a minimum all the same.
    r"|(?:每个?月|每个?季度?|每半年|每年|全年)(?:不少于|至少)"
    r"(?:开展|召开|组织|举办|报送|进行|参加|研究)\s*[\d一二两三四五六七八九十]+\s*次"
    r"|(?:扣|罚|奖|奖励|加)\s*(?:[\d.]+|[一二两三四五六七八九十百千]+)\s*元|[计計]分"
    # 「每处扣1;」 (分 left out), 「得 * 分」 (the number masked), 「得基本分」, and a grade set
    # outright (「该年度考核不合格」, 「直接定为“后进”」): each scores, and is not read here; as
    # a condition (「被认定为“不合格”的，每次扣0.1分」) it does not.
    r"|(?:扣|加|减)\s*\d+(?:\.\d+)?\s*(?=$|[,;。])|(?:扣|加|得|计)\s*\*\s*分|最高计"
    r"|得(?:基本|基础)分|(?:考核|考评|等次|评定|评为)[^,;。的]{0,6}不合格(?!\W?[的单个人])"
    r"|直接定为|定为\W?(?:后进|较差|不称职|不合格)(?!\W?[的单个人])|扣罚"
    # 「…发现一次扣1---本文来源于网络」: an amount cut off before its 分 by a pasted banner.
    r"|(?:扣|加|减)\s*\d+(?:\.\d+)?\s*(?=-)"
    # 「得分=(实际到位资金/目标任务)×分值」, 「按完成进度比例得分」: a formula, or completion with
    # no target.
    r"|得分\s*=\s*\(|[×*]\s*分值|按[^,;]{0,12}?(?:比例|进度)(?:得分|计分|扣分)"
)
# Headings carry their points (「班子测评(10分)」, read by read_name) and name a veto section;
# 「交叉扣分的，就高扣分」 is what the engine does with shared incidents anyway.
_HARMLESS = re.compile(
    r"扣分项|失分点|加分项|得分点|考核得分|评价得分|测评得分|扣分情况|被扣分"
    r"|(?:交叉|叉)?(?:加分|扣分)的?,?就高(?:加分|扣分)|交叉(?:加分|扣分)|重复(?:加分|扣分)"
    r"|\(\s*\d+(?:\.\d+)?\s*(?:-\s*\d+(?:\.\d+)?\s*)?分\s*\)|“?一票否决”?[^,;。“”]{0,6}?事项"
    r"|[计計]分(?:办法|标准|方法|规则|细则|方式)|量化计分"
    # 「按以下三种情况扣分：个人访每人扣5分」 introduces the amounts after the colon.
    r"|按(?:以下|下列|如下)[^,;:]{0,8}?(?:扣分|计分|加分):"
    # 「一件扣10分(若有新诉求的,不扣分)」: an exception says when the amount is not taken, and
    # 「持平不扣分,超过…扣1分」 that none is taken short of the graded amounts.
    r"|\((?:若|如|但)[^()]{0,24}?(?:不扣分|不予扣分)\)|(?:持平|达标|未超过[^,;]{0,8}?)的?,?不予?扣分"
    # 「任期届满2个月内改选不扣分,每延一个月扣1分」: a time allowed before the lateness counts.
    r"|\d+\s*(?:个月|天|日|周|个工作日)内[^,;]{0,8}?不予?扣分"
    # 「其它表彰不予加分」 says what earns nothing; 「评分采取总分100分逐项扣分的办法」 names the
    # method the amounts follow.
    r"|(?:其它|其他|其余)[^,;]{0,10}?不予(?:加分|扣分|计分)"
    r"|(?:采取|采用|实行)\s*(?:总分\s*\d+\s*分\s*)?(?:逐项)?(?:扣分|倒扣分|减分|计分)的?(?:办法|方法|方式)"
    # 「由县委督查局提供扣分依据」 names who brings the evidence, not an amount.
    r"|(?:提供|出具|作为)(?:加分|扣分|加扣分)(?:依据|证明|材料)"
)


@dataclass(frozen=True)
class SentenceReading:
    sentence: Sentence
    findings: tuple[Finding, ...]
    unread: bool
    """Score-bearing words remain outside every finding."""

    @property
    def rules(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.is_node_fact)

    @property
    def is_plain(self) -> bool:
        """Neither a rule nor anything score-bearing: description, or a task in a checklist."""
        return not self.findings and not self.unread


def _overlaps(finding: Finding, taken: list[tuple[int, int]]) -> bool:
    return any(finding.start < end and start < finding.end for start, end in taken)


def _collect(sentence: Sentence) -> tuple[list[Finding], list[tuple[int, int]]]:
    accepted: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for reader in readers_for(sentence.text):
        try:
            found = list(reader(sentence))
        except NotANumber:  # its amount is no number: this reader reads nothing here
            continue
        fresh = [finding for finding in found if not _overlaps(finding, taken)]
        accepted.extend(fresh)
        taken.extend((finding.start, finding.end) for finding in fresh)
    return accepted, taken


def _leftover(text: str, taken: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in taken:
        chars[start:end] = ["|"] * (end - start)
    # Word tables break words across lines (「交\n\n叉扣分」): join them before looking.
    return _HARMLESS.sub("", re.sub(r"\s+", "", "".join(chars)))


_CAPPABLE = frozenset(
    {"per_occurrence", "shortfall", "frequency", "exceed", "baseline", "lateness", "checklist"}
)


def _attach_caps(findings: list[Finding], text: str) -> list[Finding]:
    """「每超1户加0.1分，最多加1分」: a cap right after a rule caps that rule, not the item."""
    attached: list[Finding] = []
    for finding in findings:
        previous = attached[-1] if attached else None
        cap = finding.node.get("cap") if finding.node.get("kind") == "bonus" else None
        if finding.node.get("kind") == "penalty":
            cap = finding.node.get("points")
        joined = previous is not None and text[previous.end : finding.start].strip(" ,") == ""
        if cap is not None and previous and joined and previous.rule.get("kind") in _CAPPABLE:
            rule = {**previous.rule, "cap": cap}
            attached[-1] = replace(previous, rule=rule, end=finding.end)
        else:
            attached.append(finding)
    return attached


def _rate(finding: Finding) -> bool:
    """An amount counted per something, with no limit of its own."""
    rule = finding.rule
    return rule.get("kind") in _CAPPABLE and "cap" not in rule and "amount" in rule


def _doubt_shared_limits(findings: list[Finding]) -> list[Finding]:
    """「迟报1次扣0.2分，漏报1次扣0.5分，最多扣3分」: after another rate with no limit, the
    limit may bound both rates or only the last: a person says."""
    doubted = []
    for index, finding in enumerate(findings):
        limited = finding.rule.get("cap") not in (None, abs(finding.rule.get("amount", 0)))
        if limited and any(_rate(earlier) for earlier in findings[:index]):
            finding = replace(finding, confidence=min(finding.confidence, GUESS))
        doubted.append(finding)
    return doubted


def _without_introductions(findings: list[Finding]) -> list[Finding]:
    """「予以扣分，其中：…」 only introduces the amounts after it; a weak finding with no rule after
    it stands (「未建立制度不得分，落实不好的酌情扣分」)."""
    rules = [finding for finding in findings if not finding.weak and not finding.is_node_fact]
    return [
        finding
        for finding in findings
        if not finding.weak or not any(rule.start > finding.start for rule in rules)
    ]


# 「…进步5位以上的加0.5分,进步10」: a last clause that breaks off at a number was cut short,
# and what it would have said may change the amount before it.
_CUT_SHORT = re.compile(r"[,:]\s*[^,;:]*\d\s*$")


def _cut_short(text: str, findings: list[Finding]) -> bool:
    tail = _CUT_SHORT.search(text)
    return tail is not None and all(finding.end <= tail.start() for finding in findings)


def read_sentence(sentence: Sentence) -> SentenceReading:
    findings, taken = _collect(sentence)
    findings = _without_introductions(findings)
    findings.sort(key=lambda finding: finding.start)
    findings = _doubt_shared_limits(_attach_caps(findings, sentence.text))
    findings = account_for_counts(findings, sentence)
    unread = SCORING.search(_leftover(sentence.text, taken)) is not None
    unread = unread or (bool(findings) and _cut_short(sentence.text, findings))
    return SentenceReading(sentence, tuple(findings), unread)
