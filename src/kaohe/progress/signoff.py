"""The sign-off chain: 填报人 → 分管领导 → 主要领导 → 考核办 accepts.

A leader's step is skipped when the unit has nobody holding that role (a unit without a 分管领导
goes straight to its 主要领导); the 考核办's step is never skipped. Who may sign a step is
kaohe.cycles.access.may_sign; the role at each step is Submission.SIGNER_ROLES.
"""

from __future__ import annotations

from django.db.models import QuerySet

from kaohe.accounts.models import User
from kaohe.cycles import access
from kaohe.cycles.models import CycleUnit
from kaohe.progress.models import Submission

Status = Submission.Status
CHAIN = (Status.DEPUTY, Status.PRINCIPAL, Status.OFFICE)


def signers(step: str, cycle_unit: CycleUnit) -> QuerySet[User]:
    return access.holders(Submission.SIGNER_ROLES[step], cycle_unit)


def step_after(status: str, cycle_unit: CycleUnit) -> str:
    """The next step with someone to sign it; ACCEPTED after the office."""
    later = CHAIN[CHAIN.index(status) + 1 :] if status in CHAIN else CHAIN
    for step in later:
        if step == Status.OFFICE or signers(step, cycle_unit).exists():
            return step
    return Status.ACCEPTED
