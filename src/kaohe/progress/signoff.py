"""The sign-off chain: 填报人 → 分管领导 → 主要领导 → 考核办 accepts.

A leader's step is skipped when the unit has nobody holding that role (a unit without a 分管领导
goes straight to its 主要领导); the 考核办's step is never skipped.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from kaohe.accounts.models import User
from kaohe.accounts.roles import Role
from kaohe.cycles.models import CycleUnit
from kaohe.progress import people
from kaohe.progress.models import Submission

Status = Submission.Status
CHAIN = (Status.DEPUTY, Status.PRINCIPAL, Status.OFFICE)
ROLE_AT = {
    Status.DEPUTY: Role.DEPUTY_LEADER,
    Status.PRINCIPAL: Role.PRINCIPAL_LEADER,
    Status.OFFICE: Role.OFFICE,
}


def signers(step: str, cycle_unit: CycleUnit) -> QuerySet[User]:
    if step == Status.DEPUTY:
        return people.deputies(cycle_unit)
    if step == Status.PRINCIPAL:
        return people.principals(cycle_unit)
    return people.office()


def step_after(status: str, cycle_unit: CycleUnit) -> str:
    """The next step with someone to sign it; ACCEPTED after the office."""
    later = CHAIN[CHAIN.index(status) + 1 :] if status in CHAIN else CHAIN
    for step in later:
        if step == Status.OFFICE or signers(step, cycle_unit).exists():
            return step
    return Status.ACCEPTED


def may_sign(user: Any, submission: Submission) -> bool:
    """May the user approve or send back the submission at its current step?"""
    step = submission.status
    if step == Status.OFFICE:
        return bool(user.has_role(Role.OFFICE))
    if step in (Status.DEPUTY, Status.PRINCIPAL):
        return people.is_leader_of(user, submission.cycle_unit, ROLE_AT[step])
    return False


def may_edit(user: Any, submission: Submission) -> bool:
    return submission.editable and people.is_reporter_of(user, submission.cycle_unit)
