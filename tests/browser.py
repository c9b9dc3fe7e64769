"""Helpers of the Chromium tests (the fixtures are in conftest.py)."""

import re


def transition(page, label):
    """Choose a transition in the toolbar's state menu."""
    page.locator("#plone-contentmenu-workflow > a").click()
    page.locator("#plone-contentmenu-workflow").get_by_text(label, exact=True).click()
    page.wait_for_load_state()


ENGLISH_LABELS = (
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
