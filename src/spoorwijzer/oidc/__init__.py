"""Single sign-on with OpenID Connect (mozilla-django-oidc), configured by environment:

    SPOORWIJZER_OIDC_CLIENT_ID, SPOORWIJZER_OIDC_CLIENT_SECRET,
    SPOORWIJZER_OIDC_AUTHORIZATION_ENDPOINT, SPOORWIJZER_OIDC_TOKEN_ENDPOINT,
    SPOORWIJZER_OIDC_USERINFO_ENDPOINT, SPOORWIJZER_OIDC_JWKS_ENDPOINT (from the provider's
    /.well-known/openid-configuration), optional SPOORWIJZER_OIDC_ISSUER (default: the authorization
    endpoint's origin) and SPOORWIJZER_OIDC_NAAM (the button text's organisation name).

A person who signs on is matched to an EXISTING Spoorwijzer user: first by the stored (issuer, subject)
link, else by a verified e-mail address that belongs to exactly one active user with a role (the link is
then stored). Nobody is ever created, and no role is ever given by sign-on: the beheerder creates the user
and its role (`spoorwijzer beheer gebruiker`) first."""
