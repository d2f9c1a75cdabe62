from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse

from kaohe.accounts.permissions import role_required
from kaohe.accounts.roles import CYCLE_ROLES, Role
from kaohe.cycles import access, actions
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.forms import AssignmentForm, CycleForm, ParticipationForm
from kaohe.cycles.models import Assignment, Cycle, CycleUnit

# Pages other contexts add to a cycle: (url name, label, who sees the link). A link whose page
# does not exist (yet) is left out.
CYCLE_LINKS = (
    ("progress:board", "进度看板", (Role.OFFICE,)),
    ("results:evaluations", "测评得分", (Role.OFFICE,)),
    ("results:ranking", "成绩排名", (Role.OFFICE,)),
    ("appeals:list", "申诉", CYCLE_ROLES),
)


@role_required(*CYCLE_ROLES)
def cycle_list(request: HttpRequest) -> HttpResponse:
    cycles = access.visible_cycles(request.user)
    return render(
        request,
        "cycles/list.html",
        {
            "cycles": cycles,
            "may_open": access.is_office(request.user),
        },
    )


@role_required(Role.OFFICE)
def cycle_new(request: HttpRequest) -> HttpResponse:
    form = CycleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan = actions.CyclePlan(
            name=data["name"],
            version=data["scheme_version"],
            period=data["period"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            submission_deadline=data["submission_deadline"],
            units=[
                actions.UnitEntry(unit, tuple(c.name for c in unit.categories.all()))
                for unit in data["units"]
            ],
        )
        try:
            cycle = actions.open_cycle(request.user, plan)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"考核周期「{cycle}」已开启")
            return redirect("cycles:detail", cycle_id=cycle.pk)
    return render(request, "cycles/new.html", {"form": form})


def cycle_links(request: HttpRequest, cycle: Cycle) -> list[dict[str, str]]:
    links = []
    for url_name, label, roles in CYCLE_LINKS:
        if not request.user.has_role(*roles):
            continue
        try:
            links.append({"url": reverse(url_name, args=[cycle.pk]), "label": label})
        except NoReverseMatch:
            continue
    return links


def cycle_for(request: HttpRequest, cycle_id: int) -> Cycle:
    cycle = get_object_or_404(Cycle.objects.select_related("scheme_version__scheme"), pk=cycle_id)
    if not access.may_see_cycle(request.user, cycle):
        raise PermissionDenied("您不参与该考核周期")
    return cycle


@role_required(*CYCLE_ROLES)
def cycle_detail(request: HttpRequest, cycle_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    office = access.is_office(request.user)
    assignments = cycle.assignments.select_related("assessor__parent").prefetch_related(
        "responsible_units__parent"
    )
    if not office:
        unit_id = request.user.unit_id
        assignments = assignments.filter(assessor_id=unit_id) | assignments.filter(
            responsible_units__id=unit_id
        )
    return render(
        request,
        "cycles/detail.html",
        {
            "cycle": cycle,
            "cycle_units": cycle.cycle_units.select_related("unit"),
            "assignments": assignments.distinct(),
            "is_office": office,
            "may_record": bool(access.recordable_nodes(request.user, cycle)),
            "own_unit": cycle.cycle_units.filter(unit_id=request.user.unit_id).first(),
            "cycle_links": cycle_links(request, cycle),
        },
    )


@role_required(Role.OFFICE)
def assignment_edit(request: HttpRequest, cycle_id: int, assignment_id: int) -> HttpResponse:
    assignment = get_object_or_404(Assignment, pk=assignment_id, cycle_id=cycle_id)
    initial = {
        "assessor": assignment.assessor,
        "leaders": assignment.leaders,
        "persons": assignment.persons,
        "deadline": assignment.deadline,
        "responsible_units": list(assignment.responsible_units.all()),
    }
    form = AssignmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        actions.change_assignment(request.user, assignment, **form.cleaned_data)
        messages.success(request, f"已更新「{assignment.node_name}」的分工")
        return redirect("cycles:detail", cycle_id=cycle_id)
    return render(request, "cycles/assignment_form.html", {"form": form, "assignment": assignment})


def participation_choices(cycle: Cycle) -> tuple[list[str], list[tuple[str, str]]]:
    scheme = cycle_scheme(cycle)
    used = {name for unit in cycle.cycle_units.all() for name in unit.categories}
    categories = sorted(set(scheme.categories) | used)
    nodes = [(node.path, f"{node.code} {node.path}") for node in scheme.nodes.values()]
    return categories, nodes


@role_required(Role.OFFICE)
def participation(request: HttpRequest, cycle_id: int, cycle_unit_id: int) -> HttpResponse:
    cycle = cycle_for(request, cycle_id)
    cycle_unit = get_object_or_404(CycleUnit, pk=cycle_unit_id, cycle=cycle)
    categories, nodes = participation_choices(cycle)
    initial = {
        "categories": cycle_unit.categories,
        "not_participating": cycle_unit.not_participating,
    }
    form = ParticipationForm(
        request.POST or None, initial=initial, categories=categories, nodes=nodes
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_participation(request.user, cycle_unit, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"已更新「{cycle_unit}」的类别和参与情况")
            return redirect("cycles:detail", cycle_id=cycle.pk)
    return render(request, "cycles/participation.html", {"form": form, "cycle_unit": cycle_unit})
