"""The city-size cycle the load harness runs against (Django code: import it after
django.setup(); `python -m kaohe.bench.load.build_city` does).

It opens the cycle 「压测：城市规模考核周期」 on the seed 004 scheme (zhangjiagang-sections) over
200 sections of a department 「压测局」, fills it with 50,000 records and every unit's 班子测评
scores, computes its result once, and writes the ids the simulated users need (`city.json`) and
a 20,000-row records workbook for the import that runs during the load (`import.xlsx`).

The records are inserted in bulk: building the data set is not what is measured, and 50,000
audited single saves would each queue a recompute.
"""

from __future__ import annotations

import datetime
import json
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from openpyxl import Workbook

from kaohe.accounts.demo import CITY, DEMO_PASSWORD, ensure_unit
from kaohe.accounts.models import RoleGrant, Unit, User
from kaohe.accounts.roles import Role
from kaohe.cycles import actions
from kaohe.cycles.facts import cycle_scheme
from kaohe.cycles.models import Cycle, EvaluationEntry, Record
from kaohe.results.jobs import ask_for_recompute
from kaohe.schemes.models import SchemeVersion
from kaohe.transfer.records import COLUMNS

CYCLE = "压测：城市规模考核周期"
DEPARTMENT = "压测局"
SCHEME = "zhangjiagang-sections"
SEED = 20260416
MONTHS = ("2020-04", "2020-05", "2020-06")
EVALUATION_GROUPS = ("主要领导", "分管领导")
# Where the simulated clerks save: 1.2 人员管理情况, rule st1 迟到早退 (0.5 a time).
SAVE_NODE, SAVE_RULE = "1.2", "st1"


def recordable_rules(scheme: Any) -> list[tuple[Any, Any]]:
    """(leaf node, rule) pairs a record can be kept under with a count or a level alone."""
    pairs = []
    for node in scheme.leaves():
        for rule in node.rules:
            if rule.kind in ("per_occurrence", "tiered"):
                pairs.append((node, rule))
    return pairs


def record_cells(rng: random.Random, rule: Any) -> dict[str, Any]:
    """A count (1–3), a level when the rule has levels, a date and its month."""
    month = rng.choice(MONTHS)
    day = rng.randrange(1, 29)
    levels = list(rule.settings.get("levels") or ())
    return {
        "count": None if rule.kind == "tiered" else Decimal(rng.randrange(1, 4)),
        "level": rng.choice(levels) if levels else "",
        "date": datetime.date.fromisoformat(f"{month}-{day:02d}"),
        "period": month,
    }


def open_city_cycle(units: int) -> Cycle:

    office = User.objects.get(username="khb")
    city = Unit.objects.get(name=CITY, parent=None)
    department = ensure_unit(DEPARTMENT, city, Unit.Kind.AGENCY)
    sections = [
        ensure_unit(f"压测{n:03d}科", department, Unit.Kind.SECTION) for n in range(1, units + 1)
    ]
    plan = actions.CyclePlan(
        name=CYCLE,
        version=SchemeVersion.objects.get(scheme__slug=SCHEME, number=1),
        period="quarter",
        starts_on=datetime.date(2020, 4, 1),
        ends_on=datetime.date(2020, 6, 30),
        submission_deadline=datetime.date(2020, 7, 3),
        units=[actions.UnitEntry(section) for section in sections],
    )
    return actions.open_cycle(office, plan)


def fill(cycle: Cycle, records: int) -> None:

    rng = random.Random(SEED)
    rules = recordable_rules(cycle_scheme(cycle))
    cycle_units = list(cycle.cycle_units.order_by("id"))
    office = cycle.created_by

    def rows() -> Iterator[Record]:
        for n in range(records):
            node, rule = rng.choice(rules)
            yield Record(
                cycle=cycle,
                unit=cycle_units[n % len(cycle_units)],
                indicator=node.path,
                rule=rule.id,
                note=f"压测记录 {n + 1}",
                recorded_by=office,
                **record_cells(rng, rule),
            )

    Record.objects.bulk_create(rows(), batch_size=2000)
    EvaluationEntry.objects.bulk_create(
        EvaluationEntry(
            cycle=cycle,
            cycle_unit=cycle_unit,
            node_path="班子测评",
            group=group,
            score=Decimal(rng.randrange(70, 100)),
        )
        for cycle_unit in cycle_units
        for group in EVALUATION_GROUPS
    )


def write_import(path: Path, cycle: Cycle, rows: int) -> None:
    """A records workbook as an assessor would fill the downloaded template."""

    rng = random.Random(SEED + 1)
    rules = recordable_rules(cycle_scheme(cycle))
    labels = list(cycle.cycle_units.order_by("id").values_list("label", flat=True))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("考核记录")
    sheet.append(list(COLUMNS))
    for n in range(rows):
        node, rule = rng.choice(rules)
        cells = record_cells(rng, rule)
        by_column = {
            "被考核单位": labels[n % len(labels)],
            "指标": node.code,
            "规则": rule.id,
            "次数": int(cells["count"]) if cells["count"] is not None else None,
            "级别": cells["level"] or None,
            "日期": cells["date"].isoformat(),
            "期间": cells["period"],
            "说明": f"压测导入 {n + 1}",
        }
        sheet.append([by_column.get(column) for column in COLUMNS])
    workbook.save(path)


def plan_for_users(cycle: Cycle) -> dict[str, Any]:

    scheme = cycle_scheme(cycle)
    codes = sorted({node.code for node, _ in recordable_rules(scheme)})
    return {
        "cycle": cycle.pk,
        "cycle_units": list(cycle.cycle_units.order_by("id").values_list("id", flat=True)),
        "grid_nodes": codes,
        "save": {"node": SAVE_NODE, "rule": SAVE_RULE},
        "records": cycle.records.count(),
    }


def office_accounts(count: int) -> list[dict[str, str]]:
    """One 考核办 account per simulated person, each with its own authenticator (the office
    passes a second factor at login, and a TOTP code counts once per device and 30 s)."""
    office = User.objects.get(username="khb")
    accounts = []
    for n in range(1, count + 1):
        user = User(username=f"yc_khb_{n:02d}", full_name=f"压测考核办{n:02d}", unit=office.unit)
        user.set_password(DEMO_PASSWORD)
        user.save()
        RoleGrant.objects.create(user=user, role=Role.OFFICE)
        device = TOTPDevice.objects.create(user=user, name="压测验证器", confirmed=True)
        accounts.append({"username": user.username, "key": device.key})
    return accounts


def build(
    folder: Path, units: int, records: int, import_rows: int, people: int = 60
) -> dict[str, Any]:

    with transaction.atomic():
        cycle = open_city_cycle(units)
        fill(cycle, records)
    ask_for_recompute(cycle)  # KAOHE_TASKS=immediate here: computed before this returns
    write_import(folder / "import.xlsx", cycle, import_rows)
    plan = plan_for_users(cycle) | {"accounts": office_accounts(people)}
    (folder / "city.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    return plan


def count_saved(mark: str) -> int:

    return Record.objects.filter(cycle__name=CYCLE, note__startswith=mark).count()
