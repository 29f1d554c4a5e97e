#!/usr/bin/env python
"""Django's management command for Spoorwijzer (also reachable as `spoorwijzer beheer ...`)."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "spoorwijzer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
