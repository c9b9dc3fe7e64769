"""Packaging for qms.intranet, the ISO 9001 quality management intranet."""

from pathlib import Path
from setuptools import find_namespace_packages
from setuptools import setup


HERE = Path(__file__).parent

setup(
    name="qms.intranet",
    version="1.0.0.dev0",
    description=(
        "Plone 6.2 intranet on which the units of a Vietnamese ministry run "
        "their TCVN ISO 9001:2015 quality management system."
    ),
    long_description=(HERE / "README.md").read_text(encoding="utf-8")
    + "\n\n"
    + (HERE / "CHANGES.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    classifiers=[
        "Development Status :: 3 - Alpha",
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Framework :: Plone :: Distribution",
        "Natural Language :: Vietnamese",
        "Operating System :: OS Independent",
        "Programming Language :: Python :: 3.11",
    ],
    keywords="Plone ISO9001 QMS intranet Vietnam",
    author="QMS Intranet team",
    author_email="qms-intranet@example.org",
    license="GPL-2.0-only",
    packages=find_namespace_packages("src", include=["qms.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires="==3.11.*",
    # Every distribution our code, ZCML and profiles use directly (tested by
    # tests/tooling/test_requirements.py): a wheel or buildout installs
    # exactly these, whatever other distributions happen to pull in.
    install_requires=[
        # collective.exportimport 1.16 still imports pkg_resources (gone in 82).
        "setuptools<82",
        "Products.CMFPlone==6.2.2",
        "AccessControl",
        "Acquisition",
        "borg.localrole",
        "BTrees",
        "collective.exportimport",
        "DateTime",
        "docxtpl",
        "persistent",
        "openpyxl",
        # the ministry's directory: users from LDAP/Active Directory (#19)
        "pas.plugins.ldap",
        "node.ext.ldap",
        "python-ldap",
        "Pillow",
        "plone.api",
        "plone.app.content",
        "plone.app.contenttypes",
        "plone.app.discussion",
        "plone.app.iterate",
        "plone.app.layout",
        "plone.app.linkintegrity",
        "plone.app.registry",
        "plone.app.textfield",
        "plone.app.uuid",
        "plone.uuid",
        "plone.app.versioningbehavior",
        "plone.app.workflow",
        "plone.app.z3cform",
        "plone.autoform",
        "plone.batching",
        "plone.base",
        "plone.classicui",
        "plone.dexterity",
        "plone.distribution",
        "plone.indexer",
        "plone.memoize",
        "plone.namedfile",
        "plone.outputfilters",
        "plone.portlets",
        "plone.protect",
        "plone.registry",
        "plone.rest",
        "plone.restapi",
        "plone.schema",
        "plone.supermodel",
        "plone.z3cform",
        "Products.CMFCore",
        "Products.CMFDiffTool",
        "Products.DCWorkflow",
        "Products.GenericSetup",
        "Products.MailHost",
        "Products.PluggableAuthService",
        "Products.statusmessages",
        "Products.ZCatalog",
        # text of attached PDFs for full-text search
        "pypdf",
        "python-dateutil",
        # the yearly report as an editable DOCX (docxtpl fills our template)
        "python-docx",
        # the printable nonconformity report as PDF
        "reportlab",
        "transaction",
        "waitress",
        "z3c.form",
        "z3c.relationfield",
        "ZODB",
        "Zope",
        "zExceptions",
        "zope.annotation",
        "zope.cachedescriptors",
        "zope.component",
        "zope.dottedname",
        "zope.event",
        "zope.globalrequest",
        "zope.i18n",
        "zope.i18nmessageid",
        "zope.interface",
        "zope.lifecycleevent",
        "zope.processlifetime",
        "zope.publisher",
        "zope.schema",
        # notifications: MailHost's transactional delivery (lifecycle/mail.py)
        "zope.sendmail",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.testing",
            "plone.restapi[test]",
            "pytest",
            "pytest-plone",
            # two workers: the suite in half the time on CI's two cores
            "pytest-xdist",
            "aiosmtpd",
            "playwright",
            "requests",
            "ruff",
            "build",
            "zc.buildout",
            "i18ndude",
            "python-gettext",
            "packaging",
            "uv",
            "plone.recipe.zope2instance",
            "zc.recipe.egg",
        ],
        "release": [
            "zest.releaser[recommended]",
            "build",
            "twine",
        ],
        "relstorage": [
            "RelStorage",
            "psycopg2-binary",
        ],
    },
    entry_points={
        "plone.autoinclude.plugin": ["target = plone"],
    },
)
