from django.urls import reverse

from kaohe.accounts.roles import Role
from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles.models import Cycle


def test_the_office_opens_a_cycle_on_a_published_version_for_chosen_units(client, zhangjiagang):
    client.force_login(zhangjiagang.office)
    sections = zhangjiagang.sections
    response = client.post(
        reverse("cycles:new"),
        {
            "name": "2020年第三季度",
            "scheme_version": zhangjiagang.version.pk,
            "period": "quarter",
            "starts_on": "2020-07-01",
            "ends_on": "2020-09-30",
            "submission_deadline": "2020-10-09",
            "units": [sections["办公室"].pk, sections["督查科"].pk],
        },
        follow=True,
    )
    cycle = Cycle.objects.get(name="2020年第三季度")
    assert "已开启" in response.content.decode()
    assert sorted(cycle.cycle_units.values_list("label", flat=True)) == ["办公室", "督查科"]
    assert cycle.months() == ["2020-07", "2020-08", "2020-09"]
    assert AuditEntry.objects.filter(action=Action.CYCLE_OPENED, object_id=str(cycle.pk)).exists()


def test_the_scheme_assigns_each_indicator_to_its_assessing_section(zhangjiagang):
    assignments = {a.node_name: a for a in zhangjiagang.cycle.assignments.all()}
    assert assignments["重点工作落实情况"].assessor == zhangjiagang.sections["办公室"]
    assert assignments["班子测评"].assessor == zhangjiagang.sections["督查科"]
    assert assignments["人员管理情况"].assessor == zhangjiagang.sections["人事教育科"]


def test_an_end_before_the_start_is_refused_in_chinese(client, zhangjiagang):
    client.force_login(zhangjiagang.office)
    response = client.post(
        reverse("cycles:new"),
        {
            "name": "错",
            "scheme_version": zhangjiagang.version.pk,
            "period": "quarter",
            "starts_on": "2020-07-01",
            "ends_on": "2020-06-30",
            "units": [zhangjiagang.sections["办公室"].pk],
        },
    )
    assert "结束日期不能早于开始日期" in response.content.decode()
    assert not Cycle.objects.filter(name="错").exists()


def test_only_the_office_opens_cycles(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    assert client.get(reverse("cycles:new")).status_code == 403


def test_a_unit_sees_the_cycles_it_takes_part_in_and_no_others(client, zhangjiagang):
    client.force_login(zhangjiagang.reporter)
    assert zhangjiagang.cycle.name in client.get(reverse("cycles:list")).content.decode()
    client.force_login(zhangjiagang.outsider)
    assert zhangjiagang.cycle.name not in client.get(reverse("cycles:list")).content.decode()
    detail = reverse("cycles:detail", args=[zhangjiagang.cycle.pk])
    assert client.get(detail).status_code == 403


def test_a_section_sees_only_its_own_tasks_on_the_cycle_page(client, zhangjiagang):
    client.force_login(zhangjiagang.inspector)
    page = client.get(reverse("cycles:detail", args=[zhangjiagang.cycle.pk])).content.decode()
    assert "班子测评" in page
    assert "重点工作落实情况" not in page


def test_the_office_reassigns_an_indicator_and_it_is_audited(client, zhangjiagang):
    client.force_login(zhangjiagang.office)
    assignment = zhangjiagang.cycle.assignments.get(node_name="人员管理情况")
    client.post(
        reverse("cycles:assignment", args=[zhangjiagang.cycle.pk, assignment.pk]),
        {
            "assessor": zhangjiagang.sections["督查科"].pk,
            "leaders": "张局",
            "persons": "",
            "deadline": "2020-07-10",
        },
    )
    assignment.refresh_from_db()
    assert assignment.assessor == zhangjiagang.sections["督查科"]
    entry = AuditEntry.objects.get(action=Action.ASSIGNMENT_CHANGED, object_id=str(assignment.pk))
    assert entry.old["考评单位"] == "人事教育科" and entry.new["考评单位"] == "督查科"


def test_roles_outside_the_cycle_cannot_list_cycles(login):
    assert login(Role.EVALUATOR).get(reverse("cycles:list")).status_code == 403
