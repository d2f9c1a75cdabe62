"""The demo cycle runs the 张家港 scenario through the database and scores as worked by hand."""

from decimal import Decimal

import yaml
from django.core.management import call_command

from kaohe import engine
from kaohe.cycles.facts import cycle_facts, cycle_scheme
from kaohe.cycles.models import Cycle
from kaohe.web.demo import DEMO_CYCLE, scenario_dir


def test_the_demo_cycle_scores_every_section_as_the_hand_calculation(db):
    call_command("load_demo")
    cycle = Cycle.objects.get(name=DEMO_CYCLE)
    result = engine.compute(cycle_scheme(cycle), cycle_facts(cycle))
    expected = yaml.safe_load((scenario_dir() / "expected.yaml").read_text(encoding="utf-8"))
    for name, unit in expected["units"].items():
        scored = result.units[name]
        assert scored.total == Decimal(str(unit["total"])), name
        assert scored.rank == unit["rank"], name
        for section, subtotal in unit["sections"].items():
            assert scored.sections[section] == Decimal(str(subtotal)), (name, section)


def test_loading_the_demo_again_adds_no_second_cycle(db):
    call_command("load_demo")
    records = Cycle.objects.get(name=DEMO_CYCLE).records.count()
    call_command("load_demo")
    assert Cycle.objects.filter(name=DEMO_CYCLE).count() == 1
    assert Cycle.objects.get(name=DEMO_CYCLE).records.count() == records == 57
