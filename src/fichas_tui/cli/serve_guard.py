"""Who may reach `fichas serve`: its own Host and Origin, the per-start token, pages that refuse."""

from __future__ import annotations

import html
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from aiohttp import hdrs, web

# Hosts that always mean this machine: a browser never resolves them through DNS, so a
# rebinding page cannot borrow them.
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARDS = ("", "0.0.0.0", "::")
DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}

PAGE = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>fichas: {title}</title>
<style>body{{background:#0c181f;color:#eee;font-family:sans-serif;margin:4em auto;
max-width:40em;line-height:1.5}}</style></head>
<body><h1>{title}</h1><p>{message}</p></body></html>
"""


def page_text(title: str, message: str) -> str:
    """A small Spanish HTML page (nothing loaded from anywhere)."""
    return PAGE.format(title=html.escape(title), message=html.escape(message))


def page(status: int, title: str, message: str) -> web.Response:
    """That page as a response with `status`."""
    body = page_text(title, message)
    return web.Response(status=status, text=body, content_type="text/html", charset="utf-8")


def split_host(value: str, default_port: int) -> tuple[str, int] | None:
    """`Host` header or netloc -> (lowercase name, port); None when it does not parse."""
    try:
        parts = urlsplit(f"//{value}")
        name, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not name:
        return None
    return name.lower(), default_port if port is None else port


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


@dataclass
class Guard:
    """The addresses this server answers to and its token; `refusal` says why a request is not.

    A page elsewhere in the user's browser can open a websocket to 127.0.0.1 (browsers do not
    apply the same-origin policy to websockets) and, through DNS rebinding, even load the page
    under a name of its own. So: the `Host` must be one of ours, a browser's `Origin` must be
    ours, and the page and the websocket carry a token printed only on the server's console.
    """

    host: str
    port: int
    public_url: str | None = None
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    def __post_init__(self) -> None:
        bound = self.host.strip("[]").lower()
        self.any_ip = bound in WILDCARDS
        names = {bound}
        if bound in LOOPBACK_NAMES:
            names.update(LOOPBACK_NAMES)
        self.allowed = {(name, self.port) for name in names}
        if self.public_url:
            parts = urlsplit(self.public_url)
            public = split_host(parts.netloc, DEFAULT_PORTS.get(parts.scheme, 80))
            if public:
                self.allowed.add(public)

    def host_ok(self, value: str | None) -> bool:
        """Whether a `Host` (or an origin's netloc) names this server."""
        if not value:
            return False
        parsed = split_host(value, 0)
        if parsed is None:
            return False
        name, port = parsed
        ports = {80, 443} if port == 0 else {port}  # no port: the scheme's default
        if any((name, p) in self.allowed for p in ports):
            return True
        # Bound to every address: any address of the machine, never a name DNS could rebind.
        return self.any_ip and self.port in ports and (_is_ip(name) or name == "localhost")

    def origin_ok(self, origin: str) -> bool:
        try:
            parts = urlsplit(origin)
            port = parts.port or DEFAULT_PORTS.get(parts.scheme, 0)
        except ValueError:
            return False
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        name = parts.hostname.lower()
        netloc = f"[{name}]:{port}" if ":" in name else f"{name}:{port}"
        return self.host_ok(netloc)

    def token_ok(self, value: str | None) -> bool:
        if not value:
            return False
        return secrets.compare_digest(value.encode(), self.token.encode())

    def refusal(self, request: web.Request) -> web.Response | None:
        """The page refusing `request`, or None when it may go on."""
        if not self.host_ok(request.headers.get(hdrs.HOST)):
            return page(
                403,
                "Dirección no reconocida",
                "Este servidor sólo responde a la dirección con que se inició "
                f"(puerto {self.port}). Abra la dirección que mostró fichas serve.",
            )
        origin = request.headers.get(hdrs.ORIGIN)
        websocket = request.path == "/ws" or request.path.startswith("/ws/")
        # Browsers always send Origin on a websocket; a page load may come without one.
        if (origin is not None or websocket) and not self.origin_ok(origin or ""):
            return page(
                403,
                "Origen no permitido",
                "Sólo la página de fichas serve puede conectarse a este servidor; "
                "otra página abierta en el navegador, no.",
            )
        if request.path == "/" and not self.token_ok(request.query.get("token")):
            return self.token_page()
        if websocket and not self.token_ok(request.match_info.get("token")):
            return self.token_page()
        return None

    def token_page(self) -> web.Response:
        return page(
            403,
            "Falta el código de acceso",
            "Abra la dirección completa que fichas serve mostró al iniciar, con su "
            "?token=…; cada inicio del servidor tiene un código nuevo.",
        )

    @web.middleware
    async def middleware(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
    ) -> web.StreamResponse:
        refused = self.refusal(request)
        if refused is not None:
            return refused
        response = await handler(request)
        if not response.prepared:
            # The page may not be framed by another site (clickjacking its keys), and its
            # address (with the token) is not sent on as a referrer.
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault("Content-Security-Policy", "frame-ancestors 'none'")
            response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response
