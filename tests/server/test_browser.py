"""The live scoreboard and the upload form in a real browser: headless Chromium through Selenium.

Debian's `chromium` and `chromium-driver` (CI installs them: .ci/services-setup.sh).
Under CI=true a missing browser fails the test; elsewhere it is skipped with
the command that installs it. A screenshot of the scoreboard is saved as an
artifact (in $JUDGE_TEST_ARTIFACTS when set, else the test's own folder).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from judge.verdicts import Verdict
from tests.server.conftest import SLUGS, START, Served, TickingClock, serving
from tests.waiting import scaled

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
WAIT_S = scaled(10)


@pytest.fixture
def browser() -> Iterator[object]:
    if not (CHROMIUM and CHROMEDRIVER):
        message = "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1200,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(WAIT_S)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver, condition, message: str):
    """Waits for `condition` to be truthy; the board is swapped every half second, so an element
    read during a swap is stale: that reading is simply tried again."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT_S, poll_frequency=0.1,
                         ignored_exceptions=(StaleElementReferenceException,)).until(condition, message)


def _artifact(name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("JUDGE_TEST_ARTIFACTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Served]:
    """The server on a clock that runs, as the browser's countdown does."""
    with serving(tmp_path, TickingClock(START)) as result:
        yield result


def test_the_scoreboard_counts_down_and_shows_a_verdict_as_it_arrives(live: Served, browser, tmp_path: Path):
    from selenium.webdriver.common.by import By

    served = live
    served.add("<b>eve</b>")
    browser.get(served.url + "/")
    first = _wait(browser, lambda d: d.find_element(By.ID, "countdown").text.strip("…") or False,
                  "the countdown never showed")
    assert first.startswith(("45:", "44:"))
    _wait(browser, lambda d: d.find_element(By.ID, "countdown").text != first, "the countdown did not move")

    served.queue.hold = True  # recorded, not judged yet: the board shows it pending
    assert served.submit("<b>eve</b>").status_code == 201
    _wait(browser, lambda d: "?1" in d.find_element(By.CSS_SELECTOR, "table.scoreboard tbody").text,
          "the pending submission never appeared")
    served.queue.release_held()
    cell = _wait(browser, lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, "td.cell.first")],
                 "the verdict never appeared")
    assert cell == ["+ / 0*"]  # solved in minute 0, first to solve
    names = _wait(browser, lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, "td.name")], "no names")
    assert names == ["<b>eve</b>"]  # shown as typed: text, not markup
    browser.save_screenshot(str(_artifact("scoreboard.png", tmp_path)))


def test_a_participant_logs_in_and_uploads_through_the_form(served: Served, browser, tmp_path: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    wrong = b"def is_subsequence(s, t):\n    return True\n"
    served.queue.verdicts[wrong] = Verdict.WRONG_ANSWER
    solution = tmp_path / "mine.py"
    solution.write_bytes(wrong)
    browser.get(served.url + "/login")
    browser.find_element(By.ID, "token").send_keys(served.tokens["ana"])
    browser.find_element(By.CSS_SELECTOR, "form.login button").click()
    _wait(browser, lambda d: d.current_url.endswith("/me"), "logging in did not lead to /me")
    Select(browser.find_element(By.ID, "problem")).select_by_value(SLUGS[0])
    browser.find_element(By.ID, "file").send_keys(str(solution))
    served.queue.hold = True
    browser.find_element(By.ID, "submit").click()

    def verdicts(driver) -> list[str]:
        return [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#submissions td.verdict")]

    assert _wait(browser, verdicts, "the submission was not listed") == ["pending"]
    served.queue.release_held()  # judged while the page is open: the list catches up by itself
    _wait(browser, lambda d: verdicts(d) == ["wrong answer"], "the verdict never appeared in the list")
    assert served.rows() == 1
    browser.save_screenshot(str(_artifact("my-submissions.png", tmp_path)))
