"""Signals other contexts listen to, so that cycles need not import them.

``facts_changed`` is sent (after the transaction commits) whenever a record or evaluation score
of a cycle changes; ``cycle_unit`` is None when many units changed at once.
"""

from django.dispatch import Signal

facts_changed = Signal()
