"""kaohe settings, driven by environment variables with defaults that run on SQLite.

Every variable is read through the small typed helpers below. Secrets never live in the repo: when
KAOHE_SECRET_KEY is not given, a key is generated once into the var/ directory.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env_text(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    return env_text(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(env_text(name, str(default)))


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_text(name, default).split(",") if item.strip()]


def secret_key_from(var_dir: Path) -> str:
    given = env_text("KAOHE_SECRET_KEY")
    if given:
        return given
    key_file = var_dir / "secret_key"
    var_dir.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: of several processes starting at once, exactly one writes the key
        descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(64))
    return key_file.read_text().strip()


BASE_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = Path(env_text("KAOHE_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = secret_key_from(VAR_DIR)
# The key that seals the audit chain (kaohe.audit.chain), never stored in the database: the value
# of KAOHE_AUDIT_KEY, else this file, written with mode 0600 at the first audit entry.
AUDIT_KEY_FILE = Path(env_text("KAOHE_AUDIT_KEY_FILE", str(VAR_DIR / "audit_key")))
DEBUG = env_bool("KAOHE_DEBUG")
SECURE = env_bool("KAOHE_SECURE")  # behind HTTPS in production
ALLOWED_HOSTS = env_list("KAOHE_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("KAOHE_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "kaohe.audit",
    "kaohe.imports",
    "kaohe.downloads",
    "kaohe.accounts",
    "kaohe.schemes",
    "kaohe.cycles",
    "kaohe.web",
    "kaohe.workdays",
    "kaohe.progress",
    "kaohe.evaluations",
    "kaohe.results",
    "kaohe.appeals",
]

MIDDLEWARE = [
    "kaohe.uploads.RequestBodyCapMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "kaohe.web.middleware.ContentSecurityPolicyMiddleware",
    "kaohe.web.middleware.ChineseMethodNotAllowedMiddleware",
    "kaohe.audit.middleware.RequestContextMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kaohe.accounts.middleware.NoStoreMiddleware",
    "kaohe.accounts.middleware.AbsoluteSessionMiddleware",
    "kaohe.accounts.middleware.IdleClockMiddleware",
    "kaohe.accounts.middleware.SecondFactorMiddleware",
    "kaohe.accounts.middleware.PasswordExpiryMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kaohe.project.urls"
WSGI_APPLICATION = "kaohe.project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kaohe.web.menu.menu_context",
                "kaohe.progress.context.notifications",
            ],
        },
    },
]


def database_settings() -> dict[str, dict[str, object]]:
    url = env_text("DATABASE_URL")
    if url:
        return {"default": dict(dj_database_url.parse(url, conn_max_age=60))}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "kaohe.sqlite3",
            # A connection kept by each server thread (as PostgreSQL's are): opening one per
            # request re-reads the schema, and closing the last one checkpoints the WAL.
            "CONN_MAX_AGE": env_int("KAOHE_SQLITE_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                # busy_timeout: a writer waits this long for the one write lock before
                # "database is locked" (web/checks.py checks WAL when migrate starts).
                "timeout": env_int("KAOHE_SQLITE_BUSY_MS", 10_000) / 1000,
            },
        }
    }


DATABASES = database_settings()
# Rendered page parts (kaohe.fragments), in each process's memory: keyed by what they show, so
# never stale. A city's records grid alone is a part per unit and indicator (200 × 7).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "kaohe.accounts.backends.AccountBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
PASSWORD_MIN_LENGTH = env_int("KAOHE_PASSWORD_MIN_LENGTH", 8)
PASSWORD_MIN_CLASSES = env_int("KAOHE_PASSWORD_MIN_CLASSES", 3)
PASSWORD_MAX_AGE_DAYS = env_int("KAOHE_PASSWORD_MAX_AGE_DAYS", 90)
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {
        "NAME": "kaohe.accounts.passwords.CharacterClassValidator",
        "OPTIONS": {"min_classes": PASSWORD_MIN_CLASSES},
    },
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "kaohe.accounts.passwords.NameValidator"},
    {"NAME": "kaohe.accounts.passwords.CommonPatternValidator"},
    {
        "NAME": "kaohe.accounts.passwords.RecentPasswordValidator",
        "OPTIONS": {"remembered": env_int("KAOHE_PASSWORD_HISTORY", 5)},
    },
]
# Two-factor login (accounts/second_factor.py): always for the administrators and 考核办; for
# everyone when this is on. TOTP codes are throttled (a wait doubling after each wrong code).
SECOND_FACTOR_FOR_ALL = env_bool("KAOHE_SECOND_FACTOR_FOR_ALL")
OTP_TOTP_ISSUER = "kaohe 绩效考核"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Idle logout: the session lives 30 minutes past the last request. The idle clock is restarted
# by accounts.middleware.IdleClockMiddleware at most once a minute, not by a session write on
# every request (a read would then need SQLite's write lock).
SESSION_COOKIE_AGE = env_int("KAOHE_IDLE_MINUTES", 30) * 60
SESSION_SAVE_EVERY_REQUEST = False
# However busy, a session ends this long after its login (accounts.middleware.AbsoluteSession…).
SESSION_ABSOLUTE_HOURS = env_int("KAOHE_SESSION_HOURS", 12)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AXES_FAILURE_LIMIT = env_int("KAOHE_LOGIN_FAILURE_LIMIT", 5)
# Lock the account, not the address: a whole office shares one NAT address on the intranet, and a
# lockout per IP would lock every colleague out after one person's mistakes.
AXES_LOCKOUT_PARAMETERS = ["username"]
# Beside it, a throttle per address with a far higher threshold (accounts/throttle.py): password
# spraying over many names from one address waits, an office behind one NAT address does not
# (docs/decisions.md). Every failure is kept with its address and time for it.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("KAOHE_ADDRESS_FAILURE_LIMIT", 30)
LOGIN_ADDRESS_WINDOW_MINUTES = env_int("KAOHE_ADDRESS_WINDOW_MINUTES", 10)
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_COOLOFF_TIME = timedelta(minutes=env_int("KAOHE_LOCKOUT_MINUTES", 30))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Background work (recomputing results after a change): "worker" queues it in the database for
# `manage.py task_worker` (what `make run` starts); "immediate" runs it in the saving request,
# which needs no worker and is what the tests use.
TASKS_MODE = env_text("KAOHE_TASKS", "immediate")
if TASKS_MODE not in ("worker", "immediate"):
    raise ImproperlyConfigured(f"KAOHE_TASKS 应为 worker 或 immediate，现为「{TASKS_MODE}」")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_MODE == "worker"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise expects it even before collectstatic
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = Path(env_text("KAOHE_MEDIA_DIR", str(VAR_DIR / "media")))
UPLOAD_MAX_MB = env_int("KAOHE_UPLOAD_MAX_MB", 20)  # evidence files and imported workbooks
# A request body over UPLOAD_MAX_MB plus 1 MB is refused unread (kaohe.uploads); the form fields
# of a body may hold 2.5 MB in memory, and an upload over 2.5 MB is spooled to a temporary file.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# The evaluation grid posts two fields a score (the score, the version it was shown at): a city's
# 200 units × 6 columns are 2,400 fields from a browser without JavaScript (Django allows 1,000).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 20_000

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if SECURE:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("KAOHE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

EMAIL_BACKEND = env_text("KAOHE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_text("KAOHE_FROM_EMAIL", "kaohe@localhost")
# Ballot links (测评码) sent by SMS: the backend's dotted path; the default writes each message
# into a file under var/sms instead of sending it. The links start with the public address:
# KAOHE_PUBLIC_URL when set (e.g. behind a proxy), else the address the office's browser uses.
SMS_BACKEND = env_text("KAOHE_SMS_BACKEND", "kaohe.evaluations.senders.FileSmsBackend")
SMS_OUTBOX_DIR = Path(env_text("KAOHE_SMS_DIR", str(VAR_DIR / "sms")))
PUBLIC_URL = env_text("KAOHE_PUBLIC_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_text("KAOHE_LOG_LEVEL", "WARNING")},
}
CSRF_FAILURE_VIEW = "kaohe.web.views.errors.csrf_failure"
