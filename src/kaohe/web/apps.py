from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kaohe.web"
    label = "web"
    verbose_name = "应用框架"

    def ready(self) -> None:
        from kaohe.web import checks  # noqa: F401  (registers the start-up checks)
