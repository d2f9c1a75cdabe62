"""Backup and restore of one kaohe installation: its database and its evidence files (MEDIA_ROOT)
in one archive with a manifest of SHA-256 checksums (docs/operations.md).

``archive`` writes and checks the archive and knows no Django; ``database`` dumps and restores
the database Django is configured with; the ``backup`` and ``restore`` management commands (in
kaohe.web) and ``kaohe backup`` / ``kaohe restore`` run them.
"""
