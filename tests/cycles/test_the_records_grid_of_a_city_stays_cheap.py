"""The records grid of a city-size cycle (issue 16, item 7): every unit's new-record row is one
blank form rendered once, each unit's rows are rendered once for what they show and served
again from the cache (never stale, each visitor with their own CSRF token; a save renders its
own unit again, not the others), and a page of an indicator's records is read in index order
instead of sorting all of them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.forms import Widget
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kaohe.accounts import actions as accounts
from kaohe.accounts.models import Unit
from kaohe.cycles import actions
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.views.grid import GridFilter

NODE = "1.1.1"  # 重点工作落实情况, kept by 办公室 (zjg_bgs)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def rendered_widgets(monkeypatch):
    """How many form inputs the pages render."""
    count = {"inputs": 0}
    render = Widget.render

    def counted(self, *args, **kwargs):
        count["inputs"] += 1
        return render(self, *args, **kwargs)

    monkeypatch.setattr(Widget, "render", counted)
    return count


def city_cycle(bureau, units):
    """A cycle over ``units`` sections of the bureau (the six of 张家港 and more)."""
    more = [
        accounts.create_unit(None, name=f"第{n}科", parent=bureau.bureau, kind=Unit.Kind.SECTION)
        for n in range(units - len(bureau.sections))
    ]
    return actions.open_cycle(
        bureau.office,
        actions.CyclePlan(
            name=f"{units} 个单位的周期",
            version=bureau.version,
            period="quarter",
            starts_on=datetime.date(2020, 4, 1),
            ends_on=datetime.date(2020, 6, 30),
            units=[actions.UnitEntry(u) for u in [*bureau.sections.values(), *more]],
        ),
    )


def grid(client, cycle):
    url = reverse("cycles:records", args=[cycle.pk])
    response = client.get(url, {"node": NODE})
    assert response.status_code == 200
    return response.content.decode()


def add(bureau, cycle, count="1"):
    cycle_unit = cycle.cycle_units.get(label="党建科")
    return actions.add_record(
        bureau.general_office, cycle_unit, indicator=NODE, rule="kt1", count=Decimal(count)
    )


def test_every_units_new_record_row_is_one_blank_form_rendered_once(
    client, zhangjiagang_bureau, rendered_widgets
):
    bureau = zhangjiagang_bureau
    small, city = city_cycle(bureau, 6), city_cycle(bureau, 40)
    client.force_login(bureau.general_office)

    grid(client, small)
    for_six = rendered_widgets["inputs"]
    rendered_widgets["inputs"] = 0
    page = grid(client, city)

    assert page.count("新增</button>") == 40
    assert rendered_widgets["inputs"] == for_six


def test_the_grid_costs_the_same_queries_for_40_units_as_for_6(
    client, zhangjiagang_bureau, django_assert_max_num_queries
):
    bureau = zhangjiagang_bureau
    small, city = city_cycle(bureau, 6), city_cycle(bureau, 40)
    for cycle in (small, city):
        add(bureau, cycle)
    client.force_login(bureau.general_office)
    with CaptureQueriesContext(connection) as for_six:
        grid(client, small)

    with django_assert_max_num_queries(len(for_six)):
        grid(client, city)


def test_a_grid_read_again_renders_no_form_and_a_change_renders_its_unit_alone(
    client, zhangjiagang_bureau, rendered_widgets
):
    bureau = zhangjiagang_bureau
    cycle = city_cycle(bureau, 40)
    record = add(bureau, cycle)
    client.force_login(bureau.general_office)
    grid(client, cycle)
    rendered_widgets["inputs"] = 0

    assert f'id="record-{record.pk}"' in grid(client, cycle)
    assert rendered_widgets["inputs"] == 0

    changed = actions.change_record(bureau.general_office, record.pk, 1, **values(record, "7"))
    another = add(bureau, cycle)
    page = grid(client, cycle)
    assert 'name="count" value="7"' in page and f'name="version" value="{changed.version}"' in page
    assert f'id="record-{another.pk}"' in page
    # Only 党建科's part was rendered again: its two records (nine cells and the version
    # each) and its blank row (nine cells), not the 39 other units' rows.
    assert rendered_widgets["inputs"] == 2 * 10 + 9


def values(record, count):
    return {
        "indicator": record.indicator,
        "rule": record.rule,
        "count": Decimal(count),
        "note": record.note,
    }


def test_rows_served_again_carry_each_visitors_own_csrf_token(zhangjiagang_bureau):
    bureau = zhangjiagang_bureau
    cycle = city_cycle(bureau, 40)
    add_url = reverse("cycles:record_add", args=[cycle.pk, cycle.cycle_units.first().pk])
    for clerk in (bureau.general_office, bureau.office):  # the second is served from the cache
        client = Client(enforce_csrf_checks=True)
        client.force_login(clerk)
        token = TOKEN.search(grid(client, cycle)).group(1)
        answer = client.post(
            add_url, {"node": NODE, "rule": "kt1", "count": "1", "csrfmiddlewaretoken": token}
        )
        assert answer.status_code == 302
    assert cycle.records.count() == 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan is checked")
def test_a_page_of_an_indicators_records_is_read_in_index_order(zhangjiagang):
    scheme = cycle_scheme(zhangjiagang.cycle)
    node = scheme.nodes[scheme.codes[NODE]]
    records = GridFilter.read(QueryDict(), node).records(zhangjiagang.cycle)[:50]

    plan = records.explain()

    assert "record_grid_order" in plan
    assert "TEMP B-TREE" not in plan
