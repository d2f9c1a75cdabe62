from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from kaohe.backup.archive import BackupError
from kaohe.backup.installation import back_up, default_archive


class Command(BaseCommand):
    help = "备份数据库与证据文件到一个归档文件（含 SHA-256 校验清单）；运行中即可备份。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output", help="归档文件路径（默认 var/backups/kaohe-年月日-时分秒.tar.gz）"
        )

    def handle(self, *args: Any, output: str | None = None, **options: Any) -> None:
        target = Path(output) if output else default_archive()
        try:
            manifest = back_up(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        evidence = len(manifest.checksums) - 1
        self.stdout.write(
            f"已备份到 {target}：数据库（{manifest.vendor}）与证据文件 {evidence} 个。"
        )
