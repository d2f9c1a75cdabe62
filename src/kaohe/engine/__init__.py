"""kaohe.engine — the scoring engine: pure Python, Decimal only, no Django, no I/O.

The public API others code against:

- :func:`load_scheme` validates a plain dict (as read from the YAML scheme file, see
  docs/scheme-format.md) and returns an immutable :class:`Scheme`, or raises
  :class:`SchemeError` whose ``problems`` are Chinese sentences naming the node path. A wrong
  formula name, a band gap or a cap below zero fail here, never during scoring.
- :class:`Facts` (with :class:`Unit`, :class:`Record`, :class:`EvaluationScore`) is what happened
  in a cycle. ``Facts.of(records, units=..., evaluations=..., periods=...)`` builds one; units
  seen only in records are added without categories.
- :func:`compute` scores every unit of a cycle at once and returns a :class:`CycleResult`:
  ``result.units[name]`` is a :class:`UnitResult` with ``nodes`` (path → :class:`NodeResult`,
  exact score and explanation lines), ``sections`` (subtotals), ``total`` (rounded once, at the
  end), ``rank``, ``grade``, ``vetoes`` and ``explanation``. ``result.to_dict()`` is JSON-ready
  (Decimals as strings; schema in docs/scoring.md). Bad records raise :class:`FactsError`.
- :func:`compute_unit` recomputes one unit cheaply after its records changed:
  ``compute_unit(scheme, facts.for_unit(name), cycle_result.context)``. Cross-unit steps
  (participants' averages, rank-based items, ranking, quota) come from the context of the last
  full ``compute``.
- :func:`scheme_to_dict` is the inverse of :func:`load_scheme` (``load_scheme(scheme_to_dict(s))``
  equals ``s``); ``kaohe.transfer.scheme_file`` writes it as YAML.
- :func:`rank_units` ranks a set of unit results again (after ``compute_unit``) and applies the
  quota; :func:`cross_unit_rules` names the rules whose effect depends on other units.
- :func:`scheme_notes` lists what deserves a second look in a valid scheme (a group whose items
  cannot reach its points, an item without rules, a rule textrules was unsure of).
- :data:`RECORD_FIELDS` names a record's fields once (name, Chinese label, kind): the records
  file, the grid, the form and the snapshot all list them from it.
  :func:`record_problems` checks one record against its rule and its cycle's dates before it is
  saved (no blank record, no negative count, levels from the rule's list, values within the
  rule's range); each :class:`FieldProblem` names its field. :func:`evaluation_score_problems`
  does the same for an evaluator group's score (its group and round, within the rule's scale).
- :func:`rule_kinds` lists the rule kinds by name with a Chinese description;
  :data:`VETO_CONSEQUENCES` names each veto consequence in Chinese (the one table of them).
- :func:`rule_sentence` reads a rule (as plain data) as one plain-Chinese sentence
  (「每发生1次扣2分，最多扣10分」), one wording per kind (``kaohe.engine.wording``).
"""

from collections.abc import Mapping

from kaohe.engine.compute.cycle import compute, compute_unit
from kaohe.engine.compute.outcome import rank_all
from kaohe.engine.compute.results import (
    CycleContext,
    CycleResult,
    NodeResult,
    UnitResult,
    VetoEffect,
)
from kaohe.engine.dump import scheme_to_dict
from kaohe.engine.errors import EngineError, FactsError, SchemeError
from kaohe.engine.formula import FormulaError
from kaohe.engine.loading.notes import flagged_rule_notes, scheme_notes
from kaohe.engine.loading.scheme import FORMAT, load_scheme
from kaohe.engine.model.facts import (
    RECORD_FIELDS,
    EvaluationScore,
    Facts,
    Record,
    RecordField,
    Unit,
    UnitFacts,
)
from kaohe.engine.model.scheme import (
    PATH_SEPARATOR,
    ExcellenceQuota,
    GradeBand,
    Node,
    NotApplicable,
    Owners,
    Rule,
    Scheme,
    within,
)
from kaohe.engine.record_checks import FieldProblem, evaluation_score_problems, record_problems
from kaohe.engine.rules.registry import kinds
from kaohe.engine.rules.veto import VETO_CONSEQUENCES
from kaohe.engine.wording import rule_sentence


def rule_kinds() -> dict[str, str]:
    """Every rule kind's name with its Chinese description, e.g. ``per_occurrence: 按次计分``."""
    return {name: kind.describe for name, kind in kinds().items()}


def cross_unit_rules(scheme: Scheme) -> list[Rule]:
    """The rules whose effect on a unit depends on the other units (rank-based items).

    A change to a record of one of these, or to an item they rank on, can move other units.
    Participants' averages (items some units do not take part in) also depend on other units;
    which units take part is a fact of the cycle, see ``Unit.not_participating``.
    """
    return [rule for rule in scheme.rules.values() if kinds()[rule.kind].role == "cross"]


def rank_units(scheme: Scheme, results: Mapping[str, UnitResult]) -> dict[str, UnitResult]:
    """Rank the units again (ties share a rank) and apply the excellence quota, in place.

    For a cycle where one unit was recomputed with ``compute_unit``: put its new result among
    the others and rank them all. Returns the results in rank order.
    """
    return rank_all(scheme, dict(results))


__all__ = [
    "FORMAT",
    "PATH_SEPARATOR",
    "RECORD_FIELDS",
    "VETO_CONSEQUENCES",
    "CycleContext",
    "CycleResult",
    "EngineError",
    "EvaluationScore",
    "ExcellenceQuota",
    "Facts",
    "FactsError",
    "FieldProblem",
    "FormulaError",
    "GradeBand",
    "Node",
    "NodeResult",
    "NotApplicable",
    "Owners",
    "Record",
    "RecordField",
    "Rule",
    "Scheme",
    "SchemeError",
    "Unit",
    "UnitFacts",
    "UnitResult",
    "VetoEffect",
    "compute",
    "compute_unit",
    "cross_unit_rules",
    "evaluation_score_problems",
    "flagged_rule_notes",
    "load_scheme",
    "rank_units",
    "record_problems",
    "rule_kinds",
    "rule_sentence",
    "scheme_notes",
    "scheme_to_dict",
    "within",
]
