"""Who may run an evaluation and who may vote in a group, and which units each evaluator rates.

Built like ``cycles/access.py``: the view that shows a button and the action that does the work
ask the same question here."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from kaohe.accounts.models import Unit
from kaohe.cycles.access import is_office, led_units, require
from kaohe.cycles.models import CycleUnit
from kaohe.evaluations.models import Evaluation, EvaluatorGroup, Participation

__all__ = ["is_office", "may_vote", "rated_units", "require", "require_office", "waiting_groups"]

# Scopes that need to know who the evaluator is: a code never says.
PERSONAL_SCOPES = {EvaluatorGroup.Scope.BRANCH, EvaluatorGroup.Scope.LED}


def require_office(user: Any) -> None:
    require(is_office(user), "只有考核办可以组织测评")


def accepting(evaluation: Any, test: bool = False) -> bool:
    """Ballots are taken: throwaway ones while testing, real ones between opening and closing.
    ``evaluation``: anything with its ``status``, ``opens_at`` and ``closes_at``."""
    if test:
        return evaluation.status == Evaluation.Status.TESTING
    now = timezone.now()
    is_open = evaluation.status == Evaluation.Status.OPEN
    return is_open and evaluation.opens_at <= now <= evaluation.closes_at


def rated_units(group: EvaluatorGroup, user: Any = None) -> QuerySet[CycleUnit]:
    """The units an evaluator of ``group`` rates (``user`` None: a code's holder)."""
    units = CycleUnit.objects.filter(cycle_id=group.evaluation.cycle_id)
    if group.scope == EvaluatorGroup.Scope.LIST:
        return units.filter(pk__in=group.units.values("pk"))
    if group.scope == EvaluatorGroup.Scope.ALL:
        return units
    if user is None or not user.is_authenticated or user.unit_id is None:
        return units.none()
    if group.scope == EvaluatorGroup.Scope.LED:
        return units.filter(led_units(user, "unit"))
    return units.filter(branch_of(user.unit)).exclude(unit_id=user.unit_id)


def branch_of(unit: Unit) -> Q:
    """The units of one's own branch: the department (a section's parent, or one's own
    department) and the sections under it."""
    root = unit.parent_id if unit.kind == Unit.Kind.SECTION else unit.pk
    return Q(unit_id=root) | Q(unit__parent_id=root)


def may_vote(user: Any, group: EvaluatorGroup) -> bool:
    """A named evaluator of the group, while it takes ballots, who has not voted in it."""
    if not user.is_authenticated or not accepting(group.evaluation):
        return False
    if not group.members.filter(pk=user.pk).exists():
        return False
    return not Participation.objects.filter(group=group, user=user).exists()


def waiting_groups(user: Any) -> list[EvaluatorGroup]:
    """The 评议人's forms that wait: groups of open evaluations one belongs to and has not
    voted in (the 评议人 home lists them)."""
    if not user.is_authenticated:
        return []
    groups = (
        EvaluatorGroup.objects.filter(members=user, evaluation__status=Evaluation.Status.OPEN)
        .exclude(participations__user=user)
        .select_related("evaluation__cycle")
    )
    return [group for group in groups if accepting(group.evaluation)]
