"""TOTP codes computed in the tests themselves (RFC 6238: HMAC-SHA1 over the 30-second step, 6 digits), as an
authenticator app computes them, independently of django-otp's code."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time


def code_bij(sleutel: bytes, stap: int) -> str:
    digest = hmac.new(sleutel, struct.pack(">Q", stap), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 10**6:06d}"


def code_uit_sleutel(tekst: str, stap: int | None = None) -> str:
    """The code for a key as the enrolment page shows it (base32, in groups of four)."""
    sleutel = base64.b32decode("".join(tekst.split()).upper())
    return code_bij(sleutel, int(time.time()) // 30 if stap is None else stap)


def code(device) -> str:
    """The code an app shows now for this authenticator; the next step's code if this one was used already
    (django-otp accepts one step ahead and never the same step twice)."""
    device.refresh_from_db()
    stap = max(int(time.time() - device.t0) // device.step, device.last_t + 1)
    return code_bij(device.bin_key, stap)


def authenticator(user):
    """The user's confirmed authenticator; a new one (as if linked earlier) when they have none."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).first() or TOTPDevice.objects.create(
        user=user, name="telefoon", confirmed=True
    )
