from django.apps import AppConfig


class CyclesConfig(AppConfig):
    name = "kaohe.cycles"
    label = "cycles"
    verbose_name = "考核周期"
