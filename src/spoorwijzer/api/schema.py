"""OpenAPI: every operation documents the one error shape (errors.py) for the statuses it can answer
with, so a response that the description does not allow fails the schemathesis run."""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "spoorwijzer.api.auth.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "'Token spw_...' (maak er een met: spoorwijzer beheer api_token maak GEBRUIKER --naam ...). Wie in "
            "twee stappen inlogt, bevestigt de token eerst met een code: POST /api/v1/tweede-stap/",
        }


class OidcScheme(OpenApiAuthenticationExtension):
    target_class = "spoorwijzer.api.auth.OIDCBearerAuthentication"
    name = "oidc"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "OIDC-access-token (als SSO is ingesteld)"}


FOUT = {
    "type": "object",
    "required": ["fout"],
    "properties": {
        "fout": {
            "type": "object",
            "required": ["status", "code", "melding"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "melding": {"type": "string", "description": "Uitleg in het Nederlands"},
                "velden": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    "description": "Meldingen per veld (bij een import: 'werknemers.3.naam')",
                },
            },
        }
    },
}
ALTIJD = {
    "401": "Niet ingelogd (geen, een ongeldige of een ingetrokken token)",
    "403": "Geen toegang voor uw rol, of (code 'tweede_stap_vereist') de token is nog niet of te lang geleden "
    "bevestigd met de code uit de authenticator-app: POST /api/v1/tweede-stap/",
    "405": "Methode niet toegestaan (vastgelegde gegevens wijzigen nooit)",
    "406": "Niet aanvaardbaar (vraag om application/json)",
    "400": "Ongeldige invoer of parameter (Nederlandse melding, per veld)",
}


def foutantwoorden(result, generator, request, public):
    """drf-spectacular postprocessing hook: the error responses on every operation."""
    result.setdefault("components", {}).setdefault("schemas", {})["Fout"] = FOUT
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Fout"}}}
    for path, operations in result.get("paths", {}).items():
        for method, op in operations.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            codes = dict(ALTIJD)
            if "{" in path:
                codes["404"] = "Bestaat niet, of u heeft er geen toegang toe"
            if method in ("post", "put", "patch"):
                codes["415"] = "Mediatype niet ondersteund (stuur application/json)"
            for code, text in codes.items():
                op["responses"].setdefault(code, {"description": text, "content": ref})
    return result
