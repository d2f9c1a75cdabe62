"""Every URL pattern × every role: exactly the allowed roles get through, everyone else is refused
(403, or 404 where ids are not revealed), and nobody gets anywhere without logging in.

The world: 张家港's bureau with an open cycle (records, a progress report waiting for the 分管领导)
and a published cycle (an appeal by 党建科 on an indicator 督查科 assesses). The roles' users:
考核办; 督查科's assessor; 党建科's 填报人; the bureau's 分管领导 and 主要领导 (leaders of the
sections below it); an 评议人 of another department; the three administrators.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kaohe.accounts.roles import Role

# 考核办, 考评, 填报, 分管, 主要, 评议, 系统, 安全, 审计
KB, KP, TB = Role.OFFICE, Role.ASSESSOR, Role.REPORTER
FG, ZY, PY = Role.DEPUTY_LEADER, Role.PRINCIPAL_LEADER, Role.EVALUATOR
XT, AQ, SJ = Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN
EVERYONE = frozenset(Role)
CYCLE_PEOPLE = frozenset({KB, KP, TB, FG, ZY})
SCHEME_READERS = frozenset({KB, KP, FG, ZY})
UNIT_READERS = frozenset({KB, TB, FG, ZY})  # 党建科's own people, its leaders above, the office
PUBLIC = {
    "login",
    "healthz",
    "evaluations:vote_with_code",
    "evaluations:enter_code",
    "evaluations:thanks",
}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass(frozen=True)
class Door:
    """One URL: how to knock, with which arguments, and who may come in."""

    allowed: frozenset[str]
    args: tuple[str, ...] = ()
    method: str = "get"
    data: dict[str, Any] = field(default_factory=dict)


DOORS: dict[str, Door] = {
    "home": Door(EVERYONE),
    "logout": Door(EVERYONE, method="post"),
    "password_change": Door(EVERYONE),
    "accounts:units": Door(frozenset({KB, XT, AQ})),
    "accounts:new_unit": Door(frozenset({XT})),
    "accounts:users": Door(frozenset({XT, AQ})),
    "accounts:new_user": Door(frozenset({XT})),
    "accounts:change_role": Door(
        frozenset({AQ}), ("reporter_id",), "post", {"role": "evaluator", "grant": "1"}
    ),
    "accounts:unlock": Door(frozenset({AQ}), ("reporter_id",), "post"),
    "accounts:set_active": Door(frozenset({XT}), ("reporter_id",), "post", {"active": "1"}),
    "accounts:reset_password": Door(frozenset({XT}), ("reporter_id",), "post"),
    "accounts:reset_second_factor": Door(frozenset({AQ}), ("reporter_id",), "post"),
    "accounts:second_factor": Door(EVERYONE),
    "accounts:enrol_second_factor": Door(EVERYONE),
    "accounts:import": Door(frozenset({XT})),
    "accounts:import_template": Door(frozenset({XT})),
    "schemes:list": Door(SCHEME_READERS),
    "schemes:new": Door(frozenset({KB})),
    "schemes:import": Door(frozenset({KB}), method="post"),
    "schemes:copy": Door(frozenset({KB}), method="post"),
    "schemes:start_draft": Door(frozenset({KB}), ("slug",), "post"),
    "schemes:version": Door(SCHEME_READERS, ("slug", "published_number")),
    "schemes:edit": Door(frozenset({KB}), ("slug", "draft_number")),
    "schemes:editor": Door(frozenset({KB}), ("slug", "draft_number")),
    "schemes:editor_change": Door(
        frozenset({KB}),
        ("slug", "draft_number"),
        "post",
        {"change": "rename", "node": "1", "name": "日常工作"},
    ),
    "schemes:formula_check": Door(frozenset({KB}), ("slug", "draft_number")),
    "schemes:try": Door(frozenset({KB}), ("slug", "draft_number")),
    "schemes:revisions": Door(frozenset({KB}), ("slug", "draft_number")),
    "schemes:revision_compare": Door(frozenset({KB}), ("slug", "draft_number")),
    "schemes:revision_restore": Door(frozenset({KB}), ("slug", "draft_number", "revision"), "post"),
    "schemes:compare": Door(SCHEME_READERS),
    "schemes:publish": Door(frozenset({KB}), ("slug", "draft_number"), "post"),
    "schemes:download": Door(SCHEME_READERS, ("slug", "published_number")),
    "cycles:list": Door(CYCLE_PEOPLE),
    "cycles:new": Door(frozenset({KB})),
    "cycles:detail": Door(CYCLE_PEOPLE, ("open_cycle",)),
    "cycles:assignment": Door(frozenset({KB}), ("open_cycle", "assignment")),
    "cycles:participation": Door(frozenset({KB}), ("open_cycle", "open_unit")),
    "cycles:record": Door(CYCLE_PEOPLE, ("open_cycle", "record")),
    "cycles:record_evidence_upload": Door(frozenset({KB, KP}), ("open_cycle", "record"), "post"),
    "cycles:record_evidence": Door(CYCLE_PEOPLE, ("record_evidence",)),
    "cycles:records": Door(frozenset({KB, KP}), ("open_cycle",)),
    "cycles:records_template": Door(frozenset({KB, KP}), ("open_cycle",)),
    "cycles:records_upload": Door(frozenset({KB, KP}), ("open_cycle",), "post"),
    "cycles:record_add": Door(
        frozenset({KB, KP}),
        ("open_cycle", "open_unit"),
        "post",
        {"node": "3", "rule": "award", "count": "1", "level": "市级"},
    ),
    "cycles:record_change": Door(
        frozenset({KB, KP}),
        ("open_cycle", "record"),
        "post",
        {"node": "3", "rule": "award", "count": "2", "level": "市级", "version": "1"},
    ),
    "cycles:record_delete": Door(
        frozenset({KB, KP}), ("open_cycle", "record"), "post", {"node": "3", "version": "1"}
    ),
    "audit:entries": Door(frozenset({SJ})),
    "imports:job": Door(frozenset({KB}), ("import_job",)),  # only whoever started it
    "downloads:page": Door(frozenset({KB}), ("download",)),  # only whoever asked for it
    "downloads:file": Door(frozenset({KB}), ("download",)),
    "results:cycles": Door(CYCLE_PEOPLE),
    "results:ranking": Door(frozenset({KB, FG, ZY}), ("published_cycle",)),  # leaders: own rows
    "results:charts": Door(frozenset({KB, FG, ZY}), ("published_cycle",)),
    "results:dashboard": Door(frozenset({FG, ZY})),
    "results:bulletin": Door(frozenset({KB}), ("published_cycle",)),
    "results:bulletin_docx": Door(frozenset({KB}), ("published_cycle",), "post"),
    "results:bulletin_pdf": Door(frozenset({KB}), ("published_cycle",), "post"),
    "results:lock": Door(frozenset({KB}), ("published_cycle",), "post"),
    "results:reopen": Door(frozenset({KB}), ("published_cycle",), "post"),
    "results:publish": Door(frozenset({KB}), ("published_cycle",), "post"),
    "results:publication": Door(frozenset({KB}), ("published_cycle",)),
    "results:requeue_publication": Door(frozenset({KB}), ("published_cycle",), "post"),
    "results:finalise": Door(frozenset({KB}), ("published_cycle",), "post"),
    "results:recompute": Door(frozenset({KB}), ("published_cycle",), "post"),
    "results:recompute_progress": Door(CYCLE_PEOPLE, ("published_cycle",)),  # results in it
    "results:evaluations": Door(frozenset({KB}), ("published_cycle",)),
    "results:consistency": Door(frozenset({KB}), ("published_cycle",)),
    "results:export_ranking": Door(frozenset({KB}), ("published_cycle",), "post"),
    "results:unit": Door(UNIT_READERS, ("published_cycle", "published_unit")),
    "results:export_unit": Door(UNIT_READERS, ("published_cycle", "published_unit"), "post"),
    "results:what_if": Door(frozenset({KB, TB}), ("published_cycle", "published_unit")),
    "appeals:list": Door(CYCLE_PEOPLE, ("published_cycle",)),
    "appeals:new": Door(frozenset({TB}), ("published_cycle", "published_unit")),
    "appeals:detail": Door(CYCLE_PEOPLE, ("published_cycle", "appeal")),
    "appeals:decide": Door(frozenset({KB, KP}), ("published_cycle", "appeal"), "post"),
    "appeals:evidence": Door(CYCLE_PEOPLE, ("appeal_evidence",)),
    "workdays:holidays": Door(frozenset({XT})),
    "workdays:remove": Door(frozenset({XT}), ("holiday",), "post"),
    "progress:tasks": Door(CYCLE_PEOPLE),
    "progress:start": Door(
        frozenset({TB}),
        method="post",
        data={"cycle_unit": "@open_unit", "assignment": "@draft_task", "period": "2020-Q2"},
    ),
    "progress:boards": Door(frozenset({KB})),
    "progress:board": Door(frozenset({KB}), ("open_cycle",)),
    "progress:schedule": Door(
        frozenset({KB}), ("open_cycle",), "post", {"frequency": "quarter", "working_days": "3"}
    ),
    "progress:remind": Door(frozenset({KB}), ("open_cycle", "open_unit"), "post"),
    "progress:submission": Door(UNIT_READERS, ("submission",)),
    "progress:save": Door(
        frozenset({TB}), ("draft_submission",), "post", {"content": "二季度进展", "version": "1"}
    ),
    "progress:upload": Door(frozenset({TB}), ("draft_submission",), "post"),
    "progress:submit": Door(frozenset({TB}), ("draft_submission",), "post"),
    "progress:approve": Door(frozenset({FG}), ("submission",), "post"),
    "progress:return": Door(frozenset({FG}), ("submission",), "post", {"reason": "请补充台账"}),
    "progress:evidence": Door(UNIT_READERS, ("progress_evidence",)),
    "progress:remove_evidence": Door(frozenset({TB}), ("draft_evidence",), "post"),
    "progress:notifications": Door(EVERYONE),
    "progress:open_notification": Door(frozenset({TB}), ("notification",), "post"),
    "progress:read_all": Door(EVERYONE, method="post"),
    "evaluations:index": Door(frozenset({KB})),
    "evaluations:new": Door(frozenset({KB}), ("open_cycle",)),
    "evaluations:detail": Door(frozenset({KB}), ("evaluation",)),
    "evaluations:edit": Door(frozenset({KB}), ("evaluation",)),
    "evaluations:group_new": Door(frozenset({KB}), ("evaluation",)),
    "evaluations:start_test": Door(frozenset({KB}), ("evaluation",), "post"),
    "evaluations:open": Door(frozenset({KB}), ("evaluation",), "post"),
    "evaluations:close": Door(frozenset({KB}), ("evaluation",), "post"),
    "evaluations:count": Door(frozenset({KB}), ("evaluation",), "post"),
    "evaluations:group_edit": Door(frozenset({KB}), ("evaluator_group",)),
    "evaluations:group_remove": Door(frozenset({KB}), ("evaluator_group",), "post"),
    "evaluations:codes": Door(frozenset({KB}), ("evaluator_group",), "post", {"size": "1"}),
    "evaluations:send": Door(
        frozenset({KB}), ("evaluator_group",), "post", {"kind": "email", "addresses": "a@b.cn"}
    ),
    "evaluations:paper_template": Door(frozenset({KB}), ("evaluator_group",)),
    "evaluations:paper_upload": Door(frozenset({KB}), ("evaluator_group",), "post"),
    "evaluations:vote": Door(frozenset({PY}), ("evaluator_group",)),
    "evaluations:proposals": Door(frozenset({KB, KP})),
    "evaluations:decide": Door(frozenset({KB, KP}), ("proposal",), "post", {"confirm": "0"}),
}


def url_names() -> set[str]:
    def walk(patterns: list[Any], namespace: str | None) -> Any:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver().url_patterns, None))


def test_every_url_pattern_has_a_door_in_this_walk():
    assert url_names() - PUBLIC == set(DOORS)


@pytest.fixture
def world(zhangjiagang: Any, django_capture_on_commit_callbacks: Any) -> Any:
    from kaohe.appeals import actions as appeal_actions
    from kaohe.cycles import actions as cycle_actions
    from kaohe.cycles.evidence import attach_evidence
    from kaohe.imports.models import ImportJob
    from kaohe.progress import actions as progress_actions
    from kaohe.results import actions as result_actions
    from kaohe.results import publishing
    from kaohe.schemes.actions import start_draft
    from kaohe.workdays.models import Holiday

    bureau = zhangjiagang
    users = {KB: bureau.office, KP: bureau.inspector, TB: bureau.reporter}
    users[FG] = bureau.person("walk_fg", bureau.bureau, FG)
    users[ZY] = bureau.person("walk_zy", bureau.bureau, ZY)
    users[PY] = bureau.person("walk_py", bureau.outsider_unit, PY)
    for role in (XT, AQ, SJ):
        users[role] = bureau.person(f"walk_{role}", bureau.office_unit, role)
    office = bureau.office
    with django_capture_on_commit_callbacks(execute=True):
        draft = start_draft(office, bureau.cycle.scheme_version.scheme)
        record = cycle_actions.add_record(
            office,
            bureau.units["党建科"],
            indicator="3",
            rule="award",
            count=Decimal(1),
            level="市级",
        )
        record_evidence = attach_evidence(office, record, SimpleUploadedFile("表彰.pdf", PDF))
        task = bureau.cycle.assignments.get(node_code="1.1.1")
        cycle_actions.change_assignment(
            office,
            task,
            assessor=task.assessor,
            responsible_units=[bureau.sections["党建科"]],
            leaders="",
            persons="",
            deadline=None,
        )
        progress_actions.set_schedule(office, bureau.cycle, "quarter", 3)
        submission = progress_actions.start_submission(
            users[TB], bureau.units["党建科"], task, "2020-Q2"
        )
        evidence = progress_actions.add_evidence(
            users[TB], submission.pk, SimpleUploadedFile("台账.pdf", PDF)
        )
        progress_actions.save_progress(
            users[TB], submission.pk, submission.version, "二季度重点任务按期推进"
        )
        progress_actions.submit(users[TB], submission.pk)
        draft_task = bureau.cycle.assignments.get(node_code="1.1.2")
        cycle_actions.change_assignment(
            office,
            draft_task,
            assessor=draft_task.assessor,
            responsible_units=[bureau.sections["党建科"]],
            leaders="",
            persons="",
            deadline=None,
        )
        draft_submission = progress_actions.start_submission(
            users[TB], bureau.units["党建科"], draft_task, "2020-Q2"
        )
        draft_evidence = progress_actions.add_evidence(
            users[TB], draft_submission.pk, SimpleUploadedFile("草稿台账.pdf", PDF)
        )
        published = cycle_actions.open_cycle(
            office,
            cycle_actions.CyclePlan(
                "已公示周期",
                bureau.version,
                "quarter",
                datetime.date(2020, 4, 1),
                datetime.date(2020, 6, 30),
                [cycle_actions.UnitEntry(unit) for unit in bureau.sections.values()],
            ),
        )
        published_unit = published.cycle_units.get(label="党建科")
        contested = cycle_actions.add_record(
            office, published_unit, indicator="3", rule="award", count=Decimal(1), level="本级"
        )
        result_actions.lock_cycle(office, published)
        publishing.publish_results(office, published)
    appeal = appeal_actions_file(appeal_actions, users[TB], published_unit, contested)
    evaluation, evaluator_group, proposal = open_evaluation(bureau, users[PY])
    holiday = Holiday.objects.create(date=datetime.date(2030, 1, 1), name="元旦")
    import_job = ImportJob.objects.create(
        title="导入考核记录", original_name="记录.xlsx", started_by=office
    )
    ids = {
        "download": made_download(office).pk,
        "reporter_id": users[TB].pk,
        "slug": "zhangjiagang-sections",
        "published_number": 1,
        "draft_number": draft.number,
        "revision": 1,
        "open_cycle": bureau.cycle.pk,
        "open_unit": bureau.units["党建科"].pk,
        "assignment": task.pk,
        "record": record.pk,
        "record_evidence": record_evidence.pk,
        "published_cycle": published.pk,
        "published_unit": published_unit.pk,
        "appeal": appeal.pk,
        "appeal_evidence": appeal.evidence.get().pk,
        "holiday": holiday.pk,
        "import_job": import_job.pk,
        "submission": submission.pk,
        "progress_evidence": evidence.pk,
        "draft_task": draft_task.pk,
        "draft_submission": draft_submission.pk,
        "draft_evidence": draft_evidence.pk,
        "notification": notify_reporter(users[TB]),
        "evaluation": evaluation.pk,
        "evaluator_group": evaluator_group.pk,
        "proposal": proposal.pk,
    }
    return users, ids


def appeal_actions_file(appeal_actions: Any, reporter: Any, cycle_unit: Any, record: Any) -> Any:
    return appeal_actions.file_appeal(
        reporter,
        cycle_unit,
        "该表彰应为市级",
        record_id=record.pk,
        files=[SimpleUploadedFile("证明.pdf", PDF)],
    )


def open_evaluation(bureau: Any, evaluator: Any) -> tuple[Any, Any, Any]:
    """An open 班子测评 with the 评议人 as its one named evaluator, and a proposed deduction
    for 党建科 under the 「不满意」 rule (督查科 assesses it)."""
    from django.utils import timezone

    from kaohe.evaluations import actions
    from kaohe.evaluations.models import ProposedDeduction

    now, day = timezone.now(), datetime.timedelta(days=1)
    evaluation = actions.create_evaluation(
        bureau.office, bureau.cycle, name="走查测评", opens_at=now - day, closes_at=now + day
    )
    group = actions.set_group(
        bureau.office,
        evaluation,
        {"name": "主要领导", "node_path": "班子测评", "scheme_group": "主要领导"},
        [actions.DimensionLine("综合评价", "score")],
        members=[evaluator],
    )
    actions.open_evaluation(bureau.office, evaluation)
    proposal = ProposedDeduction.objects.create(
        evaluation=evaluation,
        cycle_unit=bureau.units["党建科"],
        node_path="日常考核 › 纪律规范情况",
        rule_id="dc5",
        count=1,
    )
    return evaluation, group, proposal


def made_download(office: Any) -> Any:
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from kaohe.downloads.models import Download

    stored = default_storage.save("downloads/walk", ContentFile(b"xlsx"))
    return Download.objects.create(
        title="排名表",
        filename="排名表.xlsx",
        stored_name=stored,
        status="done",
        requested_by=office,
    )


def notify_reporter(reporter: Any) -> int:
    from kaohe.progress.models import Notification
    from kaohe.progress.notify import notify

    notify([reporter], "测试消息", "/")
    return Notification.objects.filter(user=reporter).latest("id").pk


def knock(client: Client, door: Door, url: str, ids: dict[str, Any]) -> int:
    """One request, rolled back afterwards, so that every role meets the same world."""
    data = {
        key: ids[value[1:]] if str(value).startswith("@") else value
        for key, value in door.data.items()
    }
    return rolled_back(client, door.method, url, data).status_code


def rolled_back(client: Client, method: str, url: str, data: Any, **extra: Any) -> Any:
    """One request whose writes are undone afterwards (GET data is the query string)."""
    with transaction.atomic():
        response = getattr(client, method)(url, data, **extra)
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize("name", sorted(DOORS))
def test_only_the_allowed_roles_get_through(name, world):
    users, ids = world
    door = DOORS[name]
    url = reverse(name, args=[ids[key] for key in door.args])
    refused = {}
    let_in = {}
    for role in sorted(set(Role) - door.allowed) + sorted(door.allowed):
        client = Client()
        client.force_login(users[role])
        status = knock(client, door, url, ids)
        (let_in if status not in {403, 404} else refused)[role] = status
    assert set(let_in) == set(door.allowed), {"let in": let_in, "refused": refused}
    assert all(status < 500 and status != 405 for status in let_in.values()), let_in


@pytest.mark.parametrize("name", sorted(DOORS))
def test_nobody_gets_through_without_logging_in(name, world):
    _, ids = world
    door = DOORS[name]
    url = reverse(name, args=[ids[key] for key in door.args])
    response = getattr(Client(), door.method)(url)
    if name == "logout":
        assert response.status_code == 302
        return
    assert response.status_code == 302, response.status_code
    assert response["Location"].startswith(reverse("login"))
