from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "spoorwijzer.web"
    verbose_name = "Webinterface"
