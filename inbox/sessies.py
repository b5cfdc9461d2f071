"""Signed, expiring session cookies with a CSRF token (no server-side state)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
import time

logger = logging.getLogger(__name__)
COOKIE = "inbox_sessie"


def secret() -> bytes:
    configured = os.environ.get("INBOX_GEHEIM")
    if configured:
        return configured.encode()
    logger.warning("INBOX_GEHEIM is not set: sessions end when the inbox restarts")
    return secrets.token_bytes(32)


class Sessies:
    def __init__(self, key: bytes | None = None, minutes: int | None = None) -> None:
        self.key = key or secret()
        self.seconds = 60 * (minutes or int(os.environ.get("INBOX_SESSIE_MINUTEN", 60)))

    def _sign(self, payload: bytes) -> str:
        return hmac.new(self.key, payload, hashlib.sha256).hexdigest()

    def make(self, gebruiker: str) -> str:
        data = {"gebruiker": gebruiker, "tot": int(time.time()) + self.seconds,
                "csrf": secrets.token_urlsafe(24)}
        payload = base64.urlsafe_b64encode(json.dumps(data).encode())
        return f"{payload.decode()}.{self._sign(payload)}"

    def read(self, cookie: str | None) -> dict | None:
        """The session, or None if missing, forged or expired."""
        if not cookie or "." not in cookie:
            return None
        payload, signature = cookie.rsplit(".", 1)
        if not hmac.compare_digest(self._sign(payload.encode()), signature):
            return None
        try:
            data = json.loads(base64.urlsafe_b64decode(payload.encode()))
        except ValueError:
            return None
        return data if data.get("tot", 0) > time.time() else None
