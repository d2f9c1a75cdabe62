"""What every evidence download must answer, checked the same way for records, reports and
appeals: 200 with the bytes as an attachment under the Chinese name, 403 for a refused reader,
404 when the evidence row or its stored file is gone; and the migrations that gave the three
evidence models their shared columns."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.core.files.storage import default_storage


def assert_served(response: Any, name: str, content: bytes) -> None:
    assert response.status_code == 200
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(name)}"
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content
    assert_download_audited(name)


def assert_download_audited(name: str) -> None:
    from kaohe.audit.models import Action, AuditEntry

    download = AuditEntry.objects.filter(action=Action.FILE_DOWNLOADED).latest("seq")
    assert download.new == {"文件": name}


def assert_refused(response: Any) -> None:
    assert response.status_code == 403
    assert "没有权限" in response.content.decode()


def assert_gone(client: Any, evidence: Any, url: str) -> None:
    """404 once the file is gone from disk, and 404 once the evidence row is gone."""
    default_storage.delete(evidence.stored_name)
    assert client.get(url).status_code == 404
    evidence.delete()
    assert client.get(url).status_code == 404


def migrate(*targets: tuple[str, str]) -> Any:
    """Moves the test database's schema to ``targets``; returns the models as they were then."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(list(targets))
    executor.loader.build_graph()
    return executor.loader.project_state(list(targets)).apps
