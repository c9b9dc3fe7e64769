"""`make check-files`: the documents whose file is gone from the blob
directory are listed, so that their unit uploads them again."""

from plone import api
from plone.namedfile.file import NamedBlobFile
from qms.intranet.core.files import missing_files
from qms.intranet.site.demo.files import pdf_bytes
from tests.conftest import ROOT
from tests.instances import demo_instance

import os
import transaction


def test_a_procedure_whose_pdf_is_gone_is_listed(functional):
    portal = functional["portal"]
    with api.env.adopt_roles(["Manager"]):
        procedure = api.content.create(
            container=portal["don-vi"]["vp"],
            type="Procedure",
            title="Quy trình mất tệp",
            code="QT-97/VP",
            kind="business",
            owning_unit="vp",
            signed_original=NamedBlobFile(
                pdf_bytes("QT-97/VP"), filename="QT-97-VP.pdf"
            ),
        )
    transaction.commit()
    assert list(missing_files(portal)) == []  # every demo file is there

    os.remove(procedure.signed_original._blob.committed())
    portal._p_jar.cacheMinimize()  # read again, as a new process would
    found = [(obj.absolute_url(relative=True), f) for obj, f in missing_files(portal)]
    assert found == [(procedure.absolute_url(relative=True), "signed_original")]


def test_the_script_on_the_demo_site(tmp_path):
    instance = demo_instance(tmp_path / "instance")
    done = instance.zconsole(ROOT / "scripts" / "check_files.py")
    assert done.returncode == 0, done.stderr[-3000:]
    assert "0 file(s) missing in 'Plone'." in done.stdout
