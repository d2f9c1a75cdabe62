"""The demo cycle: 张家港 (seed 004) 2020 Q2 run over the demo 行政审批局's six sections, with the
worked scenario's records and evaluation scores, so that a newcomer sees live scores at once."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction

from kaohe.accounts.models import Unit, User
from kaohe.cycles import actions
from kaohe.cycles.importing import add_parsed
from kaohe.cycles.models import Cycle
from kaohe.progress.actions import set_schedule
from kaohe.schemes.models import SchemeVersion
from kaohe.transfer.records import read_records
from kaohe.transfer.records_facts import read_facts

DEMO_CYCLE = "2020年第二季度科室绩效考核（演示）"
SCHEME = "zhangjiagang-sections"


def scenario_dir() -> object:
    return settings.BASE_DIR / "schemes" / "scenarios" / SCHEME


@transaction.atomic
def load_demo_cycle(office_username: str = "khb") -> bool:
    """Opens the demo cycle once and fills it; False when it exists already."""
    if Cycle.objects.filter(name=DEMO_CYCLE).exists():
        return False
    office = User.objects.get(username=office_username)
    version = SchemeVersion.objects.get(scheme__slug=SCHEME, number=1)
    bureau = Unit.objects.get(name="市行政审批局", parent__name="示范市")
    cycle = actions.open_cycle(
        office,
        actions.CyclePlan(
            name=DEMO_CYCLE,
            version=version,
            period="quarter",
            starts_on=datetime.date(2020, 4, 1),
            ends_on=datetime.date(2020, 6, 30),
            submission_deadline=datetime.date(2020, 7, 3),
            units=[actions.UnitEntry(section) for section in bureau.children.all()],
        ),
    )
    fill_from_scenario(office, cycle)
    plan_self_reports(office, cycle)
    return True


def plan_self_reports(office: User, cycle: Cycle) -> None:
    """Each section reports on its key work once a quarter (seed 004's 自评), 3 working days
    after the quarter ends."""
    task = cycle.assignments.get(node_code="1.1.1")
    actions.change_assignment(
        office,
        task,
        assessor=task.assessor,
        responsible_units=[cycle_unit.unit for cycle_unit in cycle.cycle_units.all()],
        leaders=task.leaders,
        persons=task.persons,
        deadline=task.deadline,
    )
    set_schedule(office, cycle, "quarter", 3)


def fill_from_scenario(office: User, cycle: Cycle) -> None:
    folder = scenario_dir()
    records = read_records(folder / "records.csv")
    facts = read_facts(folder / "facts.yaml", records)
    units = {cycle_unit.label: cycle_unit for cycle_unit in cycle.cycle_units.all()}
    for record in records:
        add_parsed(office, record, units)
    for score in facts.evaluations:
        actions.set_evaluation_score(
            office, units[score.unit], score.indicator, score.group, score.score, score.round
        )
