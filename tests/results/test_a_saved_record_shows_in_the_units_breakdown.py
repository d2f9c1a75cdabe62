from typing import Any

from django.urls import reverse


def test_a_saved_record_shows_the_new_score_and_its_explanation(bureau: Any, client: Any) -> None:
    record = bureau.record("党建科", "1.2", "st1", "3", note="迟到三人次")
    unit = bureau.units["党建科"]
    client.force_login(bureau.reporter)

    page = client.get(reverse("results:unit", args=[bureau.cycle.pk, unit.pk])).content.decode()

    assert "13.5" in page  # 人员管理情况 15 − 3 × 0.5
    assert "88.50" in page  # the total moves with it (班子测评 not yet entered)
    assert f"记录 #{record.pk}" in page
    assert "迟到三人次" in page
    assert "迟到早退" in page
