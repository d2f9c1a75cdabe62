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


def cast(
    port: int, voters: int, codes: list[str], fields: dict[str, str], seconds: float = 0.0
) -> Count:
    """Every code in ``codes`` posted once (a code listed twice is posted twice), shared out
    among the voters as they become free; with ``seconds``, the voters stop starting ballots
    when that time is up, as the /healthz probes stop (the codes left over stay unused)."""
    return post_codes(port, voters, queued(codes), fields, seconds)


def queued(codes: list[str]) -> queue.SimpleQueue[str]:
    waiting: queue.SimpleQueue[str] = queue.SimpleQueue()
    for code in codes:
        waiting.put(code)
    return waiting


def post_codes(
    port: int, voters: int, waiting: queue.SimpleQueue[str], fields: dict[str, str], seconds: float
) -> Count:
    count = Count()
    body = json.dumps(fields, ensure_ascii=False).encode()
    deadline = time.monotonic() + seconds if seconds else float("inf")

    def vote(browser: Browser) -> None:
        while time.monotonic() < deadline:
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
    port: int, voters: int, codes: list[str], fields: dict[str, str], rounds: int, window: float
) -> tuple[Count, Count]:
    """Windows of ``window`` seconds, alternating: /healthz, then ballots, ``rounds`` times, and
    /healthz once more. Both are measured alike — the same number of clients, each new at the
    start of its window and closed at its end, asking as fast as they are answered until the
    window is up — and over the same stretch of time, on a machine whose load changes (other
    jobs on the cores). The ballots take the next unused codes; if the codes run out, that
    window is shorter (its seconds are measured). Returns (baseline, ballots)."""
    waiting = queued(codes)
    baseline, ballots = [healthz(port, voters, window)], []
    for _ in range(rounds):
        ballots.append(post_codes(port, voters, waiting, fields, window))
        baseline.append(healthz(port, voters, window))
    return merged(baseline), merged(ballots)
