from django.urls import include, path

urlpatterns = [
    path("api/v1/", include("spoorwijzer.api.urls")),
    path("sso/", include("spoorwijzer.oidc.urls")),
    path("", include("spoorwijzer.web.urls")),
]
