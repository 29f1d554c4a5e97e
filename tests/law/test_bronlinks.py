"""Every legal basis links to a page that is that source (review, session 5): well-formed https addresses, no
English UWV page for a Dutch rule, and a Werkwijzer reference that does not open the Beleidsregels. No network."""

from __future__ import annotations

from urllib.parse import urlparse

from spoorwijzer.law import parameters

BELEIDSREGELS = "BWBR0014375"  # Beleidsregels beoordelingskader poortwachter


def references():
    for p in parameters.default_parameters():
        for v in p.versions:
            yield p.name, v.reference


def test_every_reference_url_is_a_well_formed_https_address():
    for name, ref in references():
        u = urlparse(ref.url)
        assert u.scheme == "https" and u.netloc and "." in u.netloc and " " not in ref.url, (name, ref.url)


def test_known_wrong_links_are_gone():
    for name, ref in references():
        assert "uwv.nl/en/" not in ref.url, (name, ref.url)  # the English pages are not the Dutch rule
        if ref.law.startswith("UWV Werkwijzer"):
            assert BELEIDSREGELS not in ref.url, (name, ref.url)  # the Werkwijzer is not the Beleidsregels
        if ref.law.startswith("Regeling procesgang"):
            assert "BWBR0013540" in ref.url, (name, ref.url)
