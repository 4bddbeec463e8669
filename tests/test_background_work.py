"""Background work in the GUI and the composition root starts only through the task manager
(desktop_app/gui/common/tasks.py): no widget makes a thread, a pool or an executor of its
own, and nothing spins the event loop by hand instead of using a worker."""

import ast
from pathlib import Path

import desktop_app

PACKAGE = Path(desktop_app.__file__).parent
THE_TASK_MANAGER = PACKAGE / "gui" / "common" / "tasks.py"
# Calls that start work beside the task manager; processEvents() stands in for a worker
# (the offscreen self-test, which runs no event loop, uses it to let deleteLater happen).
FORBIDDEN = {"QThreadPool", "QThread", "Thread", "ThreadPoolExecutor", "ProcessPoolExecutor",
             "Timer", "globalInstance", "start_new_thread", "run_in_executor", "processEvents"}
ALLOWED = {("launch/self_test.py", "processEvents")}


def _called_name(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Attribute):
        return function.attr
    return function.id if isinstance(function, ast.Name) else ""


def stray_work(sources: list[Path], root: Path) -> list[str]:
    """`path:line: name()` of every forbidden call outside the task manager."""
    found = []
    for source in sources:
        if source == THE_TASK_MANAGER:
            continue
        where = source.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and (name := _called_name(node)) in FORBIDDEN \
                    and (where, name) not in ALLOWED:
                found.append(f"{where}:{node.lineno}: {name}()")
    return sorted(found, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))


def test_gui_and_launch_start_work_only_through_the_task_manager() -> None:
    sources = [*(PACKAGE / "gui").rglob("*.py"), *(PACKAGE / "launch").rglob("*.py")]
    assert stray_work(sources, PACKAGE) == []


def test_the_scan_finds_a_widget_with_its_own_pool(tmp_path: Path) -> None:
    source = tmp_path / "own_pool.py"
    source.write_text("from PySide6.QtCore import QThreadPool\n"
                      "import threading\n"
                      "pool = QThreadPool()\n"
                      "threading.Thread(target=print).start()\n"
                      "app.processEvents()\n")
    assert stray_work([source], tmp_path) == [
        "own_pool.py:3: QThreadPool()", "own_pool.py:4: Thread()",
        "own_pool.py:5: processEvents()"]
