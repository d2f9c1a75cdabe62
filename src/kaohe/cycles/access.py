"""Who sees which cycles and may record on which indicators."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from kaohe import engine
from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Assignment, Cycle


def is_office(user: User) -> bool:
    return user.has_role(Role.OFFICE)


def visible_cycles(user: User) -> QuerySet[Cycle]:
    """考核办 sees every cycle; others the cycles their unit takes part in or assesses."""
    cycles = Cycle.objects.select_related("scheme_version__scheme")
    if is_office(user):
        return cycles
    if user.unit_id is None:
        return cycles.none()
    return cycles.filter(
        Q(cycle_units__unit_id=user.unit_id)
        | Q(cycle_units__unit__parent_id=user.unit_id)
        | Q(assignments__assessor_id=user.unit_id)
    ).distinct()


def covers(root: str, node_path: str) -> bool:
    """Whether node_path is the indicator at root or lies inside its subtree."""
    return engine.within(node_path, root)


def assessor_paths(user: User, cycle: Cycle) -> list[str]:
    """The indicators the user's unit assesses in the cycle (none unless an assessor)."""
    if not user.has_role(Role.ASSESSOR) or user.unit_id is None:
        return []
    return list(
        Assignment.objects.filter(cycle=cycle, assessor_id=user.unit_id).values_list(
            "node_path", flat=True
        )
    )


def assessed_paths(user: User, cycle: Cycle) -> list[str]:
    """The node paths whose records this user keeps: all for the office, else the assigned ones."""
    if is_office(user):
        return [assignment.node_path for assignment in cycle.assignments.all()]
    return assessor_paths(user, cycle)


def recordable_nodes(user: User, cycle: Cycle) -> list[engine.Node]:
    """Leaves with rules inside the subtrees this user assesses, in scheme order."""
    roots = assessed_paths(user, cycle)
    return [
        node
        for node in cycle_scheme(cycle).leaves()
        if node.rules and any(covers(root, node.path) for root in roots)
    ]


def may_see_cycle(user: User, cycle: Cycle) -> bool:
    return visible_cycles(user).filter(pk=cycle.pk).exists()
