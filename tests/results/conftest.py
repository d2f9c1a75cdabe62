"""Fixtures for results and appeals: the 张家港 cycle (tests/conftest.py) with records saved
through kaohe.cycles.actions, so that facts_changed recomputes as it does in the app."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest

from kaohe.accounts import actions as account_actions
from kaohe.accounts.roles import Role
from kaohe.cycles import actions as cycle_actions
from kaohe.results import actions as result_actions
from tests.conftest import DEMO_TEST_PASSWORD


@pytest.fixture
def bureau(zhangjiagang: Any, django_capture_on_commit_callbacks: Any) -> Any:
    """张家港 plus leaders of the bureau and a recorder that runs on-commit hooks at once."""
    found = zhangjiagang

    def person(username: str, unit: Any, role: str) -> Any:
        return account_actions.create_user(
            None,
            username=username,
            password=DEMO_TEST_PASSWORD,
            full_name=username,
            unit=unit,
            roles=[role],
        )

    found.deputy = person("zjg_fgld", found.bureau, Role.DEPUTY_LEADER)
    found.party_leader = person("zjg_djk_ld", found.sections["党建科"], Role.PRINCIPAL_LEADER)
    found.other_reporter = person("zjg_spxtk", found.sections["审批协调科"], Role.REPORTER)

    def record(label: str, node: str, rule: str, count: str = "1", **more: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return cycle_actions.add_record(
                found.office,
                found.units[label],
                node_path=node,
                rule_id=rule,
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
def published(bureau: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The cycle with a deduction for 党建科, locked and published on Monday 2020-07-06."""
    bureau.lateness = bureau.record("党建科", "1.2", "st1", "2", note="6月迟到两人次")
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: datetime.date(2020, 7, 6)
    )
    bureau.commit(result_actions.lock_cycle, bureau.office, bureau.cycle)
    bureau.snapshot = bureau.commit(result_actions.publish_results, bureau.office, bureau.cycle)
    bureau.cycle.refresh_from_db()
    return bureau
