"""`python -m kaohe.project.supervise COMMAND...`: run COMMAND, and start it again whenever it
exits, until this process is told to stop (SIGTERM or SIGINT), which it passes on.

`make run` keeps the task worker alive this way: should it die for any reason, queued
recomputes would otherwise wait for someone to notice and restart it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from types import FrameType

PAUSE_BEFORE_RESTART_SECONDS = 2.0


class Supervisor:
    def __init__(self, command: Sequence[str], pause: float = PAUSE_BEFORE_RESTART_SECONDS):
        self.command = list(command)
        self.pause = pause
        self.stopping = False
        self.child: subprocess.Popen[bytes] | None = None

    def stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signum)

    def run(self) -> int:
        status = 0
        while not self.stopping:
            self.child = subprocess.Popen(self.command)  # noqa: S603 (our own command line)
            status = self.child.wait()
            if not self.stopping:
                print(
                    f"进程已退出（状态 {status}），{self.pause:g} 秒后重启：{self.command[0]}",
                    file=sys.stderr,
                    flush=True,
                )
                time.sleep(self.pause)
        return status


def main(argv: Sequence[str]) -> int:
    if not argv:
        print("用法：python -m kaohe.project.supervise 命令 [参数...]", file=sys.stderr)
        return 2
    supervisor = Supervisor(argv)
    signal.signal(signal.SIGTERM, supervisor.stop)
    signal.signal(signal.SIGINT, supervisor.stop)
    return supervisor.run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
