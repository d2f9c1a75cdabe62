"""A hostile workbook sent as typed paper slips is refused in Chinese, no ballot is stored, and
the refusal takes no more memory than a few times a small valid upload (issue 15, item 4)."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.evaluations import actions
from kaohe.evaluations.models import Ballot
from tests.evaluations.test_paper_slips_and_printed_codes import filled
from tests.hostile_workbooks import HOSTILE, PLACEHOLDER, peak_bytes

MB = 1024 * 1024


def upload(client: Any, group: Any, data: bytes) -> tuple[str, int]:
    def post() -> str:
        file = SimpleUploadedFile("纸质票.xlsx", data)
        url = reverse("evaluations:paper_upload", args=[group.pk])
        return client.post(url, {"issued": "1", "workbook": file}, follow=True).content.decode()

    return peak_bytes(post)


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_workbook_is_refused_in_chinese_without_eating_memory(
    sanming: Any, client: Any, kind: str
) -> None:
    build, refusal = HOSTILE[kind]
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)
    small = filled(sanming.survey, [[1, "满意", "基本满意"]])
    _, small_peak = upload(client, sanming.survey, small)

    page, peak = upload(client, sanming.survey, build(filled(sanming.survey, [[1, PLACEHOLDER]])))

    assert refusal in page
    assert Ballot.objects.count() == 1  # the small upload's slip alone
    assert peak < 3 * small_peak + 40 * MB, (peak // MB, small_peak // MB)
