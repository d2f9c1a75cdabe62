from typing import Any

import pytest
from django.urls import reverse

from kaohe.results import live


def test_the_list_of_cycles_runs_no_computation_and_a_fixed_number_of_queries(
    graded: Any, client: Any, monkeypatch: pytest.MonkeyPatch, django_assert_max_num_queries: Any
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a list page must not compute a cycle")

    monkeypatch.setattr(live, "compute_cycle", refuse)
    monkeypatch.setattr(live.engine, "compute", refuse)
    client.force_login(graded.deputy)

    with django_assert_max_num_queries(20):  # session, user, role look-ups, cycles, units
        page = client.get(reverse("results:cycles")).content.decode()

    assert "2020年第二季度科室绩效考核" in page and "分等次测试周期" in page
    assert page.count("得分明细") == 9  # six sections + three, each its own link
