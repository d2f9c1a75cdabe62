"""On site: printed slips with QR codes (docx); on paper: the slips typed into the group's
xlsx template, one row a slip, all or nothing with row and column named in Chinese."""

import io
import re
import shutil
import struct
from typing import Any
from urllib.parse import unquote

import pypdf
import pytest
from django.urls import reverse
from docx import Document
from openpyxl import Workbook, load_workbook

from kaohe.audit.models import Action, AuditEntry
from kaohe.evaluations import actions
from kaohe.evaluations.actions.counting import group_tally
from kaohe.evaluations.actions.running import ballot_link
from kaohe.evaluations.codes import digest
from kaohe.evaluations.models import Ballot, VotingCode
from kaohe.evaluations.paper import paper_template
from kaohe.evaluations.slips import qr_png
from tests.evaluations.conftest import filled


def test_printed_slips_carry_each_code_and_its_qr_link(sanming: Any, client: Any) -> None:
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)

    response = client.post(reverse("evaluations:codes", args=[sanming.survey.pk]), {"size": "3"})

    assert response["Content-Type"].endswith("wordprocessingml.document")
    document = Document(io.BytesIO(response.content))
    text = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert text.count("测评码：") == 3
    assert len(document.inline_shapes) == 3  # one QR code a slip
    assert (
        VotingCode.objects.count() == 3
        and AuditEntry.objects.filter(action=Action.VOTING_CODES_ISSUED).exists()
    )
    printed = [part.split("\n")[0] for part in text.split("测评码：")[1:]]
    images = {p.blob for p in document.part.related_parts.values() if "image" in p.content_type}
    # Each slip's QR code holds the link of the code printed under it, and that link votes.
    links = [ballot_link(code.replace("-", ""), "http://testserver/") for code in printed]
    assert images == {qr_png(link).getvalue() for link in links}
    page = client.get(links[0].removeprefix("http://testserver"))
    assert page.status_code == 200 and "永安市退役军人事务局" in page.content.decode()


def printed_text(client: Any, group: Any, **headers: Any) -> str:
    response = client.post(reverse("evaluations:codes", args=[group.pk]), {"size": "1"}, **headers)
    document = Document(io.BytesIO(response.content))
    return "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)


def test_the_slips_lead_phones_to_the_address_the_office_uses(
    sanming: Any, client: Any, settings: Any
) -> None:
    """A phone cannot open a link to the server's own 127.0.0.1: without KAOHE_PUBLIC_URL the
    slips carry the address the office printed them from; with it, that address."""
    settings.ALLOWED_HOSTS = ["10.1.2.3"]
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)

    text = printed_text(client, sanming.survey, SERVER_NAME="10.1.2.3", SERVER_PORT="8765")
    assert "无法扫码时打开 http://10.1.2.3:8765/evaluations/v/ 输入测评码" in text

    settings.PUBLIC_URL = "https://kaohe.example.gov.cn/"
    text = printed_text(client, sanming.survey, SERVER_NAME="10.1.2.3", SERVER_PORT="8765")
    assert "无法扫码时打开 https://kaohe.example.gov.cn/evaluations/v/ 输入测评码" in text


def test_a_voter_who_cannot_scan_types_the_code_at_the_address_on_the_slip(
    sanming: Any, client: Any
) -> None:
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)
    response = client.post(reverse("evaluations:codes", args=[sanming.survey.pk]), {"size": "1"})
    text = "\n".join(
        cell.text
        for table in Document(io.BytesIO(response.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    printed = text.split("测评码：")[1].split("\n")[0]
    entry = re.search(r"无法扫码时打开 (\S+) 输入测评码", text)
    assert entry, text
    client.logout()

    assert entry.group(1) == "http://testserver/evaluations/v/"
    form = client.get(entry.group(1).removeprefix("http://testserver"))
    assert form.status_code == 200 and "输入测评码" in form.content.decode()
    blank = client.get(reverse("evaluations:enter_code"), {"code": " "})
    assert "请填写测评码" in blank.content.decode()
    typed = client.get(reverse("evaluations:enter_code"), {"code": printed.lower()}, follow=True)
    assert typed.status_code == 200 and "永安市退役军人事务局" in typed.content.decode()


def upload(client: Any, group: Any, issued: int, data: bytes) -> str:
    response = client.post(
        reverse("evaluations:paper_upload", args=[group.pk]),
        {"issued": str(issued), "workbook": io.BytesIO(data)},
        follow=True,
    )
    return response.content.decode()


def test_typed_slips_become_ballots(sanming: Any, client: Any) -> None:
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)
    template = load_workbook(io.BytesIO(paper_template(sanming.survey)))["纸质票"]
    assert [c.value for c in template[1]] == [
        "票号",
        "永安市退役军人事务局",
        "沙县区退役军人事务局",
    ]

    data = filled(
        sanming.survey, [[1, "满意", "基本满意"], [2, "不满意", "不了解"], [3, None, None]]
    )
    page = upload(client, sanming.survey, 3, data)

    assert "已录入纸质票 3 张（发出 3 张）" in page
    result = group_tally(sanming.survey)
    yongan = str(sanming.units["永安市退役军人事务局"].pk)
    assert (result.returned, result.valid) == (3, 2)  # the third slip is blank
    assert result.units[yongan].mean == 50  # (100 + 0) ÷ 2
    assert AuditEntry.objects.get(action=Action.PAPER_BALLOTS_ENTERED).new["收回"] == 3


def test_a_wrong_cell_names_its_row_and_column_and_nothing_is_saved(
    sanming: Any, client: Any
) -> None:
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)
    data = filled(sanming.survey, [[1, "满意", "满意"], [2, "很好", "满意"], [3, "满意", "120"]])

    page = upload(client, sanming.survey, 3, data)

    assert "导入失败，未保存任何纸质票" in page
    where = "第 3 行 B 列「永安市退役军人事务局」"
    assert f"{where}：应为满意、基本满意、不满意、不了解之一（填写的是「很好」）" in page
    assert "第 4 行 C 列「沙县区退役军人事务局」" in page
    assert not Ballot.objects.exists()


def test_a_workbook_of_another_layout_is_refused(sanming: Any, client: Any) -> None:
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)
    book = Workbook()
    book.active.append(["编号", "单位", "评价"])
    buffer = io.BytesIO()
    book.save(buffer)

    page = upload(client, sanming.survey, 3, buffer.getvalue())

    assert "表头与本评议组的模板不一致" in page and not Ballot.objects.exists()


def test_a_session_that_returned_more_slips_than_it_issued_is_void(
    sanming: Any, client: Any
) -> None:
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)
    upload(
        client, sanming.survey, 2, filled(sanming.survey, [[1, "满意"], [2, "满意"], [3, "满意"]])
    )

    result = group_tally(sanming.survey)

    assert len(result.void_sessions) == 1 and result.valid == 0


def pdf_images(page: Any) -> list[Any]:
    objects = page["/Resources"].get("/XObject", {})
    found = [objects[name].get_object() for name in objects]
    return [image for image in found if image["/Subtype"] == "/Image"]


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_printed_slips_also_come_as_a_pdf_with_each_code_and_its_qr_image(
    sanming: Any, client: Any
) -> None:
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)

    response = client.post(
        reverse("evaluations:codes", args=[sanming.survey.pk]), {"size": "3", "file_type": "pdf"}
    )

    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text.count("测评码：") == 3 and "手机扫码填写，限填一次，匿名" in text
    printed = re.findall(r"\b[A-Z2-9]{5}-[A-Z2-9]{5}\b", text)
    # Each code printed is one of the batch's (kept only as digests) and votes.
    assert len(set(printed)) == 3
    assert {digest(code) for code in printed} == set(
        VotingCode.objects.values_list("digest", flat=True)
    )
    images = [image for page in reader.pages for image in pdf_images(page)]
    assert len(images) == 3  # one QR code a slip
    png = qr_png(ballot_link(printed[0].replace("-", ""), "http://testserver/")).getvalue()
    size = struct.unpack(">II", png[16:24])  # the PNG's width and height (IHDR)
    assert {(image["/Width"], image["/Height"]) for image in images} == {size}


def test_without_libreoffice_no_codes_are_drawn_for_a_pdf(
    sanming: Any, client: Any, settings: Any
) -> None:
    settings.KAOHE_SOFFICE = "/nonexistent/soffice"
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)

    response = client.post(
        reverse("evaluations:codes", args=[sanming.survey.pk]),
        {"size": "3", "file_type": "pdf"},
        follow=True,
    )

    page = response.content.decode()
    assert "服务器未安装 LibreOffice" in page and "本次未生成测评码" in page
    assert not VotingCode.objects.exists()
    assert not AuditEntry.objects.filter(action=Action.VOTING_CODES_ISSUED).exists()


def test_the_slips_and_the_paper_template_download_under_chinese_names(
    sanming: Any, client: Any
) -> None:
    actions.open_evaluation(sanming.office, sanming.evaluation)
    client.force_login(sanming.office)
    group = sanming.survey
    stem = f"{sanming.evaluation.name}-{group.name}"

    slips = client.post(reverse("evaluations:codes", args=[group.pk]), {"size": "1"})
    template = client.get(reverse("evaluations:paper_template", args=[group.pk]))

    assert unquote(slips["Content-Disposition"]).endswith(f"''{stem}-测评票.docx")
    assert unquote(template["Content-Disposition"]).endswith(f"''{stem}-纸质票录入模板.xlsx")
