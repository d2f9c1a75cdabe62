"""写实考核: late, missing, evidence-less and sent-back reports become deductions on the indicators
marked `system: diligence`, and the cycle's facts carry them into the score."""

import datetime
from decimal import Decimal

from kaohe import engine
from kaohe.accounts.roles import Role
from kaohe.cycles.facts import cycle_facts, cycle_scheme
from kaohe.progress.diligence import diligence_records


def by_unit(records):
    return {(r.unit, r.indicator.rpartition("›")[2].strip()): r for r in records}


def test_a_unit_that_reports_on_time_with_evidence_loses_nothing(cycle, at, report):
    at(datetime.date(2025, 2, 6))
    report("市财政局", "1.1", "2025-01")
    report("市财政局", "1.2", "2025-01")
    at(datetime.date(2025, 2, 20))
    assert "市财政局" not in {r.unit for r in diligence_records(cycle)}


def test_missing_and_late_reports_cost_timeliness(cycle, at, report):
    at(datetime.date(2025, 2, 6))
    report("市财政局", "1.1", "2025-01")  # on time
    at(datetime.date(2025, 2, 10))
    report("市财政局", "1.2", "2025-01")  # after Friday 7 February: late
    at(datetime.date(2025, 3, 10))  # February's reports (due 5 March) never came
    found = by_unit(diligence_records(cycle))
    timeliness = found[("市财政局", "考核指标完成情况")]
    assert timeliness.value == Decimal("1.2")  # 0.2 late + 2 × 0.5 missing
    assert "逾期未报 2 项" in timeliness.note and "逾期报送 1 项" in timeliness.note
    assert found[("市教育局", "考核指标完成情况")].value == Decimal("1.0")  # 2 months missing


def test_reports_without_evidence_or_sent_back_cost_completeness(cycle, at, report, sign):
    at(datetime.date(2025, 2, 6))
    report("市财政局", "1.1", "2025-01", files=0)
    sign(cycle.users[Role.DEPUTY_LEADER], report("市财政局", "1.2", "2025-01"), "材料不全")
    at(datetime.date(2025, 2, 20))
    completeness = by_unit(diligence_records(cycle))[("市财政局", "证明材料完成情况")]
    assert completeness.value == Decimal("0.3")  # 0.2 without evidence + 0.1 sent back
    assert "报送无证明材料 1 项" in completeness.note


def test_the_deduction_stops_at_the_indicators_maximum(cycle, at):
    at(datetime.date(2026, 3, 1))  # every month of 2025 missing: 12 × 0.5 = 6 > 5
    assert by_unit(diligence_records(cycle))[("市教育局", "考核指标完成情况")].value == 5


def test_the_cycle_facts_carry_diligence_into_the_score(cycle, at):
    at(datetime.date(2025, 3, 10))
    result = engine.compute(cycle_scheme(cycle), cycle_facts(cycle))
    education = result.units["市教育局"]
    assert education.total == Decimal("99")  # 100 − 1.0 for two missing months
    assert "写实考核（系统计算）" in str(result.to_dict())


def test_a_scheme_without_diligence_indicators_gets_no_records(cycle, at, monkeypatch):
    at(datetime.date(2025, 3, 10))
    monkeypatch.setattr("kaohe.progress.diligence.SYSTEM_MARK", "nothing")
    assert diligence_records(cycle) == []


def test_a_locked_cycle_counts_every_deadline_and_stops_moving_with_the_calendar(cycle, at):
    cycle.status = cycle.Status.LOCKED
    cycle.save(update_fields=["status"])
    at(datetime.date(2025, 3, 10))
    early = by_unit(diligence_records(cycle))[("市教育局", "考核指标完成情况")]
    at(datetime.date(2027, 1, 1))
    late = by_unit(diligence_records(cycle))[("市教育局", "考核指标完成情况")]
    assert early.value == late.value == 5  # all twelve months missing, capped at 5
