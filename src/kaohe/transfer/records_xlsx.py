"""Reading records from the first sheet of an xlsx workbook (same headers as the CSV)."""

from __future__ import annotations

from pathlib import Path

from kaohe.engine import FactsError
from kaohe.transfer.limits import MAX_FILE_BYTES, ImportRefused
from kaohe.transfer.oserrors import reason
from kaohe.transfer.workbooks import GuardedWorkbook


def read_xlsx_rows(path: Path) -> list[list[object]]:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
        with GuardedWorkbook(data) as workbook:
            return workbook.rows()
    except OSError as error:
        raise FactsError([f"无法读取记录文件「{path}」：{reason(error)}"]) from error
    except ImportRefused as refused:
        raise FactsError([f"无法读取记录文件「{path}」：{refused}"]) from refused
