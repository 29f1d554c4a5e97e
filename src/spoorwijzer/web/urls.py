from django.contrib.auth import views as auth_views
from django.urls import path

from spoorwijzer.web import views, views_simulatie

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("ziekmelding/", views.nieuw_geval, name="nieuw_geval"),
    path("dossier/<int:geval_id>/", views.geval, name="geval"),
    path("dossier/<int:geval_id>/vastleggen/<str:code>/", views.gebeurtenis_nieuw, name="gebeurtenis_nieuw"),
    path("dossier/<int:geval_id>/medisch/", views.medisch, name="medisch"),
    path("dossier/<int:geval_id>/termijnen.ics", views.termijnen_ics, name="termijnen_ics"),
    path("dossier/<int:geval_id>/inkomen/", views.inkomen, name="inkomen"),
    path("dossier/<int:geval_id>/document/<int:gebeurtenis_id>/", views.document, name="document"),
    path("simulatie/", views_simulatie.simulatie, name="simulatie"),
    path("simulatie/<str:run_id>/", views_simulatie.simulatie_run, name="simulatie_run"),
]
