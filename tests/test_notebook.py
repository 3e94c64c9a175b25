"""notebooks/explore.ipynb is stored without outputs and runs from top to bottom."""
import json
import sys
from pathlib import Path

import pytest

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"


def test_stored_without_outputs():
    notebook = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert code
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"


def _python3_kernel_is_this_interpreter() -> bool:
    """jupyter_client runs a kernelspec whose argv[0] is `python` with sys.executable;
    in a virtualenv the env's own `python3` spec (from ipykernel) comes first."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
    try:
        command = KernelSpecManager().get_kernel_spec("python3").argv[0]
    except NoSuchKernel:
        return False
    plain = {"python", f"python{sys.version_info[0]}", f"python{sys.version_info[0]}.{sys.version_info[1]}"}
    return command in plain or Path(command).resolve() == Path(sys.executable).resolve()


@pytest.fixture
def python3_kernel(tmp_path, monkeypatch):
    """Make sure the `python3` kernel is this test's interpreter, where bhxh_extract is installed.
    Only when another `python3` kernelspec shadows it (a user-level one pointing elsewhere)
    is a spec for this interpreter put first on JUPYTER_PATH."""
    if not _python3_kernel_is_this_interpreter():
        spec = tmp_path / "kernels" / "python3"
        spec.mkdir(parents=True)
        spec.joinpath("kernel.json").write_text(json.dumps({
            "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3", "language": "python"}), encoding="utf-8")
        monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    assert _python3_kernel_is_this_interpreter()
    return "python3"


def test_notebook_runs(python3_kernel):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # A first cell, not stored in the notebook, reports which interpreter runs it.
    notebook.cells.insert(0, nbformat.v4.new_code_cell("import sys; print(sys.executable)"))
    client = nbclient.NotebookClient(notebook, kernel_name=python3_kernel, timeout=600,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()   # raises CellExecutionError, naming the cell, if any cell fails

    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    text = "".join(out.get("text", "") for out in outputs if out.output_type == "stream")
    rich = [out["data"] for out in outputs if "data" in out]
    assert Path(text.splitlines()[0]).resolve() == Path(sys.executable).resolve()
    assert "20 records, 0 failed" in text
    assert "overall strict F1: " in text
    assert sum("image/png" in data for data in rich) >= 3, "a chart was not drawn"
    tables = "".join(data.get("text/html", "") for data in rich)
    assert "BHYT coverage %" in tables and "95.61" in tables                # coverage by province and year
    assert "bhxh_tu_nguyen" in tables and "8463" in tables                  # BHXH participants (Trà Vinh, 2020)
    assert "plan completion, mean %" in tables and "Trà Vinh" in tables    # by province and year
    assert "Lễ ra quân" in tables and "2043/KHLT-BHXH-BĐVN" in tables     # the campaign table
    assert "campaigns have a date" in text                                   # the timeline
    assert "indicators from 20 articles" in text and "conflicts: " in text   # the indicator table
