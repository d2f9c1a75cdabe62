from docx.shared import Pt

from kaohe.results.bulletin.document import date_indent
from kaohe.results.bulletin.typesetting import chars, title_lines, width_in_chars

TITLE = Pt(22)


def test_a_title_that_fits_stays_on_one_line() -> None:
    title = "关于分等次测试周期结果的通报"

    assert title_lines(title, TITLE, 156) == [title]


def test_a_long_title_breaks_before_a_whole_word_and_never_leaves_one_character() -> None:
    lines = title_lines("关于2020年第二季度科室绩效考核结果的通报", TITLE, 156)

    assert lines == ["关于2020年第二季度科室绩效", "考核结果的通报"]


def test_every_line_of_a_very_long_title_fits_the_type_area() -> None:
    title = "关于张家港市行政审批局2020年第二季度各科室日常工作与专项任务绩效考核结果的通报"

    lines = title_lines(title, TITLE, 156)

    assert "".join(lines) == title
    assert all(width_in_chars(line) <= 156 / TITLE.mm - 1 for line in lines)


def test_the_date_starts_two_characters_right_of_the_signature() -> None:
    # 张家港市考核办 ends two characters in and starts nine in; 2020年7月6日 is six wide
    # (digits half), so it ends one character in and starts seven in.
    assert date_indent("张家港市考核办", "2020年7月6日") == chars(1)
