"""`python -m kaohe.bench.ballots.cpu` — the CPU one ballot POST costs, beside one /healthz, in
one process (Django's test client, no server, no other request in between), and the queries a
ballot asks. Unlike the load script's ratio, this holds on a loaded machine: ``process_time``
counts only this process's CPU.

In a fresh SQLite installation under var/ballots/cpu/ (the load script's evaluation: twelve
sections, two dimensions), each of ``--ballots`` codes is posted once as the phone page's script
posts it (one JSON body; its CSRF cookie, the token in X-CSRFToken; no session), after a few
warm-up requests. ``--profile`` prints cProfile's busiest functions of the ballots.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[4]
TOKEN = "k" * 32  # the client's own CSRF token, as the load script's voters set theirs
WARM_UP = 20
JSON = "application/json"


def prepared(folder: Path, ballots: int) -> dict[str, Any]:
    """A fresh installation in ``folder``, migrated, with the evaluation and its codes."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    (folder / "var").mkdir(parents=True)
    os.environ["KAOHE_VAR_DIR"] = str(folder / "var")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaohe.project.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from kaohe.bench.ballots.setup import build

    call_command("migrate", "--noinput", verbosity=0)
    return build(folder, ballots + 2 * WARM_UP)


def cpu_each(requests: list[Callable[[], Any]]) -> float:
    """CPU seconds of this process per request, the requests run one after another."""
    started = time.process_time()
    for request in requests:
        request()
    return (time.process_time() - started) / len(requests)


def interleaved(first: list[Callable[[], Any]], second: list[Callable[[], Any]]) -> list[float]:
    """CPU per request of each list, taken in turns of ten (the machine's other load then
    weighs on both alike)."""
    spent = [0.0, 0.0]
    for start in range(0, len(first), 10):
        spent[0] += cpu_each(first[start : start + 10]) * len(first[start : start + 10])
        spent[1] += cpu_each(second[start : start + 10]) * len(second[start : start + 10])
    return [spent[0] / len(first), spent[1] / len(second)]


def poster(client: Any, code: str, fields: dict[str, str]) -> Callable[[], Any]:
    """A ballot posted as the phone page's script posts it: the marks as one JSON body, the
    CSRF token in its header."""
    body = json.dumps(fields, ensure_ascii=False)

    def post() -> Any:
        answer = client.post(
            f"/evaluations/v/{code}/", body, content_type=JSON, headers={"X-CSRFToken": TOKEN}
        )
        if answer.status_code != 204:
            raise SystemExit(f"投票未被接受：{answer.status_code}")
        return answer

    return post


def queries_of(request: Callable[[], Any]) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        request()
    return [query["sql"] for query in captured.captured_queries]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m kaohe.bench.ballots.cpu")
    parser.add_argument("--ballots", type=int, default=500)
    parser.add_argument("--profile", action="store_true", help="列出投票最耗时的函数")
    parser.add_argument("--folder", type=Path, default=ROOT / "var" / "ballots" / "cpu")
    args = parser.parse_args(argv)
    plan = prepared(args.folder, args.ballots)
    from django.test import Client

    client = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    client.cookies["csrftoken"] = TOKEN
    codes, fields = plan["codes"], plan["fields"]
    posts = [poster(client, code, fields) for code in codes]
    health = [lambda: client.get("/healthz") for _ in range(args.ballots)]
    health = health[: len(codes) - 2 * WARM_UP]
    cpu_each(posts[:WARM_UP] + health[:WARM_UP])
    queries = queries_of(posts[WARM_UP])
    measured = posts[2 * WARM_UP :]
    profile = cProfile.Profile() if args.profile else None
    if profile:
        profile.enable()
    ballot, probe = interleaved(measured, health)
    if profile:
        profile.disable()
    figures = {"ballot_ms": ballot * 1000, "healthz_ms": probe * 1000, "queries": len(queries)}
    print(json.dumps({name: round(value, 3) for name, value in figures.items()}))
    print(
        f"   每票 CPU {ballot * 1000:.2f} ms，/healthz {probe * 1000:.2f} ms，"
        f"之比 {ballot / probe:.1f}；每票查询 {len(queries)} 次",
        flush=True,
    )
    for sql in queries:
        print(f"     {' '.join(sql.split())[:160]}")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(45)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
