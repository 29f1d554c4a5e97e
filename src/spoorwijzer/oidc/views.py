"""Sign-on views: the mozilla-django-oidc views when single sign-on is configured, a Dutch 404 when not."""

from __future__ import annotations

import logging

import requests
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from spoorwijzer.oidc.backend import aan

log = logging.getLogger(__name__)


def inloggen(request):
    if not aan():
        raise Http404("Inloggen via uw organisatie (SSO) is niet ingesteld.")
    return OIDCAuthenticationRequestView.as_view()(request)


class Terugkeer(OIDCAuthenticationCallbackView):
    def get(self, request):
        try:
            return super().get(request)
        except (requests.RequestException, SuspiciousOperation, ValueError, KeyError):
            # the provider refused the code, answered garbage or is unreachable: a Dutch refusal, never a 500
            log.warning("OIDC: terugkeer mislukt", exc_info=True)
            return self.login_failure()

    def login_failure(self):
        messages.error(
            self.request,
            "Inloggen via uw organisatie is niet gelukt: er is geen Spoorwijzer-account met dit e-mailadres, of "
            "de aanmelding werd geweigerd. Vraag de beheerder om een account.",
        )
        return redirect("login")


def terugkeer(request):
    if not aan():
        raise Http404("Inloggen via uw organisatie (SSO) is niet ingesteld.")
    return Terugkeer.as_view()(request)


def sso_context(request):
    """Template context: whether to show the 'log in with your organisation' button."""
    from django.conf import settings

    return {"sso_aan": aan(), "sso_naam": getattr(settings, "SPOORWIJZER_OIDC_NAAM", "")}
