import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kaohe.accounts.models import Unit, User
from kaohe.accounts.roles import Role

UNIT_HEADERS = ["单位名称", "上级单位", "单位性质", "单位类别", "单位编码"]
USER_HEADERS = ["用户名", "姓名", "所属单位", "角色", "初始密码", "电子邮箱"]


def workbook_upload(unit_rows, user_rows, name="导入.xlsx"):
    workbook = Workbook()
    units = workbook.active
    units.title = "单位"
    units.append(UNIT_HEADERS)
    for row in unit_rows:
        units.append(row)
    users = workbook.create_sheet("用户")
    users.append(USER_HEADERS)
    for row in user_rows:
        users.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_the_template_downloads_as_a_real_workbook_with_both_sheets(login):
    response = login(Role.SYSTEM_ADMIN).get(reverse("accounts:import_template"))
    assert response["Content-Disposition"].startswith("attachment")
    workbook = load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in workbook["单位"][1]] == UNIT_HEADERS
    assert [cell.value for cell in workbook["用户"][1]] == USER_HEADERS


def test_a_good_file_creates_the_units_the_tree_and_the_users(login, org):
    upload = workbook_upload(
        [
            ("市审计局", "示范市", "机关部门", "行政机关、窗口单位", ""),
            ("办公室", "示范市/市审计局", "科室", "", ""),
        ],
        [("sj_tb", "李四", "市审计局/办公室", "", "Shifan@2026", "")],
    )
    response = login(Role.SYSTEM_ADMIN).post(
        reverse("accounts:import"), {"file": upload}, follow=True
    )
    assert "新增单位 2 个，新增用户 1 个" in response.content.decode()
    section = Unit.objects.get(name="办公室", parent__name="市审计局")
    assert {c.name for c in section.parent.categories.all()} == {"行政机关", "窗口单位"}
    user = User.objects.get(username="sj_tb")
    assert user.unit == section
    assert user.roles == set()  # the 安全管理员 grants them (三员分立)
    assert user.check_password("Shifan@2026")
    assert user.must_change_password


def test_one_bad_row_saves_nothing_and_names_the_row_and_column(login, org):
    upload = workbook_upload(
        [("市审计局", "示范市", "机关部门", "", ""), ("法规科", "不存在的局", "科室", "", "")],
        [
            ("ok_user", "王五", "市审计局", "", "Shifan@2026", ""),
            ("weak_user", "赵六", "市审计局", "", "123", ""),
        ],
    )
    response = login(Role.SYSTEM_ADMIN).post(
        reverse("accounts:import"), {"file": upload}, follow=True
    )
    page = response.content.decode()
    assert "未保存任何数据" in page
    assert "「单位」表第 3 行「上级单位」列：找不到单位「不存在的局」" in page
    assert "「用户」表第 3 行「初始密码」列" in page
    assert not Unit.objects.filter(name="市审计局").exists()
    assert not User.objects.filter(username__in=["ok_user", "weak_user"]).exists()


def test_an_ambiguous_unit_name_asks_for_a_path(login, org):
    upload = workbook_upload(
        [("办公室", "市教育局", "科室", "", "")],
        [("x_user", "钱七", "办公室", "", "Shifan@2026", "")],
    )
    page = login(Role.SYSTEM_ADMIN).post(reverse("accounts:import"), {"file": upload}, follow=True)
    assert "重名，请写出路径" in page.content.decode()


@pytest.mark.parametrize("roles", ["系统管理员、审计管理员", "考核办", "评议人"])
def test_the_import_grants_no_role(login, org, roles):
    """三员分立: the 系统管理员 imports accounts, the 安全管理员 grants their roles."""
    upload = workbook_upload([], [("x_admin", "孙八", "考核办", roles, "Shifan@2026", "")])
    page = login(Role.SYSTEM_ADMIN).post(reverse("accounts:import"), {"file": upload}, follow=True)
    assert "「用户」表第 2 行「角色」列：角色由安全管理员在用户列表中授予" in page.content.decode()
    assert not User.objects.filter(username="x_admin").exists()


def test_a_file_that_is_not_a_workbook_is_refused_in_chinese(login, org):
    upload = SimpleUploadedFile("导入.xlsx", b"this is not a zip file")
    page = login(Role.SYSTEM_ADMIN).post(reverse("accounts:import"), {"file": upload}, follow=True)
    assert "不是有效的 xlsx 文件" in page.content.decode()


def test_rerunning_the_same_import_creates_nothing_twice(login, org):
    rows = (
        [("市审计局", "示范市", "机关部门", "", "")],
        [("sj_tb", "李四", "市审计局", "", "Shifan@2026", "")],
    )
    client = login(Role.SYSTEM_ADMIN)
    client.post(reverse("accounts:import"), {"file": workbook_upload(*rows)}, follow=True)
    response = client.post(
        reverse("accounts:import"), {"file": workbook_upload(*rows)}, follow=True
    )
    assert "新增单位 0 个，新增用户 0 个" in response.content.decode()
    assert Unit.objects.filter(name="市审计局").count() == 1


def test_only_the_system_admin_may_import(login, org):
    for role in (Role.OFFICE, Role.SECURITY_ADMIN, Role.REPORTER):
        assert login(role).get(reverse("accounts:import")).status_code == 403
