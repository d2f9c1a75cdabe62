"""Recompute benchmark on a city-size cycle, against a real database (``manage.py
bench_recompute``; not run by ``python -m kaohe.bench``, which needs no database).

200 units on the 张家港 scheme (seed 004) with 50,000 records (the seed scenario's 57 records
repeated over the units) and two evaluation scores each. Measures a whole-cycle recompute split
into reading the facts, computing and storing, and — the figure the issue is about — the longest
a second connection waited to write one session row while the recompute ran: that is how long
the recompute held SQLite's one write lock. The honest limit for that wait is the store alone
(the result must be written under the lock); reading and computing need no lock at all.
"""

from __future__ import annotations

import datetime
import statistics
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

UNITS = 200
RECORDS = 50_000
CYCLE_NAME = "城市规模基准周期（200 个单位）"
PROBE_KEY = "bench-recompute-probe"
PROBE_EVERY = 0.01  # seconds between the probe's writes


def city_cycle() -> Any:
    """The benchmark's cycle, built once in the configured database."""
    from kaohe.cycles.models import Cycle

    return Cycle.objects.filter(name=CYCLE_NAME).first() or build_city_cycle()


def build_city_cycle() -> Any:
    from django.conf import settings
    from django.db import transaction

    from kaohe.accounts import actions as accounts
    from kaohe.accounts.models import Unit
    from kaohe.accounts.roles import Role
    from kaohe.cycles import actions
    from kaohe.schemes.actions import install_builtin_schemes
    from kaohe.schemes.models import SchemeVersion

    install_builtin_schemes()
    with transaction.atomic():
        city = accounts.create_unit(None, name="基准市", kind=Unit.Kind.REGION)
        office_unit = accounts.create_unit(None, name="基准考核办", parent=city, kind="office")
        office = accounts.create_user(
            None, username="bench_office", password="Bench@2026!x", unit=office_unit,
            roles=[Role.OFFICE],
        )  # fmt: skip
        units = Unit.objects.bulk_create(
            Unit(name=f"基准单位{n:03d}", parent=city) for n in range(UNITS)
        )
        cycle = actions.open_cycle(
            office,
            actions.CyclePlan(
                name=CYCLE_NAME,
                version=SchemeVersion.objects.get(scheme__slug="zhangjiagang-sections", number=1),
                period="quarter",
                starts_on=datetime.date(2020, 4, 1),
                ends_on=datetime.date(2020, 6, 30),
                units=[actions.UnitEntry(unit) for unit in units],
            ),
        )
        fill(cycle, office, settings.BASE_DIR / "schemes" / "scenarios" / "zhangjiagang-sections")
    return cycle


def fill(cycle: Any, office: Any, folder: Any) -> None:
    from kaohe.cycles.facts import cycle_scheme
    from kaohe.cycles.models import EvaluationEntry, Record
    from kaohe.transfer.records import read_records
    from kaohe.transfer.records_facts import read_facts

    scheme = cycle_scheme(cycle)
    templates = read_records(folder / "records.csv")
    evaluations = read_facts(folder / "facts.yaml", templates).evaluations[:2]
    units = list(cycle.cycle_units.all())
    Record.objects.bulk_create(
        (
            record_row(cycle, units[n % UNITS], templates[n % len(templates)], scheme, office)
            for n in range(RECORDS)
        ),
        batch_size=2_000,
    )
    EvaluationEntry.objects.bulk_create(
        EvaluationEntry(
            cycle=cycle, cycle_unit=unit, node_path=score.indicator, group=score.group,
            score=score.score - (n % 20), round=score.round,
        )
        for n, unit in enumerate(units)
        for score in evaluations
    )  # fmt: skip


def record_row(cycle: Any, unit: Any, template: Any, scheme: Any, office: Any) -> Any:
    from kaohe.cycles.models import Record

    node = scheme.find_node(template.indicator)
    return Record(
        cycle=cycle, unit=unit, indicator=node.path if node else template.indicator,
        rule=template.rule, count=template.count, value=template.value,
        level=template.level, incident=template.incident, date=template.date,
        period=template.period, share=template.share, note=template.note, recorded_by=office,
    )  # fmt: skip


class Probe:
    """A second connection writing one session row every 10 ms; keeps the longest wait."""

    def __init__(self) -> None:
        self.waits: list[float] = []
        self.locked = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        from django.contrib.sessions.models import Session
        from django.db import OperationalError, connection, transaction
        from django.utils import timezone

        try:
            while not self.stop.is_set():
                started = time.perf_counter()
                try:
                    with transaction.atomic():
                        probe = Session.objects.filter(session_key=PROBE_KEY)
                        probe.update(expire_date=timezone.now())
                except OperationalError:  # 「database is locked」: waited the busy timeout
                    self.locked += 1
                self.waits.append(time.perf_counter() - started)
                time.sleep(PROBE_EVERY)
        finally:
            connection.close()

    def __enter__(self) -> Probe:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


Phases = dict[str, float]


@contextmanager
def timed_phases(phases: Phases) -> Iterator[None]:
    """Times the facts read, the engine and the store by wrapping their functions."""
    from kaohe import engine
    from kaohe.results import live

    wrapped: list[tuple[Any, str, Any]] = []

    def wrap(owner: Any, name: str, phase: str) -> None:
        original = getattr(owner, name, None)
        if original is None:
            return

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                phases[phase] += time.perf_counter() - started

        wrapped.append((owner, name, original))
        setattr(owner, name, timed)

    wrap(live, "cycle_facts", "read facts")
    wrap(engine, "compute", "compute")
    wrap(engine.CycleResult, "to_dict", "to JSON")  # before issue 16, inside the lock
    wrap(engine.CycleResult, "summary_dict", "to JSON")  # since, outside it
    wrap(engine.UnitResult, "node_dicts", "to JSON")
    for store in ("save_live", "store_parts"):
        wrap(live, store, "store")
    try:
        yield
    finally:
        for owner, name, original in wrapped:
            setattr(owner, name, original)


def measure_once(action: Callable[[], Any]) -> tuple[Phases, float, float, int]:
    phases: Phases = defaultdict(float)
    with Probe() as probe, timed_phases(phases):
        time.sleep(0.05)
        started = time.perf_counter()
        action()
        total = time.perf_counter() - started
        time.sleep(0.05)
    return phases, total, max(probe.waits, default=0.0), probe.locked


def run(rounds: int = 3, out: Callable[[str], None] = print) -> None:
    from django.contrib.sessions.models import Session
    from django.db import connection
    from django.utils import timezone

    from kaohe.results.jobs import ask_for_recompute

    started = time.perf_counter()
    cycle = city_cycle()
    built = time.perf_counter() - started
    out(f"城市规模周期：{UNITS} 个单位，{cycle.records.count()} 条记录（准备 {built:.1f} s）")
    Session.objects.update_or_create(
        session_key=PROBE_KEY,
        defaults={"session_data": "", "expire_date": timezone.now() + datetime.timedelta(days=1)},
    )
    results = [measure_once(lambda: ask_for_recompute(cycle)) for _ in range(rounds)]
    report(results, out)
    out(f"数据库：{connection.vendor}")


def report(results: list[tuple[Phases, float, float, int]], out: Callable[[str], None]) -> None:
    def median(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:7.0f} ms"

    for phase in ("read facts", "compute", "to JSON", "store"):
        out(f"  {phase:<12}{median([result[0][phase] for result in results])}")
    out(f"  {'total':<12}{median([result[1] for result in results])}")
    out(f"  另一连接写一行会话最长等待{median([result[2] for result in results])}")
    out(f"  其中「database is locked」{sum(result[3] for result in results)} 次")
