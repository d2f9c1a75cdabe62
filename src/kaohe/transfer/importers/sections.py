"""The parts of a document around its indicators: 「一、考核对象」, 「三、考核方式」 ….

A stream reader opens a group for every name, so a document's own parts become groups too. A
top-level part before the first indicator, with neither points nor a scoring word anywhere in
it, is prose about the assessment (whom it covers, what it stresses): it is reported, not an
indicator. A part named for the document's layout whose items score (「三、考核方式」 over
「（一）倒扣分制度」) gives way to its items; so does, in any reading, a top-level group named as a
column is (考评分, 扣分标准) or as the standards are (「目标任务和记分标准」).
"""

from __future__ import annotations

from kaohe.textrules.normalize import to_simplified
from kaohe.transfer.importers.cells import scoring_words
from kaohe.transfer.importers.drafts import Draft
from kaohe.transfer.importers.headers import names_a_column
from kaohe.transfer.importers.headings import names_layout
from kaohe.transfer.importers.report import ImportReport


def drop_prose_parts(root: Draft, report: ImportReport) -> None:
    """Report the parts that score nothing before the first that does (an item after it may
    be one whose text was cut off) and layout parts that score nothing; lift the items of
    layout parts that score."""
    kept: list[Draft] = []
    parts = list(root.children)
    while parts:
        part = parts.pop(0)
        if not _scores(part) and (not kept or names_layout(part.name)):
            _report(part, report)
        elif names_layout(part.name) and part.children and _plain(part):
            parts[:0] = part.children  # its items are parts of the document now
        else:
            kept.append(part)
    root.children[:] = kept


def lift_column_names(root: Draft, report: ImportReport) -> None:
    """「考评分」, 「扣分标准」, 「目标任务和记分标准」 over the indicators: a column's name or a
    title naming the standards, taken for a group, gives way to what it heads (reported)."""
    lifted: list[Draft] = []
    for part in root.children:
        if part.children and not part.criteria and names_a_column(part.name):
            report.ignore(part.where, part.raw or part.name)
            lifted.extend(part.children)
        else:
            lifted.append(part)
    root.children[:] = lifted


def _scores(draft: Draft) -> bool:
    """Points, an amount (「受到通报批评的 | 15」), a kind or a scoring word, here or below."""
    if draft.points is not None or draft.amount is not None or draft.facts:
        return True
    if any(scoring_words(to_simplified(text)) for text in draft.criteria):
        return True
    return any(_scores(child) for child in draft.children)


def _plain(part: Draft) -> bool:
    """A part's own heading, with nothing of an indicator's: no points, no criteria."""
    return part.points is None and not part.criteria and not part.facts


def _report(draft: Draft, report: ImportReport) -> None:
    report.ignore(draft.where, draft.raw or draft.name)
    for text in draft.criteria:
        report.ignore(draft.where, text)
    for child in draft.children:
        _report(child, report)
