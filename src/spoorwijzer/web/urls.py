from django.contrib.auth import views as auth_views
from django.urls import path

from spoorwijzer.web import views, views_agenda, views_figuren, views_levensloop, views_simulatie
from spoorwijzer.web import views_beheer as vb

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("ziekmelding/", views.nieuw_geval, name="nieuw_geval"),
    path("werkgevers/", views.werkgevers_zoek, name="werkgevers_zoek"),
    path("dossier/<int:geval_id>/", views.geval, name="geval"),
    path("dossier/<int:geval_id>/vastleggen/<str:code>/", views.gebeurtenis_nieuw, name="gebeurtenis_nieuw"),
    path("dossier/<int:geval_id>/medisch/", views.medisch, name="medisch"),
    path("dossier/<int:geval_id>/termijnen.ics", views_agenda.termijnen_ics, name="termijnen_ics"),
    path("agenda/", views_agenda.agenda_instellingen, name="agenda"),
    path("agenda/<str:token>/termijnen.ics", views_agenda.feed, name="agenda_feed"),
    path("dossier/<int:geval_id>/inkomen/", views.inkomen, name="inkomen"),
    path("dossier/<int:geval_id>/document/<int:gebeurtenis_id>/", views.document, name="document"),
    path("cijfers/", views_figuren.figuren_pagina, name="figuren"),
    path("simulatie/", views_simulatie.simulatie, name="simulatie"),
    path("simulatie/<str:run_id>/", views_simulatie.simulatie_run, name="simulatie_run"),
    # master data and organisation (views_beheer)
    path("beheer/", vb.beheer_start, name="beheer"),
    path("beheer/werkgevers/", vb.werkgevers, name="beheer_werkgevers"),
    path("beheer/werkgevers/nieuw/", vb.werkgever_nieuw, name="beheer_werkgever_nieuw"),
    path("beheer/werkgevers/<int:werkgever_id>/", vb.werkgever, name="beheer_werkgever"),
    path("beheer/werkgevers/<int:werkgever_id>/werknemer/", vb.werknemer_nieuw, name="beheer_werknemer_nieuw"),
    path("beheer/werkgevers/<int:werkgever_id>/import/", vb.werknemers_import, name="beheer_import"),
    path("beheer/werkgevers/<int:werkgever_id>/werknemers.csv", vb.werknemers_export, name="beheer_export"),
    path("beheer/werknemers/<int:werknemer_id>/", vb.werknemer, name="beheer_werknemer"),
    path("beheer/gebruikers/", vb.gebruikers, name="beheer_gebruikers"),
    path("beheer/gebruikers/nieuw/", vb.gebruiker_nieuw, name="beheer_gebruiker_nieuw"),
    path("beheer/gebruikers/<int:user_id>/", vb.gebruiker, name="beheer_gebruiker"),
    path("beheer/gebruikers/<int:user_id>/uitnodigen/", vb.gebruiker_uitnodigen, name="beheer_uitnodigen"),
    path("beheer/reintegratiebedrijven/", vb.reintegratiebedrijven, name="beheer_reintegratiebedrijven"),
    path("beheer/reintegratiebedrijven/<int:bedrijf_id>/", vb.reintegratiebedrijven, name="beheer_reintegratiebedrijf"),
    path("beheer/beleid/", vb.beleid, name="beheer_beleid"),
    path("wachtwoord/<uidb64>/<token>/", vb.WachtwoordInstellen.as_view(), name="wachtwoord_instellen"),
    path("wachtwoord/ingesteld/", vb.WachtwoordIngesteld.as_view(), name="wachtwoord_ingesteld"),
    path("mijn-dossiers/", vb.mijn_dossiers, name="mijn_dossiers"),
    path("werkvoorraad/", vb.werkvoorraad, name="werkvoorraad"),
    path("dossier/<int:geval_id>/contact/", vb.contactlog, name="contactlog"),
    path("dossier/<int:geval_id>/behandelaar/", vb.behandelaar, name="behandelaar"),
    path("dossier/<int:geval_id>/intrekken/<int:gebeurtenis_id>/", views_levensloop.intrekken, name="intrekken"),
    path("archief/", views_levensloop.archief, name="archief"),
    path("werknemer/<int:werknemer_id>/verzuim/", views_levensloop.verzuimhistorie, name="verzuimhistorie"),
]
