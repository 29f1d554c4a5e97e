from django.urls import path

from spoorwijzer.oidc import views

urlpatterns = [
    path("inloggen/", views.inloggen, name="oidc_authentication_init"),
    path("terug/", views.terugkeer, name="oidc_authentication_callback"),
]
