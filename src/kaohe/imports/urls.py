from django.urls import path

from kaohe.imports import views

app_name = "imports"
urlpatterns = [
    path("<int:job_id>/", views.job, name="job"),
]
