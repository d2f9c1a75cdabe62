"""A threaded server (gunicorn, four threads a worker) loads schemes in several threads at once
on its first requests. The load harness found some of them refusing the seed 004 scheme
(「未知的规则类型「per_occurrence」」): the rule kinds were still being imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# In a fresh interpreter (nothing imported yet), eight threads load the same scheme at once.
EIGHT_THREADS_AT_ONCE = """
import sys, threading, yaml
from kaohe.engine import SchemeError, load_scheme

data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
start = threading.Barrier(8)
refused = []

def load():
    start.wait()
    try:
        load_scheme(data)
    except SchemeError as error:
        refused.append(error.problems[0])

threads = [threading.Thread(target=load) for _ in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(len(refused), refused[:1])
"""


def test_eight_threads_loading_the_seed_scheme_at_once_all_accept_it() -> None:
    scheme = ROOT / "schemes" / "zhangjiagang-sections.yaml"
    done = subprocess.run(
        [sys.executable, "-c", EIGHT_THREADS_AT_ONCE, str(scheme)],
        env={"PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "0 []"
