"""The load harness's users against a test server for a few seconds (`pytest -m bench`; make
test skips it): the pages, forms and messages it relies on are still where it looks for them."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from kaohe.accounts.demo import load_demo_organisation
from kaohe.bench.load import city, traffic
from kaohe.cycles.models import Record
from kaohe.schemes.actions import install_builtin_schemes

pytestmark = pytest.mark.bench


@pytest.fixture
def small_city(transactional_db, tmp_path):
    load_demo_organisation()
    install_builtin_schemes()
    plan = city.build(tmp_path, units=5, records=200, import_rows=40)
    return plan, (tmp_path / "import.xlsx").read_bytes()


def test_it_reads_saves_imports_and_recomputes_without_an_error(small_city, live_server):
    plan, workbook = small_city
    port = urlsplit(live_server.url).port
    load = traffic.Load(port, plan, workbook)
    people = plan["accounts"]
    office = traffic.logged_in(port, people[4:6])
    phase = load.run(
        traffic.logged_in(port, people[:3]),
        traffic.logged_in(port, people[3:4]),
        office,
        seconds=2,
        think=0.1,
    )
    failed = {kind: tally.failed for kind, tally in phase.tallies.items() if tally.failed}
    assert failed == {}
    assert {"ranking", "breakdown", "grid", "save", "import", "recompute"} <= set(phase.tallies)
    assert "已导入 40 条考核记录" in phase.import_said
    saves = phase.tally("save").done
    assert Record.objects.filter(note__startswith=traffic.SAVE_MARK).count() == saves
    assert traffic.seconds_until_fresh(office[0], load.cycle, phase.last_save, wait=5) is not None
