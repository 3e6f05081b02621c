"""`fichas serve`: the same explorer in a browser, one app process per tab (textual-serve)."""

from __future__ import annotations

import shlex
import sys

from ..locations import DataSource

# textual-serve's page template has no <title> (a browser tab shows the address): one is added
# with the app's name, escaped by Jinja like the rest of the page.
TITLE_TAG = "<title>{{ application.name }}</title>"


def app_command(source: DataSource) -> str:
    """The shell command textual-serve runs for each browser tab: this Python, this dataset."""
    return shlex.join([sys.executable, "-m", "fichas_tui", "--data", str(source.path)])


def titled(page: str) -> str:
    """The page template with a <title> in its <head> (unchanged if it has one)."""
    if "<title>" in page:
        return page
    return page.replace("<head>", f"<head>\n    {TITLE_TAG}", 1)


def make_server(source: DataSource, host: str, port: int, public_url: str | None = None):
    import aiohttp_jinja2
    import jinja2
    from textual_serve.server import Server

    from ..tui.app import FichasApp

    class TitledLoader(jinja2.FileSystemLoader):
        def get_source(self, environment, template):
            page, filename, uptodate = super().get_source(environment, template)
            return titled(page), filename, uptodate

    class TitledServer(Server):
        async def _make_app(self):
            app = await super()._make_app()
            # The same templates through a loader that adds the <title>.
            aiohttp_jinja2.setup(app, loader=TitledLoader(self.templates_path))
            return app

    return TitledServer(
        app_command(source), host=host, port=port, title=FichasApp.TITLE, public_url=public_url
    )


def run_serve(source: DataSource, host: str, port: int, public_url: str | None = None) -> None:
    make_server(source, host, port, public_url).serve()
