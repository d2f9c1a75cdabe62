"""The scheme's own settings in a form: the formula checked as it is typed, grades, quota."""

from django.urls import reverse

from kaohe.accounts.roles import Role
from tests.schemes.editor_helpers import data_of, editor_url, post_change, small_draft

SETTINGS = {
    "name": "小方案",
    "body": "某局",
    "period": "quarter",
    "decimals": "2",
    "formula": "日常考核 + min(加分, 3)",
    "grade_1": "优秀",
    "grade_min_1": "90",
    "grade_2": "良好",
    "grade_min_2": "80",
    "grade_3": "一般",
    "quota_grade": "优秀",
    "quota_percent": "30",
    "quota_demote_to": "良好",
}


def check(client, draft, formula):
    url = reverse("schemes:formula_check", args=[draft.scheme.slug, draft.number])
    return client.get(url, {"formula": formula}).content.decode()


def test_a_formula_is_checked_as_it_is_typed_naming_the_position(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    assert "公式正确" in check(client, draft, "日常考核 + 加分")
    wrong = check(client, draft, "日常考核 + 公众评价")
    assert "第 8 个字符处" in wrong and "「公众评价」不是本方案的一级指标" in wrong
    assert "日常考核 + <mark" in wrong
    assert "第 7 个字符处：公式不完整" in check(client, draft, "日常考核 +")


def test_settings_grades_and_the_quota_are_saved_from_the_form(login):
    draft = small_draft()
    page = post_change(login(Role.OFFICE), draft, "settings", **SETTINGS)
    assert "已保存：修改方案设置" in page.content.decode()
    data = data_of(draft)
    assert data["period"] == "quarter" and data["formula"] == "日常考核 + min(加分, 3)"
    assert data["grades"] == [
        {"name": "优秀", "min": 90},
        {"name": "良好", "min": 80},
        {"name": "一般"},
    ]
    assert data["excellence_quota"] == {"grade": "优秀", "ratio": 0.3, "demote_to": "良好"}
    assert list(data)[-1] == "sections"


def test_a_bad_formula_is_refused_with_its_position_and_nothing_is_saved(login):
    draft = small_draft()
    before = data_of(draft)
    page = post_change(
        login(Role.OFFICE), draft, "settings", **{**SETTINGS, "formula": "日常考核 ++"}
    )
    text = page.content.decode()
    assert page.status_code == 422
    assert "「总分公式」有误" in text and "第 7 个字符处" in text
    assert data_of(draft) == before


def test_grade_bands_with_a_gap_are_refused(login):
    draft = small_draft()
    page = post_change(login(Role.OFFICE), draft, "settings", **{**SETTINGS, "grade_min_2": "95"})
    assert "等次应从高到低排列" in page.content.decode()
    assert "grades" not in data_of(draft)


def test_the_quota_can_be_rounded_half_up_and_the_form_shows_it_again(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "settings", **{**SETTINGS, "quota_rounding": "half_up"})
    assert data_of(draft)["excellence_quota"] == {
        "grade": "优秀",
        "ratio": 0.3,
        "demote_to": "良好",
        "rounding": "half_up",
    }
    page = client.get(editor_url(draft)).content.decode()
    assert '<option value="half_up" selected>四舍五入</option>' in page
