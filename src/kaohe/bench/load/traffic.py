"""The simulated users and what they ask for, each in its own thread, pausing about a second
between requests as a person reading the page would (``think``).

- The baseline: every user asks only for /healthz (no cookies, as a monitoring probe would): the
  least any request costs here — gunicorn, Django's middleware, one `SELECT 1`.
- The load: readers open the ranking, a unit's breakdown or an indicator's records grid, at
  random; savers add a record on the records grid and land on the page the save redirects to,
  as a clerk does; one office user uploads the records workbook (the import) and one asks for
  the whole cycle to be recomputed, both as the load starts.
"""

from __future__ import annotations

import random
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django_otp.oath import TOTP

from kaohe.bench.load.client import Answer, Browser

PASSWORD = "Shifan@2026"  # the demo's (kaohe.accounts.demo.DEMO_PASSWORD)
SECOND_FACTOR = "/accounts/second-factor/"
PENDING = "刚提交的更改正在后台重新计算"  # results/_source.html: a change not yet counted
REFUSED = "未保存"  # the records grid's message for a save it refused
IMPORT_FAILED = "导入失败"
# imports/_progress.html: the job page once the import has ended, saved or refused.
IMPORT_ENDED = ('class="alert alert-success"', 'id="import-problems"')
IMPORT_WAIT_SECONDS = 600.0
SAVE_MARK = "压测保存"


@dataclass
class Tally:
    """Answers to one kind of request: how many, how many failed, how long each took."""

    done: int = 0
    failed: int = 0
    seconds: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, answer: Answer, ok: bool) -> None:
        with self.lock:
            self.done += 1
            self.failed += not ok
            self.seconds.append(answer.seconds)
            self.statuses[answer.status] = self.statuses.get(answer.status, 0) + 1

    def percentile(self, share: float) -> float:
        if len(self.seconds) < 2:
            return self.seconds[0] if self.seconds else 0.0
        return statistics.quantiles(self.seconds, n=100)[round(share * 100) - 1]


@dataclass
class Phase:
    """What the users of one phase got, by kind of request, over ``seconds``."""

    seconds: float = 0.0
    tallies: dict[str, Tally] = field(default_factory=dict)
    last_save: float = 0.0  # time.monotonic() when the last successful save was answered
    import_said: str = ""  # the message the import's page showed when it ended
    import_ended: float | None = None  # seconds from the start of the load to the job's end

    def tally(self, kind: str) -> Tally:
        return self.tallies.setdefault(kind, Tally())

    def saved_at(self, moment: float) -> None:
        self.last_save = max(self.last_save, moment)


def logged_in(port: int, accounts: list[dict[str, str]]) -> list[Browser]:
    """A browser per account of the city's plan (``plan["accounts"]``: 考核办 people, each
    with the key of its own authenticator), logged in with password and code."""
    browsers = [Browser(port) for _ in accounts]
    run_for(0, [lambda b=b, a=a: log_in(b, a) for b, a in zip(browsers, accounts, strict=True)])
    return browsers


def log_in(browser: Browser, account: dict[str, str]) -> None:
    """Logs in, trying up to three times; a user who cannot log in is counted by the pages it
    is then refused (a redirect to the login page lands on no page it asked for)."""
    for _ in range(3):
        answer = browser.log_in(account["username"], PASSWORD)
        if answer.status == 302:  # the password passed; every 考核办 then types a code
            code = f"{TOTP(bytes.fromhex(account['key'])).token():06d}"
            answer = browser.post(SECOND_FACTOR, {"code": code}, follow=False)
            if answer.status == 302 and SECOND_FACTOR not in answer.location:
                return
        time.sleep(1)


def run_for(seconds: float, loops: list[Callable[[], Any]], think: float = 0.0) -> float:
    """Runs every loop in its own thread; a loop is called again, after a pause of ``think``
    seconds on average (uniformly half to one and a half times that), until ``seconds`` have
    passed (once when ``seconds`` is 0). An answer outstanding at the end is still waited for;
    the seconds it all took are returned."""
    started = time.monotonic()
    deadline = started + seconds

    def repeat(loop: Callable[[], Any]) -> None:
        loop()
        while time.monotonic() < deadline:
            time.sleep(random.uniform(0.5, 1.5) * think)
            if time.monotonic() < deadline:
                loop()

    threads = [threading.Thread(target=repeat, args=(loop,)) for loop in loops]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def baseline(port: int, users: int, seconds: float, think: float) -> Phase:
    phase = Phase()
    browsers = [Browser(port) for _ in range(users)]

    def probe(browser: Browser) -> None:
        answer = browser.get("/healthz")
        phase.tally("healthz").add(answer, not answer.failed)

    phase.seconds = run_for(seconds, [lambda b=b: probe(b) for b in browsers], think)
    return phase


class Load:
    """Readers, savers, the import and the recompute against the city cycle in ``plan``."""

    def __init__(self, port: int, plan: dict[str, Any], workbook: bytes) -> None:
        self.port = port
        self.plan = plan
        self.workbook = workbook
        self.cycle = plan["cycle"]
        self.phase = Phase()

    def run(
        self,
        readers: list[Browser],
        savers: list[Browser],
        office: list[Browser],
        seconds: float,
        think: float,
    ) -> Phase:
        """``office``: two logged-in office users, for the import and the recompute."""
        loops: list[Callable[[], Any]] = [lambda b=b: self.read(b) for b in readers]
        loops += [self.saving(b, n) for n, b in enumerate(savers, 1)]
        background = [
            threading.Thread(target=self.import_records, args=(office[0],)),
            threading.Thread(target=self.recompute, args=(office[1],)),
        ]
        for thread in background:
            thread.start()
        self.phase.seconds = run_for(seconds, loops, think)
        for thread in background:
            thread.join()
        return self.phase

    def read(self, browser: Browser) -> None:
        kind, path = random.choice(self.pages())
        answer = browser.get(path)
        ok = not answer.failed
        self.phase.tally(kind).add(answer, ok)
        self.phase.tally("pages").add(answer, ok)

    def pages(self) -> list[tuple[str, str]]:
        unit = random.choice(self.plan["cycle_units"])
        node = random.choice(self.plan["grid_nodes"])
        return [
            ("ranking", f"/results/{self.cycle}/"),
            ("breakdown", f"/results/{self.cycle}/units/{unit}/"),
            ("grid", f"/cycles/{self.cycle}/records/?node={node}"),
        ]

    def saving(self, browser: Browser, clerk: int) -> Callable[[], None]:
        count = iter(range(1, 10**9))

        def save() -> None:
            unit = random.choice(self.plan["cycle_units"])
            answer = browser.post(
                f"/cycles/{self.cycle}/units/{unit}/records/add/",
                self.record_fields(f"{SAVE_MARK} {clerk}-{next(count)}"),
            )
            ok = not answer.failed and not answer.says(REFUSED)
            self.phase.tally("save").add(answer, ok)
            if ok:
                self.phase.saved_at(time.monotonic())

        return save

    def record_fields(self, note: str) -> dict[str, str]:
        save = self.plan["save"]
        return {
            "node": save["node"],
            "rule": save["rule"],
            "count": "1",
            "date": "2020-05-15",
            "period": "2020-05",
            "note": note,
        }

    def import_records(self, browser: Browser) -> None:
        """Uploads the workbook, then follows the job's page (as it refreshes itself, once a
        second) until the import has ended: its records count for freshness, and an import
        refused or unfinished after IMPORT_WAIT_SECONDS is an error."""
        started = time.monotonic()
        path = f"/cycles/{self.cycle}/records/upload/"
        answer = browser.upload(path, "file", "压测导入.xlsx", self.workbook)
        ended = answer if answer.failed else followed_to_its_end(browser, answer)
        ok = ended is not None and not ended.failed and not ended.says(IMPORT_FAILED)
        self.phase.tally("import").add(answer, ok)
        if ended is not None:
            self.phase.import_said = "；".join(ended.messages())[:300]
            self.phase.import_ended = time.monotonic() - started
        if ok:
            self.phase.saved_at(time.monotonic())

    def recompute(self, browser: Browser) -> None:
        answer = browser.post(f"/results/{self.cycle}/recompute/", {})
        self.phase.tally("recompute").add(answer, not answer.failed)


def followed_to_its_end(browser: Browser, job_page: Answer) -> Answer | None:
    """The job's page once it says the import ended (None if it has not within the wait)."""
    deadline = time.monotonic() + IMPORT_WAIT_SECONDS
    page = job_page
    while not any(page.says(mark) for mark in IMPORT_ENDED):
        if page.failed or time.monotonic() > deadline:
            return page if page.failed else None
        time.sleep(1)
        page = browser.get(job_page.path)
    return page


def seconds_until_fresh(office: Browser, cycle: int, since: float, wait: float) -> float | None:
    """How long after ``since`` the ranking stopped saying a change is still being counted;
    None when it still said so ``wait`` seconds after ``since``."""
    while time.monotonic() < since + wait:
        answer = office.get(f"/results/{cycle}/")
        if answer.status == 200 and not answer.says(PENDING):
            return max(0.0, time.monotonic() - since)
        time.sleep(0.25)
    return None
