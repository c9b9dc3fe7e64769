"""Text inside attached PDF, DOCX and ODT files is searched; a file whose text
cannot be read is still stored, with a clear notice."""

from plone import api
from plone.app.testing import login
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.namedfile.file import NamedBlobFile
from pypdf import PdfWriter
from qms.intranet.search import attachments
from qms.intranet.site.demo.files import docx_bytes
from qms.intranet.site.demo.files import odt_bytes
from qms.intranet.site.demo.files import pdf_bytes
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import io
import pytest
import transaction


def encrypted_pdf() -> bytes:

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "words", "problem"),
    [
        (pdf_bytes("Bien ban kiem tra noi bo"), "Bien ban kiem tra", None),
        (docx_bytes("Kế hoạch đánh giá nội bộ năm 2026"), "Kế hoạch đánh giá", None),
        (odt_bytes("Báo cáo xem xét của lãnh đạo"), "xem xét của lãnh đạo", None),
        (encrypted_pdf(), "", attachments.ENCRYPTED),
        (b"%PDF-1.4\nthis is not really a pdf", "", attachments.UNREADABLE),
        (b"PK\x03\x04 broken zip", "", attachments.UNREADABLE),
    ],
)
def test_extract(data, words, problem):
    text, found = attachments.extract(data)
    assert words in text
    assert found == problem


@pytest.fixture
def procedure(integration):
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    return api.content.create(
        container=portal["don-vi"]["khtc"],
        type="Procedure",
        title="Quy trình thử",
        code="TA-01/KHTC",
        owning_unit="khtc",
        signed_original=NamedBlobFile(
            pdf_bytes("Phieu giao nhiem vu kiem toan"), filename="a.pdf"
        ),
        editable_source=NamedBlobFile(
            docx_bytes("Sổ theo dõi công văn đến"), filename="a.docx"
        ),
    )


def found(query):
    return [
        b.getId
        for b in api.content.find(SearchableText=query, path="/plone/don-vi/khtc")
    ]


def test_text_of_files_is_searched(procedure):
    assert procedure.getId() in found("kiem toan")
    assert procedure.getId() in found("công văn đến")
    assert procedure.getId() in found("cong van den")


def test_replaced_file_is_read_again(procedure):

    procedure.signed_original = NamedBlobFile(
        pdf_bytes("Quyet toan ngan sach"), filename="b.pdf"
    )
    notify(ObjectModifiedEvent(procedure))
    procedure.reindexObject()
    assert procedure.getId() in found("ngan sach")
    assert procedure.getId() not in found("kiem toan")


def test_encrypted_file_stored_with_a_notice(procedure):

    procedure.signed_original = NamedBlobFile(encrypted_pdf(), filename="mat.pdf")
    notify(ObjectModifiedEvent(procedure))
    assert procedure.signed_original.filename == "mat.pdf"
    assert attachments.problems_of(procedure) == {
        "signed_original": attachments.ENCRYPTED
    }
    html = procedure.restrictedTraverse("@@qms-document")()
    assert "qms-attachment-notice" in html
    assert "mat.pdf" in html


def test_record_files_are_searched(integration, as_user):
    record_list = integration["portal"]["don-vi"]["khcn"]["ho-so"]
    portal = integration["portal"]
    setRoles(portal, TEST_USER_ID, ["Manager"])
    login(portal, TEST_USER_NAME)
    record = record_list.objectValues()[0]["ho-so-soat-xet-tai-lieu-quy-ii"]  # open
    api.content.create(
        container=record,
        type="RecordFile",
        id="nghiem-thu.docx",
        file=NamedBlobFile(
            docx_bytes("Biên bản nghiệm thu phần mềm"), filename="nghiem-thu.docx"
        ),
    )
    transaction.savepoint()
    with as_user("khcn.staff"):
        titles = [
            b.Title for b in api.content.find(SearchableText="nghiem thu phan mem")
        ]
    assert "nghiem-thu.docx" in titles
    with as_user("vp.staff"):
        assert len(api.content.find(SearchableText="nghiem thu phan mem")) == 0
