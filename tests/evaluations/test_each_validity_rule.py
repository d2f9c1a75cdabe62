"""The validity rules of the tally, each on its own (plain Python, no database)."""

from decimal import Decimal

from kaohe.evaluations.tallying import CastBallot, Rules, tally

POINTS = {"满意": Decimal(100), "基本满意": Decimal(60), "不满意": Decimal(0)}


def ballots(*scores: str, session: str = "") -> list[CastBallot]:
    """One ballot per score, each marking unit "1" on dimension "9"."""
    return [CastBallot({"1": {"9": score} if score else {}}, session) for score in scores]


def test_the_mean_of_valid_ballots_is_the_groups_score() -> None:
    result = tally(ballots("满意", "基本满意", "80"), {"": 3}, ["1"], Rules(POINTS))
    unit = result.units["1"]
    assert (unit.counted, unit.void, unit.no_answer) == (3, 0, 0)
    assert unit.mean == Decimal("80.000")  # (100 + 60 + 80) ÷ 3
    assert result.quorum_met


def test_not_knowing_a_unit_is_no_answer_not_zero() -> None:
    result = tally(
        [
            CastBallot({"1": {"9": "满意"}, "2": {}}),
            CastBallot({"1": {"9": "不了解"}, "2": {"9": "满意"}}),
        ],
        {"": 2},
        ["1", "2"],
        Rules(POINTS),
    )
    assert result.units["1"].mean == Decimal(100) and result.units["1"].no_answer == 1
    assert result.units["2"].mean == Decimal(100) and result.units["2"].no_answer == 1


def test_a_quorum_needs_more_than_the_share_of_those_issued() -> None:
    rules = Rules(POINTS, quorum_percent=50)
    assert not tally(ballots(*["满意"] * 5), {"": 10}, ["1"], rules).quorum_met  # 5 of 10
    assert tally(ballots(*["满意"] * 6), {"": 10}, ["1"], rules).quorum_met  # 6 of 10


def test_a_blank_ballot_is_void_and_does_not_count_towards_the_quorum() -> None:
    result = tally(ballots("满意", "", ""), {"": 4}, ["1"], Rules(POINTS))
    assert (result.returned, result.valid) == (3, 1)
    assert result.units["1"].void == 2 and result.units["1"].counted == 1
    assert not result.quorum_met  # 1 valid of 4 issued

    kept = tally(ballots("满意", "", ""), {"": 4}, ["1"], Rules(POINTS, void_blank=False))
    assert kept.valid == 3 and kept.units["1"].no_answer == 2 and kept.quorum_met


def test_a_session_that_returned_more_than_it_issued_is_void() -> None:
    paper = ballots("满意", "满意", "满意", session="7")
    online = ballots("基本满意", "基本满意")
    result = tally(paper + online, {"": 2, "7": 2}, ["1"], Rules(POINTS))
    assert result.void_sessions == ["7"]
    assert result.units["1"].void == 3 and result.units["1"].mean == Decimal(60)

    allowed = tally(paper + online, {"": 2, "7": 2}, ["1"], Rules(POINTS, void_over_issued=False))
    assert allowed.void_sessions == [] and allowed.units["1"].counted == 5


def test_the_highest_and_lowest_scores_can_be_dropped() -> None:
    result = tally(
        ballots("60", "80", "90", "100"), {"": 4}, ["1"], Rules(POINTS, drop_extremes=True)
    )
    unit = result.units["1"]
    assert unit.dropped == 2 and unit.counted == 2 and unit.mean == Decimal("85.000")
    # Fewer than three scores: nothing is dropped.
    two = tally(ballots("60", "100"), {"": 2}, ["1"], Rules(POINTS, drop_extremes=True))
    assert two.units["1"].dropped == 0 and two.units["1"].mean == Decimal(80)


def test_dissatisfaction_is_counted_once_per_ballot_on_valid_ballots_only() -> None:
    marks = [
        CastBallot({"1": {"9": "不满意", "8": "不满意"}}),
        CastBallot({"1": {"9": "不满意"}}, session="3"),
    ]
    result = tally(marks, {"": 1, "3": 0}, ["1"], Rules(POINTS, quorum_percent=0))
    assert result.units["1"].unsatisfied == 1  # the paper session returned more than it issued
