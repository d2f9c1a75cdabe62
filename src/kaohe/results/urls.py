from django.urls import path

from kaohe.results.views import (
    bulletin,
    charts,
    consistency,
    cycles,
    dashboard,
    evaluations,
    exports,
    publication,
    ranking,
    unit,
    whatif,
)

app_name = "results"

urlpatterns = [
    path("", cycles.cycle_list, name="cycles"),
    path("<int:cycle_id>/", ranking.ranking, name="ranking"),
    path("<int:cycle_id>/lock/", ranking.lock, name="lock"),
    path("<int:cycle_id>/reopen/", ranking.reopen, name="reopen"),
    path("<int:cycle_id>/publish/", publication.publish, name="publish"),
    path("<int:cycle_id>/publication/", publication.progress, name="publication"),
    path("<int:cycle_id>/publication/requeue/", publication.requeue, name="requeue_publication"),
    path("<int:cycle_id>/finalise/", ranking.finalise, name="finalise"),
    path("<int:cycle_id>/recompute/", ranking.refresh, name="recompute"),
    path(
        "<int:cycle_id>/recompute/progress/",
        ranking.recompute_progress,
        name="recompute_progress",
    ),
    path("<int:cycle_id>/evaluations/", evaluations.evaluations, name="evaluations"),
    path("<int:cycle_id>/consistency/", consistency.assessor_consistency, name="consistency"),
    path("<int:cycle_id>/ranking.xlsx", exports.export_ranking, name="export_ranking"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("<int:cycle_id>/charts/", charts.cycle_charts, name="charts"),
    path("<int:cycle_id>/bulletin/", bulletin.bulletin, name="bulletin"),
    path("<int:cycle_id>/bulletin.docx", bulletin.bulletin_word, name="bulletin_docx"),
    path("<int:cycle_id>/bulletin.pdf", bulletin.bulletin_pdf, name="bulletin_pdf"),
    path("<int:cycle_id>/units/<int:cycle_unit_id>/", unit.unit_breakdown, name="unit"),
    path("<int:cycle_id>/units/<int:cycle_unit_id>/what-if/", whatif.what_if, name="what_if"),
    path(
        "<int:cycle_id>/units/<int:cycle_unit_id>/breakdown.xlsx",
        exports.export_unit,
        name="export_unit",
    ),
]
