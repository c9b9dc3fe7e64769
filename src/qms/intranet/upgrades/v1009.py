"""1008 -> 1009: quality objectives, management review and the yearly
evaluation (issue #15).

- the types ObjectiveArchive, ObjectivePlan, QualityObjective,
  ReviewSection, ManagementReview, EvaluationSection, YearlyEvaluation and
  their workflows; the new permissions: typeinfo, workflow, rolemap;
- the evaluation's criteria and weights: registry; the tabs: actions;
- the index and column `objective_status` (added one by one: the
  catalog.xml step would empty SearchableText);
- every unit's objectives /don-vi/<id>/muc-tieu and the bloc's
  /he-thong-qlcl/muc-tieu; the sections /xem-xet-lanh-dao and
  /danh-gia-hang-nam.
"""

from qms.intranet import logger
from qms.intranet.upgrades import add_indexes
from qms.intranet.upgrades import import_steps


STEPS = ("typeinfo", "workflow", "rolemap", "plone.app.registry", "actions")
INDEXES = {"objective_status": "FieldIndex"}
COLUMNS = ("objective_status",)


def upgrade(context):
    from qms.intranet.site.setuphandlers import ensure_structure

    import_steps(*STEPS)
    add_indexes(INDEXES, COLUMNS)
    ensure_structure()
    logger.info("Quality objectives, management review, yearly evaluation installed")
