"""就高扣分 worked by hand when one of the deductions is under a rule cap (张家港, seed 004)."""

from __future__ import annotations

from pathlib import Path

from kaohe.engine import Facts, compute
from kaohe.transfer.scheme_file import read_scheme

from .builders import D, node_score, record

ZHANGJIAGANG = Path(__file__).resolve().parents[2] / "schemes" / "zhangjiagang-sections.yaml"


def test_the_deduction_that_really_costs_more_stands_when_one_is_capped():
    # 同一情况涉及交叉扣分的，就高扣分. The same 安全检查 finding is recorded twice:
    #   1.3 明显安全隐患 ×3 → 3 × −1 = −3, but 「扣1分」 is capped at 1 → it can cost 1;
    #   1.4 督查整改不到位 → −2.
    # 就高: the 2 of 1.4 is the higher deduction and stands; 1.3's is absorbed.
    # 1.3 = 15, 1.4 = 15 − 2 = 13; 日常考核 = 30 + 15 + 15 + 13 + 15 = 88; 班子 0 (no ballots).
    scheme = read_scheme(ZHANGJIAGANG)
    records = [
        record("督查科", "sb5", count=3, incident="安全检查-0612"),
        record("督查科", "dc6", incident="安全检查-0612"),
    ]
    result = compute(scheme, Facts.of(records))
    assert node_score(result, "督查科", "日常考核 › 科室建设情况") == 15
    assert node_score(result, "督查科", "日常考核 › 纪律规范情况") == 13
    assert result.units["督查科"].total == D("88.00")
    lines = result.units["督查科"].nodes["日常考核 › 科室建设情况"].explanation
    assert "已在「督查整改不到位」就高扣分" in lines[0]
