from django.apps import AppConfig


class DownloadsConfig(AppConfig):
    name = "kaohe.downloads"
    label = "downloads"
    verbose_name = "文件生成"
