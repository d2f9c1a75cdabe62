from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kaohe.backup.archive import BackupError
from kaohe.backup.installation import restore


class Command(BaseCommand):
    help = "从备份归档恢复数据库与证据文件；先核对校验和，已有数据时须加 --overwrite。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("archive", help="kaohe backup 生成的归档文件")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="覆盖当前数据库与证据文件（先停止网站与后台任务）",
        )

    def handle(self, *args: Any, archive: str, overwrite: bool, **options: Any) -> None:
        try:
            manifest = restore(Path(archive), overwrite=overwrite)
        except BackupError as error:
            raise CommandError(str(error)) from error
        evidence = len(manifest.checksums) - 1
        self.stdout.write(
            f"已从 {archive}（备份于 {manifest.created_at}）恢复数据库与证据文件 {evidence} 个。"
        )
