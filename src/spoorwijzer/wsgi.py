import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spoorwijzer.settings")
application = get_wsgi_application()


def _warm() -> None:
    """What every worker needs anyway, done when it starts instead of in its first requests: the URLconf with
    every view module, and law's parameter files (YAML, ~0.5 s of CPU). Under load the first requests of each
    worker otherwise waited for it."""
    from django.urls import get_resolver

    from spoorwijzer.law.parameters import default_parameters

    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    default_parameters()


_warm()
