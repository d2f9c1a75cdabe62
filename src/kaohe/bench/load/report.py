"""The figures of one run and the issue's targets, printed in Chinese.

Throughput is compared per user: the requests one user gets answered per second, pausing about
``think`` seconds between them. The trivial view's figure is the baseline phase's (every user
asking only for /healthz on the same server, in the same run, with the same pauses), which is
about 1 / think. A user's rate is 1 / (think + mean response time), so with a one-second pause
a page meets 40% when its mean response stays under 1.5 s, and a save (with the page it lands
on) meets 25% under 3 s, while the import, the recompute and the other users run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from kaohe.bench.load.traffic import Phase, Tally

PAGE_TARGET = 0.40
SAVE_TARGET = 0.25
FRESH_TARGET_SECONDS = 5.0
KINDS = (
    ("healthz", "/healthz（基线）"),
    ("ranking", "排名页"),
    ("breakdown", "得分明细页"),
    ("grid", "考核记录表格页"),
    ("save", "保存记录（含跳转后的页面）"),
    ("import", "导入记录（xlsx）"),
    ("recompute", "重新计算（整个周期）"),
)


@dataclass(frozen=True)
class ServerCpu:
    """CPU seconds the web processes used in the baseline and in the load, and the task
    worker's in the load (server.Processes.cpu_seconds read before and after each phase)."""

    baseline_web: float = 0.0
    load_web: float = 0.0
    load_worker: float = 0.0

    @classmethod
    def between(
        cls, before: dict[str, float], after_baseline: dict[str, float], after: dict[str, float]
    ) -> ServerCpu:
        return cls(
            after_baseline["web"] - before["web"],
            after["web"] - after_baseline["web"],
            after["worker"] - after_baseline["worker"],
        )


@dataclass
class Figures:
    database: str
    users: int
    savers: int
    baseline: Phase
    load: Phase
    web_locked: int
    worker_locked: int
    fresh_after: float | None
    saves_kept: int
    cpu: ServerCpu = ServerCpu()
    load_average: tuple[float, float] = (0.0, 0.0)  # the machine's, as the load starts and ends

    @property
    def errors(self) -> int:
        failed = sum(tally.failed for kind, tally in self.load.tallies.items() if kind != "pages")
        return failed + self.saves_lost

    @property
    def saves_lost(self) -> int:
        """Saves answered as done whose record is not in the database."""
        return max(0, self.saved - self.saves_kept)

    @property
    def locked(self) -> int:
        return self.web_locked + self.worker_locked

    def per_user(self, phase: Phase, kind: str, users: int) -> float:
        return phase.tally(kind).done / users / phase.seconds if phase.seconds else 0.0

    @property
    def page_ratio(self) -> float:
        trivial = self.per_user(self.baseline, "healthz", self.users)
        readers = self.users - self.savers
        return self.per_user(self.load, "pages", readers) / trivial if trivial else 0.0

    @property
    def save_ratio(self) -> float:
        trivial = self.per_user(self.baseline, "healthz", self.users)
        return self.per_user(self.load, "save", self.savers) / trivial if trivial else 0.0

    @property
    def saved(self) -> int:
        tally = self.load.tally("save")
        return tally.done - tally.failed

    def targets(self) -> list[tuple[str, bool]]:
        fresh = self.fresh_after
        return [
            (f"错误 {self.errors} 个（目标 0）", self.errors == 0),
            (f"「database is locked」{self.locked} 次（目标 0）", self.locked == 0),
            (
                "负载停止后结果更新："
                + (f"最后一次保存后 {fresh:.1f} s" if fresh is not None else "等待期内未更新")
                + f"（目标 ≤ {FRESH_TARGET_SECONDS:g} s）",
                fresh is not None and fresh <= FRESH_TARGET_SECONDS,
            ),
            (
                f"页面吞吐为基线的 {self.page_ratio:.1%}（目标 ≥ {PAGE_TARGET:.0%}）",
                self.page_ratio >= PAGE_TARGET,
            ),
            (
                f"保存吞吐为基线的 {self.save_ratio:.1%}（目标 ≥ {SAVE_TARGET:.0%}）",
                self.save_ratio >= SAVE_TARGET,
            ),
        ]

    @property
    def all_met(self) -> bool:
        return all(met for _, met in self.targets())


def tally_line(label: str, tally: Tally, users: int, seconds: float) -> str:
    rate = tally.done / seconds if seconds else 0.0
    statuses = "、".join(f"{s or '无应答'}×{n}" for s, n in sorted(tally.statuses.items()))
    return (
        f"   {label}：{tally.done} 次，失败 {tally.failed}；{rate:.1f} 次/s"
        f"（每用户 {rate / users:.2f} 次/s）；中位 {tally.percentile(0.5):.2f} s，"
        f"95% {tally.percentile(0.95):.2f} s；HTTP {statuses}"
    )


def lines(figures: Figures) -> list[str]:
    out = [f"== {figures.database} =="]
    readers = figures.users - figures.savers
    users_of = {"healthz": figures.users, "save": figures.savers, "import": 1, "recompute": 1}
    for kind, label in KINDS:
        phase = figures.baseline if kind == "healthz" else figures.load
        if kind in phase.tallies:
            out.append(
                tally_line(label, phase.tally(kind), users_of.get(kind, readers), phase.seconds)
            )
    if figures.load.import_ended is not None:
        out.append(f"   导入任务在负载开始后 {figures.load.import_ended:.0f} s 结束")
    if figures.load.import_said:
        out.append(f"   导入结束时的页面提示：{figures.load.import_said}")
    out.append(
        f"   成功保存 {figures.saved} 次，数据库中找到 {figures.saves_kept} 条"
        f"；「database is locked」：网页进程 {figures.web_locked} 次，后台任务进程 "
        f"{figures.worker_locked} 次"
    )
    out += cpu_lines(figures)
    out += [f"   {'达标' if met else '未达标'}  {text}" for text, met in figures.targets()]
    return out


def cpu_lines(figures: Figures) -> list[str]:
    """What a request cost the server in CPU time, which other work on the machine does not
    inflate the way it inflates response times; and how busy the machine was."""
    probes = figures.baseline.tally("healthz").done
    load = figures.load
    answered = load.tally("pages").done + 2 * load.tally("save").done  # a save and its page
    start, end = figures.load_average
    return [
        f"   网页进程 CPU：/healthz 每次 {per_request_ms(figures.cpu.baseline_web, probes)}；"
        f"负载阶段共 {figures.cpu.load_web:.1f} CPU·s，页面和保存每次 "
        f"{per_request_ms(figures.cpu.load_web, answered)}（含导入上传和重新计算请求）；"
        f"后台任务进程 {figures.cpu.load_worker:.1f} CPU·s",
        f"   机器负载（1 分钟平均，{os.cpu_count()} 核）：负载开始时 {start:.1f}，结束时 {end:.1f}",
    ]


def per_request_ms(seconds: float, requests: int) -> str:
    return f"{1000 * seconds / requests:.1f} ms" if requests else "—"
