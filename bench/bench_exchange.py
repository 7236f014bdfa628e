"""Benchmark: sharing a 200-clinic comparison as a .kvet file and importing it, CSV and report.

Targets: export to a .kvet file under 1 s and import as a new comparison (read, validate, plan,
write in one transaction) under 1 s, both plain and password-protected. Every clinic has every
item answered by two people, notes on a third of the answers and a long note of its own.

A password adds one scrypt key derivation to each side (memory-hard on purpose, so guessing is
slow); it is timed on its own and reported apart, so a change in the file code is not hidden by
it. Medians of several runs; each import goes into a fresh database (opened outside the timing).
Run on demand: .venv/bin/python bench/bench_exchange.py [--runs N] [--pdf] [--profile] [--large]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench_store import timed  # run as a script, bench/ is on the path

from kvet.content.checklist import Checklist, Format, Kind, load_checklist
from kvet.exchange import crypto, csvexport, files, importer, report
from kvet.rating.answers import OPTIONS
from kvet.store.api import Store
from kvet.store.models import Answer, Assessment, Clinic, Rater

CLINICS = 200
EXPORT_TARGET_MS = 1000.0
IMPORT_TARGET_MS = 1000.0
PASSWORD = "correct horse battery staple"
NOTE = "They said so on the phone, and it matches the leaflet. " * 3
CLINIC_NOTES = (
    'Calm rooms; parking behind the building. <b>Not</b> =HYPERLINK("x") \u202eright-to-left 🧠 '
) * 10


def build_database(path: Path, checklist: Checklist, clinics: int = CLINICS) -> str:
    """``clinics`` clinics, every item answered by two people, written in one transaction."""
    rng = random.Random(5)
    with Store.open(checklist, path, daily_backup=False) as store:
        comparison = store.comparisons.create("Big family search")
        me = store.people.default().id
        now = datetime.now(UTC)
        with store.db.transaction() as s:
            alex = Rater(name="Alex", is_default=False)
            s.add(alex)
            s.flush()
            for n in range(clinics):
                clinic = Clinic(
                    comparison_id=comparison.id,
                    position=n,
                    name=f"Clinic {n} <{n}> & “quoted”",
                    address=f"{n} Long Road, Springfield",
                    phone=f"555 {n:04d}",
                    website=f"https://clinic{n}.example",
                    formats=sorted(f.value for f in rng.sample(list(Format), rng.randint(1, 3))),
                    notes=CLINIC_NOTES,
                )
                s.add(clinic)
                s.flush()
                for rater in (me, alex.id):
                    assessment = Assessment(
                        clinic_id=clinic.id, rater_id=rater, checklist_version=checklist.version
                    )
                    s.add(assessment)
                    s.flush()
                    for item in checklist.items:
                        answer = Answer(
                            assessment_id=assessment.id,
                            item_id=item.id,
                            answered_at=now,
                            note=NOTE if rng.random() < 1 / 3 else "",
                        )
                        if item.kind is Kind.FACT:
                            answer.number = round(rng.uniform(5, 900), 2)
                        else:
                            answer.choice = rng.choice(OPTIONS[item.kind]).choice.value
                        s.add(answer)
        return comparison.id


def bench_import(
    checklist: Checklist, folder: Path, path: Path, password: str | None, repeat: int
) -> list[float]:
    times = []
    for n in range(repeat):
        target = folder / f"import-{'p' if password else 'plain'}-{n}.sqlite"
        with Store.open(checklist, target, daily_backup=False) as store:
            start = time.perf_counter()
            document = files.read_document(path, password)
            new_id = importer.apply_import(store, importer.plan_import(store, document))
            times.append((time.perf_counter() - start) * 1000)
            assert len(store.clinics.list(new_id)) == CLINICS
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (default 5)")
    parser.add_argument("--pdf", action="store_true", help="also time the PDF report (Qt)")
    parser.add_argument("--profile", action="store_true", help="profile export and import")
    parser.add_argument(
        "--large",
        action="store_true",
        help="also time a file at the format's limits: 5,000 clinics, 50,000 "
        "assessments (took 51 s before issue 11)",
    )
    args = parser.parse_args()
    figures = measure(load_checklist(), args.runs, pdf=args.pdf, profile=args.profile)
    ok = show(figures)
    print("targets met" if ok else "TARGETS MISSED")
    if args.large:
        read_ms, plan_ms, apply_ms = bench_large_import(load_checklist())
        print(
            f"import of 50,000 assessments (5,000 clinics, 10 people): read {read_ms:.0f} ms, "
            f"plan {plan_ms:.0f} ms, write {apply_ms:.0f} ms"
        )


def measure(checklist: Checklist, runs: int, *, pdf: bool, profile: bool) -> dict[str, Any]:
    """Each figure's times over ``runs`` runs, in a fresh database of ``CLINICS`` clinics."""
    found: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "big.sqlite"
        comparison_id = build_database(db, checklist)
        plain = folder / "big.kvet"
        protected = folder / "big-protected.kvet"
        with Store.open(checklist, db, daily_backup=False) as store:
            found["build"] = timed(lambda: files.build_document(store, comparison_id), runs)
            found["export"] = timed(
                lambda: files.export_comparison(store, comparison_id, plain), runs
            )
            found["export_p"] = timed(
                lambda: files.export_comparison(store, comparison_id, protected, password=PASSWORD),
                runs,
            )
            found["csv"] = timed(
                lambda: csvexport.export_csv(store, comparison_id, folder / "big.csv"), runs
            )
            html: list[str] = []
            found["report"] = timed(
                lambda: html.append(report.report_html(store, comparison_id)), runs
            )
            found["answers"] = len(files.build_document(store, comparison_id).assessments) * len(
                checklist.items
            )
        salt = os.urandom(16)
        found["scrypt"] = timed(
            lambda: crypto._key(PASSWORD, salt, crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P),
            runs,
        )
        found["imports"] = bench_import(checklist, folder, plain, None, runs)
        found["imports_p"] = bench_import(checklist, folder, protected, PASSWORD, runs)
        found["size_mb"] = plain.stat().st_size / 1e6
        found["pdf"] = []
        if pdf:
            from kvet.render.pdf import write_pdf

            found["pdf"] = timed(lambda: write_pdf(html[-1], folder / "big.pdf"), max(1, runs // 3))
        if profile:
            profiler = cProfile.Profile()
            profiler.enable()
            with Store.open(checklist, db, daily_backup=False) as store:
                files.export_comparison(store, comparison_id, plain)
            bench_import(checklist, folder, plain, None, 1)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    return found


def show(found: dict[str, Any]) -> bool:
    """Print the medians; True when the export and import targets are met."""
    median = statistics.median
    export, export_p, imports, imports_p = (
        found["export"],
        found["export_p"],
        found["imports"],
        found["imports_p"],
    )
    key = median(found["scrypt"])
    print(
        f"{CLINICS} clinics, two people, {found['answers']:,} answers; "
        f".kvet file {found['size_mb']:.1f} MB"
    )
    print(
        f"export to .kvet:                median {median(export):7.1f} ms "
        f"(target < {EXPORT_TARGET_MS:.0f} ms)"
    )
    print(f"  of which reading and validating the comparison: {median(found['build']):7.1f} ms")
    print(
        f"export, password-protected:     median {median(export_p):7.1f} ms "
        f"(without scrypt ≈ {median(export_p) - key:.1f} ms)"
    )
    print(
        f"import as new comparison:       median {median(imports):7.1f} ms "
        f"(target < {IMPORT_TARGET_MS:.0f} ms)"
    )
    print(
        f"import, password-protected:     median {median(imports_p):7.1f} ms "
        f"(without scrypt ≈ {median(imports_p) - key:.1f} ms)"
    )
    print(
        f"scrypt key (n=2^{crypto.SCRYPT_N.bit_length() - 1}, r={crypto.SCRYPT_R}, "
        f"p={crypto.SCRYPT_P}), once per side: median {key:7.1f} ms"
    )
    print(f"CSV table:                      median {median(found['csv']):7.1f} ms")
    print(f"report HTML:                    median {median(found['report']):7.1f} ms")
    if found["pdf"]:
        print(f"report PDF (Qt, from the HTML): median {median(found['pdf']):7.1f} ms")
    # scrypt is slow on purpose (OWASP's minimum since issue 11): the targets are for kvet's code
    worst_export = max(median(export), median(export_p) - key)
    worst_import = max(median(imports), median(imports_p) - key)
    return bool(worst_export < EXPORT_TARGET_MS and worst_import < IMPORT_TARGET_MS)


def bench_large_import(checklist: Checklist) -> tuple[float, float, float]:
    """One import at the format's limits, as a new comparison, in a fresh database."""
    answer = {"item_id": "rf_no_screening", "choice": "seen", "answered_at": "2026-01-01T00:00:00Z"}
    data = {
        "format": "kvet-comparison",
        "schema_version": 2,
        "exported_at": "2026-01-01T00:00:00Z",
        "app_version": "0.1.0",
        "checklist_version": checklist.version,
        "comparison": {"id": "large", "name": "Large"},
        "raters": [{"id": f"r{n}", "name": f"Person {n}"} for n in range(10)],
        "clinics": [{"id": f"c{n}", "name": f"Clinic {n}"} for n in range(5000)],
        "assessments": [
            {"clinic_id": f"c{c}", "rater_id": f"r{r}", "answers": [answer]}
            for c in range(5000)
            for r in range(10)
        ],
    }
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.kvet"
        path.write_text(json.dumps(data))
        with Store.open(checklist, Path(tmp) / "large.sqlite", daily_backup=False) as store:
            start = time.perf_counter()
            document = files.read_document(path)
            read = time.perf_counter()
            plan = importer.plan_import(store, document)
            planned = time.perf_counter()
            importer.apply_import(store, plan)
            done = time.perf_counter()
    return (read - start) * 1000, (planned - read) * 1000, (done - planned) * 1000


if __name__ == "__main__":
    main()
