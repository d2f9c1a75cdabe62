"""How much of a document's scoring a reading kept: the measure by which the importer chooses
between reading a document as its table or outline and reading it as a stream of cells."""

from __future__ import annotations

from kaohe.textrules.normalize import to_simplified
from kaohe.transfer.importers.cells import scoring_words
from kaohe.transfer.importers.drafts import Draft


def scoring_in(root: Draft) -> int:
    """How many scoring words the criteria under ``root`` hold."""
    return sum(scoring_words(to_simplified(text)) for text in criteria_under(root))


def criteria_under(draft: Draft) -> list[str]:
    """Every criteria line of ``draft`` and of the drafts under it."""
    return [*draft.criteria, *(text for child in draft.children for text in criteria_under(child))]
