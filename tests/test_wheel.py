"""The wheel carries everything kg needs: installed from it (not editable), outside the checkout,
``kg build``, ``kg query``, ``kg queries`` and ``kg map`` give what the editable install gives.

Slow: it builds the wheel, makes a virtualenv and installs requirements/run.txt into it (from
pip's cache when warm).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.model]

ROOT = Path(__file__).resolve().parent.parent
_IGNORE = shutil.ignore_patterns(".venv", ".git", "build", "out", "kg-store", "*.egg-info",
                                 "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache")


def _run(cmd: list[str | Path], cwd: Path, timeout: float = 900) -> str:
    r = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True,
                       timeout=timeout)
    assert r.returncode == 0, f"{cmd} failed:\n{r.stdout}\n{r.stderr}"
    return r.stdout


@pytest.fixture(scope="module")
def wheel_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("wheel")
    src = d / "src"  # a copy, so building leaves no build/ or egg-info in the checkout
    shutil.copytree(ROOT, src, ignore=_IGNORE)
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
          "-w", d / "dist", src], cwd=d)
    (wheel,) = (d / "dist").glob("kg-*.whl")
    _run([sys.executable, "-m", "venv", d / "venv"], cwd=d)
    pip = [d / "venv" / "bin" / "python", "-m", "pip", "install", "-q"]
    _run([*pip, "--require-hashes", "-r", ROOT / "requirements" / "run.txt"], cwd=d)
    _run([*pip, "--no-deps", wheel], cwd=d)
    return d / "venv"


def _session(kg: Path, cwd: Path, seeds: Path, store: Path) -> dict[str, str]:
    out = {"build": _run([kg, "build", seeds, "--store", store], cwd)}
    out["meetings"] = _run([kg, "query", "who-met-whom", "--store", store], cwd)
    out["queries"] = _run([kg, "queries"], cwd)
    wrote = _run([kg, "map", "--store", store, "-o", store.parent / "map.html"], cwd)
    out["map"] = re.sub(r"^wrote \S+: ", "", wrote)
    return out


def test_wheel_install_works_outside_the_checkout(wheel_venv: Path, tmp_path: Path) -> None:
    where = _run([wheel_venv / "bin" / "python", "-c", "import kg; print(kg.__file__)"], tmp_path)
    assert where.startswith(str(wheel_venv)), "kg was not imported from the installed wheel"

    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copytree(ROOT / "seeds", outside / "seeds")
    wheel = _session(wheel_venv / "bin" / "kg", outside, outside / "seeds", outside / "st")
    # The editable install as `make run` uses it: from the checkout, with its queries/.
    (tmp_path / "editable").mkdir()
    editable = _session(Path(sys.executable).parent / "kg", ROOT, ROOT / "seeds",
                        tmp_path / "editable" / "st")

    assert "built 1 articles" in wheel["build"] and "3 meetings" in wheel["build"]
    assert wheel["meetings"] == editable["meetings"]
    assert "(3 rows)" in wheel["meetings"]
    for pair in ("Steve Witkoff", "Vladimir Putin"), ("Emmanuel Macron", "Volodymyr Zelensky"):
        assert re.search(r"\s+".join(pair), wheel["meetings"])
    assert wheel["map"] == editable["map"] and re.fullmatch(r"\d+ nodes, \d+ edges\n",
                                                            wheel["map"])
    names = {line.split()[0] for line in wheel["queries"].splitlines() if line.strip()}
    assert names == {p.stem for p in (ROOT / "queries").glob("*.rq")}
    assert wheel["queries"] == editable["queries"]
