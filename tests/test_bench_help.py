"""Every benchmark script answers ``--help``: its options and their help strings parse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
pytestmark = pytest.mark.slow  # one interpreter per script

SCRIPTS = sorted(p for p in BENCH.glob("*.py") if "def main(" in p.read_text())


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_help_exits_cleanly(script: Path) -> None:
    # A help string with a bare "%" fails only when argparse formats it, that is on --help.
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-500:]
    assert "usage:" in done.stdout


def test_scripts_found() -> None:
    # the glob must reach the scripts the benchmarks section names, not pass on an empty set
    names = {p.stem for p in SCRIPTS}
    assert {"meetings", "events", "carb", "corpus", "throughput", "meeting_coverage",
            "meeting_party_kinds", "meetings_fit"} <= names
