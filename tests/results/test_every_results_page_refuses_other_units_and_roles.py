from typing import Any

import pytest
from django.urls import reverse

from kaohe.accounts.roles import Role
from tests.conftest import new_person


@pytest.fixture
def people(bureau: Any) -> dict[str, Any]:
    return {
        "office": bureau.office,
        "own_reporter": bureau.reporter,  # 党建科
        "own_leader": bureau.party_leader,  # 党建科
        "bureau_leader": bureau.deputy,  # 市行政审批局, above the sections
        "other_section": bureau.other_reporter,  # 审批协调科
        "other_assessor": bureau.inspector,  # 督查科
        "outsider": bureau.outsider,  # 市财政局
        "own_evaluator": new_person("zjg_pyr", bureau.sections["党建科"], Role.EVALUATOR),
        "other_evaluator": new_person("zjg_pyr2", bureau.sections["督查科"], Role.EVALUATOR),
        "system_admin": new_person("zjg_xt", bureau.office_unit, Role.SYSTEM_ADMIN),
    }


def unit_pages(bureau: Any) -> tuple[str, str]:
    """The breakdown page and its export (asked for with a POST, answered with the download)."""
    cycle, unit = bureau.cycle.pk, bureau.units["党建科"].pk
    return (
        reverse("results:unit", args=[cycle, unit]),
        reverse("results:export_unit", args=[cycle, unit]),
    )


def office_pages(bureau: Any) -> list[str]:
    cycle = bureau.cycle.pk
    return [
        reverse("results:evaluations", args=[cycle]),
        reverse("results:bulletin", args=[cycle]),
    ]


def office_files(bureau: Any) -> list[str]:
    cycle = bureau.cycle.pk
    return [
        reverse(f"results:{name}", args=[cycle])
        for name in ("export_ranking", "bulletin_docx", "bulletin_pdf")
    ]


def ranking_pages(bureau: Any) -> list[str]:
    """The office's and, for the rows of the units they lead, the leaders' (issue 14)."""
    cycle = bureau.cycle.pk
    return [reverse("results:ranking", args=[cycle]), reverse("results:charts", args=[cycle])]


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("office", True),
        ("own_reporter", True),
        ("own_leader", True),
        ("bureau_leader", True),
        ("other_section", False),
        ("other_assessor", False),
        ("outsider", False),
        ("own_evaluator", False),  # least privilege by role: an 评议人 reads no results (issue 15)
        ("other_evaluator", False),
        ("system_admin", False),
    ],
)
def test_a_units_results_are_read_only_by_that_unit_its_leaders_and_the_office(
    bureau: Any, people: dict[str, Any], client: Any, who: str, allowed: bool
) -> None:
    client.force_login(people[who])

    page, export = unit_pages(bureau)
    assert client.get(page).status_code == (200 if allowed else 403)
    assert client.post(export).status_code == (302 if allowed else 403)


@pytest.mark.parametrize(
    "who", ["own_reporter", "own_leader", "bureau_leader", "other_assessor", "own_evaluator"]
)
def test_the_ranking_evaluations_and_review_steps_are_the_offices_alone(
    bureau: Any, people: dict[str, Any], client: Any, who: str
) -> None:
    client.force_login(people[who])

    for url in office_pages(bureau):
        assert client.get(url).status_code == 403, url
    for url in office_files(bureau):
        assert client.post(url).status_code == 403, url
    for step in ("lock", "reopen", "publish", "finalise", "recompute"):
        assert client.post(reverse(f"results:{step}", args=[bureau.cycle.pk])).status_code == 403
    bureau.cycle.refresh_from_db()
    assert bureau.cycle.status == "open"


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("office", True),
        ("own_leader", True),
        ("bureau_leader", True),
        ("own_reporter", False),
        ("other_assessor", False),
        ("own_evaluator", False),
        ("outsider", False),
    ],
)
def test_the_ranking_and_its_charts_are_read_by_the_office_and_the_units_leaders(
    bureau: Any, people: dict[str, Any], client: Any, who: str, allowed: bool
) -> None:
    client.force_login(people[who])

    for url in ranking_pages(bureau):
        assert client.get(url).status_code == (200 if allowed else 403), url


def test_a_unit_id_from_another_cycle_is_not_found(graded: Any, client: Any) -> None:
    client.force_login(graded.office)
    foreign = graded.graded_units["党建科"].pk

    response = client.get(reverse("results:unit", args=[graded.cycle.pk, foreign]))

    assert response.status_code == 404


def test_review_steps_need_post(bureau: Any, client: Any) -> None:
    client.force_login(bureau.office)

    assert client.get(reverse("results:lock", args=[bureau.cycle.pk])).status_code == 405


def test_anonymous_visitors_are_sent_to_log_in(bureau: Any, client: Any) -> None:
    page, export = unit_pages(bureau)
    pages = [page, *office_pages(bureau), *ranking_pages(bureau)]
    for url in [*pages, reverse("results:cycles"), reverse("results:dashboard")]:
        assert client.get(url).status_code == 302
    for url in [export, *office_files(bureau)]:
        assert client.post(url).status_code == 302


def test_the_cycle_list_shows_only_the_users_own_units(
    bureau: Any, people: dict[str, Any], client: Any
) -> None:
    client.force_login(people["own_reporter"])

    page = client.get(reverse("results:cycles")).content.decode()

    assert "党建科 得分明细" in page
    assert "审批协调科 得分明细" not in page
    assert "汇总排名" not in page
