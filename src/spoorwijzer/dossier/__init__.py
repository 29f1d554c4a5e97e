"""The shared dossier: tenants, cases, the append-only event log, roles, privacy and audit."""
