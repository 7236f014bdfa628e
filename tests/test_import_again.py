"""A family's file comes back, and comes again (issue 23, point 13): kvet offers to put it
where it belongs and its people with the same people as before, instead of a second comparison
of the same name and "Maria (imported)" beside Maria."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kvet.content.checklist import Checklist
from kvet.exchange import files, importer, origins
from kvet.rating.answers import Choice
from kvet.store.api import Store
from tests.test_course_sharing import comparison_with_course


def names(store: Store) -> list[str]:
    return sorted(person.name for person in store.people.list())


def comparisons(store: Store) -> list[str]:
    return sorted(comparison.name for comparison in store.comparisons.list())


def toms_file_twice(checklist: Checklist, folder: Path) -> str:
    """Tom shares his "Autumn search" as tom.kvet, answers one more question, and shares it
    again as tom-later.kvet. Returns Tom's own id, as his files carry it."""
    with Store.open(checklist, folder / "tom.sqlite", daily_backup=False) as tom:
        autumn = tom.comparisons.create("Autumn search")
        clinic = tom.clinics.add(autumn.id, "Hilltop Clinic")
        tom.answers.set(clinic.id, "rf_cure_promise", Choice.SEEN)
        files.export_comparison(tom, autumn.id, folder / "tom.kvet")
        tom.answers.set(clinic.id, "rf_remote_iv", Choice.SEEN)
        files.export_comparison(tom, autumn.id, folder / "tom-later.kvet")
        [tom_id] = [person.id for person in tom.people.list()]
    return tom_id


def import_as_offered(store: Store, path: Path) -> str:
    """What the import dialog does when the person accepts what it offers."""
    document = files.read_document(path)
    offer = origins.remembered(store, document)
    plan = importer.plan_import(store, document, offer.comparison_id, people=offer.people)
    return importer.apply_import(store, plan)


def test_my_comparison_sent_back_by_my_brother_goes_back_into_it_with_maria_as_maria(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False) as mine:
        spring = mine.comparisons.create("Spring search")
        harbor = mine.clinics.add(spring.id, "Harbor Clinic")
        maria = mine.people.add("Maria")
        mine.answers.set(harbor.id, "rf_cure_promise", Choice.NOT_SEEN)
        mine.answers.set(harbor.id, "rf_cure_promise", Choice.SEEN, rater_id=maria.id)
        files.export_comparison(mine, spring.id, tmp_path / "to-tom.kvet")
    with Store.open(checklist, tmp_path / "tom.sqlite", daily_backup=False) as tom:
        theirs = import_as_offered(tom, tmp_path / "to-tom.kvet")
        [clinic] = tom.clinics.list(theirs)
        tom.answers.set(clinic.id, "rf_remote_iv", Choice.NOT_SEEN)
        files.export_comparison(tom, theirs, tmp_path / "from-tom.kvet")
    with Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False) as mine:
        people_before = names(mine)
        offer = origins.remembered(mine, files.read_document(tmp_path / "from-tom.kvet"))
        assert offer.comparison_id == spring.id  # the comparison the file came from
        assert offer.people == {maria.id: maria.id}  # Maria is Maria; never "you" by id alone
        into = import_as_offered(mine, tmp_path / "from-tom.kvet")
        assert into == spring.id
        assert comparisons(mine) == ["Spring search"]  # not a second one of the same name
        assert "Maria (imported)" not in names(mine)
        assert len(names(mine)) == len(people_before) + 2  # Tom, and "Me" of Tom's file


def test_the_same_file_imported_twice_goes_where_it_went_with_the_same_people(
    tmp_path: Path, checklist: Checklist
) -> None:
    toms_file_twice(checklist, tmp_path)
    with Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False) as mine:
        me = mine.people.ensure_default("Me")
        document = files.read_document(tmp_path / "tom.kvet")
        [tom_in_file] = document.raters
        first = importer.plan_import(mine, document, people={})
        importer.apply_import(mine, first)
        after_first = names(mine)
        later = files.read_document(tmp_path / "tom-later.kvet")
        offer = origins.remembered(mine, later)
        assert offer.comparison_id == first.comparison_id
        assert offer.people == {tom_in_file.id: first.rater_ids[tom_in_file.id]}
        assert offer.people[tom_in_file.id] != me
        import_as_offered(mine, tmp_path / "tom-later.kvet")
        assert names(mine) == after_first  # no "Me (imported)" and no second Tom
        assert comparisons(mine) == ["Autumn search"]
        assert mine.decisions.disagreements(first.comparison_id) == []


def test_a_person_mapped_by_hand_last_time_is_offered_the_same_way(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "tom.sqlite", daily_backup=False) as tom:
        autumn = tom.comparisons.create("Autumn search")
        tom.answers.set(tom.clinics.add(autumn.id, "Hilltop").id, "rf_cure_promise", Choice.SEEN)
        files.export_comparison(tom, autumn.id, tmp_path / "tom.kvet")
    with Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False) as mine:
        brother = mine.people.add("My brother")
        document = files.read_document(tmp_path / "tom.kvet")
        [in_file] = document.raters
        plan = importer.plan_import(mine, document, people={in_file.id: brother.id})
        importer.apply_import(mine, plan)
        assert origins.remembered(mine, document).people == {in_file.id: brother.id}


def test_a_treatment_record_from_a_file_is_marked_with_whose_file_it_came_in(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "tom.sqlite", daily_backup=False) as tom:
        tom.people.rename(tom.people.ensure_default(), "Tom")
        comparison_id, _course = comparison_with_course(tom)
        tom.answers.set(tom.clinics.list(comparison_id)[0].id, "rf_cure_promise", Choice.SEEN)
        files.export_comparison(tom, comparison_id, tmp_path / "tom.kvet", include_courses=True)
    with Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False) as mine:
        own = mine.courses.start("My own clinic")
        document = files.read_document(tmp_path / "tom.kvet")
        plan = importer.plan_import(mine, document, include_courses=True)
        importer.apply_import(mine, plan)
        [theirs] = [c for c in mine.courses.list_courses() if c.id != own.id]
        assert origins.imported_from(mine, theirs.id) == origins.ImportedFrom(date.today(), "Tom")
        assert origins.imported_from(mine, own.id) is None
