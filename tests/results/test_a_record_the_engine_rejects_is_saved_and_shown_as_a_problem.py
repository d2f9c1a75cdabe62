from typing import Any

from django.urls import reverse

from kaohe.cycles.actions import notify_changed
from kaohe.cycles.models import Record


def test_a_bad_record_is_saved_and_the_results_pages_name_the_problem(
    bureau: Any, client: Any
) -> None:
    bureau.record("党建科", "1.2", "st1", "2")
    unit = bureau.units["党建科"]
    # A save now refuses a level the rule does not have; such a record can still be in the
    # database from before that check (or from a scheme revised since), so write it there.
    bad = bureau.record("党建科", "3", "award", "1", level="市级")
    Record.objects.filter(pk=bad.pk).update(level="区级")
    bureau.commit(notify_changed, bureau.cycle, unit)

    assert Record.objects.filter(pk=bad.pk).exists()
    client.force_login(bureau.office)
    ranking = client.get(reverse("results:ranking", args=[bureau.cycle.pk])).content.decode()
    client.force_login(bureau.reporter)
    breakdown = client.get(
        reverse("results:unit", args=[bureau.cycle.pk, unit.pk])
    ).content.decode()

    problem = f"记录 #{bad.pk}：级别「区级」不在规则「受表彰」的级别（本级、市级、省级）中"
    assert problem in ranking
    assert problem in breakdown
    assert "89.00" in breakdown  # the last good result stays on show
