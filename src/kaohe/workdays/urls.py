from django.urls import path

from kaohe.workdays import views

app_name = "workdays"

urlpatterns = [
    path("", views.holidays, name="holidays"),
    path("<int:holiday_id>/delete/", views.remove, name="remove"),
]
