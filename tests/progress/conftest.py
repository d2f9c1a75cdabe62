"""A small cycle for progress tests.

市财政局 answers for 信息化建设 (through its 办公室) and 预算管理, 市教育局 for 教育督导;
写实考核 has the two system-derived indicators seed 000 has. Monthly reports are due 3 working
days after each month; today is whatever the test sets with `at(day)`.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kaohe.accounts.roles import Role
from kaohe.cycles import actions as cycle_actions
from tests.conftest import new_person

SCHEME = """\
format: kaohe-scheme/1
id: progress-test
name: 进度测试方案
body: 示范市
period: year
decimals: 2
sections:
  - name: 工作任务
    code: "1"
    points: 90
    children:
      - name: 信息化建设
        code: "1.1"
        points: 30
        kind: scored
        assessor: 市教育局
        owners: {units: [办公室]}
        rules:
          - {id: xinxi, kind: per_occurrence, amount: -1, label: 未完成}
      - name: 预算管理
        code: "1.2"
        points: 30
        kind: scored
        owners: {units: [市财政局]}
        rules:
          - {id: yusuan, kind: per_occurrence, amount: -1, label: 未完成}
      - name: 教育督导
        code: "1.3"
        points: 30
        kind: scored
        owners: {units: [市教育局]}
        rules:
          - {id: dudao, kind: per_occurrence, amount: -1, label: 未完成}
  - name: 写实考核
    code: "2"
    points: 10
    children:
      - name: 考核指标完成情况
        code: "2.1"
        points: 5
        kind: scored
        system: diligence
        rules:
          - {id: xieshi-zhibiao, kind: discretionary, direction: deduct, min: 0.1, max: 5}
      - name: 证明材料完成情况
        code: "2.2"
        points: 5
        kind: scored
        system: diligence
        rules:
          - {id: xieshi-cailiao, kind: discretionary, direction: deduct, min: 0.1, max: 5}
"""

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def pdf(name: str = "进展材料.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def at(monkeypatch: pytest.MonkeyPatch) -> Any:
    """at(date): from now on, today is that date (at 10:00 in Shanghai)."""
    real_localdate, real_now = timezone.localdate, timezone.now

    def set_today(day: datetime.date) -> None:
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))

        def localdate(value: Any = None, timezone: Any = None) -> datetime.date:
            return day if value is None else real_localdate(value, timezone)

        monkeypatch.setattr("django.utils.timezone.localdate", localdate)
        monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    set_today.real_now = real_now
    return set_today


@pytest.fixture
def cycle(org: Any, settings: Any, tmp_path: Any) -> Any:
    """The cycle, its units (`units["市财政局"]`), tasks (`tasks["1.1"]`) and the people."""
    from kaohe.schemes.actions import create_scheme, publish_version
    from kaohe.schemes.models import Scheme

    settings.MEDIA_ROOT = tmp_path / "media"
    office = org.users[Role.OFFICE]
    version = create_scheme(office, SCHEME, Scheme.Source.BUILTIN)
    publish_version(office, version)
    found = cycle_actions.open_cycle(
        office,
        cycle_actions.CyclePlan(
            name="2025年度考核",
            version=version,
            period="year",
            starts_on=datetime.date(2025, 1, 1),
            ends_on=datetime.date(2025, 12, 31),
            units=[
                cycle_actions.UnitEntry(org.department),
                cycle_actions.UnitEntry(org.other_department),
            ],
        ),
    )
    found.units = {cu.label: cu for cu in found.cycle_units.all()}
    found.tasks = {a.node_code: a for a in found.assignments.all()}
    found.org = org
    found.users = org.users

    found.other_reporter = new_person("jyj_tbr", org.other_department, Role.REPORTER)
    found.other_deputy = new_person("jyj_fgld", org.other_department, Role.DEPUTY_LEADER)
    found.task_assessor = new_person("jyj_kpdw", org.other_department, Role.ASSESSOR)
    found.person = new_person
    return found


@pytest.fixture
def report(cycle: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """report(label, code, period, files=1, submit=True): a report by the unit's reporter."""
    from kaohe.progress import actions

    reporters = {"市财政局": cycle.users[Role.REPORTER], "市教育局": cycle.other_reporter}

    def make(label: str, code: str, period: str, files: int = 1, submit: bool = True) -> Any:
        reporter = reporters[label]
        with django_capture_on_commit_callbacks(execute=True):
            submission = actions.start_submission(
                reporter, cycle.units[label], cycle.tasks[code], period
            )
            actions.save_progress(reporter, submission.pk, submission.version, "本月已完成。")
            for number in range(files):
                actions.add_evidence(reporter, submission.pk, pdf(f"材料{number}.pdf"))
            if submit:
                actions.submit(reporter, submission.pk)
        submission.refresh_from_db()
        return submission

    return make


@pytest.fixture
def sign(django_capture_on_commit_callbacks: Any) -> Any:
    """sign(user, submission) approves; sign(user, submission, "理由") sends it back."""
    from kaohe.progress import actions

    def act(user: Any, submission: Any, reason: str = "") -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            if reason:
                actions.send_back(user, submission.pk, reason)
            else:
                actions.approve(user, submission.pk)
        submission.refresh_from_db()
        return submission

    return act
