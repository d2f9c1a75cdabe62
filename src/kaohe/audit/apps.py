from django.apps import AppConfig
from django.db.backends.signals import connection_created


class AuditConfig(AppConfig):
    name = "kaohe.audit"
    label = "audit"
    verbose_name = "审计日志"

    def ready(self) -> None:
        from kaohe.audit import guard, signals  # noqa: F401  (signals: receivers connect)

        connection_created.connect(guard.register_sqlite_function)
