"""Catalogue importers behind one boundary: each reads its own format into the neutral model
(`model.Catalogue`), which writes Turtle in the perhepolku ontology with every fact citing its record.

- `ptv`: Suomi.fi Palvelutietovaranto Open API (v11 in `ptv_v11`; v12 would be one more module);
- `hsds_json`: Open Referral HSDS 3.0 JSON.
"""

from graph.build.importers.hsds_json import import_hsds
from graph.build.importers.ptv import import_ptv

__all__ = ["import_hsds", "import_ptv"]
