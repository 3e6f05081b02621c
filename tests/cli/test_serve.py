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

from fichas_tui.cli.serve import app_command, titled
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
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,  # the app processes it starts end with it
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert proc.poll() is None, "fichas serve exited"
            time.sleep(0.1)
        yield f"127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


async def _drive(address: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://{address}/") as page:
            status, html = page.status, await page.text()
        screen = ""
        async with session.ws_connect(f"http://{address}/ws?width=100&height=30") as ws:
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
    # The page's <title> is the app's name (textual-serve's template has none: serve.titled).
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


def test_titled_adds_one_title_to_the_head():
    page = "<!DOCTYPE html>\n<html>\n  <head>\n    <link />\n  </head>\n</html>"
    assert titled(page).count("<title>") == 1
    assert "<head>\n    <title>{{ application.name }}</title>\n    <link />" in titled(page)
    assert titled(titled(page)) == titled(page)  # a template with a title is left as it is
