"""The home page (工作台): one panel per role the user holds, counting from live data what
waits for them, each count linking to the work; when nothing waits, what comes next."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kaohe.accounts.roles import Role
from kaohe.web.waiting import administration, evaluations, office, units
from kaohe.web.waiting.panels import Panel

PANELS: dict[str, Callable[[Any], Panel]] = {
    Role.OFFICE: office.office_panel,
    Role.ASSESSOR: units.assessor_panel,
    Role.REPORTER: units.reporter_panel,
    Role.DEPUTY_LEADER: units.deputy_panel,
    Role.PRINCIPAL_LEADER: units.principal_panel,
    Role.EVALUATOR: evaluations.evaluator_panel,
    Role.SYSTEM_ADMIN: administration.system_admin_panel,
    Role.SECURITY_ADMIN: administration.security_admin_panel,
    Role.AUDIT_ADMIN: administration.audit_admin_panel,
}


def panels_for(user: Any) -> list[Panel]:
    held = user.roles
    panels = [panel(user) for role, panel in PANELS.items() if role in held]
    if Role.EVALUATOR not in held:  # a leader rating the sections (班子测评) votes there too
        voting = evaluations.evaluator_panel(user)
        if voting.counts:
            panels.append(voting)
    return panels


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"panels": panels_for(request.user)})
