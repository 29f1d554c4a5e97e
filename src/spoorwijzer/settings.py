"""Django settings. Embedded default: SQLite under ./var; production: DATABASE_URL (PostgreSQL).

Environment variables: DATABASE_URL, SPOORWIJZER_SECRET_KEY, SPOORWIJZER_DEBUG, SPOORWIJZER_DATA_DIR,
SPOORWIJZER_ALLOWED_HOSTS, SPOORWIJZER_SMTP_HOST/PORT/USER/PASSWORD/TLS, SPOORWIJZER_FROM_EMAIL.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlparse

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SPOORWIJZER_DATA_DIR", Path.cwd() / "var")).resolve()
DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
if DATA_DIR.stat().st_uid == os.getuid():  # the database, documents and key: for this account only (issue 10, 15)
    DATA_DIR.chmod(0o700)


def _secret_key() -> str:
    if os.environ.get("SPOORWIJZER_SECRET_KEY"):
        return os.environ["SPOORWIJZER_SECRET_KEY"]
    path = DATA_DIR / "secret_key"
    if not path.exists():  # one random key per installation, kept beside the data
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def _database(url: str | None) -> dict:
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "spoorwijzer.sqlite3",
            # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock when a transaction
            # starts, so two writers queue (busy_timeout) instead of one failing with "database is locked" when
            # it upgrades a read lock halfway through (docs/decisions/0009-concurrency.md)
            "OPTIONS": {
                "timeout": 30,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;",
            },
        }
    u = urlparse(url)
    if u.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"DATABASE_URL: alleen postgres:// wordt ondersteund, niet {u.scheme}://")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": u.path.lstrip("/"),
        "USER": unquote(u.username or ""),
        "PASSWORD": unquote(u.password or ""),
        "HOST": u.hostname or "",
        "PORT": str(u.port or ""),
        "CONN_MAX_AGE": 60,
    }


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("SPOORWIJZER_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("SPOORWIJZER_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
# host part of calendar UIDs (geval-<id>-<step>-<n>@<host>): set once per installation, never change it
AGENDA_HOST = os.environ.get("SPOORWIJZER_AGENDA_HOST", "") or ALLOWED_HOSTS[0]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "spoorwijzer.dossier",
    "spoorwijzer.web",
    "rest_framework",
    "drf_spectacular",
    "spoorwijzer.api",
    "spoorwijzer.oidc",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "spoorwijzer.web.koppen.Beveiligingskoppen",  # CSP, no-store (after WhiteNoise: static files stay cacheable)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "spoorwijzer.urls"
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
                "spoorwijzer.web.views.rol_context",
                "spoorwijzer.oidc.views.sso_context",
            ]
        },
    }
]
WSGI_APPLICATION = "spoorwijzer.wsgi.application"
DATABASES = {"default": _database(os.environ.get("DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600
HTTPS = os.environ.get("SPOORWIJZER_HTTPS", "0") == "1"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:  # behind TLS (docs/security.md): http -> https, HSTS for a year; the proxy says which scheme it served
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SPOORWIJZER_HSTS_SUBDOMAINS", "0") == "1"
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "nl"  # the UI is Dutch for everyone (no negotiation with the browser)
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True  # serve app static files without a collectstatic step
MEDIA_ROOT = DATA_DIR / "documenten"
# documents at rest: files 0600 in folders 0700 (the storage sets both, whatever the umask)
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
CSRF_FAILURE_VIEW = "spoorwijzer.web.views_levensloop.csrf_fout"
# one uploaded document at most (UWV accepts documents up to 10 MB each); see dossier/bestanden.py
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024

if os.environ.get("SPOORWIJZER_SMTP_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["SPOORWIJZER_SMTP_HOST"]
    EMAIL_PORT = int(os.environ.get("SPOORWIJZER_SMTP_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("SPOORWIJZER_SMTP_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("SPOORWIJZER_SMTP_PASSWORD", "")
    EMAIL_USE_TLS = os.environ.get("SPOORWIJZER_SMTP_TLS", "1") == "1"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("SPOORWIJZER_FROM_EMAIL", "spoorwijzer@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}

# REST API (/api/v1/, see spoorwijzer/api): token or OIDC bearer, JSON only, errors in one Dutch shape
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "spoorwijzer.api.auth.TokenAuthentication",
        "spoorwijzer.api.auth.OIDCBearerAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "spoorwijzer.api.errors.handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Spoorwijzer API",
    "DESCRIPTION": "Verzuimdossiers, werknemers, gebeurtenissen (alleen toevoegen), termijnen en berekeningen. "
    "Dezelfde toegangsregels als de webapplicatie. Bedragen in eurocent, datums JJJJ-MM-DD.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "spoorwijzer.api.schema.foutantwoorden",
    ],
}

# Single sign-on with OpenID Connect (spoorwijzer/oidc): on when the client id and endpoints are set
OIDC_RP_CLIENT_ID = os.environ.get("SPOORWIJZER_OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("SPOORWIJZER_OIDC_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("SPOORWIJZER_OIDC_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("SPOORWIJZER_OIDC_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("SPOORWIJZER_OIDC_USERINFO_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("SPOORWIJZER_OIDC_JWKS_ENDPOINT", "")
OIDC_OP_ISSUER = os.environ.get("SPOORWIJZER_OIDC_ISSUER", "")
OIDC_RP_SIGN_ALGO = os.environ.get("SPOORWIJZER_OIDC_SIGN_ALGO", "RS256")
OIDC_RP_SCOPES = "openid email"
OIDC_TOKEN_USE_BASIC_AUTH = (
    os.environ.get("SPOORWIJZER_OIDC_CLIENT_AUTH", "basic") == "basic"
)  # else client_secret_post
OIDC_CREATE_USER = False  # sign-on matches existing users only; it never creates one or gives a role
OIDC_USE_NONCE = True
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_authentication_callback"
SPOORWIJZER_OIDC_NAAM = os.environ.get("SPOORWIJZER_OIDC_NAAM", "")
if "AUTHENTICATION_BACKENDS" not in globals():
    AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "spoorwijzer.oidc.backend.SpoorwijzerOIDCBackend"]

# Login security (spoorwijzer/web/beveiliging.py, docs/security.md): lockout (django-axes), Dutch password rules,
# the second step with an authenticator app (django-otp, TOTP), idle timeout, re-authentication for medical pages
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]
MIDDLEWARE += [
    "django_otp.middleware.OTPMiddleware",
    "spoorwijzer.web.beveiliging.InactiefMiddleware",
    "spoorwijzer.web.beveiliging.TweeStapMiddleware",
    "spoorwijzer.web.beveiliging.HerbevestigingMiddleware",
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = ["spoorwijzer.web.beveiliging.AxesBackend", *AUTHENTICATION_BACKENDS]
AUTH_PASSWORD_VALIDATORS += [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "spoorwijzer.web.beveiliging.NederlandseWachtwoordValidator"},
]
AXES_FAILURE_LIMIT = int(os.environ.get("SPOORWIJZER_LOGIN_POGINGEN", "5"))  # wrong passwords per username
AXES_COOLOFF_TIME = int(os.environ.get("SPOORWIJZER_LOGIN_BLOKKADE_MINUTEN", "15")) / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username"]  # per account: an office behind one address is not locked as a whole
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "spoorwijzer.web.beveiliging.geblokkeerd"
AXES_VERBOSE = False
AXES_DISABLE_ACCESS_LOG = True  # successful logins belong in the hash-chained audit, not in a second table
SPOORWIJZER_INACTIEF_MINUTEN = int(os.environ.get("SPOORWIJZER_INACTIEF_MINUTEN", "30"))
SPOORWIJZER_HERBEVESTIGING_MINUTEN = int(os.environ.get("SPOORWIJZER_HERBEVESTIGING_MINUTEN", "15"))
# how long an API token of a user with the second step works after its owner confirmed it with a code (a working day)
SPOORWIJZER_API_TWEESTAP_UREN = int(os.environ.get("SPOORWIJZER_API_TWEESTAP_UREN", "8"))
SPOORWIJZER_DEMO = os.environ.get("SPOORWIJZER_DEMO", "0") == "1"  # set by `spoorwijzer demo` only
OTP_TOTP_ISSUER = "Spoorwijzer"
# axes.W006 warns that username-only lockout lets one address try many accounts; that is the deliberate choice
# (one office behind one address must not be locked out by one user's typos); docs/security.md says where
# per-address throttling belongs (the reverse proxy)
SILENCED_SYSTEM_CHECKS = [*globals().get("SILENCED_SYSTEM_CHECKS", []), "axes.W006"]
