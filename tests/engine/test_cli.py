"""`kaohe score` and `kaohe scheme check` as an office uses them."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from kaohe.cli import main

SCHEME = """
format: kaohe-scheme/1
id: cli-test
name: 命令行测试方案
grades: [{name: 优秀, min: 95}, {name: 合格}]
sections:
  - name: 日常考核
    points: 100
    children:
      - name: 工作纪律
        points: 10
        rules: [{id: late, kind: per_occurrence, label: 迟到早退, amount: -0.5, unit: 人次}]
      - name: 重点工作
        points: 90
        rules: [{id: key, kind: per_occurrence, label: 重点工作滞后, amount: -2}]
"""
RECORDS = "被考核单位,指标,规则,次数,说明\n办公室,1.1,late,3,三人迟到\n督查科,1.2,key,4,滞后\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    scheme = tmp_path / "scheme.yaml"
    scheme.write_text(SCHEME, encoding="utf-8")
    records = tmp_path / "records.csv"
    records.write_text(RECORDS, encoding="utf-8")
    return scheme, records


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_table_lists_units_in_rank_order_with_grades(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "score", str(files[0]), str(files[1]))
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "命令行测试方案"
    assert lines[3].split() == ["1", "办公室", "98.50", "98.50", "优秀"]
    assert lines[4].split() == ["2", "督查科", "92.00", "92.00", "合格"]


def test_json_output_follows_the_result_schema(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "score", str(files[0]), str(files[1]), "--format", "json")
    data = json.loads(out)
    assert data["format"] == "kaohe-result/1"
    assert [unit["total"] for unit in data["units"]] == ["98.50", "92.00"]


def test_xlsx_output_has_a_summary_and_the_details(
    files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "results.xlsx"
    status, _, _ = run(
        capsys, "score", str(files[0]), str(files[1]), "--format", "xlsx", "--out", str(out)
    )
    assert status == 0
    workbook = openpyxl.load_workbook(out)
    summary = list(workbook["汇总"].iter_rows(values_only=True))
    assert summary[1][:4] == (1, "办公室", 98.5, 98.5)
    details = [row for row in workbook["明细"].iter_rows(values_only=True) if row[0] == "办公室"]
    assert any("迟到早退：3 人次 × 0.5 分，扣 1.5 分" in (row[5] or "") for row in details)


def test_explain_prints_the_units_tree_with_every_reason(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "score", str(files[0]), str(files[1]), "--explain", "办公室")
    assert out.splitlines()[0] == "办公室：总分 98.50 分，第 1 名，等次 优秀"
    assert "  1.1 工作纪律（10 分）：8.5 分" in out
    assert "迟到早退：3 人次 × 0.5 分，扣 1.5 分" in out


def test_explaining_an_unknown_unit_lists_the_known_ones(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "score", str(files[0]), str(files[1]), "--explain", "人事科")
    assert status == 2
    assert "没有单位「人事科」（本次计分的单位：办公室、督查科）" in err


def test_bad_records_exit_non_zero_with_the_row_and_no_traceback(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    files[1].write_text("被考核单位,指标,规则,次数\n办公室,1.1,late,三\n", encoding="utf-8")
    status, out, err = run(capsys, "score", str(files[0]), str(files[1]))
    assert status == 2
    assert "第 2 行「次数」列：'三' 不是数字" in err
    assert "Traceback" not in err + out


def test_a_record_for_an_unknown_rule_is_reported(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    files[1].write_text("被考核单位,指标,规则\n办公室,1.1,early\n", encoding="utf-8")
    status, _, err = run(capsys, "score", str(files[0]), str(files[1]))
    assert status == 2
    assert "第 2 行：规则「early」不在方案中" in err


def test_scheme_check_prints_the_tree_with_points_and_rule_kinds(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(capsys, "scheme", "check", str(files[0]))
    assert status == 0
    assert "  1.1 工作纪律 10 分" in out
    assert "late 按次计分（per_occurrence）「迟到早退」：amount=-0.5，unit=人次" in out
    assert out.splitlines()[-1] == "检查通过：3 个指标，2 条规则"


def test_scheme_check_adds_notes_on_what_looks_unintended(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    files[0].write_text(SCHEME.replace("points: 90", "points: 80"), encoding="utf-8")
    _, out, _ = run(capsys, "scheme", "check", str(files[0]))
    assert "提示：日常考核: 子指标分值合计 90 少于本级分值 100，无人能得满分" in out
    assert out.splitlines()[-1] == "检查通过：3 个指标，2 条规则，1 条提示请核对"


def test_scheme_check_lists_every_problem(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    files[0].write_text(
        SCHEME.replace("amount: -2", "amout: -2").replace("min: 95", "min: x"), encoding="utf-8"
    )
    status, _, err = run(capsys, "scheme", "check", str(files[0]))
    assert status == 2
    assert "有 3 个问题" in err
    assert "日常考核 › 重点工作 › 规则「key」: 未知的字段「amout」" in err


def test_the_table_ends_with_the_warnings_an_office_must_see(
    files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    files[0].write_text(
        SCHEME + "  - {name: 测评, points: 10, kind: value, rules: [{id: py, kind: manual}]}\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "score", str(files[0]), str(files[1]))
    assert out.splitlines()[-1] == "注意：督查科：「测评」未评定，按 0 分计"


def test_argparse_speaks_chinese_too(capsys):
    from kaohe.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["score"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "用法：kaohe score" in err
    assert "错误：缺少必填参数：scheme, records" in err
    assert "usage" not in err and "error" not in err
