"""Catalogue import at national scale: generate PTV v11 records, import them, check quotes and shapes;
and the requirement rules' precision and recall. `python -m bench.catalogues [SERVICES]` or `make bench`."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.extraction import evaluate


def _timed(step: Any) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    out = step()
    return out, round(time.perf_counter() - wall, 2), round(time.process_time() - cpu, 2)


def bench_import(services: int = 10_000) -> dict[str, Any]:
    """Seconds (wall and CPU) to import `services` generated PTV records and to validate the result."""
    from graph.build.importers import import_ptv
    from graph.build.importers.generate_ptv import generate_ptv
    from graph.build.validate import validate

    root = Path(tempfile.mkdtemp(prefix="perhepolku-ptv-"))
    try:
        generate_ptv(services, 1, root / "records")
        report, wall, cpu = _timed(lambda: import_ptv([root / "records"], root / "out"))
        checked, v_wall, v_cpu = _timed(lambda: validate([root / "out"], reason=False))
        _, r_wall, _ = _timed(lambda: import_ptv([root / "records"], root / "out"))
        return {
            "services": services,
            "imported": report["imported"],
            "import_wall_s": wall,
            "import_cpu_s": cpu,
            "reimport_wall_s": r_wall,
            "validate_wall_s": v_wall,
            "validate_cpu_s": v_cpu,
            "triples": checked.triples,
            "conforms": checked.conforms,
        }
    finally:
        shutil.rmtree(root, ignore_errors=True)


def bench_extraction() -> dict[str, Any]:
    return {split or "all": {k: v for k, v in evaluate(split).items() if k not in ("wrong", "missed")}
            for split in ("dev", "heldout", None)}  # fmt: skip


def text(result: dict[str, Any]) -> str:
    imp, ext = result["import"], result["extraction"]
    rows = "\n".join(
        f"| {name} | {r['sentences']} | {r['bounds_labelled']} | {r['precision']} | {r['recall']} |"
        for name, r in ext.items()
    )
    return (
        f"### Catalogue import (PTV v11)\n\n{imp['services']} generated services: import {imp['import_wall_s']} s wall "
        f"({imp['import_cpu_s']} s CPU), re-import {imp['reimport_wall_s']} s; quotes and shapes "
        f"{imp['validate_wall_s']} s ({imp['triples']} triples, conforms: {imp['conforms']}).\n\n"
        "| requirement sentences | sentences | bounds | precision | recall |\n|---|---|---|---|---|\n" + rows
    )


def main(services: int = 10_000) -> dict[str, Any]:
    result = {"import": bench_import(services), "extraction": bench_extraction()}
    print(json.dumps(result, indent=1))
    print(text(result))
    return result


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
