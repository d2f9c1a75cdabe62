"""Every unit picker names a unit with the unit above it (「市财政局 / 办公室」), so that the many
sections called 办公室 tell apart; one label function (kaohe.forms.unit_label) serves them all."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from kaohe.accounts.roles import Role
from tests.progress.conftest import cycle

__all__ = ["cycle"]


@pytest.mark.parametrize(
    ("role", "url_name"),
    [
        (Role.OFFICE, "cycles:new"),
        (Role.SYSTEM_ADMIN, "accounts:new_user"),
        (Role.SYSTEM_ADMIN, "accounts:new_unit"),
    ],
)
def test_the_picker_names_the_parent(login: Any, role: str, url_name: str) -> None:
    page = login(role).get(reverse(url_name)).content.decode()
    assert "市财政局 / 办公室" in page


def test_the_task_assignment_pickers_name_the_parent(cycle: Any, login: Any) -> None:
    task = cycle.tasks["1.1"]
    url = reverse("cycles:assignment", args=[cycle.pk, task.pk])
    page = login(Role.OFFICE).get(url).content.decode()
    assert page.count("市财政局 / 办公室") == 2  # 考评单位 and 责任单位
