"""VietnameseTextIndex: a ZCTextIndex on the folding lexicon, which also
keeps the exact (marked) words so that a query typed with marks ranks the
documents with exactly those words first ("bán" puts "bán đấu giá" above
"bàn giao"). Everything else is ZCTextIndex: globs, phrases, AND/OR/NOT."""

from AccessControl.class_init import InitializeClass
from Acquisition import aq_base
from Products.ZCTextIndex.Lexicon import Lexicon
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
from Products.ZCTextIndex.ParseTree import ParseError
from Products.ZCTextIndex.QueryParser import QueryParser
from Products.ZCTextIndex.ZCTextIndex import ZCTextIndex
from qms.intranet.search import has_marks
from qms.intranet.search import lexicon  # noqa: F401 - registers the elements
from qms.intranet.search.lexicon import LowerCaseNormalizer
from qms.intranet.search.lexicon import VietnameseSplitter


META_TYPE = "VietnameseTextIndex"


class VietnameseTextIndex(ZCTextIndex):
    meta_type = META_TYPE

    def __init__(
        self,
        id,
        extra=None,
        caller=None,
        index_factory=None,
        field_name=None,
        lexicon_id=None,
    ):
        super().__init__(
            id,
            extra=extra,
            caller=caller,
            index_factory=index_factory,
            field_name=field_name,
            lexicon_id=lexicon_id,
        )
        self._new_exact()

    def _new_exact(self):
        self.exact_lexicon = Lexicon(VietnameseSplitter(), LowerCaseNormalizer())
        self.exact_index = OkapiIndex(self.exact_lexicon)

    def index_object(self, documentId, obj, threshold=None):
        count = super().index_object(documentId, obj, threshold)
        texts = self._texts(obj)
        if texts:
            self.exact_index.index_doc(documentId, texts)
        elif self.exact_index.has_doc(documentId):
            self.exact_index.unindex_doc(documentId)
        return count

    def _texts(self, obj) -> list[str]:
        texts = []
        for attr in getattr(self, "_indexed_attrs", [self._fieldname]):
            text = getattr(obj, attr, None)
            if callable(text):
                text = text()
            if isinstance(text, (list, tuple, set)):
                texts.extend(t for t in text if isinstance(t, str))
            elif isinstance(text, str):
                texts.append(text)
        return texts

    def unindex_object(self, docid):
        super().unindex_object(docid)
        if self.exact_index.has_doc(docid):
            self.exact_index.unindex_doc(docid)

    def query_index(self, record, resultset=None):
        results = super().query_index(record, resultset)
        query = " ".join(record.keys)
        if not results or not has_marks(query):
            return results
        try:
            exact = QueryParser(aq_base(self.exact_lexicon)).parseQuery(query)
            exact = exact.executeQuery(self.exact_index)
        except ParseError:
            return results
        if exact:
            boost = max(results.values()) + 1
            for rid, score in exact.items():
                if rid in results:
                    results[rid] = results[rid] + score + boost
        return results

    def clear(self):
        super().clear()
        self._new_exact()


InitializeClass(VietnameseTextIndex)


def manage_addVietnameseTextIndex(self, id, extra=None, REQUEST=None, RESPONSE=None):
    """Add a Vietnamese text index (ZMI and GenericSetup)."""
    return self.manage_addIndex(id, META_TYPE, extra, REQUEST, RESPONSE)


def initialize(context):
    """Register the index type with Zope, so catalog.xml can create it."""
    from Products.ZCTextIndex import getIndexTypes

    context.registerClass(
        VietnameseTextIndex,
        permission="Add Pluggable Index",
        constructors=(manage_addVietnameseTextIndex, getIndexTypes),
        icon="www/index.gif",
        visibility=None,
    )
