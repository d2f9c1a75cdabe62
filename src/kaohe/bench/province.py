"""The province-size cycle kaohe.bench.publication publishes (Django code: import it after
django.setup()). The scheme and records are bench_engine's — 2,000 units, 300 leaf indicators,
500,000 records — stored as the app stores them; the records are inserted in bulk (building the
data set is not what is measured, and 500,000 audited saves would each queue a recompute).
"""

from __future__ import annotations

import datetime
import threading
import time
from typing import Any

import yaml
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kaohe import engine
from kaohe.accounts import actions as accounts
from kaohe.accounts.models import Unit
from kaohe.accounts.roles import Role
from kaohe.bench import bench_engine
from kaohe.cycles import actions
from kaohe.cycles.fields import stored_values
from kaohe.cycles.models import Cycle, Record
from kaohe.results.actions import lock_cycle
from kaohe.results.jobs import ask_for_recompute
from kaohe.schemes.actions import create_scheme, publish_version

CYCLE = "省级规模基准周期"
PASSWORD = "Bench@2026!x"


def build(units: int, records: int) -> tuple[Cycle, Any]:
    document = bench_engine.synthetic_document()
    with transaction.atomic():
        province = accounts.create_unit(None, name="基准省", kind=Unit.Kind.REGION)
        office_unit = accounts.create_unit(None, name="基准考核办", parent=province, kind="office")
        office = accounts.create_user(
            None, username="bench_office", password=PASSWORD, unit=office_unit, roles=[Role.OFFICE]
        )
        version = create_scheme(office, yaml.safe_dump(document, allow_unicode=True), "imported")
        publish_version(office, version, as_shipped=True)
        cycle = open_province_cycle(office, version, province, units)
        fill(cycle, office, engine.load_scheme(document), units, records)
    return cycle, office


def open_province_cycle(office: Any, version: Any, province: Unit, count: int) -> Cycle:
    units = Unit.objects.bulk_create(
        Unit(name=f"单位{n:04d}", parent=province) for n in range(count)
    )
    plan = actions.CyclePlan(
        name=CYCLE,
        version=version,
        period="year",
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2020, 12, 31),
        units=[actions.UnitEntry(unit) for unit in units],
    )
    return actions.open_cycle(office, plan)


def fill(cycle: Cycle, office: Any, scheme: engine.Scheme, units: int, records: int) -> None:
    """bench_engine's records, each under the leaf that holds its rule."""
    leaf_of = {rule.id: leaf.path for leaf in scheme.leaves() for rule in leaf.rules}
    labelled = {unit.label: unit for unit in cycle.cycle_units.all()}
    Record.objects.bulk_create(
        (
            Record(
                cycle=cycle,
                unit=labelled[record.unit],
                recorded_by=office,
                **(stored_values(record) | {"indicator": leaf_of[record.rule]}),
            )
            for record in bench_engine.synthetic_records(scheme, units, records)
        ),
        batch_size=5_000,
    )


def ask_for_live_result(cycle: Cycle) -> None:
    """Queued as a save would queue it: the office reviews the live ranking before 公示."""
    ask_for_recompute(cycle)


def lock(cycle: Cycle, office: Any) -> None:
    lock_cycle(office, cycle)


def office_client(office: Any) -> Client:
    """A browser of the office, logged in and past its second factor."""
    client = Client(HTTP_HOST="localhost")
    client.force_login(office)
    device = TOTPDevice.objects.filter(user=office).first() or TOTPDevice.objects.create(
        user=office, name="基准验证器", confirmed=True
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def publish_url(cycle: Cycle) -> str:
    return reverse("results:publish", args=[cycle.pk])


def ranking_url(cycle: Cycle) -> str:
    return reverse("results:ranking", args=[cycle.pk])


class Poller:
    """A second browser asking for the publication's page every ``every`` seconds while the
    worker runs; keeps what the cycle's status and the page's step were each time."""

    def __init__(self, client: Client, cycle: Cycle, every: float) -> None:
        self.client, self.cycle, self.every = client, cycle, every
        self.seen: list[tuple[float, str, str, int]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        started = time.perf_counter()
        url = reverse("results:publication", args=[self.cycle.pk])
        try:
            while not self.stop.is_set():
                page = self.client.get(url, HTTP_HX_REQUEST="true")
                status = Cycle.objects.get(pk=self.cycle.pk).get_status_display()
                step = step_of(page.content.decode())
                self.seen.append((time.perf_counter() - started, status, step, page.status_code))
                self.stop.wait(self.every)
        finally:
            connection.close()

    def __enter__(self) -> Poller:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


STEPS = ("正在计算全部单位的得分", "正在整理公示结果", "正在保存公示结果", "排队等待后台发布")


def step_of(page: str) -> str:
    for step in STEPS:
        if step in page:
            return step
    return ""


def answers(seen: list[tuple[float, str, str, int]]) -> str:
    """The polls' HTTP answers counted (a write that waited past the busy timeout: not 200)."""
    codes = [code for *_, code in seen]
    return "，".join(f"HTTP {code} {codes.count(code)} 次" for code in sorted(set(codes)))


def saving_seen(seen: list[tuple[float, str, str, int]]) -> str:
    """From the first to the last poll that saw the snapshot being stored (a lower bound of
    how long its one transaction took)."""
    times = [at for at, _, step, _ in seen if step == "正在保存公示结果"]
    return f"{times[-1] - times[0]:.1f} s（{len(times)} 次）" if times else "未见"


def report(figures: dict[str, Any]) -> str:
    ratio = figures["request"] / figures["snapshot"]
    during = [status for _, status, *_ in figures["seen"]]
    steps = sorted({step for _, _, step, _ in figures["seen"] if step})
    return "\n".join(
        [
            f"   公示前打开排名页（按钮所在页，{figures['page_status']}）：{figures['page']:.2f} s",
            f"   公示请求：{figures['request'] * 1000:.0f} ms 应答（HTTP {figures['answer']}），"
            f"应答后周期状态「{figures['after_request']}」",
            f"   后台生成公示快照：{figures['snapshot']:.1f} s（任务进程运行时间）",
            f"   请求用时 / 快照用时 = {ratio:.2%}",
            f"   快照生成期间轮询 {len(during)} 次：「发布中」{during.count('发布中')} 次，"
            f"页面显示的步骤：{'、'.join(steps) or '无'}",
            f"   轮询应答：{answers(figures['seen'])}；"
            f"轮询看到「正在保存公示结果」的时长：{saving_seen(figures['seen'])}",
            f"   完成后周期状态「{figures['final']}」，公示快照 {figures['snapshots']} 份",
        ]
    )
