from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kaohe.textrules import CONFIDENCE_THRESHOLD, read_criteria

_PIECES = st.sampled_from(
    ["每次扣", "0.5", "分", "，", "；", "。", "最多扣", "两", "不少于", "每月", "未完成", "的",
     "1.", "（一）", "一票否决", "加", "第1名", "至", "O", "扣完为止", "\n", "各扣", "项"]
)  # fmt: skip


def test_every_rule_carries_the_text_it_came_from():
    text = "1.迟到、早退,每人次扣0.5分;2.旷工的,每人次扣1分。"
    for read in read_criteria(text).rules:
        start, end = read.span
        assert text[start:end] == read.source
        assert "扣" in read.source


def test_what_cannot_be_read_is_a_flagged_discretionary_rule_with_the_original_text():
    text = "每扣2分,相应的扣0.1分。"
    (read,) = read_criteria(text).rules
    assert read.flagged and read.confidence < CONFIDENCE_THRESHOLD
    assert read.rule == {"kind": "discretionary", "text": "每扣2分,相应的扣0.1分", "flagged": True}
    assert not read_criteria(text).confident


def test_a_flagged_rule_offers_what_was_half_read():
    (read,) = read_criteria("整改情况未按时反馈的，扣0.5分，情节严重的扣1分。").rules
    assert [guess["amount"] for guess in read.guesses] == [Decimal("-0.5"), Decimal(-1)]


def test_description_without_any_score_gives_no_rules():
    reading = read_criteria("主要包括对领导班子、工作成效、公益服务的满意情况")
    assert reading.rules == () and reading.node == {}


@settings(max_examples=60, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_any_text_reads_without_error_and_spans_stay_inside_it(text):
    reading = read_criteria(text)
    for read in reading.rules:
        start, end = read.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == read.source
        assert Decimal(0) <= read.confidence <= Decimal(1)
        if read.flagged:
            assert read.rule["kind"] == "discretionary" and read.rule["flagged"] is True


def test_a_run_of_numerals_that_is_no_number_is_read_as_no_amount():
    """Found by the property test above: 「每次扣两两分」 stopped the whole reading."""
    assert not read_criteria("每次扣两两分").confident
