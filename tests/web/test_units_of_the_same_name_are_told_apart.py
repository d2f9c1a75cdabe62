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


def test_the_evaluator_picker_names_each_person_with_their_unit(client, zhangjiagang):
    """Two 王伟, one in each bureau's 办公室: the office picks the right one."""
    from kaohe.accounts.roles import Role
    from kaohe.evaluations import actions as evaluations
    from tests.conftest import new_person
    from tests.evaluations.conftest import window

    other_office = actions.create_unit(None, name="办公室", parent=zhangjiagang.outsider_unit)
    for username, unit in (
        ("wangwei1", zhangjiagang.sections["办公室"]),
        ("wangwei2", other_office),
    ):
        person = new_person(username, unit, Role.EVALUATOR)
        person.full_name = "王伟"
        person.save(update_fields=["full_name"])
    evaluation = evaluations.create_evaluation(
        zhangjiagang.office, zhangjiagang.cycle, name="班子测评", **window()
    )

    client.force_login(zhangjiagang.office)
    page = client.get(reverse("evaluations:group_new", args=[evaluation.pk])).content.decode()
    assert "王伟（市行政审批局 / 办公室）" in page
    assert "王伟（市财政局 / 办公室）" in page
