"""Helpers of the Chromium tests (the fixtures are in conftest.py)."""

import re


def transition(page, label, confirm=True, **fields):
    """Choose a transition in the toolbar's state menu; on its form, fill the
    fields given (text, or a file path for `signed_original`, or True for a
    checkbox) and confirm, unless confirm=False."""
    page.locator("#plone-contentmenu-workflow > a").click()
    page.locator("#plone-contentmenu-workflow").get_by_text(label, exact=True).click()
    page.wait_for_load_state()
    form = page.locator("form.qms-transition-form")
    if not form.count():
        return
    for name, value in fields.items():
        field = form.locator(f"[name='{name}']")
        if value is True:
            field.check()
        elif name == "signed_original":
            field.set_input_files(str(value))
        else:
            field.fill(value)
    if confirm:
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()


def step(page, label, confirm=True, **fields):
    """Click a step's button on the item's page (every role has them, not
    every role the toolbar's state menu); on its form, fill the fields
    given (a text, or a choice's value for a list) and confirm, unless
    confirm=False."""
    page.locator(".qms-steps .qms-step").get_by_text(label, exact=True).click()
    page.wait_for_load_state()
    form = page.locator("form.qms-transition-form")
    for name, value in fields.items():
        field = form.locator(f"[name='{name}']")
        if field.evaluate("node => node.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    if confirm:
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()


def add_new(page, kind: str) -> None:
    """Open the add form of `kind` ("Quy trình", "Biểu mẫu") from the
    toolbar's "Thêm mới" menu of the page's folder."""
    page.locator("#plone-contentmenu-factories > a").click()
    page.locator("#plone-contentmenu-factories").get_by_text(kind, exact=True).click()


def field_error(page, name):
    return page.locator(f".qms-transition-form #qms-{name}-error")


def go_back(page):
    """«Quay lại» from a step's form to the item."""
    page.locator(".qms-transition-form a", has_text="Quay lại").click()
    page.wait_for_load_state()


def status_message(page) -> str:
    """The text of the page's status messages."""
    return " ".join(page.locator(".portalMessage").all_inner_texts())


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


ENGLISH_LABELS = (
    "My tasks",
    "Check out",
    "Owning unit",
    "No value",
    "There were some errors",
    "Go back",
    "Reason",
    "Show all",
    "Revision being drafted",
    "getObjPositionInParent",
    "Log in",
    "Log out",
    "Contents",
    "Sharing",
    "History",
    "Actions",
    "Add new",
    "State:",
    "Display",
    "Personal Preferences",
    "Dashboard",
    "Site Setup",
    "Save",
    "Cancel",
    "Search results",
    "Advanced search",
    "Welcome!",
    "You are here",
    "Home",
    "Edit",
    "View",
    "Delete",
    "Rename",
    "Copy",
    "Paste",
    "Change workflow state",
    "Comment",
    "Portlets",
    "Default",
    "Settings",
    "Title",
    "Summary",
    "Description",
    "Full Name",
    "Email",
    "Language",
    "Time zone",
    "Powered by Plone",
    "Required",
    "Back to top",
)


def english_left(text: str) -> list[str]:
    return [
        label
        for label in ENGLISH_LABELS
        if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text)
    ]


def open_phone_menu(page) -> bool:
    """On a narrow screen, open the header's menu (Bootstrap's offcanvas) and
    wait until it has finished sliding in: it takes the focus when it has,
    and keys typed before that would land in the panel, not in a field.
    False when the page shows no menu button (a wide screen)."""
    toggler = page.locator(".navbar-toggler")
    if not (toggler.count() and toggler.first.is_visible()):
        return False
    toggler.first.click()
    page.wait_for_function(
        "() => { const m = document.querySelector('.offcanvas');"
        " return m && m.classList.contains('show')"
        " && !m.classList.contains('showing'); }"
    )
    return True
