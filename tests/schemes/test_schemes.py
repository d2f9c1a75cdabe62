import pytest
from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.schemes import actions
from kaohe.schemes.documents import builtin_scheme_files
from kaohe.schemes.models import Scheme, SchemeVersion

BROKEN_FORMULA = "formula: 日常考核 + 不存在的部分"


@pytest.fixture
def builtins(db):
    actions.install_builtin_schemes()
    return Scheme.objects.all()


def zhangjiagang(builtins):
    return builtins.get(slug="zhangjiagang-sections")


def test_every_built_in_scheme_installs_once_as_a_published_version(builtins):
    assert builtins.count() == len(builtin_scheme_files()) == 5
    assert actions.install_builtin_schemes() == 0
    for scheme in builtins:
        assert [v.status for v in scheme.versions.all()] == [SchemeVersion.Status.PUBLISHED]


def test_the_office_reads_a_scheme_tree_with_points_criteria_and_assessors(login, builtins):
    page = login(Role.OFFICE).get(reverse("schemes:version", args=["zhangjiagang-sections", 1]))
    text = page.content.decode()
    assert "张家港市行政审批局科室绩效考核细则" in text
    assert "工作落实情况" in text and ">30<" in text
    assert "迟到、早退,每人次扣0.5分" in text
    assert "按次计分" in text
    assert "人事教育科" in text


def test_a_draft_starts_as_a_copy_of_the_latest_version(login, builtins):
    client = login(Role.OFFICE)
    client.post(reverse("schemes:start_draft", args=["zhangjiagang-sections"]))
    draft = zhangjiagang(builtins).versions.get(number=2)
    assert draft.status == SchemeVersion.Status.DRAFT
    assert draft.document == zhangjiagang(builtins).versions.get(number=1).document


def test_an_invalid_draft_is_kept_with_its_problems_and_cannot_be_published(login, builtins):
    client = login(Role.OFFICE)
    draft = actions.start_draft(None, zhangjiagang(builtins))
    broken = draft.document.replace("formula: ", f"{BROKEN_FORMULA}\n_old_formula: ", 1)
    page = client.post(
        reverse("schemes:edit", args=["zhangjiagang-sections", draft.number]),
        {"document": broken},
        follow=True,
    ).content.decode()
    assert "不存在的部分" in page
    draft.refresh_from_db()
    assert draft.document == broken
    client.post(reverse("schemes:publish", args=["zhangjiagang-sections", draft.number]))
    draft.refresh_from_db()
    assert draft.status == SchemeVersion.Status.DRAFT


def test_a_valid_draft_publishes_and_is_then_frozen(login, builtins):
    client = login(Role.OFFICE)
    draft = actions.start_draft(None, zhangjiagang(builtins))
    edited = draft.document.replace(
        "张家港市行政审批局科室绩效考核细则", "张家港科室考核（修订）", 1
    )
    client.post(
        reverse("schemes:edit", args=["zhangjiagang-sections", draft.number]), {"document": edited}
    )
    client.post(reverse("schemes:publish", args=["zhangjiagang-sections", draft.number]))
    draft.refresh_from_db()
    assert draft.is_published and draft.published_by.username == "u_office"
    response = client.post(
        reverse("schemes:edit", args=["zhangjiagang-sections", draft.number]),
        {"document": "format: nonsense"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.document == edited
    draft.document = "tampered"
    with pytest.raises(PermissionError):
        draft.save()
    assert AuditEntry.objects.filter(
        action=Action.SCHEME_VERSION_PUBLISHED, object_id=str(draft.pk)
    ).exists()


@pytest.mark.parametrize("role", [Role.REPORTER, Role.EVALUATOR, Role.SYSTEM_ADMIN])
def test_roles_outside_the_assessment_cannot_read_schemes(login, builtins, role):
    assert login(role).get(reverse("schemes:list")).status_code == 403


def test_an_assessor_reads_but_cannot_edit(login, builtins):
    client = login(Role.ASSESSOR)
    assert client.get(reverse("schemes:list")).status_code == 200
    response = client.post(reverse("schemes:start_draft", args=["zhangjiagang-sections"]))
    assert response.status_code == 403
    assert zhangjiagang(builtins).versions.count() == 1


def test_the_scheme_file_downloads_as_an_attachment(login, builtins):
    response = login(Role.OFFICE).get(
        reverse("schemes:download", args=["zhangjiagang-sections", 1])
    )
    assert response["Content-Disposition"].startswith("attachment")
    assert "format: kaohe-scheme/1" in response.content.decode()
