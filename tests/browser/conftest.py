"""Browser tests of the `rasad serve` page: Debian's chromium driven by Playwright, on a real server.

Skipped when /usr/bin/chromium (or Playwright) is missing, so the suite still runs
there. Never `playwright install`: the browser is the system's (.ci/run installs
Debian's chromium). Screenshots go to test-artifacts/browser/ (gitignored).
Every page is watched: a JavaScript error, a dialog, a failed request, a 5xx or a
Content-Security-Policy violation fails the test.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from rasad.cli import main
from rasad.ingest.job import IngestOptions, ingest
from rasad.model import Article
from rasad.pipeline import Pipeline
from rasad.serve import ServeSettings, create_app
from rasad.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
TOKEN = "browser-token"
SCRIPT = "<script>window.__xss = 'script'</script>"
IMG = "<img src=x onerror=\"window.__xss = 'img'\">"
HOSTILE_TEXT = (
    f"به گزارش خبرگزاری ایرنا، {IMG} درگیری مسلحانه میان ماموران انتظامی و گروهک تروریستی جیش العدل "
    f"بامداد امروز در شهرستان سراوان {SCRIPT} دستکم سه کشته بر جای گذاشت.\n"
    "گروه جیش العدل در بیانیه‌ای مسئولیت این حمله را بر عهده گرفت.\n"
)

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")


class LiveServer:
    """The app on a free loopback port, in a thread of this process."""

    def __init__(self, settings: ServeSettings, pipeline: Pipeline) -> None:
        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = int(sock.getsockname()[1])
        app = create_app(settings, factory=lambda _settings: pipeline)
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def build_examples_db(path: Path) -> Path:
    args = ["ingest", str(ROOT / "examples"), "--db", str(path), "--published", "2024-06-10", "--workers", "1", "--no-progress"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    return path


def add_hostile_article(db: Path, pipeline: Pipeline) -> None:
    """An article whose text, title, outlet and URL carry script; stored by the ingest job as given."""
    article = Article(
        id="hostile-1",
        text=HOSTILE_TEXT,
        published="2024-06-12",
        outlet=f"{IMG}خبرگزاری",
        title=f"{SCRIPT} عنوان",
        url="javascript:window.__xss='link'",
        origin="hostile.txt",
    )
    store = Store.open(str(db))
    try:
        assert ingest([article], store, IngestOptions(workers=1, factory=lambda _settings: pipeline)).events >= 1
    finally:
        store.close()


def _settings(db: Path) -> ServeSettings:
    return ServeSettings(db=str(db), token=TOKEN, rate_limit=0, write_rate_limit=0)


@pytest.fixture(scope="session")
def examples_server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[LiveServer]:
    db = build_examples_db(tmp_path_factory.mktemp("browser") / "examples.db")
    server = LiveServer(_settings(db), pipeline)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[LiveServer]:
    folder = tmp_path_factory.mktemp("browser-hostile")
    db = build_examples_db(folder / "source.db")
    shutil.copy(db, folder / "hostile.db")
    add_hostile_article(folder / "hostile.db", pipeline)
    server = LiveServer(_settings(folder / "hostile.db"), pipeline)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def open_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """open_page(url, width=1366, height=900) → a page whose errors fail the test."""
    problems: list[str] = []
    contexts: list[Any] = []

    def opener(url: str, width: int = 1366, height: int = 900) -> Any:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("console", lambda message: problems.append(f"console {message.type}: {message.text}") if message.type == "error" else None)
        page.on("requestfailed", lambda request: problems.append(f"request failed: {request.url} {request.failure}"))
        page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.goto(url)
        return page

    yield opener
    for context in contexts:
        context.close()
    expected = ("net::ERR_ABORTED", "the server responded with a status of 4")  # superseded fetches; 4xx the tests provoke
    assert not [p for p in problems if not any(e in p for e in expected)], problems


@pytest.fixture(scope="session")
def shoot() -> Callable[[Any, str], Path]:
    """shoot(page, name): a full-page screenshot in test-artifacts/browser/NAME.png."""

    def take(page: Any, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
