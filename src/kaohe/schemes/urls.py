from django.urls import path

from kaohe.schemes.views import editor, revisions, schemes, trial

app_name = "schemes"

urlpatterns = [
    path("", schemes.scheme_list, name="list"),
    path("new/", schemes.scheme_new, name="new"),
    path("new/import/", schemes.scheme_import, name="import"),
    path("new/copy/", schemes.scheme_copy, name="copy"),
    path("compare/", revisions.version_compare, name="compare"),
    path("<slug:slug>/draft/", schemes.start_draft, name="start_draft"),
    path("<slug:slug>/v<int:number>/", schemes.version_detail, name="version"),
    path("<slug:slug>/v<int:number>/editor/", editor.editor, name="editor"),
    path("<slug:slug>/v<int:number>/editor/change/", editor.editor_change, name="editor_change"),
    path("<slug:slug>/v<int:number>/editor/formula/", editor.formula_check, name="formula_check"),
    path("<slug:slug>/v<int:number>/editor/try/", trial.try_draft, name="try"),
    path("<slug:slug>/v<int:number>/revisions/", revisions.revision_list, name="revisions"),
    path(
        "<slug:slug>/v<int:number>/revisions/compare/",
        revisions.revision_compare,
        name="revision_compare",
    ),
    path(
        "<slug:slug>/v<int:number>/revisions/<int:revision>/restore/",
        revisions.revision_restore,
        name="revision_restore",
    ),
    path("<slug:slug>/v<int:number>/edit/", schemes.edit_draft, name="edit"),
    path("<slug:slug>/v<int:number>/publish/", schemes.publish, name="publish"),
    path("<slug:slug>/v<int:number>/download/", schemes.version_download, name="download"),
]
