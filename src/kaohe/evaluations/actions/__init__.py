"""Every change to an evaluation goes through one function here (ballots: voting.py, which
audits nothing of a ballot by design)."""

from kaohe.evaluations.actions.counting import count_evaluation, decide_proposal, group_tally
from kaohe.evaluations.actions.running import (
    close_evaluation,
    issue_codes,
    open_evaluation,
    send_codes,
    start_test,
)
from kaohe.evaluations.actions.setup import (
    DimensionLine,
    change_evaluation,
    create_evaluation,
    remove_group,
    set_group,
)
from kaohe.evaluations.actions.voting import cast_as_member, cast_with_code
from kaohe.evaluations.marks import form_for

__all__ = [
    "DimensionLine",
    "cast_as_member",
    "cast_with_code",
    "change_evaluation",
    "close_evaluation",
    "count_evaluation",
    "create_evaluation",
    "decide_proposal",
    "form_for",
    "group_tally",
    "issue_codes",
    "open_evaluation",
    "remove_group",
    "send_codes",
    "set_group",
    "start_test",
]
