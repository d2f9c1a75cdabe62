"""An evaluation and its set-up (evaluation.py); codes, ballots and who has voted (ballots.py);
the frozen tally and the deductions it proposes (tally.py)."""

from kaohe.evaluations.models.ballots import (
    Ballot,
    CodeBatch,
    PaperSession,
    Participation,
    VotingCode,
)
from kaohe.evaluations.models.evaluation import Dimension, Evaluation, EvaluatorGroup, Grade
from kaohe.evaluations.models.tally import ProposedDeduction, TallyRow

__all__ = [
    "Ballot",
    "CodeBatch",
    "Dimension",
    "Evaluation",
    "EvaluatorGroup",
    "Grade",
    "PaperSession",
    "Participation",
    "ProposedDeduction",
    "TallyRow",
    "VotingCode",
]
