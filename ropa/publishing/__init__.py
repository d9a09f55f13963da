"""Publishing from the register: a static site, privacy-notice sections, the sub-processor list and a
data-flow diagram, and the comparison of a privacy notice with the register.

The verbs are exported from :mod:`ropa` (``ropa.publish``, ``ropa.notice``, ``ropa.export_subprocessors``,
``ropa.diagram``, ``ropa.compare_notice``); this package holds their implementation. Only what a
privacy officer would publish leaves the register: notes, suppressions, security-measure detail,
unmapped import data, systems and findings stay out unless asked for by name
(:data:`ropa.publishing._view.INTERNAL_PARTS`).

Jinja2 (templates), Babel (country names) and the ``graphviz`` binding (SVG diagrams) are the optional
extra ``ropa-register[publish]``; a missing one raises ``MissingDependencyError`` naming it. This
``__init__`` imports nothing, so that the rule RGT-005 can use :mod:`ropa.publishing.compare` cheaply.
"""
