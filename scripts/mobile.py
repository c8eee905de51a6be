"""Print a built site's phone and tablet figures: the kernpunt-bron figure's smallest label (CSS px) and where the
first kernpunt starts (in screen heights), on a note page at 375 x 812 and 1024 x 768 CSS px in Chromium.

    .venv/bin/python scripts/mobile.py [SITE_DIR] [NOTE_URL]     (defaults: site/ and notas/6501580/)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
from tests.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (the project root is on the path from here on)
from tests.mobile import PHONE, TABLET, first_kernpunt_screens, smallest_label  # noqa: E402
from tests.serving import StaticServer  # noqa: E402


def main(site: Path, note: str) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as work, StaticServer(site.resolve(), Path(work)) as server, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for viewport in (PHONE, TABLET):
            context = browser.new_context(viewport=viewport, locale="nl-NL")
            page = context.new_page()
            page.goto(server.url + note)
            print(f"{viewport['width']} x {viewport['height']} px: smallest figure label "
                  f"{smallest_label(page):.1f} px, first kernpunt at {first_kernpunt_screens(page):.2f} screens")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else PROJECT / "site"), sys.argv[2] if len(sys.argv) > 2 else
         "notas/6501580/")
