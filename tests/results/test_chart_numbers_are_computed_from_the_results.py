import datetime
from typing import Any

import pytest
from django.urls import reverse

from kaohe.cycles import actions as cycle_actions
from kaohe.results import charts


@pytest.fixture
def two_quarters(graded: Any) -> Any:
    """The graded cycle (Q2) scored, and a Q3 cycle of the same scheme version for 党建科."""
    graded.graded_record("党建科", "late", "3")
    graded.graded_record("办公室", "award", "2")
    graded.graded_record("督查科", "veto")
    q2 = graded.graded_cycle
    q3 = cycle_actions.open_cycle(
        graded.office,
        cycle_actions.CyclePlan(
            name="分等次测试周期（三季度）",
            version=q2.scheme_version,
            period="quarter",
            starts_on=datetime.date(2020, 7, 1),
            ends_on=datetime.date(2020, 9, 30),
            units=[cycle_actions.UnitEntry(graded.sections["党建科"])],
        ),
    )
    graded.commit(
        cycle_actions.add_record,
        graded.office,
        q3.cycle_units.get(),
        indicator="1",
        rule="late",
        count=1,
    )
    graded.q3 = q3
    return graded


def charts_page(client: Any, cycle: Any, **query: Any) -> Any:
    response = client.get(reverse("results:charts", args=[cycle.pk]), query)
    assert response.status_code == 200
    return response


def test_the_grade_distribution_counts_units_per_grade_in_ranking_order(
    two_quarters: Any, client: Any
) -> None:
    client.force_login(two_quarters.office)

    grades = charts_page(client, two_quarters.graded_cycle).context["grades"]

    assert grades == [{"grade": "优秀", "count": 2}, {"grade": "良好", "count": 1}]


def test_the_radar_sets_a_units_scored_sections_against_every_units_average(
    two_quarters: Any, client: Any
) -> None:
    client.force_login(two_quarters.office)
    unit = two_quarters.graded_units["党建科"]

    response = charts_page(client, two_quarters.graded_cycle, unit=unit.pk)

    assert response.context["radar"] == {
        "unit": "党建科",
        "rows": [{"section": "日常考核", "points": "100", "score": "85.00", "average": "95.00"}],
    }
    table = response.content.decode().split('data-table="radar"')[1].split("</table>")[0]
    assert all(number in table for number in ("100", "85.00", "95.00"))


def test_points_lost_are_added_up_by_indicator_across_the_units(
    two_quarters: Any, client: Any
) -> None:
    client.force_login(two_quarters.office)

    lost = charts_page(client, two_quarters.graded_cycle).context["lost"]

    assert lost == [{"indicator": "1 日常考核", "lost": "15.00", "units": 1}]


def test_the_trend_follows_a_unit_across_the_cycles_of_its_scheme(
    two_quarters: Any, client: Any
) -> None:
    client.force_login(two_quarters.office)
    unit = two_quarters.q3.cycle_units.get()

    trend = charts_page(client, two_quarters.q3, unit=unit.pk).context["trend"]

    assert [(point["cycle"], point["total"], point["rank"], point["of"]) for point in trend] == [
        ("分等次测试周期", "85.00", 2, 3),
        ("分等次测试周期（三季度）", "95.00", 1, 1),
    ]


def test_the_ranking_bar_greys_nothing_but_carries_each_units_vetoes() -> None:
    rows = [
        {"unit": "甲", "total": "90.00", "vetoes": []},
        {"unit": "乙", "total": "80.00", "vetoes": ["排名列最后"]},
    ]

    assert charts.ranking_bar([{**row, "rank": 1, "grade": ""} for row in rows]) == rows


def test_points_lost_skip_bonus_items_groups_and_items_that_do_not_apply() -> None:
    nodes = [
        {
            "code": "1",
            "name": "日常",
            "kind": "group",
            "points": "90",
            "score": "80",
            "applies": True,
        },
        {
            "code": "1.1",
            "name": "考勤",
            "kind": "scored",
            "points": "10",
            "score": "7.5",
            "applies": True,
        },
        {
            "code": "1.2",
            "name": "信息",
            "kind": "scored",
            "points": "5",
            "score": "0",
            "applies": False,
        },
        {
            "code": "2",
            "name": "加分",
            "kind": "bonus",
            "points": "5",
            "score": "1",
            "applies": True,
        },
        {
            "code": "3",
            "name": "倒扣",
            "kind": "penalty",
            "points": "0",
            "score": "-2",
            "applies": True,
        },
    ]

    assert charts.unit_points_lost(nodes) == [
        {"indicator": "1.1 考勤", "lost": "2.50", "units": None},
        {"indicator": "3 倒扣", "lost": "2.00", "units": None},
    ]
