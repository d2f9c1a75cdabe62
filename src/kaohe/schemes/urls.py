from django.urls import path

from kaohe.schemes import views

app_name = "schemes"

urlpatterns = [
    path("", views.scheme_list, name="list"),
    path("new/", views.scheme_new, name="new"),
    path("new/import/", views.scheme_import, name="import"),
    path("new/copy/", views.scheme_copy, name="copy"),
    path("<slug:slug>/draft/", views.start_draft, name="start_draft"),
    path("<slug:slug>/v<int:number>/", views.version_detail, name="version"),
    path("<slug:slug>/v<int:number>/edit/", views.edit_draft, name="edit"),
    path("<slug:slug>/v<int:number>/publish/", views.publish, name="publish"),
    path("<slug:slug>/v<int:number>/download/", views.version_download, name="download"),
]
