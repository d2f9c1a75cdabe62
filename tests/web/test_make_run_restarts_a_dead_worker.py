"""`make run` keeps the task worker under kaohe.project.supervise: a worker that dies is started
again, and stopping `make run` stops the worker too."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Counts its starts in a file; the first start dies at once, the second stays up.
WORKER = """
import os, pathlib, sys, time
starts = pathlib.Path(sys.argv[1])
starts.write_text(starts.read_text() + "x" if starts.exists() else "x")
if len(starts.read_text()) == 1:
    sys.exit(1)
(starts.parent / "pid").write_text(str(os.getpid()))
time.sleep(60)
"""


def wait_until(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.1)


def test_a_worker_that_dies_is_started_again_and_stops_with_make_run(tmp_path):
    starts = tmp_path / "starts"
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    supervisor = subprocess.Popen(
        [sys.executable, "-m", "kaohe.project.supervise", sys.executable, "-c", WORKER, starts],
        env=environment,
        stderr=subprocess.PIPE,
    )
    wait_until(lambda: (tmp_path / "pid").exists())
    assert starts.read_text() == "xx"
    worker = int((tmp_path / "pid").read_text())

    supervisor.send_signal(signal.SIGTERM)

    supervisor.wait(timeout=20)
    assert "秒后重启" in supervisor.stderr.read().decode()
    wait_until(lambda: not alive(worker))
    assert starts.read_text() == "xx"  # stopped, not started a third time


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
