"""计票: the ballots of one evaluator group → per unit, ballots counted, void, no answers and the
mean on 0–100. Plain Python and Decimal, no database: the counting action feeds it.

The validity rules, each the office's choice per evaluation:
- a session (the online ballots, or one typed-in paper session) that returned more ballots than
  were issued is void, every ballot of it;
- a ballot that leaves everything blank (or 不了解) is void;
- the group needs a quorum: valid ballots more than ``quorum_percent`` % of those issued;
- optionally one highest and one lowest score per unit are dropped (with three or more left).

A ballot's score for a unit is the mean of the dimensions it answered; a unit it left blank is
"no answer" for that unit, not a zero. The group's score for a unit is the mean of the counted
ballots — never a count of votes (国办函〔2026〕12号).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

UNSATISFIED = "不满意"
PLACES = Decimal("0.001")  # as the evaluation score is stored (cycles' EvaluationEntry)

Marks = Mapping[str, Mapping[str, str]]  # unit id → dimension id → grade or 0–100 as text


@dataclass(frozen=True)
class Rules:
    grade_points: Mapping[str, Decimal]  # 满意 / 基本满意 / 不满意; anything else is no answer
    quorum_percent: int = 50
    void_blank: bool = True
    void_over_issued: bool = True
    drop_extremes: bool = False


@dataclass(frozen=True)
class CastBallot:
    marks: Marks
    session: str = ""  # "" the online ballots (codes, accounts); else a paper session


@dataclass
class UnitTally:
    counted: int = 0
    void: int = 0
    no_answer: int = 0
    dropped: int = 0
    mean: Decimal | None = None
    unsatisfied: int = 0
    scores: list[Decimal] = field(default_factory=list)


@dataclass
class GroupTally:
    issued: int
    returned: int
    valid: int
    void_sessions: list[str]
    quorum_met: bool
    units: dict[str, UnitTally]

    @property
    def counts(self) -> bool:
        """The group's means go to the scheme: its quorum was met."""
        return self.quorum_met


def points_of(value: str, rules: Rules) -> Decimal | None:
    """A mark as points, or None for no answer (blank, 不了解, unreadable)."""
    if value in rules.grade_points:
        return rules.grade_points[value]
    try:
        number = Decimal(value)
    except (InvalidOperation, TypeError):
        return None
    return number if number.is_finite() and 0 <= number <= 100 else None


def unit_score(marks: Mapping[str, str], rules: Rules) -> Decimal | None:
    answered = [p for p in (points_of(v, rules) for v in marks.values()) if p is not None]
    return sum(answered, Decimal(0)) / len(answered) if answered else None


def is_blank(ballot: CastBallot, rules: Rules) -> bool:
    return all(unit_score(marks, rules) is None for marks in ballot.marks.values())


def void_sessions(
    ballots: Sequence[CastBallot], issued: Mapping[str, int], rules: Rules
) -> list[str]:
    if not rules.void_over_issued:
        return []
    returned: dict[str, int] = {}
    for ballot in ballots:
        returned[ballot.session] = returned.get(ballot.session, 0) + 1
    return sorted(s for s, count in returned.items() if count > issued.get(s, 0))


def tally(
    ballots: Sequence[CastBallot], issued: Mapping[str, int], unit_ids: Sequence[str], rules: Rules
) -> GroupTally:
    """``issued``: ballots issued per session (\"\" for codes and named evaluators)."""
    void = set(void_sessions(ballots, issued, rules))
    units = {unit_id: UnitTally() for unit_id in unit_ids}
    valid = 0
    for ballot in ballots:
        is_void = ballot.session in void or (rules.void_blank and is_blank(ballot, rules))
        valid += not is_void
        for unit_id, marks in ballot.marks.items():
            if unit_id in units:
                count_mark(units[unit_id], marks, is_void, rules)
    total_issued = sum(issued.values())
    quorum_met = valid * 100 > total_issued * rules.quorum_percent
    for unit in units.values():
        settle(unit, rules)
    return GroupTally(total_issued, len(ballots), valid, sorted(void), quorum_met, units)


def count_mark(unit: UnitTally, marks: Mapping[str, str], is_void: bool, rules: Rules) -> None:
    if is_void:
        unit.void += 1
        return
    score = unit_score(marks, rules)
    if score is None:
        unit.no_answer += 1
        return
    unit.scores.append(score)
    unit.unsatisfied += UNSATISFIED in marks.values()


def settle(unit: UnitTally, rules: Rules) -> None:
    """Drops the extremes if asked (three or more scores), then takes the mean."""
    scores = sorted(unit.scores)
    if rules.drop_extremes and len(scores) >= 3:
        scores = scores[1:-1]
        unit.dropped = 2
    unit.counted = len(scores)
    if scores:
        mean = sum(scores, Decimal(0)) / len(scores)
        unit.mean = mean.quantize(PLACES, rounding=ROUND_HALF_UP)
