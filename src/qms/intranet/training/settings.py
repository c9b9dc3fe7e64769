"""The competence rules the ISO secretariat sets (plone.registry records
qms.intranet.training.*, page @@qms-training-settings)."""

from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.registry.interfaces import IRegistry
from plone.supermodel import model
from qms.intranet import _
from zope import schema
from zope.component import queryUtility


SETTINGS_PREFIX = "qms.intranet.training"


class ITrainingSettings(model.Schema):
    """Which competence rules the board checks, and whether an audit team
    needs internal auditor certificates."""

    officer_rule = schema.Bool(
        title=_(
            "label_officer_rule",
            default="Each unit has at least one trained ISO officer",
        ),
        description=_(
            "help_officer_rule",
            default="At least one member of the unit's ISO officers holds a "
            "certificate of, or attended, an «ISO 9001:2015 awareness» course.",
        ),
        default=True,
        required=False,
    )
    auditor_rule = schema.Bool(
        title=_(
            "label_auditor_rule",
            default="Each internal auditor holds an internal auditor certificate",
        ),
        description=_(
            "help_auditor_rule",
            default="Every member of the group of internal auditors "
            "(qms-auditors) holds a valid «Internal auditor» certificate.",
        ),
        default=True,
        required=False,
    )
    require_auditor_certificate = schema.Bool(
        title=_(
            "label_require_auditor_certificate",
            default="An audit team needs internal auditor certificates",
        ),
        description=_(
            "help_require_auditor_certificate",
            default="When ticked, an internal audit cannot be planned with a "
            "lead auditor or an auditor who holds no valid «Internal auditor» "
            "certificate.",
        ),
        default=False,
        required=False,
    )


def settings() -> dict:
    """The settings (their defaults where the records are missing)."""
    registry = queryUtility(IRegistry)
    values = {}
    for name, field in schema.getFieldsInOrder(ITrainingSettings):
        value = None
        if registry is not None:
            value = registry.get(f"{SETTINGS_PREFIX}.{name}")
        values[name] = field.default if value is None else bool(value)
    return values


class TrainingSettingsForm(RegistryEditForm):
    schema = ITrainingSettings
    schema_prefix = SETTINGS_PREFIX
    label = _("training_settings_title", default="Competence rules of training")
    description = _(
        "training_settings_help",
        default="What the competence board checks (ISO 9001 clause 7.2), and "
        "whether planning an internal audit checks the team's certificates.",
    )


class TrainingSettingsView(ControlPanelFormWrapper):
    form = TrainingSettingsForm
