"""xlsx exports in the government layout: the ranking and one unit's breakdown."""

from kaohe.results.exports.ranking import ranking_workbook
from kaohe.results.exports.unit import unit_workbook

__all__ = ["ranking_workbook", "unit_workbook"]
