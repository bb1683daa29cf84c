#!/usr/bin/env python3
"""Drives the pages of a running `ipt serve --audit DB` in headless Chromium, as a person would:
typing into the fields, pressing the buttons, and reading what the page shows.

    scripts/browser_test.py BASE_URL --out DIR

Started by scripts/browser-test.sh, which builds ipt, records two runs in a new audit store and
starts the server. Needs Selenium 4 (PyPI) and Debian's chromium and chromium-driver. Saves a
screenshot of every page state in DIR, prints PASS or FAIL for each check, and exits 1 if any
failed.
"""

import argparse
import os
import pathlib
import shutil
import sys
import traceback
import urllib.parse

# Selenium finds the driver and the browser given below; it must not try to download either.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRITICAL_CASE = ROOT / "rules/ipt-core/cases/c09-suicidal-grief.yaml"
CRITICAL_FORMULATION = ROOT / "formulations/f05-ignored-critical-alert.yaml"
PAYLOAD = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>"
# The findings of a critical case, for the Evaluate page's form (when it has one).
FORM_FINDINGS = {"phq9": "22", "phq9_item9": "3", "suicidality": "plan"}
OVERRIDE_REASON = "browser test: the loss matters more than the dispute"
ACCEPT_REASON = "browser test: agrees with the rules"


class Browser:
    def __init__(self, base, out):
        self.base = base.rstrip("/")
        self.out = out
        options = webdriver.ChromeOptions()
        for argument in (
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--window-size=1280,1000",
            "--hide-scrollbars",
        ):
            options.add_argument(argument)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(30)

    def open(self, path):
        self.driver.get(self.base + path)

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def text(self):
        return self.find("body").text

    def type_into(self, element, text):
        """Types the text key by key, as a person pasting or typing it would."""
        element.clear()
        element.send_keys(text)

    def submit_with(self, button):
        """Presses the button and waits for the next page."""
        button.click()
        WebDriverWait(self.driver, 30).until(EC.staleness_of(button))
        self.wait_for_page()

    def wait_for_page(self):
        WebDriverWait(self.driver, 30).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )

    def form_button(self, field):
        """The submit button of the form that holds `field`."""
        form = field.find_element(By.XPATH, "./ancestor::form")
        return form.find_element(By.CSS_SELECTOR, "button[type=submit], input[type=submit]")

    def screenshot(self, name):
        """The page (its first 3000 pixels) as DIR/NAME.png."""
        height = self.driver.execute_script(
            "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"
        )
        self.driver.set_window_size(1280, max(800, min(int(height) + 40, 3000)))
        path = self.out / f"{name}.png"
        self.driver.save_screenshot(str(path))
        self.driver.set_window_size(1280, 1000)
        print(f"  screenshot {path}")

    def before(self, first, second):
        """Whether `first` comes before `second` in the document and on the screen."""
        in_order = self.driver.execute_script(
            "return (arguments[0].compareDocumentPosition(arguments[1])"
            " & Node.DOCUMENT_POSITION_FOLLOWING) !== 0",
            first,
            second,
        )
        return in_order and first.location["y"] < second.location["y"]

    def assert_no_injection(self):
        pwned = self.driver.execute_script("return typeof window.__pwned")
        assert pwned == "undefined", f"the payload ran: window.__pwned is {pwned}"
        images = self.driver.find_elements(By.CSS_SELECTOR, "img[src='x']")
        assert not images, "the payload's <img> became an element"
        scripts = self.driver.execute_script(
            "return [...document.scripts].filter(s => s.textContent.includes('__pwned')).length"
        )
        assert scripts == 0, "the payload's <script> became an element"


def critical_before_first_pick(browser):
    """The critical alert, and the first pick of the first output (or, when nothing is picked,
    the first output's heading), both present, the alert first."""
    alert = browser.driver.find_element(
        By.XPATH,
        "//li[span[contains(@class,'tone-critical') and normalize-space()='critical']"
        " and contains(., 'Acute suicide risk')]",
    )
    assert alert.is_displayed(), "the critical alert is not visible"
    heading = browser.driver.find_element(
        By.XPATH, "//*[self::h2 or self::h3][starts-with(., 'Problem-area focus')]"
    )
    picks = heading.find_elements(By.XPATH, "following-sibling::*[1][self::ol]/li")
    first = picks[0] if picks else heading
    assert browser.before(alert, first), "the critical alert does not come before the first pick"
    return "first pick" if picks else "focus section (nothing picked)"


# The checks, in order; each raises AssertionError (or a Selenium error) on failure.


def check_evaluate(browser):
    """Evaluate: a case with a suicide plan pasted and submitted; the critical alert comes before
    the first pick, and the suggestions say they are deferred pending safety."""
    browser.open("/evaluate")
    case = browser.find("textarea#case")
    browser.type_into(case, CRITICAL_CASE.read_text())
    browser.screenshot("evaluate-typed")
    browser.submit_with(browser.form_button(browser.find("textarea#case")))
    assert "case c09-suicidal-grief" in browser.text(), "no report for the case"
    where = critical_before_first_pick(browser)
    deferred = browser.find("div.callout.tone-critical[role=alert]").text
    assert "deferred pending safety" in deferred, deferred
    browser.screenshot("evaluate-report")
    return f"critical alert before the {where}"


def set_field(browser, name, value):
    """Gives finding `name` the value through its control `#field-NAME`: a select, a text or
    number input, or a group of radio buttons or checkboxes."""
    element = browser.find(f"#field-{name}")
    tag = element.tag_name.lower()
    kind = (element.get_attribute("type") or "").lower()
    if tag == "select":
        Select(element).select_by_value(value)
    elif tag == "input" and kind in ("radio", "checkbox"):
        group = element.get_attribute("name")
        option = browser.find(f"input[name='{group}'][value='{value}']")
        if not option.is_selected():
            option.click()
    elif tag in ("input", "textarea"):
        browser.type_into(element, value)
    else:
        # A fieldset or other container of radio buttons or checkboxes.
        option = element.find_element(By.CSS_SELECTOR, f"input[value='{value}']")
        if not option.is_selected():
            option.click()
    return element


def check_evaluate_form(browser):
    """Evaluate through the form generated from the pack's vocabulary (fields `#field-NAME`):
    PHQ-9 22, item 9 at 3 and a suicide plan give the critical alert, before any pick."""
    browser.open("/evaluate")
    fields = browser.driver.find_elements(By.CSS_SELECTOR, "[id^='field-']")
    if not fields:
        return "SKIP: the Evaluate page has no vocabulary form (no element with id field-...)"
    missing = [n for n in FORM_FINDINGS if not browser.driver.find_elements(By.ID, f"field-{n}")]
    assert not missing, f"the form has no field for {', '.join(missing)}"
    last = None
    for name, value in FORM_FINDINGS.items():
        last = set_field(browser, name, value)
    browser.screenshot("evaluate-form-filled")
    browser.submit_with(browser.form_button(last))
    where = critical_before_first_pick(browser)
    browser.screenshot("evaluate-form-report")
    return f"{len(fields)} fields; critical alert before the {where}"


def check_check(browser):
    """Check: a case and a trainee's formulation that ignores its critical alert; the agreement
    report names both, counts agreement per output and flags the ignored alert."""
    browser.open("/check")
    browser.type_into(browser.find("textarea#case"), CRITICAL_CASE.read_text())
    formulation = browser.find("textarea#formulation")
    browser.type_into(formulation, CRITICAL_FORMULATION.read_text())
    browser.submit_with(browser.form_button(formulation))
    text = browser.text()
    heading = "ipt-advisor check: case c09-suicidal-grief, formulation by trainee-04"
    assert heading in text, "no agreement report"
    summary = browser.driver.find_element(By.XPATH, "//*[self::h2 or self::h3][normalize-space()='Summary']")
    table = summary.find_element(By.XPATH, "following-sibling::table[1]")
    columns = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    for column in ("agreed", "missed", "unsupported", "contested", "uncertain"):
        assert column in columns, f"the summary has no '{column}' column: {columns}"
    assert "IGNORED by the formulation" in text, "the ignored critical alert is not flagged"
    browser.screenshot("check-report")
    return "agreement report with its summary table and the ignored critical alert"


def review(browser, reviewer, reason, overrides=None):
    """Opens the oldest record of the review queue and records a review of it; returns its
    number."""
    browser.open("/review")
    link = browser.find("table tbody tr td a")
    record = link.text
    browser.submit_with(link)
    assert f"Review record {record}" in browser.text()
    browser.type_into(browser.find("input#by"), reviewer)
    if overrides:
        browser.find("input#override").click()
        browser.type_into(browser.find("textarea#overrides"), overrides)
    reason_field = browser.find("input#reason")
    browser.type_into(reason_field, reason)
    browser.submit_with(browser.form_button(reason_field))
    reviews = browser.driver.find_element(
        By.XPATH, "//*[self::h2 or self::h3][normalize-space()='Reviews']/following-sibling::ul[1]"
    ).text
    decision = "overridden" if overrides else "accepted"
    assert f"by {reviewer}: {decision}" in reviews, reviews
    assert reason in reviews, reviews
    return record


def check_review(browser):
    """Review: the queue lists the two recorded runs; one is accepted and the other overridden
    with a reason, through the forms; both then leave the queue, and the audit report page
    (linked from the queue) counts both and gives the reason. The queue also holds the runs and
    the check the pages above made, which the server records."""
    browser.open("/review")
    rows = [row.text for row in browser.driver.find_elements(By.CSS_SELECTOR, "table tbody tr")]
    by_cli = [row for row in rows if "trainee-browser" in row]
    by_server = [row for row in rows if "ipt-serve" in row]
    assert len(by_cli) == 2, f"the queue lists {len(by_cli)} of the 2 runs recorded by the CLI"
    # The server records its own evaluations and checks: the Evaluate and Check pages' above.
    assert len(by_server) >= 3, f"the queue lists {len(by_server)} runs made by the pages"
    browser.screenshot("review-queue")
    accepted = review(browser, "supervisor-1", ACCEPT_REASON)
    browser.screenshot("review-accepted")
    overridden = review(browser, "supervisor-1", OVERRIDE_REASON, overrides="focus=grief")
    browser.screenshot("review-overridden")
    browser.open("/review")
    left = browser.driver.find_elements(
        By.CSS_SELECTOR, f"a[href='/review/{accepted}'], a[href='/review/{overridden}']"
    )
    assert not left, "a reviewed record is still in the queue"
    # The override report, reached from the queue by its link.
    link = browser.driver.find_element(By.LINK_TEXT, "The audit report")
    target = link.get_attribute("href")
    link.click()
    WebDriverWait(browser.driver, 30).until(EC.url_to_be(target))
    browser.wait_for_page()
    text = browser.text()
    assert "1 accepted, 1 overridden" in text, text[:400]
    overrides = browser.driver.find_element(
        By.XPATH,
        "//*[self::h2 or self::h3][normalize-space()='Overrides per rule']"
        "/following-sibling::table[1]",
    )
    reasons = [row.text for row in overrides.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert any(OVERRIDE_REASON in row for row in reasons), "the report does not give the reason"
    browser.screenshot("override-report")
    return f"record {accepted} accepted, record {overridden} overridden; report gives the reason"


def check_injection(browser):
    """Injection: a script and an image with an error handler, as the case text and as the pack
    search, are shown as text and never run."""
    browser.open("/evaluate")
    case = browser.find("textarea#case")
    browser.type_into(case, PAYLOAD)
    browser.submit_with(browser.form_button(case))
    browser.assert_no_injection()
    shown = browser.find("textarea#case").get_attribute("value")
    assert shown == PAYLOAD, f"the case field shows {shown!r}"
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in browser.driver.page_source
    problems = browser.find("section[role=alert]").text
    assert "Problems" in problems, problems
    browser.screenshot("injection-evaluate")

    browser.open("/pack")
    search = browser.find("input#q")
    browser.type_into(search, PAYLOAD)
    search.send_keys(Keys.ENTER)
    WebDriverWait(browser.driver, 30).until(EC.staleness_of(search))
    browser.wait_for_page()
    query = urllib.parse.parse_qs(urllib.parse.urlparse(browser.driver.current_url).query)
    assert query.get("q") == [PAYLOAD], f"the search was not sent: {browser.driver.current_url}"
    browser.assert_no_injection()
    shown = browser.find("input#q").get_attribute("value")
    assert shown == PAYLOAD, f"the search field shows {shown!r}"
    assert f"match '{PAYLOAD}'" in browser.text(), "the search text is not shown as text"
    browser.screenshot("injection-pack")
    return "payload shown as text on Evaluate and Pack; nothing ran"


def check_keyboard(browser):
    """Keyboard only, no mouse: from the top of the Pack page, Tab reaches the skip link first
    and then the search field; typing and Enter search the rules."""
    browser.open("/pack")
    chain = []
    active = None
    for _ in range(30):
        browser.driver.switch_to.active_element.send_keys(Keys.TAB)
        active = browser.driver.switch_to.active_element
        chain.append(active.get_attribute("id") or active.text or active.tag_name)
        if active.get_attribute("id") == "q":
            break
    assert chain[0] == "Skip to content", f"the first Tab stop is {chain[0]!r}, not the skip link"
    reached = active is not None and active.get_attribute("id") == "q"
    assert reached, f"Tab never reached the search field: {chain}"
    active.send_keys("suicid")
    active.send_keys(Keys.ENTER)
    WebDriverWait(browser.driver, 30).until(EC.url_contains("q=suicid"))
    browser.wait_for_page()
    text = browser.text()
    assert "match 'suicid'" in text, "no search result line"
    assert "safety.acute-suicide-risk" in text, "the suicide-risk rule is not found"
    browser.screenshot("pack-search")
    return f"{len(chain)} Tab presses to the search field, Enter searched"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server's address, such as http://127.0.0.1:8080")
    parser.add_argument("--out", required=True, help="the folder for the screenshots")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    browser = Browser(args.base, out)
    checks = [
        ("evaluate: pasted critical case", lambda: check_evaluate(browser)),
        ("evaluate: vocabulary form", lambda: check_evaluate_form(browser)),
        ("check: agreement report", lambda: check_check(browser)),
        (
            "review: accept, override, report",
            lambda: check_review(browser),
        ),
        ("injection: case text and search", lambda: check_injection(browser)),
        ("keyboard: Tab and Enter", lambda: check_keyboard(browser)),
    ]
    passed = failed = skipped = 0
    try:
        for name, check in checks:
            print(f"{name}:", flush=True)
            try:
                result = check()
            except Exception as error:  # an assertion or a Selenium error: report, go on
                failed += 1
                print(f"FAIL {name}: {type(error).__name__}: {error}".rstrip())
                traceback.print_exc(limit=3, file=sys.stdout)
                try:
                    browser.screenshot("failed-" + name.split(":")[0])
                except Exception:  # the page may be gone; the failure is reported already
                    pass
                continue
            if result.startswith("SKIP"):
                skipped += 1
                print(f"SKIP {name}: {result[len('SKIP: '):]}")
            else:
                passed += 1
                print(f"PASS {name}: {result}")
    finally:
        browser.driver.quit()
    print(f"browser test: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
