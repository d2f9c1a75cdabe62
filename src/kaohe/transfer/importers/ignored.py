"""Scoring text a reading set aside goes back under the indicator it was written under.

A reading ignores what it cannot place in its layout: a line between a heading and its table, a
note under an item, rows before the first heading, a cell run together with furniture. Text
that holds a scoring word must not end in the report's ignored list, where nothing scores it:
it goes to the criteria of the indicator written last before it in the document (the scheme's
top level when it comes before every indicator), where the reader reads it or the safety nets
flag it (scoring_text.py for a group, unread.py for an item), and the report says where it went.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kaohe.textrules.normalize import to_simplified
from kaohe.textrules.vocabulary import SCORING_WORD
from kaohe.transfer.importers.cells import scoring_words
from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.report import ImportReport
from kaohe.transfer.importers.unread import UNPLACED_NAME, scores

_SENTENCE_LENGTH = 6
_POINTS_STATED = re.compile(
    r"满分|基本分|起评分|标准分|总分|百分制|\d+分制|基础分|[(（][^()（）]*分[)）]\s*$"
)
_SPACE = re.compile(r"\s+")
_ANCHOR = 24
"""How much of a name or a text is looked up in the document to place it: enough to be told
apart, short enough to survive a cell's wrapping."""


def place_ignored_scoring(root: Draft, document: str, report: ImportReport) -> None:
    """Move every ignored text that scores under its indicator (see the module's docstring)."""
    text = _plain(document)
    anchors = list(_anchors(root, text))
    placed = []
    for index, ignored in enumerate(report.ignored_texts):
        at = text.find(_plain(ignored)[:_ANCHOR])
        owner = next((draft for place, draft in reversed(anchors) if place <= at), None)
        if not sets_score(ignored):
            continue
        owner = owner or _unplaced(root)
        owner.add_criteria(ignored)
        placed.append(index)
        where = report.cells_ignored[index].partition("：")[0]
        report.notes.append(f"{where}的评分文字未归入指标，已放入「{owner.name}」，请确认")
    for index in reversed(placed):
        report.unignore(index)


def scoring_free_title(title: str, fallback: str, report: ImportReport) -> str:
    """The scheme's name: the document's title, unless what stood first was a scoring sentence
    (「说明：考核中弄虚作假的，扣5分」 above the header row), which is set aside to be placed."""
    if title and scores(title):
        report.ignore("标题位置", title)
        return fallback
    return title or fallback


def _unplaced(root: Draft) -> Draft:
    """The item at the end of the scheme that holds scoring text written before every indicator
    (「考核中弄虚作假的，扣5分」 under the title): a person moves it where it belongs."""
    if not root.children or root.children[-1].name != UNPLACED_NAME:
        root.children.append(Draft(name=UNPLACED_NAME))
    return root.children[-1]


def sets_score(text: str) -> bool:
    """A scoring word or, in a sentence, an amount written without a verb (「内容全面规范5分」);
    neither a lone 「2分」 (a points cell the layout lost) nor a total (「满分为100分」)."""
    if scores(text):
        return True
    simple = to_simplified(text)
    if len(_plain(simple)) < _SENTENCE_LENGTH or _POINTS_STATED.search(simple):
        return False
    return scoring_words(simple) > len(SCORING_WORD.findall(simple))  # amounts alone


def _anchors(root: Draft, text: str) -> Iterator[tuple[int, Draft]]:
    """Each indicator under ``root`` with where the document writes it, in document order."""
    cursor = 0
    for draft in _preorder(root):
        for written in (draft.raw, draft.name, *draft.criteria[:1]):
            key = _plain(written)[:_ANCHOR]
            at = text.find(key, cursor) if key else -1
            if at >= 0:
                cursor = at + 1
                yield at, draft
                break


def _preorder(draft: Draft) -> Iterator[Draft]:
    for child in draft.children:
        yield child
        yield from _preorder(child)


def _plain(text: str) -> str:
    return _SPACE.sub("", to_simplified(text))
