"""A paper session typed in: its slips become ballots in one transaction, or nothing does."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from kaohe.audit.log import Action, log_change
from kaohe.evaluations.access import require_office
from kaohe.evaluations.actions.voting import store_paper_ballots
from kaohe.evaluations.models import Evaluation, EvaluatorGroup, PaperSession
from kaohe.evaluations.paper import read_slips

TAKES_PAPER = {Evaluation.Status.TESTING, Evaluation.Status.OPEN, Evaluation.Status.CLOSED}


def enter_paper_ballots(
    actor: Any, group: EvaluatorGroup, issued: int, data: bytes
) -> PaperSession:
    """Reads every slip first (no transaction open), then saves the session and its ballots.
    A session that returned more slips than it issued is kept and shown void at the count."""
    require_office(actor)
    slips = read_slips(group, data)
    if not slips:
        raise ValidationError("表格中没有纸质票（第 2 行起每张票一行）")
    with transaction.atomic():
        evaluation = Evaluation.objects.select_for_update().get(pk=group.evaluation_id)
        if evaluation.status not in TAKES_PAPER:
            raise ValidationError(
                f"测评「{evaluation}」{evaluation.get_status_display()}，不能录入纸质票"
            )
        is_test = evaluation.status == Evaluation.Status.TESTING
        session = PaperSession.objects.create(
            group=group, issued=issued, returned=len(slips), is_test=is_test, created_by=actor
        )
        store_paper_ballots(group, slips, session)
        new = {"评议组": group.name, "发出": issued, "收回": len(slips), "试测": is_test}
        log_change(actor, Action.PAPER_BALLOTS_ENTERED, session, new=new)
    return session
