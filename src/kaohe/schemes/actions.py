"""Every change to schemes and their versions: check, write, audit."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from kaohe.audit.log import Action, log_change
from kaohe.engine import SchemeError
from kaohe.schemes.documents import (
    builtin_scheme_files,
    data_problems,
    document_revision,
    problems_of,
    scheme_from_text,
)
from kaohe.schemes.editing.edits import Edit
from kaohe.schemes.editing.tree import EditRefused
from kaohe.schemes.editing.words import in_words
from kaohe.schemes.models import Scheme, SchemeRevision, SchemeVersion
from kaohe.schemes.readiness import publish_blockers
from kaohe.transfer.scheme_file import dump_scheme_data, parse_scheme_text


@transaction.atomic
def create_scheme(actor: object, document: str, source: str) -> SchemeVersion:
    """A new scheme from a valid document, with that document as its first draft."""
    scheme_model = scheme_from_text(document)
    if Scheme.objects.filter(slug=scheme_model.id).exists():
        raise ValidationError(f"方案标识「{scheme_model.id}」已存在")
    scheme = Scheme.objects.create(
        slug=scheme_model.id,
        name=scheme_model.name,
        body=scheme_model.body,
        source=source,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    version = SchemeVersion.objects.create(scheme=scheme, number=1, document=document)
    add_revision(actor, version, "新建方案")
    log_change(
        actor,
        Action.SCHEME_CREATED,
        scheme,
        new={"标识": scheme.slug, "名称": scheme.name, "来源": scheme.get_source_display()},
    )
    return version


@transaction.atomic
def start_draft(actor: object, scheme: Scheme) -> SchemeVersion:
    """The scheme's open draft, or a new one copied from its latest version."""
    draft = scheme.versions.filter(status=SchemeVersion.Status.DRAFT).first()
    if draft is not None:
        return draft
    latest = scheme.versions.order_by("-number").first()
    number = (scheme.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    draft = SchemeVersion.objects.create(
        scheme=scheme, number=number, document=latest.document if latest else ""
    )
    add_revision(actor, draft, f"由第 {latest.number} 版新建草稿" if latest else "新建草稿")
    log_change(actor, Action.SCHEME_DRAFT_CREATED, scheme, new={"版本": number})
    return draft


@transaction.atomic
def save_draft(actor: object, draft: SchemeVersion, document: str) -> list[str]:
    """Stores the document typed in the 「高级」 view, even when invalid (nothing typed is
    lost); returns problems."""
    draft = editable_draft(draft)
    store_document(
        actor, draft, document, Action.SCHEME_DRAFT_CHANGED, "在「高级」视图中修改方案文件"
    )
    return list(draft.problems)


@transaction.atomic
def edit_draft(
    actor: object,
    draft: SchemeVersion,
    make_edit: Callable[[dict[str, Any]], Edit],
    revision: str = "",
) -> Edit:
    """One change made in the scheme editor. ``make_edit`` builds the change from the draft's
    data as it is now (read under a row lock); the change is refused, and nothing saved, when
    it gives the engine a problem the draft did not have. ``revision`` is the document's
    revision the person was looking at: a draft changed since is refused too."""
    draft = editable_draft(draft)
    if revision and revision != document_revision(draft.document):
        raise ValidationError(
            "草稿已在别处修改（可能是另一个窗口），请刷新页面后再改；本次修改未保存"
        )
    data = draft_data(draft)
    try:
        edit = make_edit(copy.deepcopy(data))
        changed = copy.deepcopy(data)
        edit.apply(changed)
    except EditRefused as refused:
        raise ValidationError(refused.messages) from refused
    refuse_new_problems(data, changed, edit)
    store_document(actor, draft, dump_scheme_data(changed), edit.action, edit.describe)
    return edit


def editable_draft(draft: SchemeVersion) -> SchemeVersion:
    """The draft re-read under a row lock; a published version is refused."""
    locked = SchemeVersion.objects.select_for_update().get(pk=draft.pk)
    if locked.is_published:
        raise ValidationError("已发布的方案版本不可修改，请新建草稿")
    return locked


def draft_data(draft: SchemeVersion) -> dict[str, Any]:
    try:
        data = parse_scheme_text(draft.document)
    except SchemeError as error:
        raise ValidationError([*error.problems, "请先在「高级」视图中修正方案文件"]) from error
    if not isinstance(data, dict):
        raise ValidationError("方案文件不是映射，请先在「高级」视图中修正")
    return data


def refuse_new_problems(before: dict[str, Any], after: dict[str, Any], edit: Edit) -> None:
    """Refuses the change when the engine finds a problem in ``after`` that ``before`` had not
    (a problem about a renamed node counts as the same problem under its new path)."""
    known = set()
    for problem in data_problems(before):
        for old, new in edit.renamed.items():
            problem = problem.replace(old, new)
        known.add(problem)
    fresh = [in_words(problem) for problem in data_problems(after) if problem not in known]
    if fresh:
        raise ValidationError([f"未保存：{problem}" for problem in fresh])


def store_document(
    actor: object, draft: SchemeVersion, document: str, action: Action, describe: str
) -> None:
    """Every save of a draft's document, from either view: stored with its problems, audited
    with the whole document before and after."""
    old = draft.document
    draft.document = document
    draft.problems = problems_of(document)
    draft.save(update_fields=["document", "problems"])
    revision = add_revision(actor, draft, describe)
    log_change(
        actor,
        action,
        draft,
        old={"文件": old},
        new={"修改": describe, "修订": revision.number, "文件": document},
    )


def add_revision(actor: object, version: SchemeVersion, describe: str) -> SchemeRevision:
    """The version's document as it is now, kept as its next revision."""
    number = (version.revisions.aggregate(top=Max("number"))["top"] or 0) + 1
    return SchemeRevision.objects.create(
        version=version,
        number=number,
        document=version.document,
        describe=describe[:500],
        created_by=actor if getattr(actor, "pk", None) else None,
    )


@transaction.atomic
def restore_revision(actor: object, draft: SchemeVersion, number: int) -> SchemeRevision:
    """The draft's document as it was at revision ``number``; the restore is itself a new
    revision (nothing after it is lost) and audited."""
    draft = editable_draft(draft)
    earlier = draft.revisions.filter(number=number).first()
    if earlier is None:
        raise ValidationError(f"没有第 {number} 次修订")
    describe = f"恢复为第 {number} 次修订（{earlier.describe}）"
    store_document(actor, draft, earlier.document, Action.SCHEME_DRAFT_CHANGED, describe)
    return draft.revisions.order_by("-number").first() or earlier


@transaction.atomic
def publish_version(
    actor: object, draft: SchemeVersion, *, as_shipped: bool = False
) -> SchemeVersion:
    """Validates and freezes the draft. Only a valid document is published, and only once
    nothing blocks it (``readiness.publish_blockers``: flagged rules, items without rules or
    stuck at 0, points that do not add up). A built-in scheme is published ``as_shipped``:
    its document is the reference, written and tested with the code."""
    if draft.is_published:
        raise ValidationError("该版本已发布")
    problems = problems_of(draft.document)
    if problems:
        raise ValidationError(problems)
    blockers = [] if as_shipped else publish_blockers(scheme_from_text(draft.document))
    if blockers:
        raise ValidationError([in_words(blocker) for blocker in blockers])
    draft.status = SchemeVersion.Status.PUBLISHED
    draft.published_at = timezone.now()
    draft.published_by = actor if getattr(actor, "pk", None) else None
    draft.problems = []
    draft.save(update_fields=["status", "published_at", "published_by", "problems"])
    log_change(
        actor, Action.SCHEME_VERSION_PUBLISHED, draft, old={"状态": "草稿"}, new={"状态": "已发布"}
    )
    return draft


def install_builtin_schemes(actor: object = None) -> int:
    """Installs each built-in scheme once, as a published first version. Returns how many."""
    installed = 0
    for path in builtin_scheme_files():
        document = path.read_text(encoding="utf-8")
        slug = scheme_from_text(document).id
        if Scheme.objects.filter(slug=slug).exists():
            continue
        with transaction.atomic():
            version = create_scheme(actor, document, Scheme.Source.BUILTIN)
            publish_version(actor, version, as_shipped=True)
        installed += 1
    return installed


def free_slug(wanted: str) -> str:
    slug, number = wanted or "scheme", 2
    while Scheme.objects.filter(slug=slug).exists():
        slug, number = f"{wanted}-{number}", number + 1
    return slug


@transaction.atomic
def create_draft_scheme(
    actor: object, data: dict[str, Any], source: str, report: list[str] | None = None
) -> SchemeVersion:
    """A new scheme whose first version is a draft — kept even when it does not validate yet,
    so that an imported document's every cell reaches the review page."""
    slug = free_slug(slugify(str(data.get("id", ""))) or "scheme")
    data = {**data, "id": slug}
    document = dump_scheme_data(data)
    scheme = Scheme.objects.create(
        slug=slug,
        name=str(data.get("name") or slug)[:200],
        body=str(data.get("body", ""))[:200],
        source=source,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    version = SchemeVersion.objects.create(
        scheme=scheme,
        number=1,
        document=document,
        problems=problems_of(document),
        import_report=report or [],
    )
    add_revision(actor, version, f"新建方案（{scheme.get_source_display()}）")
    log_change(
        actor,
        Action.SCHEME_CREATED,
        scheme,
        new={"标识": slug, "名称": scheme.name, "来源": scheme.get_source_display()},
    )
    return version


BLANK_SCHEME: dict[str, Any] = {
    "format": "kaohe-scheme/1",
    "id": "new-scheme",
    "name": "新建考核方案",
    "body": "",
    "period": "year",
    "decimals": 2,
    "sections": [
        {
            "name": "工作目标",
            "points": 100,
            "children": [
                {
                    "name": "重点工作",
                    "points": 100,
                    "kind": "scored",
                    "criteria": "未按期完成的，每项扣1分，扣完为止。",
                    "rules": [{"id": "task", "kind": "per_occurrence", "amount": -1, "unit": "项"}],
                },
            ],
        },
    ],
    "grades": [
        {"name": "优秀", "min": 90},
        {"name": "良好", "min": 80},
        {"name": "合格", "min": 60},
        {"name": "不合格"},
    ],
}
