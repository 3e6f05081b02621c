"""Screenshot of `fichas serve` in headless Chromium: screenshots/serve.png.

Needs the system's Chromium (Debian: `apt-get install chromium`). Chromium is driven over its
DevTools websocket with aiohttp (a textual-serve dependency): `--screenshot` alone would shoot
before the app's first frame arrives.
"""

from __future__ import annotations

import asyncio
import base64
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "screenshots" / "serve.png"
WIDTH, HEIGHT = 1280, 800


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"nothing listening on {port}")


class DevTools:
    def __init__(self, ws) -> None:
        self.ws = ws
        self.next_id = 0

    async def call(self, method: str, **params):
        self.next_id += 1
        await self.ws.send_json({"id": self.next_id, "method": method, "params": params})
        while True:
            message = await self.ws.receive_json()
            if message.get("id") == self.next_id:
                return message.get("result", {})

    async def key(self, key: str, code: int, text: str = "") -> None:
        for kind in ("keyDown", "keyUp"):
            await self.call("Input.dispatchKeyEvent", type=kind, key=key, code=key,
                            windowsVirtualKeyCode=code, text=text if kind == "keyDown" else "")


async def shoot(url: str, devtools_port: int) -> bytes:
    async with aiohttp.ClientSession() as session:
        async with session.put(f"http://127.0.0.1:{devtools_port}/json/new?about:blank") as resp:
            target = await resp.json()
        async with session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            tools = DevTools(ws)
            await tools.call("Page.enable")
            await tools.call("Page.navigate", url=url)
            # Wait for the app's first frame (textual.js marks the body), then let it settle.
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                probe = await tools.call(
                    "Runtime.evaluate",
                    expression="document.body.classList.contains('-first-byte')",
                )
                if probe.get("result", {}).get("value"):
                    break
                await asyncio.sleep(0.5)
            await asyncio.sleep(3)
            await tools.key("Enter", 13, "\r")  # open the first program beside the list
            await asyncio.sleep(4)
            shot = await tools.call("Page.captureScreenshot", format="png")
            return base64.b64decode(shot["data"])


def main() -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        raise SystemExit("Chromium not found: apt-get install chromium")
    app_port, devtools_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    server = subprocess.Popen(
        [sys.executable, "-m", "fichas_tui", "serve", "--port", str(app_port)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True, env=env,
        start_new_session=True,
    )
    # The address with this start's access code is the line it prints with "?token=".
    url = next(line for line in server.stdout if "?token=" in line).split()[-1]
    profile = tempfile.mkdtemp(prefix="fichas-chromium-")
    chromium = subprocess.Popen(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         f"--window-size={WIDTH},{HEIGHT}", f"--remote-debugging-port={devtools_port}",
         f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        wait_for_port(app_port)
        wait_for_port(devtools_port)
        png = asyncio.run(shoot(f"{url}&fontsize=14", devtools_port))
        OUT.write_bytes(png)
        print(f"{OUT.relative_to(REPO)}: {len(png)} bytes")
    finally:
        for proc in (chromium, server):
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
