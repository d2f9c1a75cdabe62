"""The check every evidence form calls (records, progress reports, appeals: uploads.check, via
uploads.attach) meets each hostile workbook: it stores none of them unparsed past their type and
zip layout, refuses what is not the .xlsx it claims, and holds little memory doing it — the zip
directory of a file listing thousands of parts is not even parsed."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from kaohe import uploads
from tests.hostile_workbooks import HOSTILE, PLACEHOLDER, peak_bytes, workbook

MB = 1024 * 1024
REFUSED_AS_EVIDENCE = {"pdf_polyglot": "内容与扩展名 .xlsx 不符", "many_parts": "不是有效的 .xlsx"}


def checked(data):
    try:
        return uploads.check(SimpleUploadedFile("台账.xlsx", data))
    except ValidationError as refused:
        return refused.messages[0]


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_workbook_meets_the_evidence_check_in_little_memory(kind):
    build, _ = HOSTILE[kind]
    small = workbook({"台账": [["表彰", 1]]})
    assert peak_bytes(lambda: checked(small))[0] == "xlsx"
    _, small_peak = peak_bytes(lambda: checked(small))
    hostile = build(workbook({"台账": [["表彰", PLACEHOLDER]]}))

    answer, peak = peak_bytes(lambda: checked(hostile))

    assert answer == "xlsx" or REFUSED_AS_EVIDENCE[kind] in answer
    assert (answer != "xlsx") == (kind in REFUSED_AS_EVIDENCE)
    assert peak < small_peak + 2 * len(hostile) + 1 * MB, (peak // 1024, small_peak // 1024)
