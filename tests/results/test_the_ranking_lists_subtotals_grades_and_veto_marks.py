import re
from typing import Any

from django.urls import reverse


def rows_of(page: str) -> list[list[str]]:
    body = page[page.index('id="ranking"') :]
    body = body[: body.index("</table>")]
    return [
        [
            re.sub(r"<[^>]+>|\s+", " ", cell).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr data-unit.*?</tr>", body, re.S)
    ]


def test_the_ranking_shows_each_sections_subtotal_the_grade_and_veto_marks(
    graded: Any, client: Any
) -> None:
    graded.graded_record("办公室", "late", "3")  # 100 − 15 = 85 良好
    graded.graded_record("党建科", "award", "2")  # 100 + 2 = 102 优秀
    graded.graded_record("督查科", "veto")  # 100, but listed last
    client.force_login(graded.office)

    page = client.get(reverse("results:ranking", args=[graded.graded_cycle.pk])).content.decode()

    assert "<th>日常考核</th><th>加分</th><th>否决</th>" in page
    rows = rows_of(page)
    assert rows[0][:7] == ["1", "党建科", "100.00", "2.00", "0.00", "102.00", "优秀"]
    assert rows[1][:7] == ["2", "办公室", "85.00", "0.00", "0.00", "85.00", "良好"]
    assert rows[2][:7] == ["3", "督查科", "100.00", "0.00", "0.00", "100.00", "优秀"]
    assert rows[2][7] == "排名列最后"


def test_the_zhangjiagang_veto_is_marked_as_losing_excellence(bureau: Any, client: Any) -> None:
    bureau.record("办公室", "4", "veto")
    client.force_login(bureau.office)

    page = client.get(reverse("results:ranking", args=[bureau.cycle.pk])).content.decode()

    office_row = next(row for row in rows_of(page) if row[1] == "办公室")
    assert office_row[-1] == "取消评优资格"
