"""Spoorwijzer: de re-integratie van langdurig zieke werknemers als software."""

__version__ = "0.1.0"
