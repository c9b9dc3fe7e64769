"""The directory's settings: plone.registry records qms.intranet.directory.*
(set by the secretariat at @@qms-directory-settings), each overridden by an
environment variable (QMS_LDAP_URI, QMS_LDAP_BIND_DN, ...) when it is set."""

from plone.registry.interfaces import IRegistry
from plone.supermodel import model
from qms.intranet import _
from zope import schema
from zope.component import queryUtility

import os


PREFIX = "qms.intranet.directory"


class IDirectorySettings(model.Schema):
    uri = schema.TextLine(
        title=_("label_ldap_uri", default="Directory server address"),
        description=_(
            "help_ldap_uri",
            default="ldap://host:389 or ldaps://host:636. Empty: no directory, "
            "only the site's own accounts.",
        ),
        required=False,
        default="",
    )
    start_tls = schema.Bool(
        title=_("label_ldap_start_tls", default="Encrypt ldap:// with StartTLS"),
        required=False,
        default=False,
    )
    ca_certificate = schema.TextLine(
        title=_("label_ldap_ca_certificate", default="CA certificate file"),
        description=_(
            "help_ldap_ca_certificate",
            default="Path on the server of the certificate (PEM) that signed "
            "the directory's certificate, for ldaps:// and StartTLS.",
        ),
        required=False,
        default="",
    )
    bind_dn = schema.TextLine(
        title=_("label_ldap_bind_dn", default="Bind DN (reading account)"),
        required=False,
        default="",
    )
    bind_password = schema.Password(
        title=_("label_ldap_bind_password", default="Bind password"),
        description=_(
            "help_ldap_bind_password",
            default="Better set in the environment (QMS_LDAP_BIND_PASSWORD).",
        ),
        required=False,
        default="",
    )
    users_base = schema.TextLine(
        title=_("label_ldap_users_base", default="Base DN of people"),
        required=False,
        default="",
    )
    users_filter = schema.TextLine(
        title=_("label_ldap_users_filter", default="Filter of people"),
        required=False,
        default="(objectClass=inetOrgPerson)",
    )
    users_object_class = schema.TextLine(
        title=_("label_ldap_users_class", default="Object class of people"),
        description=_(
            "help_ldap_users_class",
            default="inetOrgPerson (OpenLDAP), user (Active Directory).",
        ),
        required=False,
        default="inetOrgPerson",
    )
    groups_base = schema.TextLine(
        title=_("label_ldap_groups_base", default="Base DN of groups"),
        required=False,
        default="",
    )
    groups_filter = schema.TextLine(
        title=_("label_ldap_groups_filter", default="Filter of groups"),
        required=False,
        default="(objectClass=groupOfNames)",
    )
    groups_object_class = schema.TextLine(
        title=_("label_ldap_groups_class", default="Object class of groups"),
        description=_(
            "help_ldap_groups_class",
            default="groupOfNames (OpenLDAP), group (Active Directory).",
        ),
        required=False,
        default="groupOfNames",
    )
    member_of = schema.Bool(
        title=_("label_ldap_member_of", default="Read groups from memberOf"),
        description=_(
            "help_ldap_member_of",
            default="Active Directory and OpenLDAP with the memberof overlay.",
        ),
        required=False,
        default=False,
    )
    login_attribute = schema.TextLine(
        title=_("label_ldap_login_attr", default="Login attribute"),
        description=_(
            "help_ldap_login_attr", default="uid (OpenLDAP), sAMAccountName (AD)."
        ),
        required=False,
        default="uid",
    )
    fullname_attribute = schema.TextLine(
        title=_("label_ldap_fullname_attr", default="Full name attribute"),
        required=False,
        default="cn",
    )
    email_attribute = schema.TextLine(
        title=_("label_ldap_email_attr", default="Email attribute"),
        required=False,
        default="mail",
    )
    group_map = schema.Text(
        title=_("label_ldap_group_map", default="Directory groups to QMS groups"),
        description=_(
            "help_ldap_group_map",
            default="One line each: directory group = QMS group, e.g. "
            "«GRP-VP-ISO = vp-officers». An attribute value works too: "
            "«ou=vp = vp-staff». Several QMS groups separated by commas. A "
            "directory group named like a QMS group (khcn-staff) needs no line.",
        ),
        required=False,
        default="",
    )
    timeout = schema.Int(
        title=_("label_ldap_timeout", default="Timeout (seconds)"),
        description=_(
            "help_ldap_timeout",
            default="How long to wait for the directory before giving up.",
        ),
        required=False,
        default=5,
        min=1,
        max=60,
    )


# setting -> environment variable
ENVIRONMENT = {
    "uri": "QMS_LDAP_URI",
    "start_tls": "QMS_LDAP_START_TLS",
    "ca_certificate": "QMS_LDAP_CA_CERT",
    "bind_dn": "QMS_LDAP_BIND_DN",
    "bind_password": "QMS_LDAP_BIND_PASSWORD",
    "users_base": "QMS_LDAP_USERS_BASE",
    "users_filter": "QMS_LDAP_USERS_FILTER",
    "users_object_class": "QMS_LDAP_USERS_CLASS",
    "groups_base": "QMS_LDAP_GROUPS_BASE",
    "groups_filter": "QMS_LDAP_GROUPS_FILTER",
    "groups_object_class": "QMS_LDAP_GROUPS_CLASS",
    "member_of": "QMS_LDAP_MEMBER_OF",
    "login_attribute": "QMS_LDAP_LOGIN_ATTR",
    "fullname_attribute": "QMS_LDAP_FULLNAME_ATTR",
    "email_attribute": "QMS_LDAP_EMAIL_ATTR",
    "group_map": "QMS_LDAP_GROUP_MAP",
    "timeout": "QMS_LDAP_TIMEOUT",
}


def _from_environment(name, field):
    raw = os.environ.get(ENVIRONMENT[name])
    if raw is None or raw == "":
        return None
    if isinstance(field, schema.Bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(field, schema.Int):
        return int(raw)
    if name == "group_map":
        return raw.replace(";", "\n")
    return raw


def settings() -> dict:
    """The settings in force: the environment's, else the registry's, else
    the defaults. `from_environment` names those the environment set."""
    registry = queryUtility(IRegistry)
    values = {}
    from_environment = []
    for name, field in schema.getFieldsInOrder(IDirectorySettings):
        value = _from_environment(name, field)
        if value is not None:
            from_environment.append(name)
        elif registry is not None:
            value = registry.get(f"{PREFIX}.{name}")
        if value is None:
            value = field.default
        values[name] = value
    values["from_environment"] = from_environment
    return values


def configured(values: dict | None = None) -> bool:
    values = values if values is not None else settings()
    return bool((values.get("uri") or "").strip())
