import io
from typing import Any

import docx
from django.urls import reverse
from docx.oxml.ns import qn
from docx.shared import RGBColor

from kaohe.audit.models import Action, AuditEntry
from tests.downloaded import downloaded

FANGSONG = "仿宋_GB2312"


def word(client: Any, cycle: Any) -> Any:
    response = downloaded(client, reverse("results:bulletin_docx", args=[cycle.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return docx.Document(io.BytesIO(response.content))


def ranking_page_rows(client: Any, cycle: Any) -> list[list[str]]:
    rows = client.get(reverse("results:ranking", args=[cycle.pk])).context["rows"]
    return [
        [str(row["rank"]), row["unit"], *row["sections"], row["total"], row["grade"], vetoes(row)]
        for row in rows
    ]


def vetoes(row: dict[str, Any]) -> str:
    return "、".join(row["vetoes"])


def mm(length: Any) -> float:
    """A length in millimetres as Word stores it (in twentieths of a point), to 0.1 mm."""
    return round(length.mm, 1)


def east_asian_font(run: Any) -> str:
    return run.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_the_word_bulletin_has_the_red_header_number_title_and_signature(
    announced: Any, client: Any
) -> None:
    client.force_login(announced.office)

    document = word(client, announced.graded_cycle)

    texts = [paragraph.text for paragraph in document.paragraphs]
    mark = document.paragraphs[0]
    assert mark.text == "张家港市考核办文件"
    assert mark.runs[0].font.color.rgb == RGBColor(0xFF, 0, 0)
    assert texts[1] == "张考〔2020〕1号"
    assert 'w:color="FF0000"' in document.paragraphs[1]._p.xml  # the red line under it
    assert texts[2].replace("\n", "") == "关于分等次测试周期结果的通报"
    assert texts[3] == "各科室："
    assert "附件：分等次测试周期结果排名表" in texts
    assert texts[texts.index("张家港市考核办") + 1] == "2020年7月6日"


def test_the_body_names_fangsong_for_chinese_text_and_the_page_follows_gb_9704(
    announced: Any, client: Any
) -> None:
    client.force_login(announced.office)

    document = word(client, announced.graded_cycle)

    body = next(p for p in document.paragraphs if p.text.startswith("本次考核共"))
    assert east_asian_font(body.runs[0]) == FANGSONG
    assert body.runs[0].font.size.pt == 16  # 三号
    heading = next(p for p in document.paragraphs if p.text == "一、考核结果")
    assert east_asian_font(heading.runs[0]) == "黑体"
    page = document.sections[0]
    assert (mm(page.page_width), mm(page.page_height)) == (210, 297)
    margins = (page.top_margin, page.bottom_margin, page.left_margin, page.right_margin)
    assert [mm(margin) for margin in margins] == [37, 35, 28, 26]
    fonts = document.part.part_related_by(docx.opc.constants.RELATIONSHIP_TYPE.FONT_TABLE)
    assert '<w:altName w:val="仿宋"/>' in fonts.blob.decode()


def test_the_attachment_table_holds_the_ranking_pages_numbers_grades_and_vetoes(
    announced: Any, client: Any
) -> None:
    client.force_login(announced.office)
    cycle = announced.graded_cycle

    document = word(client, cycle)

    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["名次", "单位", "日常考核", "加分", "否决", "总分", "等次", "否决情况"]
    printed = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert printed == ranking_page_rows(client, cycle)
    assert printed[0][1:] == ["办公室", "100.00", "2.00", "0.00", "102.00", "优秀", ""]
    assert printed[-1][1] == "督查科" and printed[-1][-1] == "排名列最后"
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "本次考核共3个单位参加" in body
    assert "督查科因一票否决，排名列最后。" in body
    assert "可于2020年7月9日前向张家港市考核办提出申诉" in body


def test_the_office_sets_the_header_and_every_download_is_audited(
    announced: Any, client: Any
) -> None:
    client.force_login(announced.office)
    cycle = announced.graded_cycle
    details = {
        "mark": "张家港市行政审批局文件",
        "number": "张审批发〔2020〕18号",
        "addressees": "局各科室",
        "signature": "张家港市行政审批局",
        "dated": "2020-07-10",
    }

    saved = client.post(reverse("results:bulletin", args=[cycle.pk]), details)
    document = word(client, cycle)

    assert saved.status_code == 302
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[:2] == ["张家港市行政审批局文件", "张审批发〔2020〕18号"]
    assert texts[texts.index("张家港市行政审批局") + 1] == "2020年7月10日"
    set_entry = AuditEntry.objects.get(action=Action.BULLETIN_DETAILS_SET)
    assert set_entry.new["发文字号"] == "张审批发〔2020〕18号"
    download = AuditEntry.objects.get(action=Action.BULLETIN_DOWNLOADED)
    assert download.new == {"格式": "Word", "结果": "第 1 次公示"}


def test_the_bulletin_is_the_offices_alone(announced: Any, client: Any) -> None:
    cycle = announced.graded_cycle
    for person in (announced.deputy, announced.party_leader, announced.reporter):
        client.force_login(person)
        assert client.get(reverse("results:bulletin", args=[cycle.pk])).status_code == 403
        for name in ("results:bulletin_docx", "results:bulletin_pdf"):
            assert client.post(reverse(name, args=[cycle.pk])).status_code == 403, name
    assert not AuditEntry.objects.filter(action=Action.BULLETIN_DOWNLOADED).exists()
