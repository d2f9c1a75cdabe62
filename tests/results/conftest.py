"""Fixtures for results and appeals: the 张家港 cycle (tests/conftest.py) with records saved
through kaohe.cycles.actions, so that facts_changed recomputes as it does in the app."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from kaohe.accounts.roles import Role
from kaohe.cycles import actions as cycle_actions
from kaohe.results import actions as result_actions
from kaohe.results import publishing
from tests.conftest import new_person


@pytest.fixture
def bureau(zhangjiagang: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """张家港 plus leaders of the bureau and a recorder that runs on-commit hooks at once."""
    found = zhangjiagang

    found.deputy = new_person("zjg_fgld", found.bureau, Role.DEPUTY_LEADER)
    found.party_leader = new_person("zjg_djk_ld", found.sections["党建科"], Role.PRINCIPAL_LEADER)
    found.other_reporter = new_person("zjg_spxtk", found.sections["审批协调科"], Role.REPORTER)

    def record(label: str, node: str, rule: str, count: str = "1", **more: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return cycle_actions.add_record(
                found.office,
                found.units[label],
                indicator=node,
                rule=rule,
                count=Decimal(count),
                **more,
            )

    def commit(step: Any, *args: Any, **kwargs: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    found.record = record
    found.commit = commit
    return found


@pytest.fixture
def worker_backend(settings: Any) -> None:
    """Tasks queued in the database for `manage.py db_worker`, as with KAOHE_TASKS=worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def published(bureau: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The cycle with a deduction for 党建科, locked and published on Monday 2020-07-06."""
    bureau.lateness = bureau.record("党建科", "1.2", "st1", "2", note="6月迟到两人次")
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: datetime.date(2020, 7, 6)
    )
    bureau.commit(result_actions.lock_cycle, bureau.office, bureau.cycle)
    bureau.commit(publishing.publish_results, bureau.office, bureau.cycle)
    bureau.snapshot = bureau.cycle.snapshots.get(number=1)
    bureau.cycle.refresh_from_db()
    return bureau


GRADED_SCHEME = """\
format: kaohe-scheme/1
id: graded-test
name: 分等次测试方案
body: 测试
period: quarter
decimals: 2
formula: 日常考核 + 加分 + 否决
grades:
  - {name: 优秀, min: 90}
  - {name: 良好, min: 80}
  - {name: 一般}
tie_breakers: [total, name]
sections:
  - name: 日常考核
    code: "1"
    points: 100
    kind: scored
    floor: 0
    rules:
      - {id: late, kind: per_occurrence, amount: -5, unit: 次, label: 迟报}
  - name: 加分
    code: "2"
    kind: bonus
    cap: 5
    rules:
      - {id: award, kind: per_occurrence, amount: 1, unit: 起, label: 受表彰}
  - name: 否决
    code: "3"
    points: 0
    kind: penalty
    rules:
      - {id: veto, kind: veto, consequence: rank_last, label: 一票否决（列最后一位）}
"""


@pytest.fixture
def graded(bureau: Any) -> Any:
    """A second cycle over three sections on a small scheme with grade bands and a veto."""
    from kaohe.schemes.actions import create_scheme, publish_version
    from kaohe.schemes.models import Scheme

    version = create_scheme(bureau.office, GRADED_SCHEME, Scheme.Source.BUILTIN)
    publish_version(bureau.office, version)
    sections = [bureau.sections[name] for name in ("办公室", "党建科", "督查科")]
    bureau.graded_cycle = cycle_actions.open_cycle(
        bureau.office,
        cycle_actions.CyclePlan(
            name="分等次测试周期",
            version=version,
            period="quarter",
            starts_on=datetime.date(2020, 4, 1),
            ends_on=datetime.date(2020, 6, 30),
            units=[cycle_actions.UnitEntry(unit) for unit in sections],
        ),
    )
    bureau.graded_units = {cu.label: cu for cu in bureau.graded_cycle.cycle_units.all()}

    def record(label: str, rule: str, count: str = "1") -> Any:
        node = {"late": "1", "award": "2", "veto": "3"}[rule]
        return bureau.commit(
            cycle_actions.add_record,
            bureau.office,
            bureau.graded_units[label],
            indicator=node,
            rule=rule,
            count=Decimal(count),
        )

    bureau.graded_record = record
    return bureau


@pytest.fixture
def announced(graded: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The graded cycle with a deduction, a bonus and a veto, published on Monday 2020-07-06
    (the 考核结果通报 tests)."""
    graded.graded_record("党建科", "late", "3")
    graded.graded_record("办公室", "award", "2")
    graded.graded_record("督查科", "veto")
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: datetime.date(2020, 7, 6)
    )
    cycle = graded.graded_cycle
    graded.commit(result_actions.lock_cycle, graded.office, cycle)
    graded.commit(publishing.publish_results, graded.office, cycle)
    cycle.refresh_from_db()
    return graded
