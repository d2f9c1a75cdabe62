from django.urls import include, path

from kaohe.accounts.urls import auth_urlpatterns

urlpatterns = [
    # First: URLs resolve in order, and the phones' ballots (evaluations/v/<code>/) are the
    # requests that come by the hundred at once.
    path("evaluations/", include("kaohe.evaluations.urls")),
    path("", include("kaohe.web.urls")),
    path("accounts/", include(auth_urlpatterns)),
    path("accounts/", include("kaohe.accounts.urls")),
    path("schemes/", include("kaohe.schemes.urls")),
    path("cycles/", include("kaohe.cycles.urls")),
    path("audit/", include("kaohe.audit.urls")),
    path("results/", include("kaohe.results.urls")),
    path("appeals/", include("kaohe.appeals.urls")),
    path("holidays/", include("kaohe.workdays.urls")),
    path("progress/", include("kaohe.progress.urls")),
    path("imports/", include("kaohe.imports.urls")),
    path("downloads/", include("kaohe.downloads.urls")),
]

handler403 = "kaohe.web.views.errors.permission_denied"
handler404 = "kaohe.web.views.errors.page_not_found"
handler500 = "kaohe.web.views.errors.server_error"
