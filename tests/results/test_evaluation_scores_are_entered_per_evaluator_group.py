from typing import Any

from django.urls import reverse

from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles.models import EvaluationEntry
from kaohe.results.models import LiveResult


def field_for(page: str, label: str) -> str:
    """The input name of the cell whose aria-label is e.g. 「党建科 主要领导」."""
    at = page.index(f'aria-label="{label}"')
    start = page.rindex("<input", 0, at)
    name_at = page.index('name="', start) + len('name="')
    return page[name_at : page.index('"', name_at)]


def test_the_office_enters_each_groups_score_and_the_item_is_weighted(
    bureau: Any, client: Any, django_capture_on_commit_callbacks: Any
) -> None:
    client.force_login(bureau.office)
    url = reverse("results:evaluations", args=[bureau.cycle.pk])
    page = client.get(url).content.decode()
    assert "班子测评" in page and "（占 50%）" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {field_for(page, "党建科 主要领导"): "80", field_for(page, "党建科 分管领导"): "90"},
            follow=True,
        )

    assert "已保存 2 项测评得分" in response.content.decode()
    assert EvaluationEntry.objects.filter(cycle=bureau.cycle).count() == 2
    unit = LiveResult.objects.get(cycle=bureau.cycle).unit("党建科")
    assert unit is not None and unit["sections"]["班子测评"] == "8.50"  # (80 + 90) ÷ 2 ÷ 10
    assert AuditEntry.objects.filter(action=Action.EVALUATION_SCORE_ENTERED).count() == 2


def test_a_score_out_of_range_is_refused_and_nothing_is_saved(bureau: Any, client: Any) -> None:
    client.force_login(bureau.office)
    url = reverse("results:evaluations", args=[bureau.cycle.pk])
    page = client.get(url).content.decode()

    response = client.post(
        url,
        {field_for(page, "党建科 主要领导"): "80", field_for(page, "办公室 分管领导"): "120"},
        follow=True,
    )

    assert "测评得分应在 0 到 100 之间" in response.content.decode()
    assert not EvaluationEntry.objects.exists()


def test_a_score_that_is_not_a_number_names_the_unit_and_group(bureau: Any, client: Any) -> None:
    client.force_login(bureau.office)
    url = reverse("results:evaluations", args=[bureau.cycle.pk])
    page = client.get(url).content.decode()

    response = client.post(url, {field_for(page, "督查科 主要领导"): "优"}, follow=True)

    assert "督查科「主要领导」不是数字：优" in response.content.decode()
