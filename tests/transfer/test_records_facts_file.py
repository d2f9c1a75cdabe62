"""The facts file: the cycle's months, units with categories and non-participation, evaluations."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kaohe.engine import FactsError, Record
from kaohe.transfer.records_facts import read_facts


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_units_periods_and_evaluations_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
cycle: 2024年第一季度
periods: 2024-11..2025-02
units:
  - {name: 审批科, categories: [业务科室], not_participating: ["1.3"]}
  - 督查科
evaluations:
  - {unit: 审批科, indicator: 班子测评, group: 主要领导, round: 年终, score: 92.5}
""",
    )
    facts = read_facts(path, [Record("窗口科", rule="x")])
    assert facts.periods == ("2024-11", "2024-12", "2025-01", "2025-02")
    assert list(facts.all_units) == ["审批科", "督查科", "窗口科"]
    assert facts.all_units["审批科"].not_participating == ("1.3",)
    assert facts.evaluations[0].score == Decimal("92.5")
    assert facts.evaluations[0].round == "年终"


def test_problems_name_the_entry(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
units:
  - {categories: [业务科室]}
evaluations:
  - {unit: 甲, indicator: 测评, score: 高}
colour: red
""",
    )
    with pytest.raises(FactsError) as caught:
        read_facts(path)
    assert caught.value.problems == (
        "事实文件：未知的字段「colour」",
        "事实文件 units 第 1 项：需要「name」",
        "事实文件 evaluations 第 1 项：缺少「group」",
        "事实文件 evaluations 第 1 项：score「高」不是数字",
    )


def test_a_missing_facts_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FactsError, match="无法读取事实文件"):
        read_facts(tmp_path / "none.yaml")


def test_a_score_that_is_not_a_finite_number_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
evaluations:
  - {unit: 甲, indicator: 测评, group: 群众, score: .nan}
  - {unit: 甲, indicator: 测评, group: 领导, score: .inf}
  - {unit: 甲, indicator: 测评, group: 职工, score: Infinity}
""",
    )
    with pytest.raises(FactsError) as caught:
        read_facts(path)
    assert caught.value.problems == (
        "事实文件 evaluations 第 1 项：score「nan」不是数字",
        "事实文件 evaluations 第 2 项：score「inf」不是数字",
        "事实文件 evaluations 第 3 项：score「Infinity」不是数字",
    )
