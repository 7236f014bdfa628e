"""Profile: what kvet does before its window first paints, beside a bare PySide6 window.

bench_startup.py times the "shown" mark from outside; this says where that time goes, for
bench/profiles/window-firstpaint-*.txt (issue 26: profile first, fix what the profile shows).
Four views, each from fresh processes started as a user starts kvet (``python -m kvet --db``,
offscreen, with the sample comparison), stopped at the mark:
- processor time at each step of the start (the least of ``runs`` runs);
- ``python -X importtime``: the modules kvet loads that the bare window does not, by their own
  time (the least of ``runs`` runs) -- a PySide6 class is made the first time a module names it,
  so a module's own time includes the Qt classes it names;
- the PySide6 classes named by kvet's modules, each timed as it is first made;
- cProfile's top functions by their own time.
Run on demand: .venv/bin/python bench/profile_firstpaint.py [runs]
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# Stops the program at the "shown" mark, after running what ``argv[2]`` asks there.
STOP_AT_SHOWN = """
import os, sys, time
START = time.process_time()
os.environ["KVET_EXIT_AFTER_SHOW"] = "1"
out = sys.stdout
steps = []

def step(what):
    steps.append((what, (time.process_time() - START) * 1000, len(sys.modules)))

class Watch:
    def write(self, text):
        if text.startswith("shown-at"):
            step("first paint (the event loop turned once)")
            sys.stderr.write("=====SHOWN=====\\n")
            sys.stderr.flush()
            AT_SHOWN()
            out.flush()
            os._exit(0)
        return out.write(text)

    def flush(self):
        out.flush()

def report_steps():
    for what, cpu, modules in steps:
        out.write(f"{cpu:8.1f} ms  {modules:4d} modules  {what}\\n")

def report_classes():
    names = set()
    for name, module in list(sys.modules.items()):
        if name.startswith("kvet") and module is not None:
            for value in vars(module).values():
                if isinstance(value, type) and value.__module__.startswith("PySide6"):
                    names.add((value.__module__, value.__name__))
    out.write(repr(sorted(names)) + "\\n")

def report_profile():
    import io, pstats
    PROFILE.disable()
    text = io.StringIO()
    pstats.Stats(PROFILE, stream=text).sort_stats("tottime").print_stats(30)
    out.write(text.getvalue())

REPORTS = {"steps": report_steps, "classes": report_classes, "profile": report_profile}
AT_SHOWN = REPORTS[sys.argv[2]]
if sys.argv[2] == "profile":
    import cProfile
    PROFILE = cProfile.Profile()
    PROFILE.enable()
sys.stdout = Watch()
if sys.argv[1] == "bare":
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.show()
    QTimer.singleShot(0, lambda: print("shown-at 0"))
    app.exec()
else:
    import kvet.__main__ as main_module
    step("kvet.__main__ imported")
    from kvet.gui.main import app as app_module
    step("kvet.gui.main.app imported (PySide6 with it)")
    from kvet.gui.main import mainwindow
    step("kvet.gui.main.mainwindow imported")
    make, language = app_module.make_application, app_module.start_in_chosen_language
    def made(argv):
        made_app = make(argv)
        step("the QApplication made")
        return made_app
    def chosen(app, path):
        code = language(app, path)
        step("the language chosen (translators installed)")
        return code
    app_module.make_application, app_module.start_in_chosen_language = made, chosen
    build, show = mainwindow.MainWindow.__init__, mainwindow.MainWindow.show
    def built(self, *args, **kwargs):
        build(self, *args, **kwargs)
        step("MainWindow() built")
    def shown(self):
        show(self)
        step("MainWindow shown")
    mainwindow.MainWindow.__init__, mainwindow.MainWindow.show = built, shown
    main_module.main(["--db", sys.argv[1]])
"""

# Times each PySide6 class (from argv[1]'s list) the first time it is made, after QApplication.
CLASS_TIMES = """
import ast, importlib, sys, time
from PySide6.QtWidgets import QApplication
app = QApplication([])
times = []
for module_name, name in ast.literal_eval(sys.argv[1]):
    module = importlib.import_module(module_name)
    if name not in dir(module):
        continue
    start = time.perf_counter()
    getattr(module, name)
    times.append(((time.perf_counter() - start) * 1000, f"{module_name}.{name}"))
times.sort(reverse=True)
print(f"{sum(t for t, _ in times):8.1f} ms  all {len(times)} classes")
for took, name in times[:25]:
    print(f"{took:8.2f} ms  {name}")
"""

SEED = """
import sys
from pathlib import Path
from kvet.content.checklist import load_checklist
from kvet.start.sample import create_sample
from kvet.store.api import Store
with Store.open(load_checklist(), Path(sys.argv[1]), daily_backup=False) as store:
    store.settings.set_preference("last_comparison", create_sample(store).id)
"""

IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|\s*(\S+)")


def run(env: dict[str, str], *args: str, importtime: bool = False) -> tuple[str, str]:
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "-c", *args]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    return done.stdout, done.stderr


def imports(stderr: str) -> dict[str, int]:
    """Each module's own import time (µs) until the first paint."""
    found = {}
    for line in stderr.split("=====SHOWN=====")[0].splitlines():
        match = IMPORT_LINE.match(line)
        if match:
            found[match.group(3)] = int(match.group(1))
    return found


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled once
    with tempfile.TemporaryDirectory() as folder:
        for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
            env[name] = str(Path(folder) / name.lower())
        db = str(Path(folder) / "kvet.sqlite")
        subprocess.run([sys.executable, "-c", SEED, db], env=env, check=True)
        run(env, STOP_AT_SHOWN, db, "steps")  # warms the caches and writes the bytecode
        load = "load " + ", ".join(f"{n:.1f}" for n in os.getloadavg())
        print(f"kvet's first paint beside a bare window, least of {runs} runs ({load})")
        for program in ("bare", db):
            outs = [run(env, STOP_AT_SHOWN, program, "steps")[0] for _ in range(runs)]
            print(f"\n{'bare window' if program == 'bare' else 'kvet'}: processor time")
            print(min(outs, key=lambda text: float(text.splitlines()[-1].split()[0])), end="")
        bare = [imports(run(env, STOP_AT_SHOWN, "bare", "steps", importtime=True)[1])]
        kvet = [imports(run(env, STOP_AT_SHOWN, db, "steps", importtime=True)[1])]
        kvet += [imports(run(env, STOP_AT_SHOWN, db, "steps", importtime=True)[1])]
        kvet += [imports(run(env, STOP_AT_SHOWN, db, "steps", importtime=True)[1])]
        more = {name: min(r.get(name, 0) for r in kvet) for name in kvet[0] if name not in bare[0]}
        print(
            f"\nmodules kvet loads before its first paint that the bare window does not: "
            f"{len(more)}, their own time {sum(more.values()) / 1000:.1f} ms"
        )
        for name, took in sorted(more.items(), key=lambda item: -item[1])[:30]:
            print(f"{took / 1000:8.2f} ms  {name}")
        classes = run(env, STOP_AT_SHOWN, db, "classes")[0].strip()
        print("\nPySide6 classes named by kvet's modules at the first paint, each as first made:")
        print(run(env, CLASS_TIMES, classes)[0], end="")
        print("\ncProfile, top functions by own time (with the profiler's overhead):")
        print(run(env, STOP_AT_SHOWN, db, "profile")[0])


if __name__ == "__main__":
    main()
