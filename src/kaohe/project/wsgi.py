"""WSGI entry point: `gunicorn kaohe.project.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kaohe.project.settings")
application = get_wsgi_application()
