"""The office edits a draft's indicator tree in forms: rename, move, add, delete (asked first)."""

from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from tests.schemes.editor_helpers import data_of, editor_url, post_change, small_draft


def names(data):
    return [section["name"] for section in data["sections"]]


def test_the_editor_shows_the_tree_and_the_chosen_items_form(login):
    draft = small_draft()
    page = login(Role.OFFICE).get(editor_url(draft, "1.1")).content.decode()
    assert "日常考核" in page and "信息报送" in page
    assert 'value="工作纪律"' in page
    assert "读作：" in page and "每发生1次扣0.5分" in page


def test_renaming_a_section_renames_it_in_the_formula_too(login):
    draft = small_draft()
    page = post_change(login(Role.OFFICE), draft, "rename", node="1", name="日常工作")
    assert "已保存" in page.content.decode()
    data = data_of(draft)
    assert names(data) == ["日常工作", "加分"]
    assert data["formula"] == "日常工作 + 加分"
    assert draft.problems == []


def test_moving_an_item_down_and_back_up(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "move", node="1.1", direction="down")
    children = [child["name"] for child in data_of(draft)["sections"][0]["children"]]
    assert children == ["信息报送", "工作纪律"]
    post_change(client, draft, "move", node="1.2", direction="up")
    children = [child["name"] for child in data_of(draft)["sections"][0]["children"]]
    assert children == ["工作纪律", "信息报送"]


def test_moving_an_item_out_of_its_group_and_back_in(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "move", node="1.2", direction="out")
    assert names(data_of(draft)) == ["日常考核", "信息报送", "加分"]
    post_change(client, draft, "move", node="2", direction="in")
    data = data_of(draft)
    assert names(data) == ["日常考核", "加分"]
    assert [child["name"] for child in data["sections"][0]["children"]] == ["工作纪律", "信息报送"]


def test_a_move_that_cannot_be_made_says_why_and_saves_nothing(login):
    draft = small_draft()
    before = data_of(draft)
    page = post_change(login(Role.OFFICE), draft, "move", node="1", direction="up")
    assert "已是同级第一个" in page.content.decode()
    assert data_of(draft) == before


def test_adding_an_item_under_a_group(login):
    draft = small_draft()
    post_change(login(Role.OFFICE), draft, "add", node="1", name="安全生产")
    children = data_of(draft)["sections"][0]["children"]
    assert children[-1]["name"] == "安全生产"


def test_deleting_asks_first_and_then_removes_the_item(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    asked = client.get(editor_url(draft, "1.1") + "&confirm=delete").content.decode()
    assert "确定删除指标「工作纪律」" in asked and "2 条规则" in asked
    assert len(data_of(draft)["sections"][0]["children"]) == 2
    post_change(client, draft, "delete", node="1.1")
    assert [c["name"] for c in data_of(draft)["sections"][0]["children"]] == ["信息报送"]
    entry = AuditEntry.objects.filter(action=Action.SCHEME_INDICATOR_DELETED).get()
    assert "删除指标「日常考核 › 工作纪律」" in entry.new["修改"]
    assert "工作纪律" in entry.old["文件"] and "工作纪律" not in entry.new["文件"]


def test_a_name_already_taken_among_siblings_is_refused_naming_the_problem(login):
    draft = small_draft()
    before = data_of(draft)
    page = post_change(login(Role.OFFICE), draft, "rename", node="1.2", name="工作纪律")
    assert "同级指标名称「工作纪律」重复" in page.content.decode()
    assert data_of(draft) == before


def test_a_name_with_a_control_character_is_refused_and_nothing_saved(login):
    draft = small_draft()
    before = data_of(draft)
    page = post_change(login(Role.OFFICE), draft, "rename", node="1.2", name="工作\x00纪律")
    assert "「指标名称」不能含有控制字符" in page.content.decode()
    assert data_of(draft) == before


def test_points_over_the_group_are_refused_naming_the_field(login):
    draft = small_draft()
    before = data_of(draft)
    page = post_change(
        login(Role.OFFICE), draft, "node", node="1.1", name="工作纪律", points="15", kind="scored"
    )
    assert page.status_code == 422
    assert "子指标分值合计 25 超过本级分值 20" in page.content.decode()
    assert data_of(draft) == before


def test_an_items_assessor_owners_and_points_are_saved_from_its_form(login):
    draft = small_draft()
    post_change(
        login(Role.OFFICE),
        draft,
        "node",
        node="1.2",
        name="信息报送",
        points="8",
        kind="scored",
        assessor="办公室",
        leaders="张正",
        units="党建科、督查科",
        persons="李敬旭",
    )
    item = data_of(draft)["sections"][0]["children"][1]
    assert item["points"] == 8 and item["assessor"] == "办公室"
    assert item["owners"] == {
        "leaders": ["张正"],
        "units": ["党建科", "督查科"],
        "persons": ["李敬旭"],
    }


def test_a_stale_form_is_refused_rather_than_overwriting_a_newer_change(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    url = reverse("schemes:editor_change", args=[draft.scheme.slug, draft.number])
    page = client.post(
        url, {"change": "rename", "node": "1", "name": "甲", "revision": "old"}, follow=True
    )
    assert "草稿已在别处修改" in page.content.decode()
    assert names(data_of(draft)) == ["日常考核", "加分"]
