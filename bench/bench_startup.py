"""Benchmark: kvet's start-up against a floor program and a bare window, as whole processes.

Three programs run the same way (a fresh process, offscreen), interleaved so machine noise hits
them alike, each reporting two marks on stdout:
- "shown": its window is on screen and the event loop has turned once;
- "ready": its data is on screen (for kvet: the sample comparison's clinics and scores).
The FLOOR is the least any program like kvet could do: show a QMainWindow, then import
SQLAlchemy 2, open a five-table schema on SQLite (a file in the temporary folder, created and
filled on its first run, as kvet's is) and fill a QTableView over a small model with the rows.
The BARE program shows an empty QMainWindow and nothing else.
Peak memory is each child's own maximum resident set size, from ``os.wait4``.
kvet also starts on two more databases (bench_store's comparison of two people's answers) with
2 and with 200 clinics, interleaved the same way, so work that grows with the clinics shows.
Targets (issue 26): kvet's window shown within 1.3 times the bare window's, its data shown
within 1.1 times the floor's, its whole run to exit within 1.15 times the floor's, its peak
memory within 1.2 times, and its clinic list shown for 200 clinics within 1.1 times the time for
2 clinics.
Run on demand: .venv/bin/python bench/bench_startup.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DATA_TARGET = 1.1
MEMORY_TARGET = 1.2
WINDOW_TARGET = 1.3  # the window, with help working, before the data is opened
EXIT_TARGET = 1.15  # the whole run, start to the process's end
CLINICS_TARGET = 1.1  # the clinic list shown for 200 clinics, beside 2 clinics
MANY, FEW = 200, 2
HERE = Path(__file__).resolve().parent
TIMEOUT_S = 60

BARE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
def shown():
    print(f"shown-at {time.time()!r}", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

# The same script for every run: argv[1] is its database file, made and filled when missing.
FLOOR = """
import sys, time
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication([])
window = QMainWindow()
window.resize(1000, 700)
window.show()

def mark(what):
    print(f"{what}-at {time.time()!r}", flush=True)

class Rows(QAbstractTableModel):
    def __init__(self, rows, headers):
        super().__init__()
        self.rows, self.headers = rows, headers
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)
    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.headers)
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.rows[index.row()][index.column()])
        return None
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

def load():
    from sqlalchemy import ForeignKey, create_engine, func, select
    from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

    class Base(DeclarativeBase):
        pass

    class Comparison(Base):
        __tablename__ = "comparison"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str]

    class Clinic(Base):
        __tablename__ = "clinic"
        id: Mapped[int] = mapped_column(primary_key=True)
        comparison_id: Mapped[int] = mapped_column(ForeignKey("comparison.id"))
        name: Mapped[str]
        notes: Mapped[str] = mapped_column(default="")

    class Rater(Base):
        __tablename__ = "rater"
        id: Mapped[int] = mapped_column(primary_key=True)
        name: Mapped[str]

    class Answer(Base):
        __tablename__ = "answer"
        id: Mapped[int] = mapped_column(primary_key=True)
        clinic_id: Mapped[int] = mapped_column(ForeignKey("clinic.id"), index=True)
        rater_id: Mapped[int] = mapped_column(ForeignKey("rater.id"))
        item_id: Mapped[str]
        good: Mapped[bool]

    class Preference(Base):
        __tablename__ = "preference"
        key: Mapped[str] = mapped_column(primary_key=True)
        value: Mapped[str]

    engine = create_engine(f"sqlite:///{sys.argv[1]}")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        if session.scalar(select(func.count()).select_from(Comparison)) == 0:
            comparison = Comparison(name="Sample")
            rater = Rater(name="Me")
            session.add_all([comparison, rater, Preference(key="country", value="US")])
            session.flush()
            for number in range(3):
                clinic = Clinic(comparison_id=comparison.id, name=f"Clinic {number}")
                session.add(clinic)
                session.flush()
                session.add_all(
                    Answer(clinic_id=clinic.id, rater_id=rater.id, item_id=f"item_{i}",
                           good=(i * 37 % 100) < 80)
                    for i in range(60)
                )
            session.commit()
        good = func.sum(Answer.good)
        rows = session.execute(
            select(Clinic.name, func.count(Answer.id), good)
            .join(Answer, Answer.clinic_id == Clinic.id)
            .group_by(Clinic.id)
            .order_by(good.desc())
        ).all()
    table = QTableView()
    table.setModel(Rows([tuple(row) for row in rows], ["Clinic", "Answered", "Good"]))
    window.setCentralWidget(table)
    QTimer.singleShot(0, done)

def done():
    mark("ready")
    app.quit()

QTimer.singleShot(0, lambda: mark("shown"))
QTimer.singleShot(0, load)
app.exec()
"""

# Makes kvet's database (as a first start does) and puts the sample comparison in it, so the
# timed runs open a comparison with clinics, answers and scores to show.
SEED_KVET = """
import sys
from pathlib import Path
from kvet.content.checklist import load_checklist
from kvet.start.sample import create_sample
from kvet.store.api import Store
with Store.open(load_checklist(), Path(sys.argv[1]), daily_backup=False) as store:
    info = create_sample(store)
    store.settings.set_preference("last_comparison", info.id)
"""

# A comparison of argv[2] clinics, every item answered by one person and most by a second.
SEED_CLINICS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from bench_store import build_database
from kvet.content.checklist import load_checklist
from kvet.store.api import Store
path = Path(sys.argv[1])
comparison = build_database(path, load_checklist(), int(sys.argv[2]))
with Store.open(load_checklist(), path, daily_backup=False) as store:
    store.settings.set_preference("last_comparison", comparison)
"""


@dataclass(frozen=True)
class Run:
    shown: float  # milliseconds from launch to the window shown
    ready: float  # ... to the data shown
    total: float  # ... to the process's exit
    peak_mib: float  # the process's own maximum resident set size
    cpu: float  # milliseconds of processor time, user and system: less moved by other load


def timed(command: list[str], env: dict[str, str]) -> Run:
    """Run one program to its end: its marks, its whole time and its own peak memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start_wall, start = time.time(), time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        # wait4 reaps this one child and gives its own rusage (ru_maxrss in KiB on Linux). A
        # program that does not end (a dialog waiting for a click) is stopped and reported.
        deadline = start + TIMEOUT_S
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                child.wait()
                raise RuntimeError(f"{command[1:3]} did not end within {TIMEOUT_S} s")
            time.sleep(0.005)
        total = (time.perf_counter() - start) * 1000
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode(errors="replace")
    marks = {}
    for line in stdout.splitlines():
        if line.endswith(tuple("0123456789")) and "-at " in line:
            what, moment = line.split("-at ")
            marks[what] = (float(moment) - start_wall) * 1000
    if child.returncode != 0 or "shown" not in marks:
        raise RuntimeError(f"{command[1:3]} failed ({child.returncode}): {stderr[-800:]}")
    cpu = (usage.ru_utime + usage.ru_stime) * 1000
    ready = marks.get("ready", marks["shown"])
    return Run(marks["shown"], ready, total, usage.ru_maxrss / 1024, cpu)


def spread(values: list[float]) -> str:
    """The median and the middle half of the runs, so a noisy machine shows as a wide range."""
    q1, median, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else values * 3
    return f"{median:6.0f} ({q1:.0f}-{q3:.0f})"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    results, load = measure(runs)
    show(results, runs, load)


def measure(runs: int) -> tuple[dict[str, list[Run]], str]:
    """Every program ``runs`` times, interleaved, after one warming run each; and the load."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KVET_EXIT_AFTER_SHOW="1")
    # As installed, kvet's modules are compiled once (pip writes the .pyc files); a shell that
    # forbids writing them would have every run compile kvet from source, which no user sees.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as folder:
        env["HOME"] = folder
        env["XDG_DATA_HOME"] = str(Path(folder) / "data")
        env["XDG_CONFIG_HOME"] = str(Path(folder) / "config")
        env["XDG_STATE_HOME"] = str(Path(folder) / "state")
        db = str(Path(folder) / "kvet.sqlite")
        floor_db = str(Path(folder) / "floor.sqlite")
        subprocess.run([sys.executable, "-c", SEED_KVET, db], check=True, env=env)
        programs = {
            "bare": [sys.executable, "-c", BARE],
            "floor": [sys.executable, "-c", FLOOR, floor_db],
            "kvet": [sys.executable, "-m", "kvet", "--db", db],
        }
        for clinics in (FEW, MANY):
            clinics_db = str(Path(folder) / f"clinics-{clinics}.sqlite")
            seed = [sys.executable, "-c", SEED_CLINICS, clinics_db, str(clinics), str(HERE)]
            subprocess.run(seed, check=True, env=env)
            programs[f"kvet-{clinics}"] = [sys.executable, "-m", "kvet", "--db", clinics_db]
        # one run of each warms the file and bytecode caches (the floor's makes its database)
        for command in programs.values():
            timed(command, env)
        results: dict[str, list[Run]] = {name: [] for name in programs}
        for _ in range(runs):  # interleaved, so machine noise hits all alike
            for name, command in programs.items():
                results[name].append(timed(command, env))
        load = "load " + ", ".join(f"{n:.1f}" for n in os.getloadavg()) + " (1, 5, 15 min)"
    return results, load


def show(results: dict[str, list[Run]], runs: int, load: str) -> None:
    """The medians beside the bare window and the floor, and each of issue 26's targets."""
    print(f"medians over {runs} interleaved runs each (in brackets: the middle half of the runs)")
    print(f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, {load}")
    print(f"{'':28}{'bare':>20}{'floor':>20}{'kvet':>20}   kvet/floor")
    for label, field in (
        ("window shown, ms", "shown"),
        ("data shown, ms", "ready"),
        ("whole run, to exit, ms", "total"),
        ("peak memory, MiB", "peak_mib"),
        ("processor time, whole run, ms", "cpu"),
    ):
        values = {name: [getattr(run, field) for run in found] for name, found in results.items()}
        medians = {name: statistics.median(v) for name, v in values.items()}
        row = "".join(f"{spread(values[name]):>20}" for name in ("bare", "floor", "kvet"))
        print(f"{label:28}{row}   {medians['kvet'] / medians['floor']:.2f}")
    data = statistics.median(r.ready for r in results["kvet"]) / statistics.median(
        r.ready for r in results["floor"]
    )
    memory = statistics.median(r.peak_mib for r in results["kvet"]) / statistics.median(
        r.peak_mib for r in results["floor"]
    )
    window = statistics.median(r.shown for r in results["kvet"]) / statistics.median(
        r.shown for r in results["bare"]
    )
    whole = statistics.median(r.total for r in results["kvet"]) / statistics.median(
        r.total for r in results["floor"]
    )
    lists = {n: [r.ready for r in results[f"kvet-{n}"]] for n in (FEW, MANY)}
    print(
        f"clinic list shown, ms: {FEW} clinics {spread(lists[FEW]).strip()}, "
        f"{MANY} clinics {spread(lists[MANY]).strip()}"
    )
    growth = statistics.median(lists[MANY]) / statistics.median(lists[FEW])
    for what, ratio, target, beside in (
        ("window shown", window, WINDOW_TARGET, "the bare window's"),
        ("data shown", data, DATA_TARGET, "the floor's"),
        ("whole run, to exit,", whole, EXIT_TARGET, "the floor's"),
        ("peak memory", memory, MEMORY_TARGET, "the floor's"),
        (f"clinic list for {MANY} clinics", growth, CLINICS_TARGET, f"its list for {FEW}"),
    ):
        verdict = "met" if ratio <= target else f"NOT met, {ratio / target - 1:.0%} over"
        print(f"target: kvet's {what} within {target}x {beside}: {ratio:.2f}x, {verdict}")


if __name__ == "__main__":
    main()
