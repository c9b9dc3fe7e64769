"""A throwaway OpenLDAP server for the tests: the same code as `make
ldap-demo` (scripts/ldap_demo.py), started on loopback ports in a
temporary folder. Missing slapd fails the tests (run `make ldap`)."""

from tests.conftest import load_script


ldap_demo = load_script("ldap_demo")
Slapd = ldap_demo.Slapd
DEMO_PASSWORD = ldap_demo.DEMO_PASSWORD
GROUP_MAP = ldap_demo.GROUP_MAP
PEOPLE_DATA = ldap_demo.PEOPLE_DATA
