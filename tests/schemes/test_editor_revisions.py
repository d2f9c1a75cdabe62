"""Each save of a draft is a revision; any two compare side by side in Chinese; an earlier one can
be restored (a new revision, audited); two published versions compare the same way."""

from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.schemes import actions
from kaohe.schemes.models import SchemeRevision
from tests.schemes.editor_helpers import data_of, post_change, small_draft


def revisions_url(draft, name="revisions", **query):
    url = reverse(f"schemes:{name}", args=[draft.scheme.slug, draft.number])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def test_every_save_from_either_view_is_a_revision(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "rename", node="1.1", name="考勤纪律")
    actions.save_draft(None, draft, draft.document.replace("考勤纪律", "工作纪律"))
    numbered = list(draft.revisions.order_by("number").values_list("number", "describe"))
    assert numbered[0] == (1, "新建方案（从零新建）")
    assert numbered[1] == (2, "指标「日常考核 › 工作纪律」改名为「考勤纪律」")
    assert numbered[2] == (3, "在「高级」视图中修改方案文件")
    page = client.get(revisions_url(draft)).content.decode()
    assert "第 3 次" in page and "改名为「考勤纪律」" in page


def test_two_revisions_side_by_side_with_the_rules_in_plain_chinese(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "move", node="1.2", direction="up")
    post_change(
        client,
        draft,
        "rule",
        node="1.2",
        index="0",
        kind="per_occurrence",
        **{"rule-0-label": "迟到早退", "rule-0-amount": "-1", "rule-0-unit": "次"},
    )
    page = client.get(revisions_url(draft, "revision_compare", a=1, b=3)).content.decode()
    assert "比较：第 1 次修订（新建方案（从零新建）） → 第 3 次修订" in page
    assert "调整次序" in page and "第 1.2 项（在「日常考核」下）" in page
    assert "「迟到早退」每发生1次扣0.5分" in page and "「迟到早退」每发生1次扣1分" in page


def test_restoring_an_earlier_revision_is_a_new_audited_revision(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "delete", node="1.1")
    assert [c["name"] for c in data_of(draft)["sections"][0]["children"]] == ["信息报送"]
    url = reverse("schemes:revision_restore", args=[draft.scheme.slug, draft.number, 1])
    page = client.post(url, follow=True).content.decode()
    assert "已恢复为第 1 次修订，保存为第 3 次修订" in page
    assert [c["name"] for c in data_of(draft)["sections"][0]["children"]] == [
        "工作纪律",
        "信息报送",
    ]
    assert draft.revisions.count() == 3
    entry = AuditEntry.objects.filter(action=Action.SCHEME_DRAFT_CHANGED).latest("id")
    assert entry.new["修改"].startswith("恢复为第 1 次修订") and entry.new["修订"] == 3


def test_a_published_version_cannot_be_restored(login):
    draft = small_draft()
    client = login(Role.OFFICE)
    post_change(client, draft, "rename", node="1.1", name="考勤纪律")
    actions.publish_version(None, draft, as_shipped=True)
    url = reverse("schemes:revision_restore", args=[draft.scheme.slug, draft.number, 1])
    page = client.post(url, follow=True).content.decode()
    assert "已发布的方案版本不可修改" in page
    assert draft.revisions.count() == 2


def test_only_the_office_sees_and_restores_revisions(login):
    draft = small_draft()
    assert login(Role.ASSESSOR).get(revisions_url(draft)).status_code == 403
    url = reverse("schemes:revision_restore", args=[draft.scheme.slug, draft.number, 1])
    assert login(Role.ASSESSOR).post(url).status_code == 403


def test_a_revision_is_never_changed():
    revision = SchemeRevision(pk=1, number=1, document="", describe="")
    try:
        revision.save()
    except PermissionError as error:
        assert "不可修改" in str(error)
    else:
        raise AssertionError("a revision was changed")


def test_this_years_published_scheme_against_last_years(login):
    last_year = small_draft()
    actions.publish_version(None, last_year, as_shipped=True)
    client = login(Role.OFFICE)
    this_year = actions.start_draft(None, last_year.scheme)
    post_change(client, this_year, "add", node="1", name="安全生产")
    post_change(client, this_year, "delete", node="1.2")
    this_year.refresh_from_db()
    actions.publish_version(None, this_year, as_shipped=True)
    query = f"?a={last_year.pk}&b={this_year.pk}"
    page = login(Role.ASSESSOR).get(reverse("schemes:compare") + query).content.decode()
    assert "小方案 第 1 版（已发布） → 小方案 第 2 版（已发布）" in page
    assert "新增指标" in page and "日常考核 › 安全生产" in page
    assert "删除指标" in page and "信息报送，10 分，计分项，1 条规则" in page


def test_readers_compare_only_published_versions(login):
    draft = small_draft()
    page = login(Role.ASSESSOR).get(reverse("schemes:compare")).content.decode()
    assert "小方案 第 1 版" not in page
    page = login(Role.OFFICE).get(reverse("schemes:compare") + f"?b={draft.pk}").content.decode()
    assert "小方案 第 1 版（草稿）" in page
