"""Read kvet as a screen reader does, over AT-SPI, and list what a screen-reader user would miss.

Run with Debian's own python3 (python3-pyatspi is not on PyPI), inside a D-Bus session with an
X display and the AT-SPI bus running: tests/atspi/run.sh sets that up. For each language it
starts tests/atspi/scenes.py with the checkout's .venv python and, for every screen that
prints, reads the accessibility tree of kvet and reports:

- a focusable object with no name (Tab stops on it and the screen reader says nothing);
- a text a sighted user sees that no object exposes (a label whose name hides its text);
- a combo box with no label (Qt on Linux names a combo box only by a label's buddy);
- an object that shows information in its description but cannot take focus (the chart);
- a walkthrough move that sends no focus event or announcement naming the next question.

Exit status 0 when there is nothing to report, 1 otherwise.
"""

import json
import os
import select
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LINE_TIMEOUT = int(
    os.environ.get("KVET_ATSPI_TIMEOUT", "60")
)  # seconds for one screen to show; the whole run takes well under two minutes
# Children of these are items of a view (rows, cells, a combo box's list): the view is checked.
VIEWS = {"table", "tree table", "list", "tree", "list box", "combo box", "menu bar", "menu"}
# Roles of objects that draw what they show themselves.
DRAWN = {"filler", "canvas", "image", "drawing area", "chart"}
ITEMS = {
    "list item",
    "table cell",
    "tree item",
    "page tab",
    "menu item",
    "table column header",
    "table row header",
    "column header",
    "row header",
}


def clean(text):
    return " ".join(text.replace("&", "").split())


def showing(acc):
    states = acc.getState()
    return states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_VISIBLE)


def describe(acc):
    return f"{acc.getRoleName()} {acc.name!r}"


def path(acc):
    """Where ``acc`` sits in the tree, to tell two objects that read the same apart."""
    steps = []
    while acc is not None and acc.getRoleName() != "application":
        steps.append(str(acc.getIndexInParent()))
        acc = acc.parent
    return "/".join(reversed(steps))


def where(acc):
    """The named objects around ``acc``, nearest first, to tell the user where it is."""
    names = []
    parent = acc.parent
    while parent is not None and len(names) < 3:
        if parent.name and parent.getRoleName() != "application":
            names.append(describe(parent))
        parent = parent.parent
    return " < ".join(names) or "the window"


class Reader:
    def __init__(self, lang):
        self.lang = lang
        self.findings = []  # (kind, what), in order found
        self.seen = set()
        self.events = []

    def report(self, scene, kind, what, acc=None):
        key = (kind, what, path(acc) if acc is not None else "")
        if key not in self.seen:
            self.seen.add(key)
            self.findings.append(f"{kind} [{self.lang}, {scene}]: {what}")

    # --- the tree ---------------------------------------------------------------------------

    def app(self):
        deadline = time.time() + LINE_TIMEOUT
        while time.time() < deadline:
            desktop = pyatspi.Registry.getDesktop(0)
            for index in range(desktop.childCount):
                app = desktop.getChildAtIndex(index)
                if app is not None and app.name == "kvet":
                    return app
            time.sleep(0.2)
        raise SystemExit("kvet did not appear on the accessibility bus")

    def nodes(self, acc, parent_role=""):
        """Every object shown, with all its ancestors shown; not the items inside a view."""
        try:
            if not showing(acc):
                return
            yield acc, parent_role
            role = acc.getRoleName()
            if role in VIEWS:
                return
            for index in range(acc.childCount):
                child = acc.getChildAtIndex(index)
                if child is not None:
                    yield from self.nodes(child, role)
        except Exception:  # an object that went away while being read
            return

    def check(self, scene, seen_texts):
        app = self.app()
        exposed = []
        for index in range(app.childCount):
            window = app.getChildAtIndex(index)
            if window is None:
                continue
            for acc, parent_role in self.nodes(window):
                self.check_node(scene, acc, parent_role, exposed)
        everything = " \n ".join(exposed)
        for text in seen_texts:
            if clean(text) not in everything:
                self.report(scene, "text not exposed", repr(clean(text)[:80]))

    def check_node(self, scene, acc, parent_role, exposed):
        role = acc.getRoleName()
        name, description = clean(acc.name or ""), clean(acc.description or "")
        exposed += [name, description]
        try:
            text = acc.queryText()
            exposed.append(clean(text.getText(0, -1)))
        except NotImplementedError:
            pass
        states = acc.getState()
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        if focusable and not name and role not in ITEMS and parent_role != "combo box":
            self.report(scene, "focusable, no name", f"{role} in {where(acc)}", acc)
        if role == "combo box":
            labelled = any(
                relation.getRelationType() == pyatspi.RELATION_LABELLED_BY
                for relation in acc.getRelationSet()
            )
            if not labelled:
                self.report(scene, "combo box, no label", f"showing {name[:50]!r}", acc)
        if role in DRAWN and description and not focusable:
            self.report(scene, "shows information, cannot take focus", describe(acc), acc)

    # --- events -----------------------------------------------------------------------------

    def listen(self):
        pyatspi.Registry.registerEventListener(
            self.on_event,
            "focus:",
            "object:state-changed:focused",
            "object:announcement",
        )

    def on_event(self, event):
        try:
            if event.type.startswith("object:state-changed:focused") and not event.detail1:
                return
            source = event.source
            said = " ".join([source.name or "", source.description or ""])
            if event.type.startswith("object:announcement"):
                said += " " + str(event.any_data)
            self.events.append(clean(event.type + ": " + said))
        except Exception:
            pass


class Driver:
    """tests/atspi/scenes.py, one screen at a time."""

    def __init__(self, lang):
        python = os.path.join(ROOT, ".venv", "bin", "python")
        env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1")
        env.pop("QT_QPA_PLATFORM", None)
        self.process = subprocess.Popen(
            [python, "-m", "tests.atspi.scenes", lang],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.buffer = b""

    def line(self, pump=False):
        """The next line kvet's screens print (the pipe is read unbuffered: select sees it)."""
        deadline = time.time() + LINE_TIMEOUT
        fd = self.process.stdout.fileno()
        while b"\n" not in self.buffer:
            if time.time() > deadline:
                raise SystemExit(f"kvet did not show the next screen within {LINE_TIMEOUT} s")
            if pump:
                while GLib.MainContext.default().iteration(False):
                    pass
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    raise SystemExit(f"the kvet screens stopped early (exit {self.process.wait()})")
                self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        text = line.decode("utf-8")
        if os.environ.get("KVET_ATSPI_TRACE"):
            print("<", text[:100], file=sys.stderr)
        return text

    def next(self):
        self.process.stdin.write("\n")
        self.process.stdin.flush()


def pump(seconds):
    end = time.time() + seconds
    while time.time() < end:
        while GLib.MainContext.default().iteration(False):
            pass
        time.sleep(0.02)


def read_language(lang):
    reader = Reader(lang)
    reader.listen()
    driver = Driver(lang)
    seen = []
    scenes = 0
    while True:
        line = driver.line(pump=True)
        word, _, rest = line.partition(" ")
        if word == "SEE":
            seen.append(json.loads(rest))
        elif word == "SCENE":
            reader.check(rest, seen)
            scenes += 1
            seen = []
            driver.next()
        elif word == "MOVE":
            question = clean(json.loads(rest))
            reader.events = []
            driver.next()
            while driver.line(pump=True) != "MOVED":
                pass
            pump(0.5)
            if os.environ.get("KVET_ATSPI_TRACE"):
                print("heard:", [s[:80] for s in reader.events], file=sys.stderr)
            if not any(question in said for said in reader.events):
                reader.report(
                    "walkthrough",
                    "move with no focus or announcement naming the next question",
                    repr(question[:60]) + " (heard: %r)" % [s[:60] for s in reader.events[-3:]],
                )
            driver.next()
        elif word == "END":
            break
    driver.process.stdin.close()
    driver.process.wait(timeout=30)
    pyatspi.Registry.deregisterEventListener(
        reader.on_event, "focus:", "object:state-changed:focused", "object:announcement"
    )
    print(f"{lang}: {scenes} screens read, {len(reader.findings)} findings", flush=True)
    return reader.findings


def main():
    langs = sys.argv[1:] or ["en", "es"]
    findings = []
    for lang in langs:
        findings += read_language(lang)
    for line in findings:
        print(line)
    print(f"screen reader check: {len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
