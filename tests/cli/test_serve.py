"""`fichas serve`: the page, then one browser connection driven over the websocket."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time

import aiohttp
import pytest

from fichas_tui.cli.serve import app_command
from fichas_tui.locations import DataSource
from fichas_tui.tui.app import FichasApp


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server():
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "fichas_tui", "serve", "--port", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        start_new_session=True,  # the app processes it starts end with it
    )
    try:
        # The address with this start's token, printed before it listens (like Jupyter's).
        url = next(line for line in proc.stdout if "?token=" in line).split()[-1]
        assert url.startswith(f"http://127.0.0.1:{port}/?token=")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert proc.poll() is None, "fichas serve exited"
            time.sleep(0.1)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


async def _drive(url: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as page:
            status, html = page.status, await page.text()
        websocket = re.search(r'data-session-websocket-url="(.*?)"', html).group(1)
        origin = url.split("/?")[0]
        screen = ""
        async with session.ws_connect(
            f"{websocket}?width=100&height=30", headers={"Origin": origin}
        ) as ws:
            await ws.send_json(["resize", {"width": 100, "height": 30}])
            deadline = time.monotonic() + 60
            while "programas" not in screen and time.monotonic() < deadline:
                message = await ws.receive(timeout=deadline - time.monotonic())
                if message.type == aiohttp.WSMsgType.BINARY:
                    screen += message.data.decode("utf-8", "replace")
                elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                    break
            await ws.send_json(["stdin", "q"])
    return status, html, screen


def test_page_and_one_connection_show_the_program_list(server):
    status, html, screen = asyncio.run(_drive(server))
    assert status == 200
    # The page's <title> is the app's name (textual-serve's template has none).
    assert re.search(r"<title>(.*?)</title>", html).group(1) == FichasApp.TITLE == "fichas"
    assert "<div>fichas</div>" in html  # and the loading dialog names it
    # The app's first screen, sent as terminal output: the list's status line and a program.
    assert "3 de 3 programas" in screen and "muestra incluida" in screen
    assert "Gestión Social Local" in screen


def test_app_command_is_this_python_and_the_dataset(tmp_path):
    folder = tmp_path / "mis fichas"
    command = app_command(DataSource(folder, str(folder)))
    assert command.startswith(sys.executable)
    assert command.endswith(f"--data '{folder}'")


def _serve(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    return subprocess.run(
        [sys.executable, "-m", "fichas_tui", "serve", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def _one_spanish_line(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr and "\x1b" not in result.stderr + result.stdout
    assert "\a" not in result.stderr + result.stdout
    assert result.stderr.count("\n") == 1 and words in result.stderr, result.stderr


def test_port_in_use_is_one_spanish_line_and_exit_2():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _serve("--port", str(port))
    _one_spanish_line(result, f"el puerto {port} ya está en uso")


@pytest.mark.parametrize("port", ["0", "70000", "-1"])
def test_port_outside_the_range_is_one_spanish_line_and_exit_2(port):
    _one_spanish_line(_serve("--port", port), "entre 1 y 65535")


@pytest.mark.parametrize(
    "host", ["bad\x1b]0;pwned\x07host", "no-such-host.invalid", "1.2.3.4.5", "x" * 300]
)
def test_bad_host_is_one_spanish_line_without_its_control_text(host):
    result = _serve("--host", host)
    _one_spanish_line(result, "--host")


def test_max_sessions_below_one_is_refused():
    _one_spanish_line(_serve("--max-sesiones", "0"), "--max-sesiones")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "https://x\x1b]0;t\x07", "fichas.org"])
def test_a_public_url_that_is_not_http_is_refused(url):
    _one_spanish_line(_serve("--public-url", url), "--public-url")
