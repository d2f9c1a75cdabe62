from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "kaohe.progress"
    label = "progress"
    verbose_name = "进度与证明材料"
