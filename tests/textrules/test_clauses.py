from kaohe.textrules.clauses import split_sentences
from kaohe.textrules.normalize import normalize


def sentences(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(normalize(text))]


def test_each_enumerator_style_starts_a_new_sentence_and_is_left_out():
    text = "一、甲的，扣1分；（二）乙的，扣1分；3.丙的，扣1分；4、丁的；(5)戊；①己；2-1 庚"
    assert sentences(text) == [
        "甲的,扣1分",
        "乙的,扣1分",
        "丙的,扣1分",
        "丁的",
        "戊",
        "己",
        "庚",
    ]


def test_a_decimal_point_is_not_taken_for_an_enumerator():
    assert sentences("每次扣0.5分。每项扣1.5分") == ["每次扣0.5分", "每项扣1.5分"]


def test_a_line_broken_after_a_comma_reads_on_as_one_sentence():
    assert sentences("未按规定进行国有资产管理的，\n\n扣0.6分。") == [
        "未按规定进行国有资产管理的,\n\n扣0.6分"
    ]


def test_sentence_offsets_point_into_the_original_text():
    text = "1．甲的，扣1分； 2．乙的，扣2分。"
    for sentence in split_sentences(normalize(text)):
        assert normalize(text[sentence.start : sentence.end]) == sentence.text


def test_an_item_number_glued_to_the_amount_before_it_starts_a_new_sentence():
    text = "2、护理记录缺项减2分3、交班记录不全减1分"
    assert sentences(text) == ["护理记录缺项减2分", "交班记录不全减1分"]
    # near miss: a number after 分 that is not an item's (「扣1分10次以上」 has no 、)
    assert sentences("迟到一次扣1分10次以上的不得分") == ["迟到一次扣1分10次以上的不得分"]
