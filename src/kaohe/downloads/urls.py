from django.urls import path

from kaohe.downloads import views

app_name = "downloads"
urlpatterns = [
    path("<int:download_id>/", views.download_page, name="page"),
    path("<int:download_id>/file", views.download_file, name="file"),
]
