"""GET <document>/@acknowledgements: who has and has not acknowledged the
current issue (the owning unit's officers and heads, the secretariat)."""

from plone.restapi.services import Service
from qms.intranet.core.views import fullname
from qms.intranet.lifecycle.acknowledge import coverage


class AcknowledgementsGet(Service):
    def reply(self):
        found = coverage(self.context)

        def person(user: str) -> dict:
            return {
                "user": user,
                "fullname": fullname(user),
                "unit": found["people"][user],
                "acknowledged": found["done"].get(user),
            }

        return {
            "@id": f"{self.context.absolute_url()}/@acknowledgements",
            "revision": found["revision"],
            "units": found["units"],
            "total": len(found["people"]),
            "done": len(found["done"]),
            "acknowledged": [person(u) for u in sorted(found["done"])],
            "missing": [person(u) for u in found["missing"]],
        }
