from django.urls import include, path

urlpatterns = [path("", include("spoorwijzer.web.urls"))]
