"""Flags settled in one click; publishing refused with the exact list until nothing blocks it;
only the office edits, and a published version never."""

import copy

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.schemes.documents import builtin_scheme_files, scheme_from_text
from kaohe.schemes.models import SchemeVersion
from kaohe.schemes.readiness import publish_blockers
from tests.schemes.editor_helpers import SMALL, data_of, editor_url, post_change, small_draft
from tests.schemes.test_new_schemes import SEEDS

SMALL_RULES_OF_FIRST_ITEM = SMALL["sections"][0]["children"][0]["rules"]

FLAGGED = {
    "id": "x",
    "kind": "discretionary",
    "min": 0,
    "max": 10,
    "direction": "deduct",
    "flagged": True,
    "label": "工作举措落实不到位",
    "text": "工作举措落实不到位、执行不到位的,每项扣0.5分。",
}


def flagged_draft():
    data = copy.deepcopy(SMALL)
    data["sections"][0]["children"][0]["rules"].append(dict(FLAGGED))
    return small_draft(data)


def publish(client, draft):
    url = reverse("schemes:publish", args=[draft.scheme.slug, draft.number])
    return client.post(url, follow=True)


def test_a_flagged_rule_is_a_to_do_with_its_source_and_the_readers_readings(login):
    draft = flagged_draft()
    page = login(Role.OFFICE).get(editor_url(draft)).content.decode()
    assert "待人工确认" in page and "工作举措落实不到位、执行不到位的,每项扣0.5分。" in page
    assert "采用：每发生1项扣0.5分" in page


def test_settling_a_flag_with_one_click_turns_it_into_that_reading(login):
    draft = flagged_draft()
    post_change(login(Role.OFFICE), draft, "settle", node="1.1", index="2", reading="0")
    rule = data_of(draft)["sections"][0]["children"][0]["rules"][2]
    assert rule["kind"] == "per_occurrence" and rule["amount"] == -0.5
    assert rule["id"] == "x" and rule["label"] == "工作举措落实不到位"
    assert "flagged" not in rule and rule["text"] == FLAGGED["text"]
    assert AuditEntry.objects.filter(action=Action.SCHEME_RULE_SETTLED).count() == 1


def test_publishing_is_refused_with_the_exact_list_then_allowed(login):
    data = copy.deepcopy(SMALL)
    data["sections"][0]["children"][0]["rules"].append(dict(FLAGGED))
    data["sections"][0]["children"][1]["rules"] = []
    draft = small_draft(data)
    client = login(Role.OFFICE)
    page = publish(client, draft).content.decode()
    assert "未发布：还有 2 项需要先处理" in page
    assert "日常考核 › 信息报送: 没有评分规则" in page
    assert "规则「工作举措落实不到位」由文本识别而来" in page
    draft.refresh_from_db()
    assert draft.status == SchemeVersion.Status.DRAFT
    post_change(client, draft, "settle", node="1.1", index="2")
    post_change(client, draft, "add_rule", node="1.2", kind="frequency")
    publish(client, draft)
    draft.refresh_from_db()
    assert draft.is_published


def test_an_item_that_can_only_score_zero_blocks_publishing(login):
    data = copy.deepcopy(SMALL)
    data["sections"][0]["points"] = 10
    data["sections"][0]["children"][1]["points"] = 0
    draft = small_draft(data)
    page = publish(login(Role.OFFICE), draft).content.decode()
    assert "日常考核 › 信息报送: 分值为 0，本项永远得 0 分" in page


def test_points_that_do_not_add_up_block_publishing(login):
    data = copy.deepcopy(SMALL)
    data["sections"][0]["points"] = 30
    page = publish(login(Role.OFFICE), small_draft(data)).content.decode()
    assert "子指标分值合计 20 少于本级分值 30" in page


def test_an_imported_seed_lands_in_the_editor_with_its_flags_to_do(login):
    client = login(Role.OFFICE)
    upload = SimpleUploadedFile("细则.txt", (SEEDS / "004_9200afdbdf37f4f4.txt").read_bytes())
    page = client.post(reverse("schemes:import"), {"file": upload}, follow=True).content.decode()
    assert "待办：还有" in page and "采用：" in page
    version = SchemeVersion.objects.get()
    assert "查实被服务对象投诉" in version.document


def test_only_the_office_may_edit(login):
    draft = small_draft()
    for role in (Role.ASSESSOR, Role.DEPUTY_LEADER, Role.REPORTER):
        client = login(role)
        assert client.get(editor_url(draft)).status_code == 403
        assert post_change(client, draft, "rename", node="1", name="甲").status_code == 403
    assert data_of(draft)["sections"][0]["name"] == "日常考核"


def test_a_published_version_is_not_editable(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    publish(client, draft)
    page = post_change(client, draft, "rename", node="1", name="甲").content.decode()
    assert "已发布的方案版本不可修改" in page
    assert data_of(draft)["sections"][0]["name"] == "日常考核"
    assert client.get(editor_url(draft)).status_code == 302


def test_both_views_edit_the_same_document_and_every_save_is_audited(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "rename", node="2", name="综合加分")
    draft.refresh_from_db()
    yaml_page = client.get(reverse("schemes:edit", args=[draft.scheme.slug, draft.number]))
    assert "综合加分" in yaml_page.content.decode()
    edited = draft.document.replace("综合加分", "奖励加分")
    client.post(
        reverse("schemes:edit", args=[draft.scheme.slug, draft.number]), {"document": edited}
    )
    page = client.get(editor_url(draft)).content.decode()
    assert "奖励加分" in page
    actions = list(
        AuditEntry.objects.filter(object_id=str(draft.pk)).values_list("action", flat=True)
    )
    assert Action.SCHEME_INDICATOR_CHANGED in actions and Action.SCHEME_DRAFT_CHANGED in actions


def test_the_built_in_schemes_pass_the_publishing_checks_but_one_documented_exception():
    """Built-in schemes are installed as shipped; all but one would pass the checks anyway. The
    exception: renfang-center-2024 keeps 新时代党的建设's six indicators for their 任务分工 with
    0 points and no rules, as its document gives them (schemes/renfang-center-2024.yaml)."""
    blocked = {}
    for path in builtin_scheme_files():
        blockers = publish_blockers(scheme_from_text(path.read_text(encoding="utf-8")))
        if blockers:
            blocked[path.stem] = blockers
    assert list(blocked) == ["renfang-center-2024"]
    assert len(blocked["renfang-center-2024"]) == 6
    assert all(b.startswith("新时代党的建设 › ") for b in blocked["renfang-center-2024"])


def test_a_kept_text_that_can_never_score_is_offered_for_deletion_not_for_confirming(login):
    """The import keeps every scoring sentence it could not read as a flagged rule carrying its
    text. On an item of 0 points (综合加分, 一票否决) confirming it as it stands would make a rule
    that can never score; the clerk is offered to delete it instead, and the deletion is audited."""
    data = copy.deepcopy(SMALL)
    kept = {"id": "k", "kind": "discretionary", "min": 0, "max": 0, "direction": "deduct"}
    kept |= {"flagged": True, "text": "季度考核得分=日常考核得分+班子测评得分+综合加分事项得分"}
    data["sections"][0]["children"][0]["rules"].append(kept)
    draft = small_draft(data)
    client = login(Role.OFFICE)
    page = client.get(editor_url(draft)).content.decode()
    flag = page[page.index("季度考核得分=") :]
    flag = flag[: flag.index("</li>")]
    assert "不是评分规则，删除" in flag and "按现在的规则确认" not in flag

    audited = AuditEntry.objects.filter(object_id=str(draft.pk)).count()
    post_change(client, draft, "delete_rule", node="1.1", index="2")
    rules = data_of(draft)["sections"][0]["children"][0]["rules"]
    assert [rule["id"] for rule in rules] == [rule["id"] for rule in SMALL_RULES_OF_FIRST_ITEM]
    assert AuditEntry.objects.filter(object_id=str(draft.pk)).count() == audited + 1


def test_a_flag_with_a_reading_can_still_be_confirmed_or_deleted(login):
    page = login(Role.OFFICE).get(editor_url(flagged_draft())).content.decode()
    flag = page[page.index("工作举措落实不到位、执行不到位的") :]
    flag = flag[: flag.index("</li>")]
    assert "按现在的规则确认" in flag and "不是评分规则，删除" in flag


def test_the_editor_counts_a_flagged_rule_once_as_publishing_does(login):
    """A flagged rule is a to-do card; it is not listed again under 发布前需处理, so the editor's
    count is the number publishing refuses with."""
    data = copy.deepcopy(SMALL)
    data["sections"][0]["children"][0]["rules"].append(dict(FLAGGED))
    data["sections"][0]["children"][1]["rules"] = []
    draft = small_draft(data)
    client = login(Role.OFFICE)
    page = client.get(editor_url(draft)).content.decode()
    assert "待办：还有 2 项需要处理后才能发布" in page
    assert page.count("规则「工作举措落实不到位」由文本识别而来") == 0
    assert "未发布：还有 2 项需要先处理" in publish(client, draft).content.decode()
