"""A docx as PDF: converted by LibreOffice, headless, with the fonts it uses embedded.

Each conversion runs in a temporary folder with a LibreOffice profile of its own
(``-env:UserInstallation``), so that two conversions at once never share a profile (LibreOffice
refuses a second process on one profile). The caller may name fonts to put in where the ones a
document names are missing (the 通报 sets 仿宋 and 小标宋 on Noto Serif CJK, 黑体 on Noto Sans
CJK), so the PDF keeps the look of the document; LibreOffice embeds every font it uses.
Shared by every app (the 通报, the 测评 slips); imports no app.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from pathlib import Path

from django.conf import settings

NO_LIBREOFFICE = "服务器未安装 LibreOffice（soffice），暂时无法生成 PDF，请下载 Word 版本"


class PdfUnavailable(Exception):
    """The PDF cannot be made here; the message says why, in Chinese, for the page."""


def soffice() -> str:
    found = shutil.which(getattr(settings, "KAOHE_SOFFICE", "soffice"))
    if found is None:
        raise PdfUnavailable(NO_LIBREOFFICE)
    return found


def docx_to_pdf(
    content: bytes, substitutes: Mapping[str, str] | None = None, timeout: int = 120
) -> bytes:
    """``substitutes``: font named in the document → installed font to set where it is missing."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="kaohe-pdf-") as folder:
        work = Path(folder)
        profile = work / "profile"
        font_substitutions(profile, substitutes or {})
        (work / "document.docx").write_bytes(content)
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(work),
            str(work / "document.docx"),
        ]
        run(command, work, timeout)
        made = work / "document.pdf"
        if not made.exists():
            raise PdfUnavailable("PDF 转换失败，请稍后重试或下载 Word 版本")
        return made.read_bytes()


def run(command: list[str], work: Path, timeout: int) -> None:
    try:
        subprocess.run(command, cwd=work, capture_output=True, timeout=timeout, check=False)  # noqa: S603
    except subprocess.TimeoutExpired as slow:
        raise PdfUnavailable("PDF 转换超时，请稍后重试或下载 Word 版本") from slow


def missing_fonts(substitutes: Mapping[str, str]) -> dict[str, str]:
    """The named fonts this machine lacks, with the installed font to set in their place."""
    fc_list = shutil.which("fc-list")
    try:
        listed = subprocess.run(  # noqa: S603
            [fc_list or "/usr/bin/fc-list", ":", "family"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        listed = ""
    installed = {name.strip() for line in listed.splitlines() for name in line.split(",")}
    return {name: substitute for name, substitute in substitutes.items() if name not in installed}


def font_substitutions(profile: Path, substitutes: Mapping[str, str]) -> None:
    """A new profile whose font replacement table puts the substitutes in for missing fonts
    (always: LibreOffice otherwise takes fontconfig's Latin fallback as the font found)."""
    pairs = "".join(
        f'<node oor:name="_{index}" oor:op="replace">'
        '<prop oor:name="Always" oor:op="fuse"><value>true</value></prop>'
        '<prop oor:name="OnScreenOnly" oor:op="fuse"><value>false</value></prop>'
        f'<prop oor:name="ReplaceFont" oor:op="fuse"><value>{name}</value></prop>'
        f'<prop oor:name="SubstituteFont" oor:op="fuse"><value>{substitute}</value></prop>'
        "</node>"
        for index, (name, substitute) in enumerate(missing_fonts(substitutes).items())
    )
    user = profile / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry"'
        ' xmlns:xs="http://www.w3.org/2001/XMLSchema"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution">'
        '<prop oor:name="Replacement" oor:op="fuse"><value>true</value></prop></item>'
        '<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs">'
        f"{pairs}</item></oor:items>\n",
        encoding="utf-8",
    )
