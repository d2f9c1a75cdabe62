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
