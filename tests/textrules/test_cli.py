from pathlib import Path

from kaohe.cli import main


def test_eval_prints_the_scorecard_and_exits_zero(capsys):
    assert main(["textrules", "eval"]) == 0
    out = capsys.readouterr().out
    for label in ("句子总数", "完全匹配", "准确率", "有把握但错误：0", "待人工确认"):
        assert label in out


def test_eval_lists_failing_sentences_with_what_was_expected(tmp_path: Path, capsys):
    corpus = tmp_path / "corpus.yaml"
    corpus.write_text(
        "- {text: 每次扣1分, rules: [{kind: per_occurrence, amount: -2, unit: 次}]}\n",
        encoding="utf-8",
    )
    assert main(["textrules", "eval", "--corpus", str(corpus), "--show-failures"]) == 0
    out = capsys.readouterr().out
    assert "准确率：0.0%" in out
    assert "有把握但错误：1" in out
    assert "每次扣1分" in out and "期望" in out


def test_a_missing_corpus_is_a_chinese_error(tmp_path: Path, capsys):
    assert main(["textrules", "eval", "--corpus", str(tmp_path / "none.yaml")]) == 2
    assert "无法读取语料文件" in capsys.readouterr().err
