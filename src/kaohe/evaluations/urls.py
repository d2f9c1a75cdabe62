from django.urls import path

from kaohe.evaluations.views import paper, running, setup, voting

app_name = "evaluations"

urlpatterns = [
    # First: the phones' ballots are this app's busiest requests, and URLs resolve in order.
    path("v/<str:code>/", voting.vote_with_code, name="vote_with_code"),
    path("v/", voting.enter_code, name="enter_code"),
    path("", setup.index, name="index"),
    path("cycles/<int:cycle_id>/new/", setup.new, name="new"),
    path("<int:evaluation_id>/", running.detail, name="detail"),
    path("<int:evaluation_id>/edit/", setup.edit, name="edit"),
    path("<int:evaluation_id>/groups/new/", setup.group_new, name="group_new"),
    path("<int:evaluation_id>/test/", running.start_test, name="start_test"),
    path("<int:evaluation_id>/open/", running.open_evaluation, name="open"),
    path("<int:evaluation_id>/close/", running.close_evaluation, name="close"),
    path("<int:evaluation_id>/count/", running.count, name="count"),
    path("groups/<int:group_id>/", setup.group_edit, name="group_edit"),
    path("groups/<int:group_id>/remove/", setup.group_remove, name="group_remove"),
    path("groups/<int:group_id>/codes/", running.codes, name="codes"),
    path("groups/<int:group_id>/send/", running.send, name="send"),
    path("groups/<int:group_id>/paper.xlsx", paper.template, name="paper_template"),
    path("groups/<int:group_id>/paper/", paper.upload, name="paper_upload"),
    path("groups/<int:group_id>/vote/", voting.vote, name="vote"),
    path("proposals/", running.proposals, name="proposals"),
    path("proposals/<int:proposal_id>/", running.decide, name="decide"),
    path("thanks/", voting.thanks, name="thanks"),
]
