"""Sentences generated from the documents' templates read back to the numbers put in."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kaohe.textrules import read_criteria

CONDITIONS = st.sampled_from(["未按时报送材料", "值班脱岗", "被通报批评", "工作推进不力，影响全局"])
UNITS = st.sampled_from(
    ["条", "件", "篇", "次", "人次", "项", "例", "宗", "户", "批次", "台次", "起"]
)
AMOUNTS = st.sampled_from(["0.1", "0.2", "0.5", "1", "1.5", "2", "3", "0.05"])
CHINESE = {"1": "一", "2": "两", "3": "三"}
FULL_WIDTH = str.maketrans("0123456789.,;", "０１２３４５６７８９．，；")


def _written(amount: str, chinese: bool, full_width: bool, text: str) -> str:
    if chinese and amount in CHINESE:
        text = text.replace("{amount}", CHINESE[amount])
    text = text.replace("{amount}", amount)
    return text.translate(FULL_WIDTH) if full_width else text


@settings(max_examples=40, deadline=None)
@given(CONDITIONS, UNITS, AMOUNTS, st.booleans(), st.booleans(), st.booleans())
def test_a_per_occurrence_sentence_reads_back_its_unit_and_amount(
    condition, unit, amount, chinese, full_width, bonus
):
    verb = "加" if bonus else "扣"
    text = _written(amount, chinese, full_width, f"{condition}的，每{unit}{verb}{{amount}}分。")
    (read,) = read_criteria(text).rules
    expected = Decimal(amount) if bonus else -Decimal(amount)
    assert read.rule == {"kind": "per_occurrence", "amount": expected, "unit": unit}
    assert read.confident


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from([("每月", "month"), ("每季度", "quarter"), ("全年", "year")]),
    st.integers(min_value=1, max_value=9),
    st.sampled_from(["篇", "次", "条"]),
    AMOUNTS,
)
def test_a_frequency_sentence_reads_back_its_period_minimum_and_amount(
    period, minimum, unit, amount
):
    word, per = period
    text = f"{word}报送信息不少于{minimum}{unit}，每少1{unit}扣{amount}分。"
    (read,) = read_criteria(text).rules
    assert read.rule == {
        "kind": "frequency",
        "minimum": Decimal(minimum),
        "per": per,
        "amount": -Decimal(amount),
        "unit": unit,
    }


@settings(max_examples=30, deadline=None)
@given(CONDITIONS, AMOUNTS, st.sampled_from(["", "本项扣完为止。", "最多扣5分。"]))
def test_a_one_time_deduction_is_never_read_as_more_than_its_amount(condition, amount, tail):
    reading = read_criteria(f"{condition}的，扣{amount}分。{tail}")
    rule = reading.rules[0].rule
    assert rule["amount"] == -Decimal(amount)
    assert rule["cap"] == Decimal(amount)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=2, max_value=6), st.sampled_from(["依次", "分别"]))
def test_a_descending_spread_gives_one_amount_per_position(places, word):
    text = f"排名前{places}名的{word}加{places}至1分。"
    (read,) = read_criteria(text).rules
    assert read.rule["sequence"] == [Decimal(n) for n in range(places, 0, -1)]
