from django.urls import path

from kaohe.project.urls import handler403, handler404, handler500, urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


def boom(request):
    raise RuntimeError("秘密细节")


urlpatterns = [*urlpatterns, path("boom/", boom)]
