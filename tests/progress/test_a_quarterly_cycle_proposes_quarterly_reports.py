"""Until the office sets a schedule, a quarterly cycle asks for one report a quarter — monthly
reports would have opened its board all red — and a yearly cycle one a month."""

from typing import Any

from kaohe.progress.periods import cycle_periods, schedule_for


def test_a_quarterly_cycle_proposes_one_report_a_quarter(zhangjiagang: Any) -> None:
    assert schedule_for(zhangjiagang.cycle).frequency == "quarter"
    assert [period.key for period in cycle_periods(zhangjiagang.cycle)] == ["2020-Q2"]


def test_the_board_offers_the_proposed_frequency(zhangjiagang: Any, client: Any) -> None:
    client.force_login(zhangjiagang.office)
    page = client.get(f"/progress/boards/{zhangjiagang.cycle.pk}/").content.decode()
    assert '<option value="quarter" selected>' in page


def test_a_yearly_cycle_still_proposes_monthly_reports(cycle: Any) -> None:
    assert schedule_for(cycle).frequency == "month"
