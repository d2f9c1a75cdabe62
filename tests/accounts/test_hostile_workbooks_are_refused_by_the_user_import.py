"""A hostile workbook sent to the user import is refused in Chinese, nobody is created, and the
refusal takes no more memory than a few times a small valid import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.accounts.importing import UNIT_HEADERS, USER_HEADERS
from kaohe.accounts.models import Unit, User
from kaohe.accounts.roles import Role
from tests.hostile_workbooks import HOSTILE, PLACEHOLDER, peak_bytes, workbook

MB = 1024 * 1024


def organisation(name: str) -> bytes:
    unit = ("市审计局", "示范市", "机关部门", "", "")
    user = ("x_wang", name, "市审计局", "", "Shifan@2026", "")
    return workbook({"单位": [UNIT_HEADERS, unit], "用户": [USER_HEADERS, user]})


def upload(client, data):
    file = SimpleUploadedFile("导入.xlsx", data)
    return peak_bytes(
        lambda: client.post(
            reverse("accounts:import"), {"file": file}, follow=True
        ).content.decode()
    )


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_workbook_is_refused_in_chinese_without_eating_memory(login, org, kind):
    build, refusal = HOSTILE[kind]
    client = login(Role.SYSTEM_ADMIN)
    page, small_peak = upload(client, organisation("王五"))
    assert "新增单位 1 个，新增用户 1 个" in page
    User.objects.filter(username="x_wang").delete()
    Unit.objects.filter(name="市审计局").delete()

    page, peak = upload(client, build(organisation(PLACEHOLDER)))

    assert refusal in page
    assert not User.objects.filter(username="x_wang").exists()
    assert not Unit.objects.filter(name="市审计局").exists()
    assert peak < 3 * small_peak + 40 * MB, (peak // MB, small_peak // MB)
