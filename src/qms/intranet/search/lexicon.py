"""Lexicon elements of ZCTextIndex's pipeline, registered like Plone's own
(Products.CMFPlone.UnicodeSplitter): pick them in a lexicon by name."""

from Products.ZCTextIndex.interfaces import ISplitter
from Products.ZCTextIndex.PipelineFactory import element_factory
from qms.intranet.search import fold
from qms.intranet.search import GLOB_WORD
from qms.intranet.search import words
from qms.intranet.search.spelling import canonical
from zope.interface import implementer

import contextlib


SPLITTER = "Vietnamese splitter"
FOLDING = "Vietnamese folding normalizer"
LOWER = "Vietnamese case normalizer"


@implementer(ISplitter)
class VietnameseSplitter:
    """Words and whole codes (QT-01/VP) plus the parts of a code."""

    def process(self, lst):
        return [token for text in lst for token in words(text)]

    def processGlob(self, lst):
        return [token for text in lst for token in words(text, GLOB_WORD)]


class FoldingNormalizer:
    """Every word without marks, lower case: 'Ủy' -> 'uy', 'đấu' -> 'dau';
    spelling variants as one ('quí' and 'quý' -> 'quy', 'kĩ' -> 'ki')."""

    def process(self, lst):
        return [canonical(fold(word)) for word in lst]

    processGlob = process


class LowerCaseNormalizer:
    """Lower case, marks kept: the exact words, for ranking."""

    def process(self, lst):
        return [word.lower() for word in lst]

    processGlob = process


for group, name, factory in (
    ("Word Splitter", SPLITTER, VietnameseSplitter),
    ("Case Normalizer", FOLDING, FoldingNormalizer),
    ("Case Normalizer", LOWER, LowerCaseNormalizer),
):
    with contextlib.suppress(ValueError):  # registered already (tests reload)
        element_factory.registerFactory(group, name, factory)
