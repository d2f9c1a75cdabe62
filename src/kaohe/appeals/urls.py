from django.urls import path

from kaohe.appeals import views

app_name = "appeals"

urlpatterns = [
    path("<int:cycle_id>/", views.appeal_list, name="list"),
    path("<int:cycle_id>/units/<int:cycle_unit_id>/new/", views.new_appeal, name="new"),
    path("<int:cycle_id>/<int:appeal_id>/", views.appeal_detail, name="detail"),
    path("<int:cycle_id>/<int:appeal_id>/decide/", views.decide, name="decide"),
    path("evidence/<int:evidence_id>/", views.download_evidence, name="evidence"),
]
