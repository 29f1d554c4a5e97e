from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework.routers import SimpleRouter

from spoorwijzer.api import errors, views

router = SimpleRouter()
router.register("werkgevers", views.WerkgeverViewSet, basename="werkgever")
router.register("werknemers", views.WerknemerViewSet, basename="werknemer")
router.register("gevallen", views.GevalViewSet, basename="geval")

berekening_lijst = views.BerekeningViewSet.as_view({"get": "list"})
berekening = views.BerekeningViewSet.as_view({"post": "create"})
toets = views.ToetsViewSet.as_view({"get": "list", "post": "create"})
tweede_stap = views.TweedeStapViewSet.as_view({"post": "create"})

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="api-schema"),
    path("docs/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-docs"),
    path("berekeningen/", berekening_lijst, name="berekening-lijst"),
    path("berekeningen/<str:onderwerp>/", berekening, name="berekening"),
    path("toets/", toets, name="toets"),
    path("tweede-stap/", tweede_stap, name="tweede-stap"),
    *router.urls,
    re_path(r"^.*$", errors.niet_gevonden),
]
