"""Two bureaus each have a 办公室: wherever a page names a unit, it says whose 办公室 it is."""

from django.urls import reverse

from kaohe.accounts import actions


def test_the_task_table_names_each_office_with_its_bureau(client, zhangjiagang):
    other_office = actions.create_unit(None, name="办公室", parent=zhangjiagang.outsider_unit)
    assignment = zhangjiagang.cycle.assignments.get(node_name="重点工作落实情况")
    assignment.assessor = other_office
    assignment.save(update_fields=["assessor"])
    assignment.responsible_units.set([zhangjiagang.sections["办公室"], other_office])

    client.force_login(zhangjiagang.office)
    row = client.get(reverse("cycles:detail", args=[zhangjiagang.cycle.pk])).content.decode()
    row = row[row.index("重点工作落实情况") :].split("</tr>")[0]
    assert "<td>市财政局 / 办公室</td>" in row
    assert "市行政审批局 / 办公室、市财政局 / 办公室" in row


def test_the_users_list_names_each_persons_office_with_its_bureau(client, org):
    from kaohe.accounts.roles import Role
    from tests.conftest import new_person

    other_office = actions.create_unit(None, name="办公室", parent=org.other_department)
    new_person("bgs_caizheng", org.section, Role.REPORTER)
    new_person("bgs_jiaoyu", other_office, Role.REPORTER)

    client.force_login(org.users[Role.SYSTEM_ADMIN])
    page = client.get(reverse("accounts:users")).content.decode()
    assert "<td>市财政局 / 办公室</td>" in page
    assert "<td>市教育局 / 办公室</td>" in page


def test_the_consistency_page_keeps_two_offices_assessing_apart(client, zhangjiagang):
    other_office = actions.create_unit(None, name="办公室", parent=zhangjiagang.outsider_unit)
    assignment = zhangjiagang.cycle.assignments.get(node_name="人员管理情况")
    assignment.assessor = other_office
    assignment.save(update_fields=["assessor"])

    client.force_login(zhangjiagang.office)
    page = client.get(reverse("results:consistency", args=[zhangjiagang.cycle.pk]))
    never_scored = page.content.decode().split('id="never-scored"')[1].split("</ul>")[0]
    assert "<strong>市行政审批局 / 办公室</strong>" in never_scored
    assert "<strong>市财政局 / 办公室</strong>" in never_scored
