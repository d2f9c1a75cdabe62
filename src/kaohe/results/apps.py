from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "kaohe.results"
    label = "results"
    verbose_name = "考核结果"

    def ready(self) -> None:
        from kaohe.results import receivers  # noqa: F401  (connects facts_changed)
