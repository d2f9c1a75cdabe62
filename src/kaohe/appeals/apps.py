from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "kaohe.appeals"
    label = "appeals"
    verbose_name = "申诉"
