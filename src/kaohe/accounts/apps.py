from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "kaohe.accounts"
    label = "accounts"
    verbose_name = "组织与账户"

    def ready(self) -> None:
        from kaohe.accounts import signals  # noqa: F401  (connects the login audit receivers)
