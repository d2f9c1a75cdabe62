from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "kaohe.evaluations"
    label = "evaluations"
    verbose_name = "测评与评议"
