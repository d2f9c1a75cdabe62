from decimal import Decimal

from tests.textrules.helpers import is_flagged, only_rule


def test_an_event_that_zeroes_the_item():
    for wording in ("该项不得分", "该项不计分", "本项不记分", "该项得0分"):
        assert only_rule(f"发生安全事故，{wording}。") == {"kind": "zero_on_event"}


def test_a_veto_carries_its_consequence():
    assert only_rule("实行“一票否决”，取消季度评优资格")["consequence"] == "no_excellence"
    assert only_rule("实行一票否决，取消考核资格。")["consequence"] == "disqualify"
    rule = only_rule("违反规定的，实行一票否决，年度考核等次直接定为基本称职。")
    assert (rule["consequence"], rule["grade"]) == ("grade_cap", "基本称职")


def test_a_veto_threshold_is_read_from_及以上():
    rule = only_rule("发生一次死亡2人及以上安全生产责任事故的，实行一票否决，列最后1位。")
    assert rule == {"kind": "veto", "consequence": "rank_last", "threshold": Decimal(2)}


def test_a_veto_without_its_consequence_is_flagged():
    assert is_flagged("弄虚作假的，实行一票否决。")


def test_a_grade_band_is_not_mistaken_for_a_veto():
    assert is_flagged("得分在60—75分的为一般")


def test_an_amount_for_matters_of_the_veto_category_is_that_amount_not_a_veto():
    rule = only_rule("发生“一票否决”重大安全事项的，扣20分。")
    assert rule == {"kind": "per_occurrence", "amount": Decimal(-20), "cap": Decimal(20)}
    assert is_flagged("发生“一票否决”重大事项的，实行一票否决。")
