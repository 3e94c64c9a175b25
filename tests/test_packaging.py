"""A regular install (`pip install .`, not editable) carries every module and
every data file the package reads at run time: checked against pyproject's
package list and package data, so that a new subpackage or data file cannot
be left out of the wheel unnoticed."""
import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "bhxh_extract"
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]


def test_every_subpackage_is_found():
    include = SETUPTOOLS["packages"]["find"]["include"]
    for init in PACKAGE.rglob("__init__.py"):
        name = ".".join(init.parent.relative_to(ROOT).parts)
        assert any(fnmatch.fnmatch(name, pattern) for pattern in include), name
    for module in PACKAGE.rglob("*.py"):
        assert (module.parent / "__init__.py").exists(), f"{module} is in a folder that is no package"


def test_every_data_file_is_package_data():
    data = SETUPTOOLS["package-data"]
    for file in PACKAGE.rglob("*"):
        if file.is_dir() or file.suffix in (".py", ".pyc") or "__pycache__" in file.parts:
            continue
        owner = file.parent
        while not (owner / "__init__.py").exists():
            owner = owner.parent
        package = ".".join(owner.relative_to(ROOT).parts)
        relative = file.relative_to(owner).as_posix()
        assert any(fnmatch.fnmatch(relative, pattern) for pattern in data.get(package, [])), \
            f"{file.relative_to(ROOT)} is not in [tool.setuptools.package-data] {package!r}"
