"""`python -m kaohe.bench.load` (`make load`): the load harness of issue 16.

For SQLite (always) and PostgreSQL (when --postgres or KAOHE_LOAD_POSTGRES names a database
whose name contains "load"; it is dropped and created afresh), in a fresh installation under
var/load/: migrate, load the demo, build the city-size cycle (kaohe.bench.load.city), start the
production processes as `make run` does (kaohe.bench.load.server), log the users in, measure the
baseline, run the load, then wait for the results to catch up with the last save. Prints the
figures and whether each target is met; the exit status is 0 only when every target is met on
every database.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kaohe.bench.load import report, server, traffic

FRESH_WAIT_SECONDS = 120.0


def options(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m kaohe.bench.load", description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0, help="负载阶段时长（秒）")
    parser.add_argument("--baseline-seconds", type=float, default=15.0)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument(
        "--think", type=float, default=1.0, help="每个用户两次请求之间的平均停顿（秒）"
    )
    parser.add_argument("--savers", type=int, default=10)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--import-rows", type=int, default=20_000)
    parser.add_argument("--postgres", default=os.environ.get("KAOHE_LOAD_POSTGRES", ""))
    parser.add_argument("--no-sqlite", action="store_true", help="只在 PostgreSQL 上运行")
    parser.add_argument("--folder", type=Path, default=server.ROOT / "var" / "load")
    return parser.parse_args(argv)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fresh_postgres(url: str) -> None:
    """Drops and creates the database the URL names (only one whose name says 'load')."""
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1].split("?")[0]
    if "load" not in name:
        raise SystemExit(f"压测会清空数据库，库名须含「load」：{name}")
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def installation(folder: Path, database_url: str) -> dict[str, str]:
    """A fresh installation in ``folder`` (its var dir; the database too on SQLite)."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "var").mkdir(parents=True)
    settings = {"KAOHE_VAR_DIR": str(folder / "var"), "KAOHE_TASKS": "immediate"}
    if database_url:
        fresh_postgres(database_url)
        settings["DATABASE_URL"] = database_url
    return server.environment(settings)


def build(env: dict[str, str], folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    import json

    started = time.perf_counter()
    server.manage(env, "migrate", "--noinput", "-v", "0")
    server.manage(env, "load_demo")
    city = [sys.executable, "-m", "kaohe.bench.load.build_city", str(folder)]
    sizes = ["--units", str(args.units), "--records", str(args.records)]
    sizes += ["--import-rows", str(args.import_rows), "--people", str(args.users + 2)]
    subprocess.run([*city, *sizes], env=env, check=True, cwd=server.ROOT)  # noqa: S603
    print(f"   准备数据用时 {time.perf_counter() - started:.0f} s", flush=True)
    plan: dict[str, Any] = json.loads((folder / "city.json").read_text(encoding="utf-8"))
    return plan


def saves_kept(env: dict[str, str], folder: Path) -> int:
    command = [sys.executable, "-m", "kaohe.bench.load.build_city", str(folder)]
    command += ["--count-saved", traffic.SAVE_MARK]
    done = subprocess.run(  # noqa: S603
        command, env=env, check=True, cwd=server.ROOT, capture_output=True, text=True
    )
    return int(done.stdout.strip())


def measure(database: str, database_url: str, args: argparse.Namespace) -> report.Figures:
    folder = args.folder / database.lower()
    print(
        f"== {database}：准备 {args.units} 个单位、{args.records} 条记录的考核周期 ==", flush=True
    )
    env = installation(folder, database_url)
    plan = build(env, folder, args)
    port = free_port()
    with server.production(env, port, folder) as processes:
        people = plan["accounts"]
        readers = traffic.logged_in(port, people[: args.users - args.savers])
        savers = traffic.logged_in(port, people[args.users - args.savers : args.users])
        office = traffic.logged_in(port, people[args.users : args.users + 2])
        cpu = [processes.cpu_seconds()]
        baseline = traffic.baseline(port, args.users, args.baseline_seconds, args.think)
        print(f"   基线测量完毕；负载 {args.seconds:g} s ……", flush=True)
        cpu.append(processes.cpu_seconds())
        load_average = [os.getloadavg()[0]]
        workload = traffic.Load(port, plan, (folder / "import.xlsx").read_bytes())
        load = workload.run(readers, savers, office, args.seconds, args.think)
        cpu.append(processes.cpu_seconds())
        load_average.append(os.getloadavg()[0])
        last_save = load.last_save or time.monotonic()
        fresh = traffic.seconds_until_fresh(
            office[0], workload.cycle, last_save, FRESH_WAIT_SECONDS
        )
    return report.Figures(
        database=database,
        users=args.users,
        savers=args.savers,
        baseline=baseline,
        load=load,
        web_locked=server.locked_events(folder / "web.log"),
        worker_locked=server.locked_events(folder / "worker.log"),
        fresh_after=fresh,
        saves_kept=saves_kept(env, folder),
        cpu=report.ServerCpu.between(*cpu),
        load_average=(load_average[0], load_average[1]),
    )


def main(argv: Sequence[str]) -> int:
    args = options(argv)
    runs = [] if args.no_sqlite else [("SQLite", "")]
    if args.postgres:
        runs.append(("PostgreSQL", args.postgres))
    met = True
    for database, url in runs:
        figures = measure(database, url, args)
        print("\n".join(report.lines(figures)), flush=True)
        met = met and figures.all_met
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
