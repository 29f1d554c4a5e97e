"""The Dutch web UI: server-rendered Django templates with HTMX."""
