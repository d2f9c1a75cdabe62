"""Progress reports (报送) with evidence, their sign-off, and in-app notifications."""

from kaohe.progress.models.notifications import Notification
from kaohe.progress.models.submissions import Evidence, Schedule, SignOff, Submission

__all__ = ["Evidence", "Notification", "Schedule", "SignOff", "Submission"]
