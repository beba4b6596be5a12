"""The wheel ships templates/ and checks/: build it, install it in a fresh virtual environment and load
the profile, a template and the rules from the installed copy (not from this source tree)."""

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (whl,) = out.glob("stageverslag-*.whl")
    return whl


def test_wheel_contains_templates_and_checks(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "stageverslag/templates/profiel-om.toml" in names
    assert "stageverslag/templates/project/draft.md.j2" in names
    assert "checks/__init__.py" in names and "checks/sv502_dt.py" in names  # the rules: a package of their own
    assert "stageverslag/cli.py" in names


def test_installed_wheel_loads_profile_template_and_rules(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True)
    # third-party dependencies come from the test environment; stageverslag only from the wheel
    (purelib,) = [Path(p) for p in subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.split()]
    (purelib / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    code = (
        "import stageverslag, pathlib\n"
        "from stageverslag.profile import load_profile\n"
        "from stageverslag.templating import render\n"
        "from stageverslag.rules import load_rules\n"
        "p = load_profile()\n"
        "print(pathlib.Path(stageverslag.__file__).parent)\n"
        "print(p.path)\n"
        "print(p.part_ids[0], len(p.parts))\n"
        "print('Hulpvragen' in render('project/draft.md.j2', part=p.parts[1], window='week 1 tot 2'))\n"
        "import checks\n"
        "print(len(load_rules()) > 0 and pathlib.Path(checks.__file__).is_relative_to(pathlib.Path(stageverslag.__file__).parents[1]))\n"
    )
    res = subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    pkg, profile_path, first, has_questions, has_rules = res.stdout.split("\n")[:5]
    assert Path(pkg).is_relative_to(env_dir), pkg
    assert Path(profile_path).is_relative_to(env_dir) and profile_path.endswith("stageverslag/templates/profiel-om.toml")
    assert first == "inleiding 7"
    assert has_questions == "True" and has_rules == "True"
    # the console script of the installed copy works too
    res = subprocess.run([str(env_dir / "bin" / "stageverslag"), "init", str(tmp_path / "proj"), "--student", "An",
                          "--traject", "IRM", "--bedrijf", "Firma", "--start", "1/2/2027"],
                         capture_output=True, text=True, stdin=subprocess.DEVNULL)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "proj" / "hoofdstukken" / "01-inleiding.md").exists()
