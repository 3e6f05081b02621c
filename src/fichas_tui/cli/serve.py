"""`fichas serve`: the same explorer in a browser, one app process per tab (textual-serve)."""

from __future__ import annotations

import asyncio
import errno
import json
import logging
import re
import shlex
import socket
import sys
from pathlib import Path

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from ..locations import DataSource
from ..text import one_line
from .serve_guard import Guard, page_text

# Our page: textual-serve's, in Spanish, its font from the package (serve_page/app_index.html).
TEMPLATES = Path(__file__).parent / "serve_page"
MAX_SESSIONS = 4
# A terminal wider or taller than this costs the app process memory for nothing a screen shows
# (8000x4000 made one process take 772 MB); a bigger browser window gets this much.
MAX_WIDTH, MAX_HEIGHT = 400, 200
# A name or an address, nothing a terminal or a resolver would read otherwise.
HOST_RE = re.compile(r"^\[?[A-Za-z0-9._:%-]{1,253}\]?$")
# The address the browser uses (printed, and put in the page): http(s), no space or control.
PUBLIC_URL_RE = re.compile(r"^https?://[^\s\x00-\x1f\x7f-\x9f/?#]+(/[^\s\x00-\x1f\x7f-\x9f]*)?$")


class ServeError(Exception):
    """Why `fichas serve` cannot start, as one Spanish line (exit status 2)."""


def app_command(source: DataSource) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, this dataset."""
    return shlex.join([sys.executable, "-m", "fichas_tui", "--data", str(source.path)])


def clamp(value: object, default: int, top: int) -> int:
    """A terminal dimension from a client: an integer in 1..top (`default` if it is none)."""
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError, OverflowError):
        number = default
    return max(1, min(number, top))


class FichasServer(Server):
    """textual-serve's server with its websocket handler guarded: a bounded number of sessions,
    a bounded terminal size, and messages that cannot stop the server's loop."""

    def __init__(self, *args, max_sessions: int = MAX_SESSIONS, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.max_sessions = max_sessions
        self.sockets: set[web.WebSocketResponse] = set()

    def refuse_when_full(self) -> None:
        """Raise a 503 with a Spanish page when every session is taken."""
        if len(self.sockets) < self.max_sessions:
            return
        body = page_text(
            "Demasiadas sesiones",
            f"Ya hay {len(self.sockets)} sesiones abiertas (el máximo de este servidor es "
            f"{self.max_sessions}, --max-sesiones). Cierre otra pestaña y vuelva a cargar.",
        )
        raise web.HTTPServiceUnavailable(text=body, content_type="text/html")

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        self.refuse_when_full()
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        self.refuse_when_full()
        websocket = web.WebSocketResponse(heartbeat=15)
        width = clamp(request.query.get("width"), 80, MAX_WIDTH)
        height = clamp(request.query.get("height"), 24, MAX_HEIGHT)
        # Counted before the first await: two connections cannot both take the last place.
        self.sockets.add(websocket)
        service: AppService | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            await self.relay(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            self.sockets.discard(websocket)
            if service is not None:
                await service.stop()
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, service: AppService) -> None:
        """The browser's messages to the app; anything malformed is dropped, not raised."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(
                    clamp(data.get("width"), 80, MAX_WIDTH),
                    clamp(data.get("height"), 24, MAX_HEIGHT),
                )
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data[:64]])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def close_all(self, _app: web.Application) -> None:
        """On shutdown: every browser connection closed, so each app process is stopped."""
        for websocket in list(self.sockets):
            await websocket.close()


def make_server(
    source: DataSource,
    host: str,
    port: int,
    public_url: str | None = None,
    max_sessions: int = MAX_SESSIONS,
) -> FichasServer:
    from ..tui.app import FichasApp

    return FichasServer(
        app_command(source),
        host=host,
        port=port,
        title=FichasApp.TITLE,
        public_url=public_url or default_url(host, port),
        max_sessions=max_sessions,
    )


def default_url(host: str, port: int) -> str:
    """Where the browser finds a server bound to host:port (an IPv6 address in brackets)."""
    bare = host.strip("[]")
    return f"http://{f'[{bare}]' if ':' in bare else bare}:{port}"


def make_web_app(server: FichasServer, guard: Guard) -> web.Application:
    """The aiohttp application: textual-serve's public handlers behind the guard's checks."""
    import aiohttp_jinja2
    import jinja2

    app = web.Application(middlewares=[guard.middleware])
    env = aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(TEMPLATES))
    env.globals["token"] = guard.token
    # textual-serve's index handler builds its URLs from the routes named "websocket" and
    # "static"; the websocket that works is the one with the token in its path. Its download
    # route is left out: the explorer never delivers a file, and it would answer without the
    # token.
    app.router.add_get("/", server.handle_index, name="index")
    app.router.add_get("/ws", server.handle_websocket, name="websocket")
    app.router.add_get("/ws/{token}", server.handle_websocket)
    app.router.add_static("/static", server.statics_path, name="static")
    app.on_shutdown.append(server.close_all)
    return app


def check_address(host: str, port: int) -> None:
    """Refuse a port outside 1-65535 or a host that is not a name or address (ServeError)."""
    if not 1 <= port <= 65535:
        raise ServeError(f"el puerto debe estar entre 1 y 65535 (se indicó {port}).")
    if not HOST_RE.match(host):
        raise ServeError(f"--host no es un nombre ni una dirección: «{one_line(host)[:80]}».")


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port, or ServeError saying why not in one line."""
    check_address(host, port)
    shown = f"{host}:{port}"
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, UnicodeError) as error:
        raise ServeError(f"no se reconoce la dirección --host «{host}».") from error
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as error:
        sock.close()
        if error.errno == errno.EADDRINUSE:
            raise ServeError(
                f"el puerto {port} ya está en uso en {host}: elija otro con --port."
            ) from error
        if error.errno in (errno.EACCES, errno.EPERM):
            raise ServeError(
                f"sin permiso para escuchar en {shown} (pruebe un puerto sobre 1024)."
            ) from error
        raise ServeError(f"no se puede escuchar en {shown}: {error.strerror or error}.") from error
    sock.setblocking(False)
    return sock


def page_url(server: Server, guard: Guard) -> str:
    return f"{server.public_url.rstrip('/')}/?token={guard.token}"


def run_serve(
    source: DataSource,
    host: str,
    port: int,
    public_url: str | None = None,
    max_sessions: int = MAX_SESSIONS,
) -> int:
    """Serve until Ctrl+C; 0, or 2 with one line on stderr when it cannot start."""
    try:
        if max_sessions < 1:
            raise ServeError("--max-sesiones debe ser 1 o más.")
        if public_url is not None and not PUBLIC_URL_RE.match(public_url):
            shown = one_line(public_url)[:80]
            raise ServeError(f"--public-url debe ser una dirección http:// o https:// («{shown}»).")
        sock = listen(host, port)
    except ServeError as error:
        print(f"fichas serve: {error}", file=sys.stderr)
        return 2
    server = make_server(source, host, port, public_url, max_sessions)
    guard = Guard(host, port, server.public_url)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    print(f"fichas serve: {one_line(source.label)} en el navegador", flush=True)
    print(f"  Abra {page_url(server, guard)}", flush=True)
    print("  (la dirección lleva el código de acceso de este inicio; Ctrl+C termina)", flush=True)
    web.run_app(
        make_web_app(server, guard),
        sock=sock,
        print=None,
        access_log=None,
        shutdown_timeout=5,
    )
    return 0
