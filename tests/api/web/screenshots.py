"""Screenshots of every page in Finnish and Swedish for docs/screenshots/ (`make screenshots`; not a test).

Serves the current build with the app on a loopback port and photographs each page with Debian's
Chromium through Playwright, as the browser tests drive it.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from werkzeug.serving import make_server

PAGES = {
    "search": "/?q=synnytyksen+j%C3%A4lkeinen+masennus",
    "service": "/services/terapeuttinen-vauvaperhetyo",
    "source": "/sources/003_5e8b4fceeaf8ff9d?quote=Palvelu+on+maksutonta+ja+siihen+voi+osallistua+nimett%C3%B6m%C3%A4n%C3%A4.#quote",
    "screening": "/screening?pregnancy_week=20&municipality=Helsinki&situation=depression#answer-title",
    "pathways": "/pathways?service=neuvola",
    "gaps": "/gaps?kind=uncovered_window#matrix-title",
    "sparql": "/sparql?format=html&query=SELECT+%3Fs+WHERE+%7B+%3Fs+a+%3Chttps%3A%2F%2Fw3id.org%2Fperhepolku%2Fontology%23Service%3E+%7D+LIMIT+5",
}
LANGS = ("fi", "sv")


def main(folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    from api import create_app

    folder.mkdir(parents=True, exist_ok=True)
    server = make_server("127.0.0.1", 0, create_app({"LOG_REQUESTS": False}), threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 1100})
            for name, path in PAGES.items():
                for lang in LANGS:
                    url, _, anchor = path.partition("#")
                    page.goto(f"{base}{url}{'&' if '?' in url else '?'}lang={lang}" + (f"#{anchor}" if anchor else ""))
                    page.screenshot(path=str(folder / f"{name}-{lang}.png"))
                    print(folder / f"{name}-{lang}.png")
            browser.close()
    finally:
        server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots"))
