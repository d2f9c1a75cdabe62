"""Classes of misreading found on real documents (issue 11): each read right, or flagged.

Sentences here are made up for the class; none is copied from the document corpus.
"""

from decimal import Decimal

from tests.textrules.helpers import only_rule


def test_measure_words_for_things_count_occurrences():
    for unit in ("辆", "亩", "张", "台", "套", "座", "株"):
        rule = only_rule(f"检查发现违规停放的，每{unit}扣0.5分。")
        assert rule == {"kind": "per_occurrence", "amount": Decimal("-0.5"), "unit": unit}
    assert only_rule("每撂荒一亩扣2分")["unit"] == "亩"
    assert "cap" not in only_rule("每撂荒一畝扣2分")  # traditional script


def test_a_cap_written_with_减_caps_the_rule_before_it():
    rule = only_rule("工作人员受到处分的，每人次减1.5分，最高减3分。")
    assert rule == {
        "kind": "per_occurrence",
        "amount": Decimal("-1.5"),
        "unit": "人次",
        "cap": Decimal(3),
    }
    assert only_rule("每件减0.5分,最多减2分")["cap"] == Decimal(2)


def test_amounts_by_where_people_went_become_one_rule_with_levels():
    rule = only_rule("发生越级上访的，进京扣6分/批次，到省扣4分/批次，到市扣2分/批次。")
    assert rule["levels"] == {"进京": Decimal(-6), "到省": Decimal(-4), "到市": Decimal(-2)}
    rule = only_rule("到市上访扣2分/批次，到县上访扣1分/批次")
    assert rule["levels"] == {"到市": Decimal(-2), "到县": Decimal(-1)}
