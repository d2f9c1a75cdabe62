from django.urls import path

from kaohe.cycles.views import cycles, evidence, records

app_name = "cycles"

urlpatterns = [
    path("", cycles.cycle_list, name="list"),
    path("new/", cycles.cycle_new, name="new"),
    path("<int:cycle_id>/", cycles.cycle_detail, name="detail"),
    path(
        "<int:cycle_id>/assignments/<int:assignment_id>/", cycles.assignment_edit, name="assignment"
    ),
    path("<int:cycle_id>/units/<int:cycle_unit_id>/", cycles.participation, name="participation"),
    path("<int:cycle_id>/records/", records.records_grid, name="records"),
    path(
        "<int:cycle_id>/records/template.xlsx",
        records.records_download_template,
        name="records_template",
    ),
    path("<int:cycle_id>/records/upload/", records.records_upload, name="records_upload"),
    path(
        "<int:cycle_id>/units/<int:cycle_unit_id>/records/add/",
        records.record_add,
        name="record_add",
    ),
    path(
        "<int:cycle_id>/records/<int:record_id>/change/",
        records.record_change,
        name="record_change",
    ),
    path("<int:cycle_id>/records/<int:record_id>/", evidence.record_detail, name="record"),
    path(
        "<int:cycle_id>/records/<int:record_id>/evidence/",
        evidence.record_evidence_upload,
        name="record_evidence_upload",
    ),
    path(
        "record-evidence/<int:evidence_id>/",
        evidence.record_evidence_download,
        name="record_evidence",
    ),
    path(
        "<int:cycle_id>/records/<int:record_id>/delete/",
        records.record_delete,
        name="record_delete",
    ),
]
