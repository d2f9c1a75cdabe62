from typing import Any

import pytest
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.cycles.access import may_read_ranking, readable_labels
from tests.conftest import new_person


@pytest.fixture
def scored(bureau: Any) -> Any:
    bureau.record("党建科", "1.2", "st1", "2", note="6月迟到两人次")
    bureau.record("审批协调科", "1.2", "st1", "1")
    return bureau


def ranked_units(client: Any, cycle: Any) -> list[str]:
    response = client.get(reverse("results:ranking", args=[cycle.pk]))
    assert response.status_code == 200
    return [row["unit"] for row in response.context["rows"]]


def test_a_sections_own_leader_reads_its_row_of_the_ranking_with_its_place_among_all(
    scored: Any, client: Any
) -> None:
    client.force_login(scored.party_leader)  # 主要领导 of 党建科

    response = client.get(reverse("results:ranking", args=[scored.cycle.pk]))

    rows = response.context["rows"]
    assert [row["unit"] for row in rows] == ["党建科"]
    assert rows[0]["rank"] == 6  # among the six sections, not among the rows shown
    page = response.content.decode()
    assert "锁定考核记录" not in page and "导出排名表" not in page and "考核结果通报" not in page


def test_the_bureaus_deputy_reads_every_section_it_sits_over(scored: Any, client: Any) -> None:
    client.force_login(scored.deputy)  # 分管领导 of 市行政审批局, above the six sections

    assert sorted(ranked_units(client, scored.cycle)) == sorted(scored.units)


def test_a_leader_of_another_body_reads_none_of_it(scored: Any, client: Any) -> None:
    stranger = new_person("czj_ld", scored.outsider_unit, Role.DEPUTY_LEADER)
    client.force_login(stranger)

    assert client.get(reverse("results:ranking", args=[scored.cycle.pk])).status_code == 403
    assert not may_read_ranking(stranger, scored.cycle)
    assert readable_labels(stranger, scored.cycle) == set()


def test_the_leader_dashboard_shows_the_led_units_rank_total_and_progress(
    scored: Any, client: Any
) -> None:
    client.force_login(scored.party_leader)

    response = client.get(reverse("results:dashboard"))

    assert response.status_code == 200
    cards = response.context["cards"]
    assert [card["cycle_unit"].label for card in cards] == ["党建科"]
    card = cards[0]
    assert (card["row"]["rank"], card["count"]) == (6, 6)
    assert card["row"]["total"] == card["trend"][-1]["total"]
    lost = {row["indicator"].split()[0]: row["lost"] for row in card["lost"]}
    assert lost["1.2"] == "1.00"  # the two latenesses (st1)
    assert lost["2"] == "10.00"  # 班子测评 before its scores are entered
    assert [row["section"] for row in card["radar"]["rows"]] == ["日常考核", "班子测评"]
    page = response.content.decode()
    assert "审批协调科" not in page
    assert 'id="radar-' in page and 'data-chart="trend"' in page


def test_the_dashboard_is_for_leaders_and_another_units_charts_are_not_found(
    scored: Any, client: Any
) -> None:
    for person in (scored.office, scored.reporter, scored.inspector):
        client.force_login(person)
        assert client.get(reverse("results:dashboard")).status_code == 403
    client.force_login(scored.party_leader)
    other = scored.units["审批协调科"].pk
    charts = reverse("results:charts", args=[scored.cycle.pk])

    assert client.get(charts, {"unit": other}).status_code == 404
    assert client.get(charts, {"unit": scored.units["党建科"].pk}).status_code == 200


def test_a_leader_without_cycles_is_told_what_comes_next(bureau: Any, client: Any) -> None:
    idle = new_person("czj_zyld", bureau.outsider_unit, Role.PRINCIPAL_LEADER)
    client.force_login(idle)

    page = client.get(reverse("results:dashboard")).content.decode()

    assert "还没有参加考核周期" in page


def test_the_cycle_list_leads_a_leader_to_the_ranking_and_the_dashboard(
    scored: Any, client: Any
) -> None:
    client.force_login(scored.party_leader)

    page = client.get(reverse("results:cycles")).content.decode()

    assert reverse("results:ranking", args=[scored.cycle.pk]) in page
    assert f"{reverse('results:dashboard')}?cycle={scored.cycle.pk}" in page
