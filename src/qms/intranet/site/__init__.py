"""The site as a whole: intranet access (anonymous visitors get the login
form only), install handlers, the `qms` distribution, its demo data, and
what every page shows (footer, style). The highest concept: it may use all
the others, none uses it."""
