"""Back up and restore the whole installation: the database and the evidence files together.

The database is dumped before the evidence folder is read, so every file a backed-up record
names is in the archive (files are written once, under new random names, and never changed).
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings

from kaohe.audit.log import Action, log_change
from kaohe.backup.archive import MEDIA, BackupError, Manifest, media_files, unpack_checked
from kaohe.backup.archive import write_archive as write_archive_file
from kaohe.backup.database import dump_database, holds_data, restore_database, vendor


def default_archive() -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"kaohe-{stamp}.tar.gz"


def back_up(target: Path) -> Manifest:
    with tempfile.TemporaryDirectory(prefix="kaohe-backup-") as folder:
        dump = dump_database(Path(folder))
        return write_archive_file(target, vendor(), dump, Path(settings.MEDIA_ROOT))


def restore(source: Path, *, overwrite: bool) -> Manifest:
    """Check the archive, then replace the database and the evidence folder with its content.
    Refuses an altered archive, a dump of another kind of database, and, without ``overwrite``,
    an installation that already holds data."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".kaohe-restore-") as folder:
        unpacked = Path(folder)
        manifest = unpack_checked(source, unpacked / "archive")
        refuse_unless_it_fits(manifest, media_root, overwrite)
        restore_database(unpacked / "archive" / manifest.database_member)
        replace_folder(media_root, unpacked / "archive" / MEDIA, unpacked / "replaced")
    log_change(
        None, Action.INSTALLATION_RESTORED, target_label=source.name, new=restore_note(manifest)
    )
    return manifest


def refuse_unless_it_fits(manifest: Manifest, media_root: Path, overwrite: bool) -> None:
    if manifest.vendor != vendor():
        raise BackupError(
            f"这是 {manifest.vendor} 数据库的备份，当前数据库是 {vendor()}，不能恢复到这里"
        )
    if not overwrite and (holds_data() or any(media_files(media_root))):
        raise BackupError(
            "当前数据库已有数据或证据文件目录不为空，恢复会覆盖它们。"
            "确需覆盖，请先停止网站与后台任务进程，再加 --overwrite 重新执行"
        )


def replace_folder(current: Path, replacement: Path, old_place: Path) -> None:
    if current.exists():
        current.rename(old_place)  # removed with the temporary folder
    if replacement.is_dir():
        replacement.rename(current)
    else:
        current.mkdir()


def restore_note(manifest: Manifest) -> dict[str, object]:
    return {"备份时间": manifest.created_at, "文件数": len(manifest.checksums)}
