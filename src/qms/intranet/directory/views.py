"""The secretariat's page for the directory (@@qms-directory): is it
configured, does it answer, how many people and groups it has, which units
a given login maps to; and the settings form (@@qms-directory-settings)."""

from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.memoize.view import memoize
from plone.protect import CheckAuthenticator
from Products.Five import BrowserView
from qms.intranet import _
from qms.intranet.directory import mapping
from qms.intranet.directory.ldapconfig import _groups
from qms.intranet.directory.ldapconfig import _props
from qms.intranet.directory.ldapconfig import _users
from qms.intranet.directory.ldapconfig import ldap_plugin
from qms.intranet.directory.patches import UNSAFE_LOGIN
from qms.intranet.directory.plugin import lookup_in
from qms.intranet.directory.settings import configured
from qms.intranet.directory.settings import IDirectorySettings
from qms.intranet.directory.settings import PREFIX
from qms.intranet.directory.settings import settings
from qms.intranet.units.groups import SITE_GROUPS
from qms.intranet.units.groups import UNIT_GROUPS
from qms.intranet.units.groups import unit_titles
from z3c.form import button
from zope.i18n import translate
from zope.i18nmessageid import MessageFactory

import ldap
import logging


logger = logging.getLogger(__name__)
PMF = MessageFactory("plone")


def explain(error: Exception, values: dict):
    """A sentence for the secretariat saying what failed and what to do."""
    uri = values.get("uri") or ""
    if isinstance(error, ldap.INVALID_CREDENTIALS):
        return _(
            "directory_error_credentials",
            default="The directory refused the reading account: check the "
            "bind DN and its password.",
        )
    if isinstance(error, ldap.NO_SUCH_OBJECT):
        return _(
            "directory_error_base",
            default="The directory has no such branch: check the base DN of "
            "people and of groups.",
        )
    if isinstance(error, ldap.TIMEOUT):
        return _(
            "directory_error_timeout",
            default="The directory at ${uri} did not answer within ${seconds} "
            "seconds: it may be overloaded or stopped.",
            mapping={"uri": uri, "seconds": values.get("timeout") or 5},
        )
    if isinstance(error, ldap.CONNECT_ERROR):
        return _(
            "directory_error_tls",
            default="The encrypted connection (TLS) to ${uri} failed: check "
            "the CA certificate file and that the server's name matches its "
            "certificate.",
            mapping={"uri": uri},
        )
    if isinstance(error, ldap.SERVER_DOWN):
        return _(
            "directory_error_down",
            default="Cannot reach the directory server at ${uri}: it is "
            "stopped, or the address, port or firewall is wrong.",
            mapping={"uri": uri},
        )
    if isinstance(error, ldap.FILTER_ERROR):
        return _(
            "directory_error_filter",
            default="A search filter is not valid LDAP: check the filters of "
            "people and of groups.",
        )
    return _(
        "directory_error_other",
        default="The directory answered with an error: ${error}",
        mapping={"error": str(error)[:300]},
    )


def _ugm(values):
    from node.ext.ldap.ugm import Ugm

    return Ugm(
        "qms-directory-check",
        props=_props(values),
        ucfg=_users(values),
        gcfg=_groups(values),
    )


class DirectoryView(BrowserView):
    """@@qms-directory."""

    result = None  # {"ok": bool, "message": ..., "people": n, "groups": n}
    preview = None  # {"login", "found", "error", "fullname", ...}

    def __call__(self):
        form = self.request.form
        if form.get("form.button.test"):
            CheckAuthenticator(self.request)
            self.result = self.test_connection()
        elif form.get("form.button.preview"):
            CheckAuthenticator(self.request)
            self.preview = self.preview_login((form.get("login") or "").strip())
        return self.index()

    @property
    def values(self):
        return settings()

    @property
    def configured(self):
        return configured()

    def summary(self):
        values = self.values
        env = set(values["from_environment"])
        rows = [
            ("uri", _("label_ldap_uri", default="Directory server address")),
            ("bind_dn", _("label_ldap_bind_dn", default="Bind DN (reading account)")),
            ("users_base", _("label_ldap_users_base", default="Base DN of people")),
            ("users_filter", _("label_ldap_users_filter", default="Filter of people")),
            ("groups_base", _("label_ldap_groups_base", default="Base DN of groups")),
            ("login_attribute", _("label_ldap_login_attr", default="Login attribute")),
            (
                "fullname_attribute",
                _("label_ldap_fullname_attr", default="Full name attribute"),
            ),
            ("email_attribute", _("label_ldap_email_attr", default="Email attribute")),
        ]
        return [
            {
                "name": name,
                "label": label,
                "value": values[name] or "",
                "source": _("directory_from_env", default="environment")
                if name in env
                else _("directory_from_settings", default="settings"),
            }
            for name, label in rows
        ]

    def mapping_lines(self):
        """(source as written, [QMS group described]) of each rule."""
        group_map = mapping.parse(self.values["group_map"])
        rules = sorted(group_map.groups.items())
        rules += [
            (f"{name}={value}", targets)
            for (name, value), targets in sorted(group_map.attributes.items())
        ]
        allowed = mapping.qms_groups(self.titles())
        return [
            (
                group_map.written.get(source, source),
                [
                    {**self.describe(target), "known": target in allowed}
                    for target in sorted(targets)
                ],
            )
            for source, targets in rules
        ]

    def test_connection(self):
        values = self.values
        if not configured(values):
            return {
                "ok": False,
                "message": _(
                    "directory_not_configured",
                    default="No directory is configured: only the site's own "
                    "accounts can sign in.",
                ),
            }
        try:
            ugm = _ugm(values)
            people = len(ugm.users.ids)
            groups = len(ugm.groups.ids)
        except Exception as error:  # noqa: BLE001 - each said in a sentence
            logger.info("directory test failed: %r", error)
            return {"ok": False, "message": explain(error, values)}
        plugin = ldap_plugin()
        if plugin is not None:
            # it answers again: sign-in need not wait for pas.plugins.ldap's
            # pause after an error
            for name in ("_v_ldaperror_msg", "_v_ldaperror_timeout"):
                plugin.__dict__.pop(name, None)
        return {
            "ok": True,
            "people": people,
            "groups": groups,
            "message": _(
                "directory_test_ok",
                default="The directory answers: ${people} people and ${groups} "
                "groups found.",
                mapping={"people": people, "groups": groups},
            ),
        }

    def preview_login(self, login):
        values = self.values
        preview = {"login": login, "found": False, "error": None}
        if not login:
            preview["error"] = _(
                "directory_preview_empty", default="Type a login to look up."
            )
            return preview
        if UNSAFE_LOGIN.search(login):
            preview["error"] = _(
                "directory_preview_unsafe",
                default="A login cannot contain * ( ) or \\.",
            )
            return preview
        if not configured(values):
            preview["error"] = _(
                "directory_not_configured",
                default="No directory is configured: only the site's own "
                "accounts can sign in.",
            )
            return preview
        try:
            users = _ugm(values).users
            user_id = users.id_for_login(login)
            found = lookup_in(users, user_id, values)
            person = users[user_id] if found is not None else None
        except Exception as error:  # noqa: BLE001 - each said in a sentence
            preview["error"] = explain(error, values)
            return preview
        if found is None:
            preview["error"] = _(
                "directory_preview_missing",
                default="No person with the login «${login}» in the directory "
                "(or the filter of people leaves them out).",
                mapping={"login": login},
            )
            return preview
        directory_groups, _attributes, qms_groups = found
        attrs = person.attrs
        preview.update(
            found=True,
            user_id=user_id,
            fullname=_first(attrs.get("fullname")),
            email=_first(attrs.get("email")),
            directory_groups=sorted(directory_groups),
            qms_groups=[self.describe(g) for g in qms_groups],
        )
        return preview

    @memoize
    def titles(self):
        return unit_titles()

    def describe(self, group):
        """A QMS group with what it gives, in words ("" for another group)."""
        if group in SITE_GROUPS:
            return {"id": group, "title": SITE_GROUPS[group][1]}
        unit, _sep, kind = group.rpartition("-")
        if kind not in UNIT_GROUPS or unit not in self.titles():
            return {"id": group, "title": ""}
        title = UNIT_GROUPS[kind][1]
        label = translate(
            _(title, mapping={"unit": self.titles()[unit]}), context=self.request
        )
        return {"id": group, "title": label}


def _first(value):
    if isinstance(value, list | tuple):
        return value[0] if value else ""
    return value or ""


class DirectorySettingsForm(RegistryEditForm):
    schema = IDirectorySettings
    schema_prefix = PREFIX
    label = _("directory_settings_title", default="Directory settings")
    description = _(
        "directory_settings_help",
        default="Where the ministry's directory is and how its people and "
        "groups are read. A setting given in the server's environment "
        "(QMS_LDAP_...) wins over the one here.",
    )

    def updateWidgets(self):
        super().updateWidgets()
        # never send the saved password to the browser
        self.widgets["bind_password"].value = ""

    @button.buttonAndHandler(PMF("Save"), name="save")
    def handleSave(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = self.formErrorsMessage
            return
        if not data.get("bind_password"):
            # an empty password box keeps the password saved before
            data.pop("bind_password", None)
        self.applyChanges(data)
        api.portal.show_message(
            _("directory_settings_saved", default="Directory settings saved."),
            self.request,
        )
        self.request.response.redirect(
            f"{api.portal.get().absolute_url()}/@@qms-directory"
        )

    @button.buttonAndHandler(PMF("Cancel"), name="cancel")
    def handleCancel(self, action):
        self.request.response.redirect(
            f"{api.portal.get().absolute_url()}/@@qms-directory"
        )


class DirectorySettingsView(ControlPanelFormWrapper):
    form = DirectorySettingsForm
