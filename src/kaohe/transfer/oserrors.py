"""Operating-system errors said in Chinese: a clerk reads 「找不到该文件」, not ENOENT's English."""

from __future__ import annotations

import errno

REASONS = {
    errno.ENOENT: "找不到该文件或文件夹",
    errno.EACCES: "没有读写权限",
    errno.EPERM: "操作不被允许",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘为只读",
    errno.EEXIST: "文件已存在",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EMFILE: "打开的文件过多",
    errno.EIO: "读写出错（输入/输出错误）",
    errno.EBUSY: "文件正被占用",
}


def reason(error: OSError) -> str:
    """Why the operating system refused, in Chinese (the errno's English only as a last resort,
    with its number, so support can still tell what happened)."""
    known = REASONS.get(error.errno or -1)
    if known:
        return known
    return f"系统错误 {error.errno}（{error.strerror or error}）"
