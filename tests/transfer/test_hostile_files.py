"""Hostile and broken uploads get a Chinese refusal, in bounded memory, and save nothing.

How long they take is not asserted here (a wall clock in a test fails on a busy machine): a
hostile file that made the reader loop or backtrack without end would hang the suite instead.
"""

import io
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from kaohe.transfer.importers import ImportRefused, import_document
from kaohe.transfer.limits import MAX_TABLE_ROWS, OLE_SIGNATURE
from tests.transfer.documents import document, workbook

GENEROUS_BYTES = 200 * 1024 * 1024


def refusal(name: str, data: bytes) -> str:
    """The refusal message, checked to come within a generous memory bound."""
    tracemalloc.start()
    try:
        with pytest.raises(ImportRefused) as refused:
            import_document(name, data)
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < GENEROUS_BYTES
    return str(refused.value)


def valid_workbook() -> bytes:
    return workbook([["考核项目", "分值"], ["信息报送", 5]])


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        source = zipfile.ZipFile(io.BytesIO(valid_workbook()))
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        archive.writestr("xl/media/bomb.bin", b"\0" * (300 * 1024 * 1024))

    message = refusal("炸弹.xlsx", buffer.getvalue())

    assert "压缩炸弹" in message


def test_an_encrypted_office_file_is_refused_as_encrypted():
    header = OLE_SIGNATURE + b"\0" * 504
    data = header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 2048

    assert "已加密" in refusal("加密.xlsx", data)


def test_an_old_binary_workbook_is_asked_to_be_saved_as_xlsx():
    data = OLE_SIGNATURE + b"\0" * 4096

    assert "另存为 .xlsx/.docx" in refusal("旧版.xlsx", data)


def test_a_macro_enabled_workbook_is_refused_whatever_its_extension():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        source = zipfile.ZipFile(io.BytesIO(valid_workbook()))
        for info in source.infolist():
            archive.writestr(info, source.read(info))
        archive.writestr("xl/vbaProject.bin", b'Attribute VB_Name = "Module1"')

    assert "宏" in refusal("细则.xlsx", buffer.getvalue())
    assert "宏" in refusal("细则.xlsm", valid_workbook())


def test_a_formula_is_refused_naming_its_cell():
    data = workbook([["考核项目", "分值"], ["信息报送", "=SUM(B3:B9)"]])

    message = refusal("公式.xlsx", data)

    assert "B2" in message
    assert "公式" in message


def test_a_word_document_named_xlsx_is_refused_as_a_wrong_extension():
    data = document([["考核项目", "分值"], ["信息报送", "5"]])

    message = refusal("细则.xlsx", data)

    assert "扩展名为 .xlsx" in message
    assert "Word 文档" in message


def test_an_unknown_extension_is_refused():
    assert "不支持的文件类型" in refusal("细则.pdfx", "\t考核项目\n".encode())


def test_a_sheet_of_100000_rows_is_refused_as_too_long():
    book = Workbook(write_only=True)
    sheet = book.create_sheet("细则")
    sheet.append(["考核项目", "分值"])
    for number in range(100_000):
        sheet.append([f"指标{number}", 1])
    buffer = io.BytesIO()
    book.save(buffer)

    message = refusal("十万行.xlsx", buffer.getvalue())

    assert f"超过 {MAX_TABLE_ROWS} 行" in message


def test_a_truncated_workbook_is_refused_as_damaged():
    assert "损坏" in refusal("坏.xlsx", valid_workbook()[:1500])


def test_a_document_type_declaration_is_refused():
    buffer = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(valid_workbook()))
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/workbook.xml":
                content = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + content
            archive.writestr(info, content)

    assert "文档类型声明" in refusal("实体.xlsx", buffer.getvalue())


def test_an_empty_file_is_refused():
    assert "空" in refusal("空.txt", b"   \n")


def test_binary_noise_named_txt_is_refused():
    assert "无法识别" in refusal("乱码.txt", bytes(range(256)) * 10)


def test_a_text_dump_of_100000_rows_is_refused_as_too_long():
    rows = "".join(f"\t指标{number}\n\t1\n\n" for number in range(100_000))

    message = refusal("十万行.txt", ("\t考核项目\n\t分值\n\n" + rows).encode())

    assert "超出导入上限" in message


def test_a_document_of_100000_table_rows_is_refused_as_too_long():
    row = b"<w:tr><w:tc><w:p/></w:tc></w:tr>"
    source = zipfile.ZipFile(io.BytesIO(document([["考核项目", "分值"], ["信息报送", "5"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(b"</w:tbl>", row * 100_000 + b"</w:tbl>", 1)
            archive.writestr(info.filename, content)

    assert f"超过 {MAX_TABLE_ROWS} 行" in refusal("十万行.docx", buffer.getvalue())


def test_a_lone_cell_far_down_and_far_right_does_not_make_the_import_walk_empty_cells():
    book = Workbook()
    sheet = book.active
    sheet.append(["考核项目", "分值"])
    sheet.append(["信息报送", 5])
    sheet["XFD1000000"] = "远处的单元格"
    buffer = io.BytesIO()
    book.save(buffer)

    tracemalloc.start()
    imported = import_document("稀疏.xlsx", buffer.getvalue())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert peak < GENEROUS_BYTES
    assert [node["name"] for node in imported.scheme["sections"]] == ["信息报送"]


def test_a_merge_over_the_whole_sheet_is_refused_before_openpyxl_expands_it():
    source = zipfile.ZipFile(io.BytesIO(valid_workbook()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                merge = b'<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>'
                content = content.replace(b"</sheetData>", b"</sheetData>" + merge, 1)
            archive.writestr(info.filename, content)

    assert "单元格，超出导入上限" in refusal("合并.xlsx", buffer.getvalue())


def test_a_criteria_cell_of_one_endless_sentence_is_left_for_a_person_not_read():
    data = workbook([["考核项目", "分值", "评分标准"], ["信息报送", 5, "未按规定" * 5000]])

    imported = import_document("长句.xlsx", data)

    assert imported.scheme["sections"][0]["rules"][0]["flagged"] is True
    assert any("长句" in note for note in imported.report.notes)


def test_criteria_beyond_the_total_limit_are_refused():
    rows = [["考核项目", "分值", "评分标准"]]
    rows += [[f"指标{n}", 1, "每次扣1分，" * 1000] for n in range(60)]

    assert "评分标准文字超过" in refusal("很多字.xlsx", workbook(rows))


def test_cells_spanning_many_columns_cannot_multiply_past_the_cell_limit():
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="60"/></w:tcPr><w:p/></w:tc>'
    rows = (b"<w:tr>" + cell * 10 + b"</w:tr>") * 1000
    source = zipfile.ZipFile(io.BytesIO(document([["考核项目", "分值"], ["信息报送", "5"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "word/document.xml":
                content = content.replace(b"</w:tbl>", rows + b"</w:tbl>", 1)
            archive.writestr(info.filename, content)

    assert "个单元格，超出导入上限" in refusal("跨列.docx", buffer.getvalue())
