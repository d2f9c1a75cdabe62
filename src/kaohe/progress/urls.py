from django.urls import path

from kaohe.progress.views import board, inbox, submission, tasks

app_name = "progress"

urlpatterns = [
    path("tasks/", tasks.my_tasks, name="tasks"),
    path("tasks/start/", tasks.start, name="start"),
    path("boards/", board.boards, name="boards"),
    path("boards/<int:cycle_id>/", board.board, name="board"),
    path("boards/<int:cycle_id>/schedule/", board.schedule, name="schedule"),
    path("boards/<int:cycle_id>/remind/<int:cycle_unit_id>/", board.remind, name="remind"),
    path("submissions/<int:submission_id>/", submission.detail, name="submission"),
    path("submissions/<int:submission_id>/save/", submission.save, name="save"),
    path("submissions/<int:submission_id>/upload/", submission.upload, name="upload"),
    path("submissions/<int:submission_id>/submit/", submission.submit, name="submit"),
    path("submissions/<int:submission_id>/approve/", submission.approve, name="approve"),
    path("submissions/<int:submission_id>/return/", submission.send_back, name="return"),
    path("evidence/<int:evidence_id>/", submission.download, name="evidence"),
    path("evidence/<int:evidence_id>/delete/", submission.remove_evidence, name="remove_evidence"),
    path("notifications/", inbox.inbox, name="notifications"),
    path("notifications/<int:notification_id>/open/", inbox.open_one, name="open_notification"),
    path("notifications/read/", inbox.read_all, name="read_all"),
]
