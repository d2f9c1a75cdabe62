import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pypdf
import pytest
from django.urls import reverse

from kaohe.audit.models import Action, AuditEntry
from tests.downloaded import downloaded

# A person looks at this picture of the PDF's first page after a test run.
ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts"

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def embedded_fonts(reader: pypdf.PdfReader) -> dict[str, bool]:
    """Each font of the PDF's pages, and whether its file is inside the PDF."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            for shown in [font.get_object(), *font.get_object().get("/DescendantFonts", [])]:
                descriptor = shown.get_object().get("/FontDescriptor")
                if descriptor is not None:
                    files = ("/FontFile", "/FontFile2", "/FontFile3")
                    embedded = any(name in descriptor.get_object() for name in files)
                    fonts[str(shown.get_object()["/BaseFont"])] = embedded
    return fonts


def save_page_one(pdf: bytes) -> None:
    """var/test-artifacts/bulletin-page-1.png, for a person to look at after the run."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "bulletin.pdf").write_bytes(pdf)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is not None:
        picture = str(ARTIFACTS / "bulletin-page-1")
        command = [pdftoppm, "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile"]
        subprocess.run([*command, "-", picture], input=pdf, check=True, timeout=60)


@needs_libreoffice
def test_the_pdf_has_the_ranking_pages_numbers_and_embeds_its_chinese_fonts(
    announced: Any, client: Any
) -> None:
    client.force_login(announced.office)
    cycle = announced.graded_cycle

    response = downloaded(client, reverse("results:bulletin_pdf", args=[cycle.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    save_page_one(response.content)
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    first = reader.pages[0].extract_text().replace(" ", "")
    assert "张家港市考核办文件" in first
    assert "张考〔2020〕1号" in first
    assert "本次考核共3个单位参加" in first
    table = reader.pages[-1].extract_text().replace(" ", "")
    ranking = client.get(reverse("results:ranking", args=[cycle.pk])).context["rows"]
    for row in ranking:
        assert row["unit"] in table
        assert row["total"] in table
    assert "102.00" in table and "优秀" in table and "排名列最后" in table
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert any("CJK" in name for name in fonts), fonts
    download = AuditEntry.objects.get(action=Action.BULLETIN_DOWNLOADED)
    assert download.new["格式"] == "PDF"


def test_without_libreoffice_the_pdf_page_says_why_in_chinese(
    announced: Any, client: Any, settings: Any
) -> None:
    settings.KAOHE_SOFFICE = "/nonexistent/soffice"
    client.force_login(announced.office)
    cycle = announced.graded_cycle

    response = client.post(reverse("results:bulletin_pdf", args=[cycle.pk]), follow=True)

    assert response.status_code == 200
    assert "服务器未安装 LibreOffice" in response.content.decode()
    assert not AuditEntry.objects.filter(action=Action.BULLETIN_DOWNLOADED).exists()
