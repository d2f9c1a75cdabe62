from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "kaohe.imports"
    label = "imports"
    verbose_name = "批量导入"
