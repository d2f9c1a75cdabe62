from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "kaohe.results"
    label = "results"
    verbose_name = "考核结果"

    def ready(self) -> None:
        from kaohe.cycles.signals import facts_changed
        from kaohe.results.jobs import ask_for_recompute

        # A cycle's records or evaluation scores changed (told once, after commit): recompute.
        facts_changed.connect(ask_for_recompute, dispatch_uid="results.recompute")
