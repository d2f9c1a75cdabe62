from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "kaohe.progress"
    label = "progress"
    verbose_name = "进度与证明材料"

    def ready(self) -> None:
        from kaohe.cycles.facts import register_system_records
        from kaohe.progress.diligence import diligence_records

        register_system_records(diligence_records)
