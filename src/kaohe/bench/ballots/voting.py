"""The voters: each a browser of its own (kaohe.bench.load.client) posting ballots with the
codes it was handed, as fast as the server answers — no pause, like the /healthz probes it is
compared with. A ballot is posted as the phone page's script posts it (ballot.js): the marks as
one JSON body, the CSRF token in the X-CSRFToken header, answered 204 once stored. The page
itself is not fetched first: the client sets its own CSRF token, as Django allows, so each
ballot is one request, as each probe is. Every voter fills in the same marks, so the body is
encoded once (a phone encodes its own, on the phone)."""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from kaohe.bench.load.client import Answer, Browser

STORED = 204  # the phone's ballot stored; a refusal is answered 400, 403 or 404


@dataclass
class Count:
    asked: int = 0
    accepted: int = 0  # answered as stored
    refused: int = 0  # answered with a refusal (a used code)
    failed: int = 0  # no answer or a server error
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, answer: Answer) -> None:
        with self.lock:
            self.asked += 1
            if answer.status == STORED:
                self.accepted += 1
            elif answer.status in (400, 403, 404):
                self.refused += 1
            else:
                self.failed += 1

    @property
    def per_second(self) -> float:
        return self.accepted / self.seconds if self.seconds else 0.0


def in_threads(clients: int, work: Callable[[Browser], None], port: int) -> float:
    """Runs ``work`` in ``clients`` threads, each with its own browser; the seconds it took."""
    browsers = [Browser(port) for _ in range(clients)]
    started = time.monotonic()
    threads = [threading.Thread(target=work, args=(b,)) for b in browsers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for browser in browsers:
        browser.close()
    return time.monotonic() - started


def healthz(port: int, clients: int, seconds: float) -> Count:
    """The trivial view: /healthz as fast as it answers, by as many clients, for ``seconds``."""
    count = Count()
    deadline = time.monotonic() + seconds

    def probe(browser: Browser) -> None:
        while time.monotonic() < deadline:
            answer = browser.get("/healthz")
            count.add(Answer(STORED, b"", "", 0, "") if answer.status == 200 else answer)

    count.seconds = in_threads(clients, probe, port)
    return count


def cast(port: int, voters: int, codes: list[str], fields: dict[str, str]) -> Count:
    """Every code in ``codes`` posted once (a code listed twice is posted twice), shared out
    among the voters as they become free."""
    waiting: queue.SimpleQueue[str] = queue.SimpleQueue()
    for code in codes:
        waiting.put(code)
    count = Count()
    body = json.dumps(fields, ensure_ascii=False).encode()

    def vote(browser: Browser) -> None:
        while True:
            try:
                code = waiting.get_nowait()
            except queue.Empty:
                return
            count.add(browser.post_json(f"/evaluations/v/{code}/", body))

    count.seconds = in_threads(voters, vote, port)
    return count


def merged(counts: list[Count]) -> Count:
    total = Count()
    for count in counts:
        total.asked += count.asked
        total.accepted += count.accepted
        total.refused += count.refused
        total.failed += count.failed
        total.seconds += count.seconds
    return total


def interleaved(
    port: int, voters: int, codes: list[str], fields: dict[str, str], rounds: int, probe: float
) -> tuple[Count, Count]:
    """The ballots cast in ``rounds`` parts, with a /healthz window of ``probe`` seconds before
    each part and after the last: on a machine whose load changes (other jobs on the cores),
    both rates are measured over the same stretch of time. Returns (baseline, ballots)."""
    size = -(-len(codes) // rounds)
    baseline, ballots = [healthz(port, voters, probe)], []
    for start in range(0, len(codes), size):
        ballots.append(cast(port, voters, codes[start : start + size], fields))
        baseline.append(healthz(port, voters, probe))
    return merged(baseline), merged(ballots)
