from decimal import Decimal

from kaohe.textrules.normalize import normalize
from kaohe.textrules.numbers import parse_number


def test_chinese_numerals_read_as_documents_write_them():
    assert parse_number("两") == Decimal(2)
    assert parse_number("三") == Decimal(3)
    assert parse_number("十二") == Decimal(12)
    assert parse_number("二十") == Decimal(20)
    assert parse_number("一百零五") == Decimal(105)


def test_capital_numerals_used_on_official_forms_are_read():
    assert parse_number("壹") == Decimal(1)
    assert parse_number("贰拾伍") == Decimal(25)


def test_decimals_fractions_and_a_half_keep_their_exact_value():
    assert parse_number("0.05") == Decimal("0.05")
    assert parse_number("3/4") == Decimal("0.75")
    assert parse_number("半") == Decimal("0.5")


def test_a_run_of_digits_without_multipliers_is_not_a_number():
    assert parse_number("二三") is None
    assert parse_number("分") is None


def test_full_width_digits_and_punctuation_become_half_width_without_moving_offsets():
    text = "扣０．５分，最多扣１０分（含）"
    cleaned = normalize(text)
    assert cleaned == "扣0.5分,最多扣10分(含)"
    assert len(cleaned) == len(text)


def test_the_letter_o_beside_digits_is_read_as_zero_but_words_keep_it():
    assert normalize("扣O.5分，1O分") == "扣0.5分,10分"
    assert normalize("OA系统") == "OA系统"
