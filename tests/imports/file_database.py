"""Run in a separate process on a file database (manage.py shell -c): a records import of the
demo cycle whose row checking pauses until the test says it may go on, so that the test can try
to write to the database from another connection while the import is checking rows."""

from __future__ import annotations

import io
import time
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from kaohe import engine
from kaohe.accounts.models import User
from kaohe.cycles.importing import import_records
from kaohe.cycles.models import Cycle
from kaohe.imports.jobs import start_import
from kaohe.transfer.records import COLUMNS
from kaohe.web.demo import DEMO_CYCLE

ROW = ["党建科", "3", "award", 1, None, "市级", None, None, None, None, "获市级表彰"]


def records_workbook(rows: int) -> bytes:
    book = Workbook()
    book.active.append(list(COLUMNS))
    for _ in range(rows):
        book.active.append(ROW)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def import_pausing_while_checking(folder: str, rows: int) -> None:
    notes = Path(folder)
    check_row = engine.record_problems

    def paused(*args: object, **kwargs: object) -> object:
        if not (notes / "checking").exists():
            (notes / "checking").touch()
            deadline = time.monotonic() + 30
            while not (notes / "written").exists() and time.monotonic() < deadline:
                time.sleep(0.05)
        return check_row(*args, **kwargs)  # type: ignore[arg-type]

    engine.record_problems = paused  # type: ignore[assignment]
    office = User.objects.get(username="khb")
    cycle = Cycle.objects.get(name=DEMO_CYCLE)
    upload = SimpleUploadedFile("记录.xlsx", records_workbook(rows))
    job = start_import(office, import_records, upload, title="导入", back_url="", cycle=cycle.pk)
    (notes / "outcome").write_text("\n".join([job.outcome, *job.problems]), encoding="utf-8")
