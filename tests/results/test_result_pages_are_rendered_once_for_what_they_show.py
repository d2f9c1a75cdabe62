"""The ranking's table and a breakdown's tree are rendered once for what they show and served
again from the cache (a city's ranking is 200 rows, a breakdown 250 record links): a second
read renders none of their rows, a change shows at once, and what sits around them (who may
appeal, the office's links) is still the reader's own."""

import re
from decimal import Decimal
from typing import Any

import django.urls
import pytest
from django.core.cache import cache
from django.urls import reverse


@pytest.fixture(autouse=True)
def empty_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def links_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the links the templates wrote ({% url %} looks reverse up when it runs)."""
    made: list[str] = []
    original = django.urls.reverse

    def counted(viewname: str, *args: Any, **kwargs: Any) -> str:
        made.append(viewname)
        return original(viewname, *args, **kwargs)

    monkeypatch.setattr(django.urls, "reverse", counted)
    return made


def read(client: Any, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def total_of(unit: str, page: str) -> Decimal:
    row = re.search(rf'<tr data-unit="{unit}">.*?fw-semibold">([^<]+)</td>', page, re.S)
    assert row is not None
    return Decimal(row.group(1))


def test_the_ranking_read_again_renders_no_row_and_shows_a_change_at_once(
    bureau: Any, client: Any, links_made: list[str]
) -> None:
    client.force_login(bureau.office)
    url = reverse("results:ranking", args=[bureau.cycle.pk])
    read(client, url)
    links_made.clear()

    again = read(client, url)

    assert "results:unit" not in links_made and again.count('data-unit="') == 6
    bureau.record("党建科", "1.2", "st1", "2")
    changed = read(client, url)
    assert "results:unit" in links_made
    assert total_of("党建科", changed) == total_of("党建科", again) - 1  # 2 × 0.5 deducted


def test_a_breakdown_read_again_renders_no_record_and_shows_a_new_one_at_once(
    bureau: Any, client: Any, links_made: list[str]
) -> None:
    first = bureau.record("党建科", "1.2", "st1", "1", note="六月迟到一人次")
    url = reverse("results:unit", args=[bureau.cycle.pk, bureau.units["党建科"].pk])
    client.force_login(bureau.office)
    read(client, url)
    links_made.clear()

    assert "六月迟到一人次" in read(client, url)
    assert "cycles:record" not in links_made

    bureau.record("党建科", "1.2", "st1", "1", note="六月早退一人次")
    page = read(client, url)
    assert "六月早退一人次" in page and f"记录 #{first.pk}" in page


def test_a_cached_breakdown_keeps_the_page_around_it_the_readers_own(
    bureau: Any, client: Any
) -> None:
    bureau.record("党建科", "1.2", "st1", "1", note="六月迟到一人次")
    url = reverse("results:unit", args=[bureau.cycle.pk, bureau.units["党建科"].pk])
    client.force_login(bureau.office)
    assert "返回排名" in read(client, url)

    client.force_login(bureau.reporter)  # 党建科's own reporter, served from the cache
    page = read(client, url)

    assert "六月迟到一人次" in page and "返回排名" not in page
