from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from kaohe.accounts import second_factor_views, views

app_name = "accounts"

urlpatterns = [
    path("units/", views.units, name="units"),
    path("units/new/", views.new_unit, name="new_unit"),
    path("users/", views.users, name="users"),
    path("users/new/", views.new_user, name="new_user"),
    path("users/<int:user_id>/role/", views.change_role, name="change_role"),
    path("users/<int:user_id>/unlock/", views.unlock, name="unlock"),
    path("users/<int:user_id>/active/", views.set_active, name="set_active"),
    path("users/<int:user_id>/password/", views.reset_password, name="reset_password"),
    path(
        "users/<int:user_id>/second-factor/reset/",
        second_factor_views.reset,
        name="reset_second_factor",
    ),
    path("second-factor/", second_factor_views.verify, name="second_factor"),
    path("second-factor/enrol/", second_factor_views.enrol, name="enrol_second_factor"),
    path("import/", views.import_page, name="import"),
    path("import/template.xlsx", views.import_template, name="import_template"),
]

# Authentication pages keep Django's un-namespaced names (login, logout, password_change).
auth_urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        views.PasswordChangeView.as_view(success_url=reverse_lazy("home")),
        name="password_change",
    ),
]
