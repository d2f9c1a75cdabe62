"""Hypothesis-generated workbooks, documents and texts: an import either succeeds with a scheme
and a report, or is refused with a Chinese message — it never crashes. What imports also
survives export and re-import unchanged."""

import io
import re
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaohe.transfer.exporters import export_scheme
from kaohe.transfer.importers import ImportRefused, import_document
from kaohe.transfer.importers.headers import header_role
from kaohe.transfer.importers.names import split_name
from kaohe.transfer.importers.tables import NOTE_ROW
from tests.transfer.documents import document, without_carried_scheme, workbook

FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
HEADERS = [
    "一级指标",
    "二级指标",
    "三级指标",
    "分值",
    "考核要点及评价标准",
    "考评单位",
    "责任科室",
    "责任人",
    "备注",
]
WORDS = ["工作落实", "人员管理", "信息报送", "党的建设", "安全生产", "加分项", "办公室", "张  正"]
CRITERIA = [
    "每项扣1分",
    "每次扣0.5分，最多扣2分",
    "发生事故该项不得分",
    "视情况扣1-3分",
    "最高加5分",
]

cell_text = st.one_of(
    st.none(),
    st.sampled_from(HEADERS + WORDS + CRITERIA),
    st.builds(
        lambda word, points: f"{word}（{points}分）", st.sampled_from(WORDS), st.integers(0, 60)
    ),
    st.integers(0, 100),
    st.sampled_from(["倒扣分2", "加分", "0.5", "（一）", "1.", "\n", "——", "=", "=A1"]),
    st.text(alphabet="一二三工作分扣（）()、，。\n\t 0123456789", max_size=12),
)


@st.composite
def tables(draw):
    width = draw(st.integers(2, 6))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(cell_text, min_size=width, max_size=width), max_size=8))
    table = [header, *rows]
    merges = draw(_merges(len(table), width))
    return table, merges


@st.composite
def _merges(draw, height, width):
    taken: set[tuple[int, int]] = set()
    merges = []
    for _ in range(draw(st.integers(0, 3))):
        top = draw(st.integers(1, height))
        left = draw(st.integers(1, width))
        bottom = draw(st.integers(top, min(height, top + 3)))
        right = draw(st.integers(left, min(width, left + 2)))
        area = {(r, c) for r in range(top, bottom + 1) for c in range(left, right + 1)}
        if len(area) > 1 and not area & taken:
            taken |= area
            merges.append((top, left, bottom, right))
    return merges


def imports_or_refuses(name, data):
    try:
        imported = import_document(name, data)
    except ImportRefused as refused:
        assert str(refused)
        return None
    assert imported.scheme["sections"]
    assert all(isinstance(line, str) for line in imported.report.lines())
    return imported


def faithful_names(nodes):
    """Names the layout can carry: words, not a column header or a note, no points inside."""
    return all(
        re.search(r"[^\W\d_]", node["name"])
        and node["name"] == split_name(node["name"]).name
        and header_role(node["name"]) is None
        and not NOTE_ROW.match(node["name"])
        and faithful_names(node.get("children", []))
        for node in nodes
    )


def survives_round_trip(imported):
    if not faithful_names(imported.scheme["sections"]):
        return
    for kind in ("xlsx", "docx"):
        table_only = without_carried_scheme(export_scheme(imported.scheme, kind))
        again = import_document(f"导出.{kind}", table_only)
        assert again.scheme["sections"] == imported.scheme["sections"]


def no_formulas(table):
    return [
        [None if isinstance(value, str) and value.startswith("=") else value for value in row]
        for row in table
    ]


@FUZZ
@given(tables())
def test_generated_workbooks_import_or_are_refused(table_and_merges):
    table, merges = table_and_merges
    imported = imports_or_refuses("生成.xlsx", workbook(no_formulas(table), merges))
    if imported is not None:
        survives_round_trip(imported)


@FUZZ
@given(tables())
def test_generated_documents_import_or_are_refused(table_and_merges):
    table, merges = table_and_merges
    imported = imports_or_refuses("生成.docx", document(table, merges))
    if imported is not None:
        survives_round_trip(imported)


line = st.one_of(
    st.sampled_from(
        [
            "",
            "\t",
            "备注：",
            "第一章 总则",
            "第二条 班子测评(10分)。",
            "抄送：市效能办。",
            "(六)自身建设(每小项倒扣分2分)",
            "第四条 “一票否决”事项。",
            "（三）服务经济发展（5分）（由市委办考核）",
            "考核",
            "单位",
            "编委办",
            "老干部",
            "机构编制",
            "总得分在90分以上(含90分)的确定为优秀等次,60分以下为差。",
        ]
    ),
    st.builds(
        lambda number, word, points, rest: f"{number}{word}（{points}分）{rest}",
        st.sampled_from(["一、", "（一）", "1.", "(1)", "", "\t"]),
        st.sampled_from(WORDS),
        st.integers(0, 40),
        st.sampled_from(["", *CRITERIA]),
    ),
    st.builds(
        lambda prefix, text: prefix + text,
        st.sampled_from(["", "\t", "1."]),
        st.sampled_from(CRITERIA + HEADERS),
    ),
)


@FUZZ
@given(st.lists(line, max_size=30))
def test_generated_texts_import_or_are_refused(lines):
    imported = imports_or_refuses("生成.txt", "\n".join(lines).encode())
    if imported is not None:
        survives_round_trip(imported)


@FUZZ
@given(st.binary(max_size=2048), st.sampled_from(["x.xlsx", "x.docx", "x.txt"]))
def test_arbitrary_bytes_are_refused_or_read_never_crash(data, name):
    imports_or_refuses(name, data)


@FUZZ
@given(st.binary(min_size=1, max_size=400))
def test_a_damaged_workbook_package_is_refused_or_read_never_crash(noise):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", noise)
        archive.writestr("xl/workbook.xml", noise)
        archive.writestr("xl/worksheets/sheet1.xml", noise)
    imports_or_refuses("x.xlsx", buffer.getvalue())
