"""Chinese criteria sentences (考核要点及评价标准, 评分标准, 扣分标准) → scheme rules.

Pure Python: no Django, no I/O, every number a ``Decimal``. What cannot be read with confidence
becomes a flagged ``discretionary`` rule carrying the original text — never a silently wrong rule.

    >>> reading = read_criteria("每发现一次扣0.5分，最多扣2分。")
    >>> reading.rules[0].rule  # doctest: +SKIP
    {'kind': 'per_occurrence', 'amount': Decimal('-0.5'), 'unit': '次', 'cap': Decimal('2')}
"""

from __future__ import annotations

from kaohe.textrules.criteria import read_criteria
from kaohe.textrules.grades import read_grades
from kaohe.textrules.names import read_name, read_points
from kaohe.textrules.reading import CONFIDENCE_THRESHOLD, NameReading, Reading, ReadRule

__all__ = [
    "CONFIDENCE_THRESHOLD",
    "NameReading",
    "ReadRule",
    "Reading",
    "read_criteria",
    "read_grades",
    "read_name",
    "read_points",
]
