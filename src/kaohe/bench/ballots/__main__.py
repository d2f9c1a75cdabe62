"""Runs the ballots load script (see the package's docstring) and prints its figures."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kaohe.bench.ballots import voting
from kaohe.bench.load import server
from kaohe.bench.load.__main__ import free_port, installation

TARGET_RATIO = 0.5
RACE_CODES, RACE_VOTERS_PER_CODE = 50, 4


def options(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m kaohe.bench.ballots")
    parser.add_argument("--voters", type=int, default=200)
    parser.add_argument(
        "--ballots", type=int, default=12000, help="正式投票阶段最多可用的测评码数（用完即止）"
    )
    parser.add_argument("--rounds", type=int, default=5, help="投票分几段，与基线交替测量")
    parser.add_argument("--seconds", type=float, default=3.0, help="每段的秒数（基线与投票相同）")
    parser.add_argument("--postgres", default=os.environ.get("KAOHE_LOAD_POSTGRES", ""))
    parser.add_argument("--no-sqlite", action="store_true")
    parser.add_argument("--folder", type=Path, default=server.ROOT / "var" / "ballots")
    return parser.parse_args(argv)


def setup(env: dict[str, str], folder: Path, *args: str) -> str:
    command = [sys.executable, "-m", "kaohe.bench.ballots.setup", str(folder), *args]
    done = subprocess.run(  # noqa: S603 (our own command line)
        command, env=env, check=True, cwd=server.ROOT, capture_output=True, text=True
    )
    return done.stdout


@dataclass(frozen=True)
class Run:
    database: str
    voters: int
    baseline: voting.Count
    ballots: voting.Count
    race: voting.Count  # fresh codes, each posted by several voters at once
    replay: voting.Count  # codes already used, posted again
    stored: dict[str, int]  # ballots and used codes in the database afterwards

    @property
    def ratio(self) -> float:
        rate = self.baseline.per_second
        return self.ballots.per_second / rate if rate else 0.0

    @property
    def lost(self) -> int:
        accepted = self.ballots.accepted + self.race.accepted + self.replay.accepted
        return accepted - self.stored["ballots"]

    @property
    def duplicates(self) -> int:
        beyond_codes = max(0, self.stored["ballots"] - self.stored["used_codes"])
        return beyond_codes + max(0, self.race.accepted - RACE_CODES) + self.replay.accepted

    @property
    def met(self) -> bool:
        return self.ratio >= TARGET_RATIO and self.lost == 0 and self.duplicates == 0

    def lines(self) -> list[str]:
        base, ballots = self.baseline, self.ballots
        return [
            f"== {self.database}：{self.voters} 个并发评议人 ==",
            f"   基线 /healthz：{base.per_second:.0f} 次/秒"
            f"（{base.accepted} 次，失败 {base.failed}）",
            f"   投票：{ballots.per_second:.0f} 票/秒"
            f"（接受 {ballots.accepted}/{ballots.asked}，失败 {ballots.failed}）",
            f"   票/秒 ÷ 基线 = {self.ratio:.0%}（目标 ≥ {TARGET_RATIO:.0%}）",
            f"   {RACE_CODES} 个码各由 {RACE_VOTERS_PER_CODE} 人同时提交："
            f"接受 {self.race.accepted} 次",
            f"   已用的码再提交 {self.replay.asked} 次：接受 {self.replay.accepted} 次",
            f"   丢失的票：{self.lost}（目标 0）；重复接受的码：{self.duplicates}（目标 0）",
            f"   库中：{self.stored['ballots']} 张票，{self.stored['used_codes']} 个已用的码",
        ]


def measure(database: str, url: str, args: argparse.Namespace) -> Run:
    folder = args.folder / database.lower()
    env = installation(folder, url)
    server.manage(env, "migrate", "--noinput", "-v", "0")
    print(setup(env, folder, "--codes", str(args.ballots + RACE_CODES)), end="", flush=True)
    plan = json.loads((folder / "ballots.json").read_text(encoding="utf-8"))
    codes, fields = plan["codes"], plan["fields"]
    fresh, racing = codes[: args.ballots], codes[args.ballots :]
    port = free_port()
    with server.production(env, port, folder):
        baseline, ballots = voting.interleaved(
            port, args.voters, fresh, fields, args.rounds, args.seconds
        )
        race = voting.cast(port, args.voters, racing * RACE_VOTERS_PER_CODE, fields)
        used = fresh[: ballots.asked][: args.voters]
        replay = voting.cast(port, args.voters, used, fields)
    stored = json.loads(setup(env, folder, "--count"))
    return Run(database, args.voters, baseline, ballots, race, replay, stored)


def main(argv: Sequence[str]) -> int:
    args = options(argv)
    runs = [] if args.no_sqlite else [("SQLite", "")]
    if args.postgres:
        runs.append(("PostgreSQL", args.postgres))
    met = True
    for database, url in runs:
        run = measure(database, url, args)
        print("\n".join(run.lines()), flush=True)
        met = met and run.met
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
