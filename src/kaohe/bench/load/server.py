"""The production processes, started as `make run` starts them: gunicorn (two workers × four
threads) and the task worker under kaohe.project.supervise, both with KAOHE_TASKS=worker. Their
output goes to log files in the run's folder, read afterwards for 'database is locked'."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import kaohe
from kaohe.bench.load.client import Browser

ROOT = Path(kaohe.__file__).resolve().parents[2]
MANAGE = str(ROOT / "manage.py")
START_TIMEOUT_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 20.0
TRACEBACK_END = "django.db.utils.OperationalError: database is locked"
ACCESS_LOG_FORMAT = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s %(L)s'
WORKER_WAIT = "（database is locked）"  # task_worker: 数据库被占用（…），n 秒后重试


def environment(settings: dict[str, str]) -> dict[str, str]:
    """This process's environment with PYTHONPATH at the source tree and the run's settings;
    a DATABASE_URL the caller has set is dropped unless the run names one."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["PYTHONPATH"] = str(ROOT / "src")
    env.update(settings)
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, MANAGE, *args], env=env, check=True, cwd=ROOT)  # noqa: S603


def worker_command() -> list[str]:
    python = sys.executable
    return [
        *(python, "-m", "kaohe.project.supervise"),
        *(python, MANAGE, "task_worker", "--interval", "0.5"),
    ]


def web_command(port: int) -> list[str]:
    return [
        *(sys.executable, "-m", "gunicorn", "kaohe.project.wsgi"),
        *("--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"),
        *("--access-logfile", "-", "--error-logfile", "-"),
        # gunicorn's usual line plus the seconds the server spent on the request (%(L)s): the
        # rest of what a user waited was spent queued for one of the eight threads.
        *("--access-logformat", ACCESS_LOG_FORMAT),
    ]


@dataclass(frozen=True)
class Processes:
    """The production processes of a run, by process id (each with its children)."""

    worker: int
    web: int

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time each has used so far (user and system, its children included), read from
        /proc: with other work on the machine, the time a request costs the server stays
        comparable where its response time does not."""
        return {"web": tree_cpu_seconds(self.web), "worker": tree_cpu_seconds(self.worker)}


def tree_cpu_seconds(root: int) -> float:
    """The CPU seconds of a process and its living descendants (0 where /proc is not there)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        pid = int(stat.parent.name)
        parents[pid], ticks[pid] = int(fields[1]), int(fields[11]) + int(fields[12])
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree, grown = tree | more, bool(more)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


@contextmanager
def production(env: dict[str, str], port: int, logs: Path) -> Iterator[Processes]:
    """Runs the worker and gunicorn until the block ends, then stops both (SIGTERM)."""
    env = {**env, "KAOHE_TASKS": "worker"}
    started = [
        start(worker_command(), env, logs / "worker.log"),
        start(web_command(port), env, logs / "web.log"),
    ]
    try:
        wait_until_up(port)
        yield Processes(worker=started[0].pid, web=started[1].pid)
    finally:
        for process in started:
            stop(process)


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as output:
        return subprocess.Popen(  # noqa: S603 (our own command line)
            command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        process.wait(STOP_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if Browser(port).get("/healthz").status == 200:
            return
        time.sleep(0.3)
    raise RuntimeError(f"服务在 {START_TIMEOUT_SECONDS:g} 秒内没有在端口 {port} 上启动")


def locked_events(log: Path) -> int:
    """How often a log says SQLite answered 'database is locked': once per traceback (its last
    line, django.db.utils.OperationalError) and once per wait of the patient task worker."""
    if not log.exists():
        return 0
    with log.open(encoding="utf-8", errors="replace") as lines:
        return sum(line.startswith(TRACEBACK_END) or WORKER_WAIT in line for line in lines)
