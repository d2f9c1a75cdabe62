import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kaohe import engine
from kaohe.audit.models import Action, AuditEntry
from kaohe.cycles import actions
from kaohe.cycles.facts import cycle_facts, cycle_scheme
from kaohe.cycles.models import RecordEvidence

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def dongyang(zhangjiagang_bureau):
    from kaohe.schemes.models import SchemeVersion

    bureau = zhangjiagang_bureau
    version = SchemeVersion.objects.get(scheme__slug="dongyang-departments")
    bureau.dongyang = actions.open_cycle(
        bureau.office,
        actions.CyclePlan(
            "东阳 2013",
            version,
            "year",
            datetime.date(2013, 1, 1),
            datetime.date(2013, 12, 31),
            [actions.UnitEntry(unit) for unit in bureau.sections.values()],
        ),
    )
    return bureau


def test_the_office_marks_an_item_a_unit_does_not_take_part_in(client, dongyang):
    cycle = dongyang.dongyang
    scheme = cycle_scheme(cycle)
    item = next(node for node in scheme.nodes.values() if node.name == "工业竞赛")
    unit = cycle.cycle_units.get(label="党建科")
    client.force_login(dongyang.office)
    client.post(
        reverse("cycles:participation", args=[cycle.pk, unit.pk]),
        {
            "categories": [scheme.categories[0]],
            "not_participating": [item.path],
        },
    )
    unit.refresh_from_db()
    assert unit.not_participating == [item.path]
    assert unit.categories == [scheme.categories[0]]
    facts = cycle_facts(cycle)
    assert facts.all_units["党建科"].not_participating == (item.path,)
    entry = AuditEntry.objects.get(action=Action.PARTICIPATION_CHANGED)
    assert entry.new["不参加"] == [item.path]


def test_a_non_participant_gets_the_participants_average(dongyang):
    cycle = dongyang.dongyang
    scheme = cycle_scheme(cycle)
    item = next(node for node in scheme.nodes.values() if node.name == "工业竞赛")
    units = {unit.label: unit for unit in cycle.cycle_units.all()}
    actions.change_participation(
        dongyang.office, units["党建科"], categories=[], not_participating=[item.path]
    )
    for label, score in (("办公室", "80"), ("督查科", "90")):
        actions.add_record(
            dongyang.office,
            units[label],
            indicator=item.path,
            rule=item.rules[0].id,
            value=Decimal(score),
        )
    result = engine.compute(scheme, cycle_facts(cycle))
    participants = [
        result.units[label].nodes[item.path].score for label in units if label != "党建科"
    ]
    average = sum(participants) / len(participants)
    assert result.units["党建科"].nodes[item.path].score == average


def test_an_unknown_item_is_refused(dongyang):
    unit = dongyang.dongyang.cycle_units.first()
    with pytest.raises(ValidationError, match="方案中没有指标"):
        actions.change_participation(
            dongyang.office, unit, categories=[], not_participating=["不存在"]
        )


def test_a_discretionary_amount_must_stay_within_its_range(dongyang):
    from kaohe.schemes.models import SchemeVersion

    version = SchemeVersion.objects.get(scheme__slug="renfang-center-2024")
    cycle = actions.open_cycle(
        dongyang.office,
        actions.CyclePlan(
            "人防 2024",
            version,
            "year",
            datetime.date(2024, 1, 1),
            datetime.date(2024, 12, 31),
            [actions.UnitEntry(dongyang.sections["办公室"])],
        ),
    )
    rule = cycle_scheme(cycle).rules["xieshi-zhibiao"]
    unit = cycle.cycle_units.get()
    with pytest.raises(ValidationError, match=r"0\.1～5"):
        actions.add_record(
            dongyang.office,
            unit,
            indicator=rule.node_path,
            rule=rule.id,
            value=Decimal("6"),
            note="材料多次逾期",
        )
    record = actions.add_record(
        dongyang.office,
        unit,
        indicator=rule.node_path,
        rule=rule.id,
        value=Decimal("1.5"),
        note="材料多次逾期",
    )
    assert record.value == Decimal("1.5")


def award_for_the_party_section(bureau):
    return actions.add_record(
        bureau.inspector,
        bureau.units["党建科"],
        indicator="3",
        rule="award",
        count=Decimal(1),
        level="市级",
    )


def upload_evidence(client, bureau, record, name, content):
    url = reverse("cycles:record_evidence_upload", args=[bureau.cycle.pk, record.pk])
    upload = SimpleUploadedFile(name, content)
    return client.post(url, {"file": upload}, follow=True).content.decode()


def test_an_assessor_attaches_evidence_that_only_the_right_people_download(client, zhangjiagang):
    record = award_for_the_party_section(zhangjiagang)
    client.force_login(zhangjiagang.inspector)
    page = upload_evidence(client, zhangjiagang, record, "表彰文件.pdf", PDF)
    assert "已上传「表彰文件.pdf」" in page
    evidence = RecordEvidence.objects.get(record=record)
    assert evidence.stored_name.startswith("records/") and "表彰" not in evidence.stored_name
    url = reverse("cycles:record_evidence", args=[evidence.pk])
    client.force_login(zhangjiagang.reporter)  # 党建科's own 填报人
    response = client.get(url)
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF
    client.force_login(zhangjiagang.outsider)
    assert client.get(url).status_code in {403, 404}
    client.force_login(zhangjiagang.general_office)  # another section, assessing other items
    assert client.get(url).status_code == 403


def test_a_file_whose_content_is_not_what_its_name_says_is_refused(client, zhangjiagang):
    record = award_for_the_party_section(zhangjiagang)
    client.force_login(zhangjiagang.inspector)
    page = upload_evidence(client, zhangjiagang, record, "表彰文件.pdf", b"MZ\x90\x00 exe")
    assert "内容与扩展名 .pdf 不符" in page
    assert not RecordEvidence.objects.exists()


def test_a_unit_follows_a_record_in_its_breakdown_to_the_evidence(
    client, zhangjiagang, django_capture_on_commit_callbacks
):
    from kaohe.cycles.evidence import attach_evidence

    with django_capture_on_commit_callbacks(execute=True):
        record = actions.add_record(
            zhangjiagang.inspector,
            zhangjiagang.units["党建科"],
            indicator="3",
            rule="award",
            count=Decimal(1),
            level="市级",
            note="获市级表彰",
        )
        attach_evidence(zhangjiagang.inspector, record, SimpleUploadedFile("表彰.pdf", PDF))
    client.force_login(zhangjiagang.reporter)
    unit = zhangjiagang.units["党建科"]
    breakdown = client.get(reverse("results:unit", args=[zhangjiagang.cycle.pk, unit.pk]))
    record_url = reverse("cycles:record", args=[zhangjiagang.cycle.pk, record.pk])
    assert record_url in breakdown.content.decode()
    assert "表彰.pdf" in client.get(record_url).content.decode()
