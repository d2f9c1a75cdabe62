import re
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.schemes import actions
from kaohe.schemes.models import Scheme, SchemeVersion

SEEDS = Path(__file__).resolve().parents[1] / "data" / "import" / "seeds"


def test_an_imported_document_becomes_a_draft_to_review_beside_its_source(login, db):
    client = login(Role.OFFICE)
    upload = SimpleUploadedFile(
        "张家港科室考核细则.txt", (SEEDS / "004_9200afdbdf37f4f4.txt").read_bytes()
    )
    page = client.post(reverse("schemes:import"), {"file": upload}, follow=True)
    text = page.content.decode()
    version = SchemeVersion.objects.get(scheme__source=Scheme.Source.IMPORTED)
    assert version.status == SchemeVersion.Status.DRAFT
    assert "导入报告" in text and "指标：共" in text
    assert "工作落实情况" in text
    assert "原文：" in text
    assert "每人次扣0.5分" in text


def test_pasted_text_imports_like_a_file_and_says_what_is_left_to_settle(login, db):
    pasted = "一、组织领导（20分）\n1.责任落实（10分）：未按时报送工作计划的，每次扣1分。\n"
    pasted += "2.学习培训：全年不少于两次，每少一次扣0.5分。\n"

    page = login(Role.OFFICE).post(reverse("schemes:import"), {"text": pasted}, follow=True)

    text = page.content.decode()
    version = SchemeVersion.objects.get(scheme__source=Scheme.Source.IMPORTED)
    assert version.status == SchemeVersion.Status.DRAFT
    assert "待处理" in text
    assert "方案校验：通过" not in text
    assert "每次扣1分" in text


def test_an_import_with_neither_file_nor_text_is_refused(login, db):
    page = login(Role.OFFICE).post(reverse("schemes:import"), {"text": "  "}, follow=True)
    assert "或粘贴细则文字" in page.content.decode()
    assert not Scheme.objects.exists()


def test_flagged_rules_are_marked_for_a_person_to_settle(login, db):
    data = dict(actions.BLANK_SCHEME)
    data["sections"] = [
        {
            "name": "工作目标",
            "points": 100,
            "children": [
                {
                    "name": "重点工作",
                    "points": 100,
                    "kind": "scored",
                    "rules": [
                        {
                            "id": "x",
                            "kind": "discretionary",
                            "min": 0,
                            "max": 5,
                            "direction": "deduct",
                            "flagged": True,
                            "text": "视情况酌情扣分",
                        }
                    ],
                }
            ],
        }
    ]
    version = actions.create_draft_scheme(None, data, Scheme.Source.IMPORTED)
    page = login(Role.OFFICE).get(reverse("schemes:edit", args=[version.scheme.slug, 1]))
    assert "待人工确认" in page.content.decode()
    assert "视情况酌情扣分" in page.content.decode()


def test_a_file_that_cannot_be_imported_is_refused_in_chinese(login, db):
    upload = SimpleUploadedFile("细则.xlsx", b"plain text pretending")
    page = login(Role.OFFICE).post(reverse("schemes:import"), {"file": upload}, follow=True)
    assert "无法导入" in page.content.decode()
    assert not Scheme.objects.exists()


def test_a_blank_scheme_starts_as_a_valid_draft_that_can_be_published(login, db):
    client = login(Role.OFFICE)
    client.post(reverse("schemes:copy"))
    version = SchemeVersion.objects.get(scheme__source=Scheme.Source.BLANK)
    assert version.problems == []
    client.post(reverse("schemes:publish", args=[version.scheme.slug, 1]))
    version.refresh_from_db()
    assert version.is_published


def test_a_template_copy_is_a_new_scheme_with_its_own_slug(login, db):
    actions.install_builtin_schemes()
    template = SchemeVersion.objects.get(scheme__slug="zhangjiagang-sections")
    login(Role.OFFICE).post(reverse("schemes:copy"), {"template": template.pk})
    copy = Scheme.objects.get(slug="zhangjiagang-sections-copy")
    assert copy.versions.get().status == SchemeVersion.Status.DRAFT
    assert copy.versions.get().problems == []


def test_only_the_office_creates_schemes(login, db):
    for role in (Role.ASSESSOR, Role.SYSTEM_ADMIN):
        client = login(role)
        assert client.get(reverse("schemes:new")).status_code == 403
        assert client.post(reverse("schemes:copy")).status_code == 403


def test_pasted_text_a_refused_import_could_not_read_is_there_again_after_返回(login, db):
    client = login(Role.OFFICE)
    pasted = "请各科室认真做好年度总结工作，按时报送。"

    page = client.post(reverse("schemes:import"), {"text": pasted}, follow=True).content.decode()
    assert "未在文件中找到考核指标" in page
    back = re.search(r'<a href="([^"]+)">返回</a>', page).group(1)

    again = client.get(back).content.decode()
    assert f">{pasted}</textarea>" in again
    assert f">{pasted}</textarea>" not in client.get(reverse("schemes:new")).content.decode()


def test_the_import_says_whether_it_left_work_to_do(login, db):
    """The message over the editor names the 待办 only when there is one, and counts it as the
    report does; a clean import is told it may be published once checked."""
    client = login(Role.OFFICE)
    clean = "一、组织领导（10分）\n1.责任落实（10分）：未按时报送工作计划的，每次扣1分。\n"
    page = client.post(reverse("schemes:import"), {"text": clean}, follow=True).content.decode()
    assert "已导入为草稿，请逐项核对识别结果，无误后即可发布" in page
    assert "需要人工确认" not in page

    flagged = "一、安全（20分）\n1.食品安全（20分）：发生较大食品安全事故的，实行一票否决。\n"
    page = client.post(reverse("schemes:import"), {"text": flagged}, follow=True).content.decode()
    assert "已导入为草稿，请逐项核对识别结果；还有 1 项待办需要处理后才能发布" in page
    assert "待处理：1 项" in page


def test_the_message_over_the_editor_counts_the_to_do_as_the_box_under_it(login, db):
    """Found by session 11's walk: a pasted 党支部 document was 「还有 7 项待办」 in the message
    and 「还有 8 项」 in the 待办 box right under it."""
    client = login(Role.OFFICE)
    pasted = (
        "一、组织建设（10分）\n"
        "1.班子健全（10分）：班子配备不全的扣2分。\n"
        "二、奖惩\n"
        "凡违法违纪受处分的，取消先进党支部评比资格。\n"
        "扣奖总额=考核基数奖金×1.3×[1-支部考核分/90分]×50%\n"
    )
    page = client.post(reverse("schemes:import"), {"text": pasted}, follow=True).content.decode()
    told = re.search(r"还有 (\d+) 项待办需要处理后才能发布", page)
    boxed = re.search(r"待办：还有 (\d+) 项需要处理后才能发布", page)
    assert told and boxed and told.group(1) == boxed.group(1)
