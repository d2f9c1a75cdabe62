"""Who may do what: every "may this person see, record, sign, appeal, download or decide" in kaohe.

Each answer is a small predicate (kaohe.accounts.predicates), asked as ``may_x(user, thing)`` by
the view that shows a button and by the action that does the work, so the two cannot disagree.
Beside the predicates sit the querysets that list what a user may see; they are built from the
same definitions (a leader's units, an assessor's subtrees), written once each below.

Where this module sits. The import-linter layers contract (pyproject.toml) stacks the apps
web > appeals > results > progress > workdays > cycles > schemes > accounts > audit, and a layer
never imports one above it. cycles' own actions ask ``may_record``, so this module lives in
cycles, the lowest layer that knows cycles, their units and their assignments; everything that
asks (cycles, progress, results, appeals, web) imports it from below. It imports nothing above
cycles: a progress report and an appeal are taken as they come (duck-typed) —
a report's ``cycle_unit``, ``assignment``, ``editable`` and ``signer_role`` (the role that signs
at its current step, which progress's model owns); an appeal's ``cycle``, ``cycle_unit`` and
``node_path``. Appeal states stay with appeals: results asks ``cycle.appeals.awaiting_decision()``,
a queryset method appeals' model defines, and never spells a state.

The one definition of a unit's leaders: a 分管领导 or 主要领导 of the unit itself or, when the
unit is a section (科室), of the department above it (``leading_unit_ids``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from kaohe import engine
from kaohe.accounts.models import Unit, User
from kaohe.accounts.predicates import Predicate, holds, predicate
from kaohe.accounts.roles import CYCLE_ROLES, LEADER_ROLES, Role
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Assignment, Cycle, CycleUnit

is_office = holds(Role.OFFICE)
is_assessor = holds(Role.ASSESSOR)
is_reporter = holds(Role.REPORTER)
is_leader = holds(*LEADER_ROLES)
# Least privilege by role, not by unit: only the roles that work in cycles read a unit's business
# data. An administrator (三员分立) or an 评议人 who sits in an assessed unit reads none of it.
works_in_cycles = holds(*CYCLE_ROLES)


def require(allowed: bool, refusal: str) -> None:
    """Refuse with 403 and ``refusal`` unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(refusal)


def require_office(user: Any) -> None:
    require(is_office(user), "只有考核办可以执行此操作")


# A unit's people and its leaders.


@predicate
def belongs_to(user: Any, cycle_unit: CycleUnit) -> bool:
    """The user works in the assessed unit itself, in a role that works in cycles."""
    return bool(works_in_cycles(user) and user.unit_id == cycle_unit.unit_id)


def leading_unit_ids(unit: Unit) -> set[int]:
    """Where a unit's leaders sit: in the unit itself or, for a section, in the department above."""
    ids = {unit.pk}
    if unit.kind == Unit.Kind.SECTION and unit.parent_id:
        ids.add(unit.parent_id)
    return ids


@predicate
def sits_over(user: Any, cycle_unit: CycleUnit) -> bool:
    """The user sits where the unit's leaders sit (see leading_unit_ids)."""
    return bool(user.is_authenticated and user.unit_id in leading_unit_ids(cycle_unit.unit))


leads = is_leader & sits_over


def acts_as(role: str) -> Predicate:
    """Acts as ``role`` for a unit: the office for every unit, a reporter for its own unit, a
    leader for the units it sits over."""
    if role == Role.OFFICE:
        return is_office
    if role == Role.REPORTER:
        return is_reporter & belongs_to
    return holds(role) & sits_over


reports_for = acts_as(Role.REPORTER)


def holders(role: str, cycle_unit: CycleUnit) -> QuerySet[User]:
    """The active users who act as ``role`` for the unit (acts_as, asked of every user)."""
    users = User.objects.filter(is_active=True, role_grants__role=role)
    if role == Role.OFFICE:
        return users
    if role == Role.REPORTER:
        return users.filter(unit_id=cycle_unit.unit_id)
    return users.filter(unit_id__in=leading_unit_ids(cycle_unit.unit))


def acting_units(user: Any, role: str, unit: str = "unit") -> Q:
    """The units ``user`` acts as ``role`` for (acts_as, asked of every unit), as a filter on
    the unit field named ``unit``."""
    if role == Role.OFFICE:
        return Q()
    if role == Role.REPORTER:
        return Q(**{f"{unit}_id": user.unit_id})
    return led_units(user, unit)


def led_units(user: Any, unit: str = "unit") -> Q:
    """The units ``user`` sits over (sits_over, asked of every unit), as a filter on ``unit``."""
    sections = Q(**{f"{unit}__parent_id": user.unit_id, f"{unit}__kind": Unit.Kind.SECTION})
    return Q(**{f"{unit}_id": user.unit_id}) | sections


def result_readers(cycle_unit: CycleUnit) -> QuerySet[User]:
    """Who reads the unit's results besides the office: its own people and its leaders."""
    members = Q(unit_id=cycle_unit.unit_id, role_grants__role__in=CYCLE_ROLES)
    leaders = Q(unit_id__in=leading_unit_ids(cycle_unit.unit), role_grants__role__in=LEADER_ROLES)
    return User.objects.filter(members | leaders, is_active=True).distinct()


def result_readers_in(cycle: Cycle) -> QuerySet[User]:
    """Who reads some unit's results in the cycle besides the office (result_readers of each)."""
    units = cycle.cycle_units.values("unit_id")
    departments = cycle.cycle_units.filter(unit__kind=Unit.Kind.SECTION).values("unit__parent_id")
    members = Q(unit_id__in=units, role_grants__role__in=CYCLE_ROLES)
    leaders = Q(unit_id__in=departments, role_grants__role__in=LEADER_ROLES)
    return User.objects.filter(members | leaders, is_active=True).distinct()


# Cycles and indicators.


def visible_cycles(user: Any) -> QuerySet[Cycle]:
    """考核办 sees every cycle; others the cycles their unit (or a section of it) takes part in
    or assesses."""
    cycles = Cycle.objects.select_related("scheme_version__scheme")
    if is_office(user):
        return cycles
    if user.unit_id is None or not works_in_cycles(user):
        return cycles.none()
    return cycles.filter(
        Q(cycle_units__unit_id=user.unit_id)
        | Q(cycle_units__unit__parent_id=user.unit_id)
        | Q(assignments__assessor_id=user.unit_id)
    ).distinct()


def may_see_cycle(user: Any, cycle: Cycle) -> bool:
    return visible_cycles(user).filter(pk=cycle.pk).exists()


def assessed_subtrees(user: Any, cycle: Cycle) -> list[str]:
    """The indicator subtrees whose 考评单位 is the user's unit (none unless an assessor)."""
    if not is_assessor(user) or user.unit_id is None:
        return []
    assigned = Assignment.objects.filter(cycle=cycle, assessor_id=user.unit_id)
    return list(assigned.values_list("node_path", flat=True))


def recording_test(user: Any, cycle: Cycle) -> Callable[[str], bool]:
    """The cycle's answer to "may the user record on the indicator at this path?", with the
    assignments read once: 考核办 on every indicator, an assessor inside its unit's subtrees."""
    if is_office(user):
        return lambda path: True
    roots = assessed_subtrees(user, cycle)
    return lambda path: any(engine.within(path, root) for root in roots)


def may_record(user: Any, cycle: Cycle, node_path: str) -> bool:
    """May add, change or delete records on the indicator and attach evidence to them."""
    return recording_test(user, cycle)(node_path)


@predicate
def keeps_indicator(user: Any, appeal: Any) -> bool:
    """may_record on the indicator an appeal is about (its cycle and ``node_path``)."""
    return may_record(user, appeal.cycle, appeal.node_path)


@predicate
def keeps_record(user: Any, record: Any) -> bool:
    """may_record on a record's indicator."""
    return may_record(user, record.cycle, record.indicator)


def recordable_nodes(user: Any, cycle: Cycle) -> list[engine.Node]:
    """The leaves with rules the user may record on, in scheme order: the records grid's
    indicators, the rows of its template, and nothing the actions would then refuse."""
    may = recording_test(user, cycle)
    return [node for node in cycle_scheme(cycle).leaves() if node.rules and may(node.path)]


def subtree_filter(root: str, path: str = "node_path") -> Q:
    """engine.within(<path field>, root) as a database filter."""
    return Q(**{path: root}) | Q(**{f"{path}__startswith": root + engine.PATH_SEPARATOR})


def kept_indicators(user: Any, cycles: QuerySet[Cycle] | None = None, path: str = "node_path") -> Q:
    """keeps_indicator as a filter on appeals (their ``cycle`` and ``node_path``) or, with
    ``path="indicator"``, on records, across ``cycles`` (all when None), the assignments read
    once: every indicator for the office, the subtrees its unit assesses for an assessor, nothing
    for anyone else."""
    if is_office(user):
        return Q()
    if not is_assessor(user) or user.unit_id is None:
        return Q(pk__in=[])
    assigned = Assignment.objects.filter(assessor_id=user.unit_id)
    if cycles is not None:
        assigned = assigned.filter(cycle__in=cycles)
    found = Q(pk__in=[])
    for cycle_id, root in assigned.values_list("cycle_id", "node_path"):
        found |= Q(cycle_id=cycle_id) & subtree_filter(root, path)
    return found


# Results, records and their evidence, appeals.

may_read_results = is_office | belongs_to | leads
# Trying changes on a unit's facts (模拟测算): its own people and the office, not its leaders.
may_try_what_if = is_office | belongs_to
# A record and an appeal are each about one unit's indicator: whoever keeps the indicator reads
# them, and so does whoever reads the unit's results.
may_read_record = keeps_record | may_read_results.via("unit")
may_read_appeal = keeps_indicator | may_read_results.via("cycle_unit")
may_decide_appeal = keeps_indicator
may_file_appeal = belongs_to & holds(Role.REPORTER, *LEADER_ROLES)


def readable_units(user: Any, unit: str = "unit") -> Q:
    """may_read_results for everyone but the office, as a filter on the unit field ``unit``:
    the user's own unit and, for a leader, the units it sits over."""
    if user.unit_id is None or not works_in_cycles(user):
        return Q(pk__in=[])
    return led_units(user, unit) if is_leader(user) else Q(**{f"{unit}_id": user.unit_id})


def visible_cycle_units(user: Any) -> QuerySet[CycleUnit]:
    """The cycle units whose results this user may read (all of them for the office)."""
    units = CycleUnit.objects.select_related("cycle", "unit")
    return units if is_office(user) else units.filter(readable_units(user))


@predicate
def leads_some_unit_of(user: Any, cycle: Cycle) -> bool:
    """A leader of at least one unit assessed in the cycle."""
    return is_leader(user) and visible_cycle_units(user).filter(cycle=cycle).exists()


# The ranking: the office reads every row; a leader reads the rows of the units it leads.
may_read_ranking = is_office | leads_some_unit_of


def readable_labels(user: Any, cycle: Cycle) -> set[str] | None:
    """The cycle's units (by their label in the results) whose rows the user may read on the
    ranking and its charts; None means every unit (the office)."""
    if is_office(user):
        return None
    return set(visible_cycle_units(user).filter(cycle=cycle).values_list("label", flat=True))


def cycles_with_results(user: Any) -> QuerySet[Cycle]:
    """Cycles the user has results in, or (an assessor) appeals to answer in."""
    if is_office(user):
        return Cycle.objects.all()
    mine = Q(pk__in=visible_cycle_units(user).values("cycle_id"))
    if is_assessor(user) and user.unit_id is not None:
        mine |= Q(pk__in=Assignment.objects.filter(assessor_id=user.unit_id).values("cycle_id"))
    return Cycle.objects.filter(mine)


def visible_appeals(user: Any, cycle: Cycle) -> QuerySet[Any]:
    """The cycle's appeals this user may read (may_read_appeal as a filter)."""
    appeals = cycle.appeals.select_related("cycle_unit__unit", "cycle")
    if is_office(user):
        return appeals
    mine = readable_units(user, "cycle_unit__unit")
    for root in assessed_subtrees(user, cycle):
        mine |= subtree_filter(root)
    return appeals.filter(mine)


# Progress reports (填报人 → 分管领导 → 主要领导 → 考核办).


@predicate
def assesses_task(user: Any, assignment: Assignment) -> bool:
    """The task's own 考评单位 (an assessor of its unit)."""
    return (
        is_assessor(user)
        and assignment.assessor_id is not None
        and user.unit_id == assignment.assessor_id
    )


may_read_report = (
    is_office | (reports_for | leads).via("cycle_unit") | assesses_task.via("assignment")
)


@predicate
def may_edit_report(user: Any, report: Any) -> bool:
    """The unit's reporter, while the report is a draft or sent back."""
    return bool(report.editable) and reports_for(user, report.cycle_unit)


@predicate
def may_sign(user: Any, report: Any) -> bool:
    """Whoever acts, for the report's unit, as the role that signs at the report's current step."""
    role = report.signer_role
    return role is not None and acts_as(role)(user, report.cycle_unit)
