"""Split a criteria text into sentences, each with its offsets in the original text.

Sentences end at 。；!? and at list enumerators (一、 (一) 1. 1、 (1) ① 2-1). A line break ends a
sentence only when the line does not read on (a line ending in ，、的 continues on the next one:
Word tables often break 「未按规定进行国有资产管理的，」 and 「扣0.6分。」 apart).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

_ENUMERATOR = re.compile(
    r"""\s*(?:
        [一二三四五六七八九十]+、
      | \([一二三四五六七八九十]+\)
      | \(\d{1,2}\)
      | [①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮]
      | \d{1,2}-\d{1,2}(?![\d.]|\s*分)\s*
      | \d{1,2}[.、](?!\d)
      | 第[一二三四五六七八九十]+条
    )\s*""",
    re.VERBOSE,
)
_TERMINATORS = "。;!?"
_CONTINUATION = ",、的"


@dataclass(frozen=True)
class Sentence:
    """A stretch of the normalised text: ``text == normalised[start:end]``."""

    start: int
    end: int
    text: str


# 「每件(次)」 at a line's end waits for its amount on the next line (a page broke it).
_OPEN_RATE = re.compile(r"每\s*[\u4e00-\u9fff]{1,2}\s*(?:\([\u4e00-\u9fff]{1,2}\))?$")


def _reads_on(before: str) -> bool:
    """The text before a line break or an enumerator cannot end there."""
    return before[-1:] in _CONTINUATION or _OPEN_RATE.search(before) is not None


# 「…重要指标数据(10.5分)发布经济运行情况5分」: a heading's points end the heading.
_HEADING_POINTS = re.compile(
    r"\(\s*\d+(?:\.\d+)?\s*(?:-\s*\d+(?:\.\d+)?\s*)?分\s*\)(?=\s*[\u4e00-\u9fff])"
)


# 「每发现1处监控探头不能正常使用\n3、扣5分」: a line (a page's chunk marker before it) that
# opens with an amount ends the sentence of the line before; no item begins with its amount.
_AMOUNT_FIRST = re.compile(r"\s*(?:\d{1,2}[.、](?!\d))?\s*(?:扣|减|加)\s*\d+(?:\.\d+)?\s*分")


def _cut_points(text: str) -> list[int]:
    cuts = [match.end() for match in _HEADING_POINTS.finditer(text)]
    for index, char in enumerate(text):
        line_ends = char == "\n" and not _reads_on(text[:index].rstrip())
        line_ends = line_ends and _AMOUNT_FIRST.match(text, index + 1) is None
        if char in _TERMINATORS or line_ends:
            cuts.append(index + 1)
    return cuts


def _enumerator_cuts(text: str) -> list[int]:
    """Positions where an enumerator begins a new item in the middle of a line."""
    cuts = []
    for match in _ENUMERATOR.finditer(text):
        before = text[: match.start()].rstrip()
        if match.start() > 0 and before and before[-1] in _TERMINATORS + "\n":
            continue  # already cut by the terminator
        if before and _OPEN_RATE.search(before):
            continue
        # 「…减3分4、会诊不及时…」: text from a PDF may glue an item's number to the amount
        # that ends the item before.
        glued = before.endswith("分") and text[match.start()].isdigit()
        if match.start() == 0 or before[-1:] in " \t" or glued:
            cuts.append(match.start())
    return cuts


def _trim(text: str, start: int, end: int) -> Sentence | None:
    enumerator = _ENUMERATOR.match(text, start, end)
    if enumerator:
        start = enumerator.end()
    while start < end and (text[start].isspace() or text[start] in "、,:"):
        start += 1  # 「、完成…」: an enumerator whose number was lost
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TERMINATORS):
        end -= 1
    return Sentence(start, end, text[start:end]) if end > start else None


def split_sentences(text: str) -> list[Sentence]:
    """Cut normalised ``text`` into sentences without their enumerators and terminators."""
    cuts = sorted({0, len(text), *_cut_points(text), *_enumerator_cuts(text)})
    sentences = []
    for start, end in itertools.pairwise(cuts):
        sentence = _trim(text, start, end)
        if sentence is not None:
            sentences.append(sentence)
    return sentences


def clause_start(text: str, at: int) -> int:
    """Where the clause holding ``at`` begins (after the last , or ; before it): a rule read
    against a target starts with the target's clause, leaving earlier clauses their own."""
    return max(text.rfind(",", 0, at), text.rfind(";", 0, at)) + 1
