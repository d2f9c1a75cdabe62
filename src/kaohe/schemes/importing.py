"""A 考核细则 document (xlsx, docx, txt or pasted text) read into a draft scheme, as an import job
(kaohe.imports): reading grows with the document — about 30 µs a character, 2 s for a 77,000
character document and 7 s near the reader's cap (docs/schemes.md) — so it never runs in the
request that uploads it."""

from __future__ import annotations

from django.urls import reverse

from kaohe import uploads
from kaohe.imports.jobs import ImportFailed, Progress, importer
from kaohe.imports.models import ImportJob
from kaohe.schemes import actions
from kaohe.schemes.editor_page import todo_count_of
from kaohe.schemes.models import Scheme
from kaohe.transfer.importers import ImportRefused, import_document

IMPORTED = "已导入为草稿，请逐项核对识别结果"


def imported_message(pending: int) -> str:
    """What the job's page says: the 待办 is named only when the import left work in it, and
    counted as the editor's 待办 box under it counts."""
    if pending:
        return f"{IMPORTED}；还有 {pending} 项待办需要处理后才能发布"
    return f"{IMPORTED}，无误后即可发布"


@importer("无法导入")
def import_scheme_document(job: ImportJob, data: bytes, progress: Progress) -> str:
    """The document's draft scheme, whose editor the job's page then opens."""
    progress.stage("正在识别考核细则")
    try:
        imported = import_document(job.original_name, data, max_bytes=uploads.max_bytes())
    except ImportRefused as error:
        raise ImportFailed([str(error)]) from error
    progress.stage("正在保存草稿")
    version = actions.create_draft_scheme(
        job.started_by, imported.scheme, Scheme.Source.IMPORTED, report=imported.report.lines()
    )
    job.result_url = reverse("schemes:editor", args=[version.scheme.slug, version.number])
    return imported_message(todo_count_of(version))
