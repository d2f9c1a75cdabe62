"""`kaohe textrules eval --documents`: how a labelled sentence is classed after an import."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kaohe.cli import main
from kaohe.transfer.documents import classify, load_documents, measure_all
from tests.transfer.documents import workbook

PER_TIME = {"kind": "per_occurrence", "amount": Decimal("-1"), "cap": Decimal("3")}
FLAG = {"kind": "discretionary", "flagged": True, "max": Decimal("10"), "text": "……酌情扣分"}

SOURCE = """某县机关效能考核细则
一、组织领导（20分）
1.责任落实（10分）：未按时报送工作计划的，每次扣1分，最多扣3分。发生安全事故，该项不得分。
2.学习培训（10分）：全年不少于两次，每少一次扣0.5分。
二、工作实绩（80分）
1.重点任务（80分）：每未完成1项，扣2分。
"""

LABELS = """id: t1
title: 某县机关效能考核细则
split: {split}
tree:
  - name: 组织领导
    points: 20
    children:
      - {{name: 责任落实, points: 10}}
      - {{name: 学习培训, points: 10}}
  - name: 工作实绩
    points: 80
    children:
      - {{name: 重点任务, points: 80}}
sentences:
  - node: 组织领导 › 责任落实
    text: 未按时报送工作计划的，每次扣1分，最多扣3分。
    rules: [{{kind: per_occurrence, amount: -1, cap: 3}}]
  - node: 组织领导 › 责任落实
    text: 发生安全事故，该项不得分。
    rules: [{{kind: zero_on_event}}]
  - node: 组织领导 › 学习培训
    text: 全年不少于两次，每少一次扣0.5分。
    rules: [{{kind: frequency, minimum: 2, per: year, amount: -0.5}}]
"""


def write_document(root: Path, name: str, source: str, split: str = "dev") -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(source, encoding="utf-8")
    (folder / "labels.yaml").write_text(LABELS.format(split=split), encoding="utf-8")
    return folder


def test_it_counts_a_sentence_read_as_labelled_as_exact():
    assert classify([PER_TIME], [{**PER_TIME, "id": "1-1", "text": "每次扣1分"}]) == "exact"


def test_a_flagged_reading_of_a_rule_the_label_spells_out_is_flagged_not_wrong():
    assert classify([PER_TIME], [FLAG]) == "flagged"


def test_a_confident_rule_the_label_does_not_hold_is_wrong_even_beside_a_flag():
    other = {"kind": "per_occurrence", "amount": Decimal("-3"), "cap": Decimal("3")}
    assert classify([PER_TIME], [other, FLAG]) == "wrong"


def test_a_sentence_with_nothing_read_or_only_part_of_it_read_is_missing():
    assert classify([PER_TIME], []) == "missing"
    zero = {"kind": "zero_on_event"}
    assert classify([PER_TIME, zero], [zero]) == "missing"


def test_a_label_that_is_itself_a_flag_is_matched_by_a_flag():
    assert classify([{"kind": "discretionary", "flagged": True}], [FLAG]) == "exact"


def test_it_measures_tree_and_sentences_of_an_imported_text(tmp_path):
    write_document(tmp_path, "t1", SOURCE)
    results, totals = measure_all(load_documents(tmp_path))
    assert results[0].tree_matches
    assert totals["dev"].outcomes["exact"] == 3
    assert totals["dev"].exact_share == Decimal("100.0")


def test_a_wrong_point_in_the_tree_is_named(tmp_path):
    write_document(tmp_path, "t1", SOURCE.replace("学习培训（10分）", "学习培训（8分）"))
    results, _ = measure_all(load_documents(tmp_path))
    assert "「组织领导 › 学习培训」分值应为 10，导入为 8" in results[0].tree_differences


def test_a_refused_document_counts_every_sentence_as_missing(tmp_path):
    write_document(tmp_path, "t1", "这份文件没有任何考核指标。\n")
    results, totals = measure_all(load_documents(tmp_path))
    assert results[0].refused
    assert totals["dev"].refused == 1
    assert totals["dev"].outcomes["missing"] == 3


def test_the_command_prints_each_split_and_the_total(tmp_path, capsys):
    write_document(tmp_path, "t1", SOURCE)
    write_document(tmp_path, "t2", SOURCE, split="validation")
    assert main(["textrules", "eval", "--documents", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "开发集：文件 1 份" in out
    assert "验证集：文件 1 份" in out
    assert "合计：文件 2 份" in out
    assert "完全匹配率 100.0%" in out


def test_a_label_quoting_a_whole_row_is_found_after_the_name_the_import_took_off(tmp_path):
    folder = write_document(tmp_path, "t1", SOURCE)
    row = "1.责任落实（10分）：未按时报送工作计划的，每次扣1分，最多扣3分。"
    labels = (folder / "labels.yaml").read_text(encoding="utf-8")
    quoted = labels.replace("text: 未按时报送工作计划的，每次扣1分，最多扣3分。", f"text: {row}")
    (folder / "labels.yaml").write_text(quoted, encoding="utf-8")

    _, totals = measure_all(load_documents(tmp_path))

    assert totals["dev"].outcomes["exact"] == 3


NAMED_BY_ITS_RULE = """id: t1
title: 制度建设考核
split: dev
tree:
  - name: 制度建设
    points: 5
    children:
      - {{name: 未建立值班制度的，扣2分, points: 2}}
      - {{name: 档案管理, points: 3}}
sentences:
  - node: 制度建设 › 未建立值班制度的，扣2分
    text: {text}
    rules: [{{kind: per_occurrence, amount: -2, cap: 2}}]
"""


@pytest.mark.parametrize("quoted", ["（1）未建立值班制度的，扣2分", "未建立值班制度的，扣2分；"])
def test_a_label_quoting_what_the_import_cut_off_an_items_name_is_still_found(tmp_path, quoted):
    folder = tmp_path / "t1"
    folder.mkdir()
    rows = [
        ("一级指标", "二级指标", "分值", "评分标准"),
        ("制度建设", "（1）未建立值班制度的，扣2分", "2", None),
        ("制度建设", "档案管理", "3", "档案不全的，每缺一项扣0.5分。"),
    ]
    (folder / "source.xlsx").write_bytes(workbook(rows))
    labels = NAMED_BY_ITS_RULE.format(text=quoted)
    (folder / "labels.yaml").write_text(labels, encoding="utf-8")

    _, totals = measure_all(load_documents(tmp_path))

    assert totals["dev"].outcomes["exact"] == 1


GLOSSED = """某乡平安建设考核办法
一、平安建设（10分）
1.信访稳定（10分）：发生越级上访的，每起扣1分，实行一票否决，年终不参与評(píng)優(yōu)。
"""

GLOSSED_LABELS = """id: t1
title: 某乡平安建设考核办法
split: dev
tree:
  - name: 平安建设
    points: 10
    children:
      - {name: 信访稳定, points: 10}
sentences:
  - node: 平安建设 › 信访稳定
    text: 发生越级上访的，每起扣1分，
    rules: [{kind: per_occurrence, amount: -1}]
  - node: 平安建设 › 信访稳定
    text: 实行一票否决，年终不参与評(píng)優(yōu)。
    rules: [{kind: veto, consequence: no_excellence}]
"""


def test_a_flag_is_found_for_a_sentence_ending_in_a_pinyin_gloss(tmp_path):
    folder = tmp_path / "t1"
    folder.mkdir()
    (folder / "source.txt").write_text(GLOSSED, encoding="utf-8")
    (folder / "labels.yaml").write_text(GLOSSED_LABELS, encoding="utf-8")

    _, totals = measure_all(load_documents(tmp_path))

    # the clause read with confidence stands; the glossed one is flagged, found, not missing
    assert totals["dev"].outcomes["flagged"] == 1
    assert totals["dev"].outcomes["exact"] == 1
    assert totals["dev"].outcomes["missing"] == 0


BOXED = """某县信访工作考核细则
┌──┬──────┬──┬──────────────┐
│序号│ 考核项目 │分值│ 评分标准 │
├──┼──────┼──┼──────────────┤
│ 1 │ 来访登记 │ 10 │未按规定登记来访群众信息的,每次│
│ │ │ │扣1分。 │
├──┼──────┼──┼──────────────┤
│ 2 │ 来信办理 │ 10 │来信逾期未办结的,每件扣2分。 │
└──┴──────┴──┴──────────────┘
"""

BOXED_LABELS = """id: t1
title: 某县信访工作考核细则
tree:
  - {name: 来访登记, points: 10}
  - {name: 来信办理, points: 10}
sentences:
  - node: 来访登记
    text: "未按规定登记来访群众信息的,每次│\\n│ │ │ │扣1分。"
    rules: [{kind: per_occurrence, amount: -1, unit: 次}]
"""


def test_a_label_quoting_a_sentence_with_the_borders_it_wraps_around_is_found(tmp_path):
    folder = tmp_path / "t1"
    folder.mkdir()
    (folder / "source.txt").write_text(BOXED, encoding="utf-8")
    (folder / "labels.yaml").write_text(BOXED_LABELS, encoding="utf-8")

    _, totals = measure_all(load_documents(tmp_path))

    assert totals["dev"].outcomes["exact"] == 1
