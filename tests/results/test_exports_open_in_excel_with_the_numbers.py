from io import BytesIO
from typing import Any

from django.urls import reverse
from openpyxl import load_workbook

from tests.downloaded import downloaded


def workbook(response: Any) -> Any:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return load_workbook(BytesIO(response.content)).active


def test_the_ranking_exports_rank_unit_sections_total_grade_and_vetoes(
    graded: Any, client: Any
) -> None:
    graded.graded_record("办公室", "late", "3")
    graded.graded_record("党建科", "award", "2")
    graded.graded_record("督查科", "veto")
    client.force_login(graded.office)

    sheet = workbook(
        downloaded(client, reverse("results:export_ranking", args=[graded.graded_cycle.pk]))
    )

    assert sheet["A1"].value == "分等次测试周期考核结果排名表"
    assert "A1:H1" in {str(merged) for merged in sheet.merged_cells.ranges}
    header = [cell.value for cell in sheet[3]]
    assert header == ["名次", "单位", "日常考核", "加分", "否决", "总分", "等次", "否决情况"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4)]
    assert rows == [
        [1, "党建科", 100, 2, 0, 102, "优秀", None],
        [2, "办公室", 85, 0, 0, 85, "良好", None],
        [3, "督查科", 100, 0, 0, 100, "优秀", "排名列最后"],
    ]


def test_the_ranking_sheet_prints_in_the_government_layout(bureau: Any, client: Any) -> None:
    client.force_login(bureau.office)

    sheet = workbook(downloaded(client, reverse("results:export_ranking", args=[bureau.cycle.pk])))

    assert sheet["A1"].font.name == "宋体" and sheet["A1"].font.bold
    assert sheet["A3"].font.name == "宋体"
    assert sheet["B4"].font.name == "仿宋"
    assert sheet["B4"].border.left.style == "thin"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.column_dimensions["B"].width == 28


def test_a_units_breakdown_exports_the_tree_scores_explanations_and_records(
    bureau: Any, client: Any
) -> None:
    record = bureau.record("党建科", "1.2", "st1", "3", note="迟到三人次")
    unit = bureau.units["党建科"]
    client.force_login(bureau.reporter)

    sheet = workbook(
        downloaded(client, reverse("results:export_unit", args=[bureau.cycle.pk, unit.pk]))
    )

    assert sheet["A1"].value == "2020年第二季度科室绩效考核党建科考核得分明细"
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=4) if row[0].value}
    staff = rows["1.2"]
    assert staff[1].value.strip() == "人员管理情况"
    assert (staff[2].value, staff[3].value) == (15, 13.5)
    assert "3 人次 × 0.5 分，扣 1.5 分" in staff[4].value
    assert staff[5].value == f"记录 #{record.pk} 迟到早退 × 3：迟到三人次"
    assert rows["1"][3].value == 88.5
    total = next(row for row in sheet.iter_rows(min_row=4) if row[1].value == "总分")
    assert total[3].value == 88.5


def test_the_export_of_a_snapshot_uses_the_frozen_numbers(published: Any, client: Any) -> None:
    from kaohe.cycles.models import Record
    from kaohe.results.live import recompute

    Record.objects.filter(pk=published.lateness.pk).update(count=10)
    recompute(published.cycle)
    client.force_login(published.office)
    url = reverse("results:export_ranking", args=[published.cycle.pk])

    frozen = workbook(downloaded(client, url, {"snapshot": 1}))

    assert "第 1 次公示" in frozen["A2"].value
    party = next(row for row in frozen.iter_rows(min_row=4) if row[1].value == "党建科")
    assert party[6].value == 89  # 名次 单位 日常考核 班子测评 综合加分 一票否决 总分
