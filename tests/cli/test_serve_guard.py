"""`fichas serve` against a page elsewhere in the browser: Host, Origin, token, limits."""

from __future__ import annotations

import asyncio
import gc
import socket
import sys

import aiohttp
import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

from fichas_tui.cli.serve import MAX_HEIGHT, MAX_WIDTH, FichasServer, make_web_app
from fichas_tui.cli.serve_guard import Guard
from tests.helpers import FIXTURES

FAKE_APP = f"{sys.executable} {FIXTURES / 'fake_served_app.py'}"


class Served:
    """A FichasServer running the fake app on the test server's own port."""

    def __init__(self, client: TestClient, guard: Guard, server: FichasServer) -> None:
        self.client, self.guard, self.server = client, guard, server
        self.own = f"127.0.0.1:{client.port}"

    async def page(self, path: str = "/", host: str | None = None, **headers: str):
        headers = {"Host": host or self.own, **headers}
        async with self.client.get(path, headers=headers) as response:
            return response.status, await response.text()

    def ws(
        self,
        token: str | None = None,
        host: str | None = None,
        origin: str | None = "own",
        query: str = "width=100&height=30",
    ):
        headers = {"Host": host or self.own}
        if origin is not None:
            headers["Origin"] = f"http://{self.own}" if origin == "own" else origin
        token = self.guard.token if token is None else token
        path = f"/ws/{token}" if token else "/ws"
        return self.client.ws_connect(f"{path}?{query}", headers=headers)


@pytest_asyncio.fixture
async def served():
    async def start(max_sessions: int = 4) -> Served:
        with socket.socket() as sock:  # the guard knows its port before the server starts
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        guard = Guard("127.0.0.1", port)
        fichas = FichasServer(
            FAKE_APP, host="127.0.0.1", port=port, title="fichas", max_sessions=max_sessions
        )
        client = TestClient(TestServer(make_web_app(fichas, guard), host="127.0.0.1", port=port))
        await client.start_server()
        started.append((client, fichas))
        return Served(client, guard, fichas)

    started: list[tuple[TestClient, FichasServer]] = []
    yield start
    for client, fichas in started:
        await client.close()
        for _ in range(100):  # each closed tab stops its app process
            if not fichas.sockets:
                break
            await asyncio.sleep(0.05)
    # textual-serve never waits for an app process it stopped: its transport, in a reference
    # cycle, is collected here while the loop still runs (not later, warning that it is closed).
    gc.collect()


async def _read_until(ws, text: str) -> str:
    seen = ""
    while text not in seen:
        message = await ws.receive(timeout=20)
        assert message.type == aiohttp.WSMsgType.BINARY, (message, seen)
        seen += message.data.decode()
    return seen


async def _refused(served: Served, **kwargs) -> int:
    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
        async with served.ws(**kwargs):
            pass
    return refused.value.status


@pytest.mark.asyncio
async def test_the_page_needs_the_token_and_says_so_in_spanish(served):
    s = await served()
    status, text = await s.page("/")
    assert status == 403 and "Falta el código de acceso" in text and 'lang="es"' in text
    status, _ = await s.page("/?token=" + "x" * len(s.guard.token))
    assert status == 403
    status, text = await s.page(f"/?token={s.guard.token}")
    assert status == 200
    # Spanish, titled, its websocket carries the token, and nothing loaded from elsewhere.
    assert "<title>fichas</title>" in text and ">Iniciar</button>" in text
    assert "Sesión terminada." in text and ">Reiniciar</button>" in text
    assert f'data-session-websocket-url="ws://{s.own}/ws/{s.guard.token}"' in text
    assert "googleapis" not in text
    urls = _urls(text)  # the stylesheet, the script, two fonts, the background image
    assert len(urls) == 5 and all(url.startswith(f"http://{s.own}/static/") for url in urls)


def _urls(text: str) -> list[str]:
    import re

    found = re.findall(r"""(?:href|src)=["']?([^"' >)]+)|url\("([^"]+)""", text)
    return [a or b for a, b in found if not (a or b).startswith("http://www.w3.org")]


@pytest.mark.asyncio
async def test_page_refused_under_a_rebound_name_or_a_foreign_origin(served):
    s = await served()
    good = f"/?token={s.guard.token}"
    # DNS rebinding: the attacker's name resolving to 127.0.0.1, same port.
    status, text = await s.page(good, host=f"evil.example:{s.client.port}")
    assert status == 403 and "Dirección no reconocida" in text
    status, _ = await s.page(good, host="127.0.0.1:1")
    assert status == 403
    status, text = await s.page(good, Origin="http://evil.example")
    assert status == 403 and "Origen no permitido" in text
    assert (await s.page(good, host=f"localhost:{s.client.port}"))[0] == 200
    assert (await s.page("/download/x"))[0] == 404  # the explorer delivers no files


@pytest.mark.asyncio
async def test_websocket_from_a_foreign_origin_wrong_host_or_no_token_is_refused(served):
    s = await served()
    assert await _refused(s, origin="http://evil.example") == 403
    assert await _refused(s, origin=f"http://evil.example:{s.client.port}") == 403
    assert await _refused(s, origin=f"http://127.0.0.1:{s.client.port + 1}") == 403
    assert await _refused(s, origin=None) == 403  # a browser always sends one
    assert await _refused(s, host=f"evil.example:{s.client.port}") == 403
    assert await _refused(s, token="") == 403  # textual-serve's own /ws
    assert await _refused(s, token="guess") == 403
    assert not s.server.sockets  # no app process was started for any of them


@pytest.mark.asyncio
async def test_websocket_with_origin_host_and_token_drives_the_app(served):
    s = await served()
    async with s.ws() as ws:
        assert "size 100x30" in await _read_until(ws, "size")
        await ws.send_json(["stdin", "q"])
        assert "keys q" in await _read_until(ws, "keys")


@pytest.mark.asyncio
async def test_terminal_size_is_capped_at_start_and_on_resize(served):
    s = await served()
    async with s.ws(query="width=8000&height=4000") as ws:
        assert f"size {MAX_WIDTH}x{MAX_HEIGHT}" in await _read_until(ws, "size")
        await ws.send_json(["resize", {"width": 9999999, "height": -5}])
        assert f"size {MAX_WIDTH}x1" in await _read_until(ws, "size")
        # Malformed messages are dropped; the session goes on.
        await ws.send_str("not json")
        await ws.send_json({"stdin": "x"})
        await ws.send_json(["resize", {"width": "abc", "height": None}])
        assert "size 80x24" in await _read_until(ws, "size")
        await ws.send_json(["stdin", "ok"])
        assert "keys ok" in await _read_until(ws, "keys")


@pytest.mark.asyncio
async def test_sessions_beyond_the_cap_are_refused_with_a_spanish_page(served):
    s = await served(max_sessions=2)
    async with s.ws() as first, s.ws() as second:
        await _read_until(first, "size")
        await _read_until(second, "size")
        assert await _refused(s) == 503
        status, text = await s.page(f"/?token={s.guard.token}")
        assert status == 503 and "Demasiadas sesiones" in text and "--max-sesiones" in text
    # Closed tabs free their places.
    async with s.ws() as third:
        await _read_until(third, "size")


def test_guard_hosts():
    guard = Guard("127.0.0.1", 8000, "https://fichas.example.org")
    assert guard.host_ok("127.0.0.1:8000") and guard.host_ok("localhost:8000")
    assert guard.host_ok("[::1]:8000") and guard.host_ok("fichas.example.org")
    assert not guard.host_ok("fichas.example.org:8000") and not guard.host_ok("127.0.0.1:80")
    assert (
        not guard.host_ok("evil.example:8000")
        and not guard.host_ok("")
        and not guard.host_ok("127.0.0.1:8000@evil")
    )
    assert guard.origin_ok("https://fichas.example.org") and guard.origin_ok(
        "http://localhost:8000"
    )
    assert not guard.origin_ok("null") and not guard.origin_ok("file://")
    anywhere = Guard("0.0.0.0", 8000)
    assert anywhere.host_ok("192.168.1.5:8000") and anywhere.host_ok("[fe80::1]:8000")
    assert not anywhere.host_ok("evil.example:8000") and not anywhere.host_ok("192.168.1.5:9000")
    assert Guard("127.0.0.1", 8000).token != Guard("127.0.0.1", 8000).token
