"""Courses in a real Chromium: quizzes, progress, the trainer switch, printing."""
MODULE = "/courses/intro/m09-roleplay/"
COURSE = "/courses/intro/"


def quiz(page, n):
    return page.locator("form.bansou-quiz").nth(n)


def test_single_choice_feedback_wrong_then_right(page, site_url):
    page.goto(site_url + MODULE)
    q = quiz(page, 0)  # "最初のひと言": the second option is right
    explanation = q.locator(".bansou-quiz__explanation")
    assert not explanation.is_visible()
    q.locator("label").nth(0).click()
    q.locator("button[type=submit]").click()
    assert "不正解" in q.locator(".bansou-quiz__verdict").inner_text()
    assert explanation.is_visible() and "申請の意思" in explanation.inner_text()
    assert q.locator("label.is-correct").count() == 1 and q.locator("label.is-wrong").count() == 1
    q.locator("label").nth(1).click()
    q.locator("button[type=submit]").click()
    assert q.locator(".bansou-quiz__verdict").inner_text().startswith("正解")
    assert explanation.is_visible() and q.locator("label.is-wrong").count() == 0


def test_multiple_choice_needs_every_right_option(page, site_url):
    page.goto(site_url + "/en" + MODULE)
    q = quiz(page, 1)  # options 0, 1 and 3 are right
    q.locator("label").nth(0).click()
    q.locator("label").nth(1).click()
    q.locator("button[type=submit]").click()
    assert "Not quite" in q.locator(".bansou-quiz__verdict").inner_text()
    q.locator("label").nth(3).click()
    q.locator("button[type=submit]").click()
    assert q.locator(".bansou-quiz__verdict").inner_text() == "Correct."
    assert q.locator(".bansou-quiz__explanation").is_visible()


def test_quiz_works_from_the_keyboard_with_large_tap_targets(page, site_url):
    page.goto(site_url + MODULE)
    q = quiz(page, 2)
    for i in range(q.locator("label").count()):
        assert q.locator("label").nth(i).bounding_box()["height"] >= 44
    assert q.locator("button[type=submit]").bounding_box()["height"] >= 44
    q.locator("input").nth(0).focus()
    page.keyboard.press("Space")  # select the (right) first option
    page.keyboard.press("Enter")  # submit the form
    assert q.locator(".bansou-quiz__verdict").inner_text().startswith("正解")


def test_an_empty_answer_asks_to_choose(page, site_url):
    page.goto(site_url + MODULE)
    q = quiz(page, 3)
    q.locator("button[type=submit]").click()
    assert "選んで" in q.locator(".bansou-quiz__verdict").inner_text()
    assert not q.locator(".bansou-quiz__explanation").is_visible()


def test_progress_survives_a_reload_and_can_be_reset(page, site_url):
    page.goto(site_url + MODULE)
    done = page.locator(".bansou-done__button")
    assert done.get_attribute("aria-pressed") == "false"
    done.click()
    q = quiz(page, 0)
    q.locator("label").nth(1).click()
    q.locator("button[type=submit]").click()
    page.reload()
    assert page.locator(".bansou-done__button").get_attribute("aria-pressed") == "true"
    assert quiz(page, 0).locator("input").nth(1).is_checked()
    assert quiz(page, 0).locator(".bansou-quiz__verdict").inner_text().startswith("正解")
    page.goto(site_url + COURSE)
    row = page.locator('tr[data-module="intro-m09"]')
    assert "学習済み" in row.locator(".bansou-progress__done").inner_text()
    assert row.locator(".bansou-progress__score").inner_text() == "5 問中 1 問正解"
    assert "11 モジュールのうち 1 モジュールが学習済み" in page.locator(".bansou-progress__summary").inner_text()
    page.locator(".bansou-progress__reset").click()
    page.locator(".bansou-progress__confirm").click()
    assert "0 モジュールが学習済み" in page.locator(".bansou-progress__summary").inner_text()
    page.reload()
    assert row.locator(".bansou-progress__score").inner_text() == "まだ"


def test_trainer_switch_shows_notes_and_timings_and_is_remembered(page, site_url):
    page.goto(site_url + MODULE)
    note = page.locator(".admonition.trainer").first
    timing = page.locator(".bansou-timing")
    switch = page.locator(".bansou-trainer-switch__button")
    assert not note.is_visible() and not timing.is_visible()
    assert "アクセス制限ではありません" in page.locator(".bansou-trainer-switch__help").inner_text()
    assert switch.get_attribute("aria-checked") == "false"
    switch.click()
    assert note.is_visible() and timing.is_visible() and "3日目 14:10〜16:10" in timing.inner_text()
    assert switch.get_attribute("aria-checked") == "true"
    page.reload()
    assert page.locator(".admonition.trainer").first.is_visible()
    page.goto(site_url + "/casebook/case-001/")  # the cases' teaching notes follow the same switch
    assert page.locator(".admonition.trainer").first.is_visible()
    page.locator(".bansou-trainer-switch__button").click()
    assert not page.locator(".admonition.trainer").first.is_visible()
    page.reload()
    assert not page.locator(".admonition.trainer").first.is_visible()


def test_solutions_start_collapsed(page, site_url):
    page.goto(site_url + MODULE)
    solution = page.locator("details.solution").first
    assert solution.get_attribute("open") is None
    assert not solution.locator("p").first.is_visible()


def test_print_page_hides_navigation_chrome(page, site_url):
    page.goto(site_url + "/courses/intro/print/")
    assert page.locator(".md-header").is_visible()  # on screen the site is navigable
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search",
                     ".md-content__button"):
        loc = page.locator(selector)
        assert all(not loc.nth(i).is_visible() for i in range(loc.count())), selector
    assert page.locator("h1").first.is_visible()
    assert page.locator(".admonition.solution").first.is_visible()
    assert page.locator(".admonition.trainer").count() == 0
