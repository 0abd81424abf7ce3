"""The web pages in a real browser: Debian's Chromium driven by Playwright against the real
app served by uvicorn on a free loopback port."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from api_server import running_server
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, sync_playwright

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FEEDBACK_MS = 20_000

COMPLETE_GOAL = (
    "Grow qualified pipeline by 25% by June 30, 2027 to support the Benelux launch."
)
WEAK_GOAL = "Be more proactive with key clients."
PAYLOAD = (
    '<img src=x onerror="alert(1)"><script>window.__pwned=2</script>'
    " Book 40 demos by March 31, 2027"
)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    # The page calls the API without a key, as a browser on an open server does; saved
    # history goes to a database of this session only.
    history = tmp_path_factory.mktemp("history") / "history.db"
    with running_server({"GOALSMITH_DATABASE_URL": f"sqlite:///{history}"},
                        drop=("GOALSMITH_API_KEY",)) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make browser installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page with every page error, console error and dialog it raised."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))
        page.on("console", self._console)
        page.on("dialog", self._dialog)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text} ({message.location.get('url')})")

    def _dialog(self, dialog: Dialog) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()


@contextmanager
def watched_page(browser: Browser, *, javascript: bool = True, width: int = 1280,
                 height: int = 900) -> Iterator[Page]:
    """A fresh page; on leaving, no page error, console error or dialog may have happened."""
    context = browser.new_context(java_script_enabled=javascript,
                                  viewport={"width": width, "height": height})
    context.set_default_timeout(FEEDBACK_MS)
    watched = Watched(context.new_page())
    yield watched.page
    context.close()
    assert watched.problems == []


@pytest.fixture()
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    with watched_page(browser) as page:
        page.goto(base_url + "/")
        yield page


@pytest.fixture()
def phone_page(browser: Browser, base_url: str) -> Iterator[Page]:
    with watched_page(browser, width=390, height=844) as page:
        page.goto(base_url + "/")
        yield page


@pytest.fixture()
def no_js_page(browser: Browser, base_url: str) -> Iterator[Page]:
    with watched_page(browser, javascript=False) as page:
        page.goto(base_url + "/")
        yield page


def type_goal(page: Page, text: str) -> None:
    """Type like a person (key by key, so the debounce matters) and wait for feedback on it."""
    page.get_by_label("Your goal").press_sequentially(text, delay=5)
    page.wait_for_function(
        "text => document.querySelector('[data-region=preview] .goal-text')?.textContent === text",
        arg=text,
    )


def score(page: Page) -> int:
    return int(page.locator("[data-score]").get_attribute("data-score"))


COMPONENTS = ("metric", "target", "deadline", "relevance")


def test_complete_goal_highlights_every_part(page: Page) -> None:
    type_goal(page, COMPLETE_GOAL)
    for name in COMPONENTS:
        assert page.locator(f'[data-component="{name}"]').count() == 1, name
        assert page.locator(f'[data-check="{name}"]').get_attribute("data-present") == "true"
    assert "Jun 30, 2027" in page.locator('[data-check="deadline"]').inner_text()
    assert score(page) >= 80


def test_clearing_the_goal_resets_feedback(page: Page) -> None:
    type_goal(page, COMPLETE_GOAL)
    page.get_by_label("Your goal").fill("")
    page.wait_for_selector("[data-score]", state="detached")
    assert page.locator("[data-component], [data-check]").count() == 0
    assert "each part marked" in page.locator("[data-region=preview]").inner_text()


def test_highlights_line_up_after_emoji(page: Page) -> None:
    type_goal(page, "🚀🚀 " + COMPLETE_GOAL)
    assert page.locator('[data-component="target"]').text_content() == "by 25%"
    assert page.locator('[data-component="deadline"]').text_content() == "by June 30, 2027"


def test_weak_goal_lists_what_is_missing(page: Page) -> None:
    type_goal(page, WEAK_GOAL)
    for name in ("target", "deadline"):
        item = page.locator(f'[data-check="{name}"]')
        assert item.get_attribute("data-present") == "false"
        assert "Missing" in item.inner_text()
    assert score(page) < 50
    assert "Missing:" in page.get_by_role("status").inner_text()


def test_applying_a_rewrite_fills_the_editor(page: Page) -> None:
    type_goal(page, WEAK_GOAL)
    button = page.locator("[data-apply-rewrite]").first
    rewrite = button.get_attribute("data-text")
    button.focus()
    page.keyboard.press("Enter")
    editor = page.get_by_label("Your goal")
    assert editor.input_value() == rewrite != WEAK_GOAL
    page.wait_for_function(
        "text => document.querySelector('[data-region=preview] .goal-text')?.textContent === text",
        arg=rewrite,
    )
    selected = editor.evaluate("el => el.value.slice(el.selectionStart, el.selectionEnd)")
    assert selected.startswith("[") and selected.endswith("]")


def test_markup_in_a_goal_stays_text(page: Page) -> None:
    type_goal(page, PAYLOAD)
    preview = page.locator("[data-region=preview]")
    assert "<script>window.__pwned=2</script>" in preview.inner_text()
    assert page.locator("[data-region] img, [data-region] script").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_controls_change_the_reading_of_a_date(page: Page) -> None:
    type_goal(page, "Close 8 renewals by 04/05/2027.")
    deadline = page.locator('[data-check="deadline"]')
    assert "Apr 5, 2027" in deadline.inner_text()
    page.get_by_label("Numeric dates").select_option("DMY")
    page.wait_for_function(
        "() => document.querySelector('[data-check=deadline]')?.textContent.includes('May 4, 2027')"
    )


def test_phone_layout_has_no_sideways_scroll(phone_page: Page) -> None:
    type_goal(phone_page, COMPLETE_GOAL)
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390


def test_without_javascript_the_server_renders_feedback(no_js_page: Page) -> None:
    no_js_page.get_by_label("Your goal").fill(COMPLETE_GOAL)
    no_js_page.get_by_role("button", name="Check goal").click()
    no_js_page.wait_for_selector("[data-score]")
    for name in COMPONENTS:
        assert no_js_page.locator(f'[data-check="{name}"]').get_attribute("data-present") == "true"
    assert no_js_page.get_by_label("Your goal").input_value() == COMPLETE_GOAL


TEAM_ROWS = [
    ("Owner", "Goal", "Region"),
    ("Priya Nair", COMPLETE_GOAL, "North"),
    ("Priya Nair", WEAK_GOAL, "North"),
    ("Tom Berg", "=1+2 grow upsell revenue", "South"),
    ("Tom Berg", "Hold weekly pipeline reviews with <b>every</b> rep.", "South"),
]


@pytest.fixture()
def team_page(browser: Browser, base_url: str, tmp_path: Path) -> Iterator[Page]:
    upload = tmp_path / "team goals.csv"
    with upload.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(TEAM_ROWS)
    with watched_page(browser) as page:
        page.goto(base_url + "/team")
        page.get_by_label("Goals file (CSV or XLSX)").set_input_files(str(upload))
        page.get_by_role("button", name="Analyse goals").click()
        page.wait_for_selector("[data-goal-row]")
        yield page


def test_team_upload_shows_rows_chart_and_download(team_page: Page) -> None:
    rows = team_page.locator("[data-goal-row]")
    assert rows.count() == len(TEAM_ROWS) - 1
    assert team_page.locator("[data-chart] svg rect.bar").count() >= 1
    assert "<b>every</b>" in rows.nth(3).inner_text()
    with team_page.expect_download() as download:
        team_page.locator("a[download]").click()
    assert download.value.suggested_filename.endswith(".csv")
    exported = Path(download.value.path()).read_text(encoding="utf-8-sig")
    records = list(csv.DictReader(io.StringIO(exported)))
    assert len(records) == len(TEAM_ROWS) - 1
    assert not records[2]["Goal"].startswith("=")


def save_cycle(page: Page, base_url: str, upload: Path, team: str, cycle: str) -> None:
    page.goto(base_url + "/team")
    page.get_by_label("Goals file (CSV or XLSX)").set_input_files(str(upload))
    page.get_by_label("Team", exact=True).fill(team)
    page.get_by_label("Cycle", exact=True).fill(cycle)
    page.get_by_role("button", name="Analyse and save").click()
    page.wait_for_selector("[data-saved]")


def test_saved_cycles_show_in_history_with_trend_and_delete(
    browser: Browser, base_url: str, tmp_path: Path
) -> None:
    upload = tmp_path / "team goals.csv"
    with upload.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(TEAM_ROWS)
    with watched_page(browser) as page:
        save_cycle(page, base_url, upload, "Browser team", "2027-Q1")
        save_cycle(page, base_url, upload, "Browser team", "2027-Q2")
        page.get_by_role("link", name="Open it in the history").click()
        assert page.locator("[data-saved-goal]").count() == len(TEAM_ROWS) - 1
        page.get_by_role("link", name="Back to the team's history").click()
        chart = page.locator("[data-trend-chart] svg")
        assert chart.get_attribute("role") == "img"
        assert page.locator("[data-trend-bar]").count() == 2
        assert "2027-Q1: mean score" in (page.locator("#trend-desc").text_content() or "")
        assert page.locator("[data-owner-change]").count() == len({row[0] for row in TEAM_ROWS[1:]})
        page.goto(base_url + "/team/history/Browser team/2027-Q1")
        page.get_by_role("button", name="Delete this cycle").click()
        page.wait_for_selector("[role=status]")
        cycles = page.locator("[data-cycle]").evaluate_all("rows => rows.map(r => r.dataset.cycle)")
        assert cycles == ["Browser team/2027-Q2"]


def test_team_table_filters_and_sorts(team_page: Page) -> None:
    team_page.get_by_label("Owner", exact=True).select_option("Tom Berg")
    visible = team_page.locator("[data-goal-row]:visible")
    assert visible.count() == 2
    team_page.get_by_label("Owner", exact=True).select_option("*")
    team_page.get_by_label("Missing", exact=True).select_option("deadline")
    for row in team_page.locator("[data-goal-row]:visible").all():
        assert "deadline" in row.get_attribute("data-missing").split()
    team_page.get_by_label("Missing", exact=True).select_option("")
    team_page.get_by_role("button", name="Score", exact=True).click()
    scores = [
        int(value) for value in team_page.locator("[data-goal-row]").evaluate_all(
            "rows => rows.map(row => row.dataset.score).filter(Boolean)")
    ]
    assert scores == sorted(scores)
