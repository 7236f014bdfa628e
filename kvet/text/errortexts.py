"""The English words of every error code (kvet.text.errors), the msgids of the catalogue.

One entry per code: the words a person reads, with ``{places}`` for the values the error
carries. The other languages are in ``resources/catalogue/<language>.po``, keyed by the code
and these words; ``scripts/catalogue.py`` copies a new or changed entry there to be translated,
and ``tests/test_error_catalogue.py`` fails while a code has no words in any language.
"""

from __future__ import annotations

_RECOVERY = "You can restore the newest backup, or start a new database beside it."

TEXTS: dict[str, str] = {
    # --- what kvet was doing, where (phrases that fill other words) ---------------------------
    "doing.save": "save your change",
    "doing.open": "open your data",
    "where.database": "the database",
    "where.database-at": "the database {path}",
    # --- the database (kvet.store) --------------------------------------------------------------
    "store.busy": "kvet could not {doing}: another program is using {where}. "
    "Close it, then try again.",
    "store.unreadable-text": "kvet could not {doing}: some saved text in {where} cannot be read "
    f"(it is damaged). {_RECOVERY}",
    "store.date-out-of-range": "kvet could not {doing}: a date in it is outside the range kvet "
    "can keep (the years 1 to 9999, in UTC). Nothing was changed.",
    "store.missing-part": "kvet could not {doing}: {where} is damaged (a part of it is missing). "
    "kvet has not changed it. You can restore the newest backup (kvet restore), "
    "or start a new database beside it.",
    "store.disk-full": "kvet could not {doing}: the disk is full. Nothing was changed. Free some "
    "space (or choose a database on another disk), then try again.\n\nDatabase: {place}",
    "store.read-only": "kvet could not {doing}: it may not write to {where} or its folder. "
    "Nothing was changed. Check the folder's permissions, or choose another folder.",
    "store.damaged": f"kvet could not {{doing}}: {{where}} is damaged. {_RECOVERY}",
    "store.disk-error": "kvet could not {doing}: the disk reported an error while writing "
    "{where}. Nothing was changed. If the disk is full, free some space; otherwise check the "
    "disk, then try again.",
    "store.failed": "kvet could not {doing} in {where}. Nothing was changed. Try again; if it "
    "happens again, restore the newest backup.",
    "store.closed": "This kvet database has been closed.",
    "store.bad-address": "The database address {address} (from {setting}) is not a valid "
    "address, such as sqlite:////home/me/kvet.sqlite.",
    "store.not-kvet-or-damaged": "The file {path} is not a kvet database, or it is damaged. "
    f"kvet has not changed it. {_RECOVERY}",
    "store.damaged-because": "The file {path} is not a kvet database, or it is damaged "
    f"({{detail}}). kvet has not changed it. {_RECOVERY}",
    "damage.cut-short": "it is cut short",
    "damage.header": "its header is damaged",
    "damage.wal": "its file of recent changes, {name}, is damaged",
    "damage.saved-value": "a saved value in its {table} table cannot be read",
    "damage.text": "some text in its {table} table cannot be read",
    "damage.some-text": "some of its text cannot be read",
    "damage.plan": "a treatment plan in it cannot be read",
    "damage.entry": "a treatment entry in it cannot be read",
    "damage.not-a-database": "it does not start like a database file",
    "damage.planted": "it holds commands that kvet did not put there",
    "damage.no-version": "its schema version is missing",
    "damage.missing-table": "a part of it is missing",
    "store.not-ordinary-file": "{path} is not an ordinary file. kvet has not changed it.",
    "store.not-kvet": "The file {path} is a database, but not one of kvet's. kvet has not "
    "changed it. Choose another file, or start a new database.",
    "store.too-new": "The database {path} was saved by a newer version of kvet (schema "
    "{schema}). Update kvet to open it; this version will not change it.",
    "store.lost-changes": "Your database {path} cannot be opened whole: its file of recent "
    "changes, {wal}, is damaged, and changes saved after the damage cannot be read back "
    "({count} in all). kvet has not changed either file. You can restore the newest backup, or "
    "open your data without those changes.",
    "store.cannot-read": "kvet cannot read {path}: {reason}.",
    "store.path-is-link": "{link} is a link to another file. kvet opens only a database's own "
    "file, so that it never creates or moves files elsewhere. Give the file's real path with "
    "--db. kvet has not changed it.",
    "store.path-is-folder": "{path} is a folder, not a kvet database file. Give the path of a "
    "file inside it (for example kvet.sqlite), or move the folder away.",
    "store.path-is-device": "{path} is not an ordinary file (it is a device, a pipe or a "
    "socket). Give the path of a kvet database file.",
    "store.not-allowed": "kvet cannot read its database {path}: it is not allowed to. Check "
    "that the file and its folder belong to you, or choose another file.",
    "store.cannot-make-folder": "kvet cannot create the folder for its database, {folder}: "
    "{reason}. Check that you may write there, or choose another folder.",
    "store.cannot-make-file": "kvet cannot create its database at {path}: {reason}. Check that "
    "you may write to the folder, or choose another folder.",
    "store.empty-with-backups": "Your database {path} holds no kvet data (it is empty), but "
    f"kvet has backups of it. kvet has not changed it. {_RECOVERY}",
    "store.backup-failed": "kvet could not make today's backup of {path}. Your data is safe, "
    "but check that the disk has free space.",
    "store.backup-folder-link": "kvet's backups folder {path} is a link to another place. kvet "
    "makes and removes backups only in its own folder, so it made none there. Move the link "
    "away; kvet then makes a new folder.",
    # --- kvet's lock on its database (kvet.store.locking) -------------------------------------
    "lock.is-link": "kvet's lock file {path} is a link to another file. kvet will not write "
    "through it. Remove the link, then try again.",
    "lock.cannot-write": "kvet cannot write in the folder {folder}: {reason}. Check that you may "
    "write to it, or choose another folder.",
    "lock.not-ordinary-file": "kvet's lock file {path} is not an ordinary file. Remove it, then "
    "try again.",
    "lock.cannot-lock": "kvet cannot lock its database in {folder}: {reason}. Choose a folder on "
    "a local disk.",
    "lock.in-use-window": "This kvet database is already open in another kvet window. Close the "
    "other window first, then try again.\n\nDatabase: {path}",
    "lock.in-use-command": "This kvet database is in use by a kvet command (list, export, "
    "import or restore) that is still running. Wait for it to finish, then try again."
    "\n\nDatabase: {path}",
    "lock.in-use": "This kvet database is already in use by another kvet. Close it first, then "
    "try again.\n\nDatabase: {path}",
    # --- upgrading the database (kvet.store.migrate) --------------------------------------------
    "migrate.too-new": "This database was saved by a newer version of kvet. Update kvet to open "
    "it; this version will not change it.",
    "migrate.not-kvet": "This database is not one of kvet's. kvet has not changed it. Choose "
    "another, or start a new database.",
    "migrate.no-backup": "kvet needs to upgrade the database {path}, and backs it up first, but "
    "could not make the backup. Nothing was changed. Free some disk space, then start kvet "
    "again.",
    "migrate.failed-kept": "kvet could not upgrade the database {path} to this version. Nothing "
    "was changed. A copy from before the attempt is at {copy}. Please report this problem.",
    "migrate.failed": "kvet could not upgrade the database to this version. Nothing was "
    "changed. Please report this problem.",
    "migrate.broken-links": "kvet could not upgrade the database: the new schema would break "
    "links between records. Nothing was changed.",
    # --- restoring a backup, starting afresh (kvet.store.restore, kvet.start.recovery)
    "restore.backup-is-link": "The backup {path} is a link to another file. kvet restores only "
    "its own copies, never a file elsewhere. kvet has not changed it.",
    "restore.not-ordinary-file": "{path} is not an ordinary file, so kvet will not restore it.",
    "restore.backup-empty": "The backup {path} is empty: it holds no kvet data, so restoring it "
    "would leave you with nothing. kvet has not changed it. Choose another backup.",
    "restore.failed": "kvet could not restore {backup}. Your file has not been changed.",
    "restore.no-backup": "There is no backup of {path} yet.",
    "restore.cannot-move": "{path} is not an ordinary file, so kvet will not move it.",
    "restore.nothing-lost": "The file of recent changes of {path} is not damaged, so there is "
    "nothing to leave out. Nothing was changed.",
    # --- things that are gone (kvet.store) -----------------------------------------------------
    "gone.comparison": "That comparison no longer exists.",
    "gone.clinic": "That clinic no longer exists.",
    "gone.person": "That person no longer exists.",
    "gone.default-person": "The default person no longer exists.",
    "gone.undo": "That no longer exists, so the change cannot be undone.",
    "gone.thing": "That no longer exists.",
    "gone.import-target": "The comparison to import into no longer exists.",
    "gone.course": "That treatment record no longer exists.",
    "gone.entry": "That entry no longer exists.",
    "gone.chosen-person": "One of the people chosen no longer exists.",
    # --- typed values the store refuses (kvet.store.validation and its callers) ----------------
    "what.clinic": "clinic",
    "what.comparison": "comparison",
    "what.clinic-or-comparison": "clinic or comparison",
    "what.person": "person",
    "what.note": "note",
    "what.notes": "notes",
    "what.address": "address",
    "what.phone": "phone",
    "what.website": "website",
    "what.dose-note": "dose note",
    "what.treatment": "treatment",
    "what.kind-of-care": "kind of care",
    "what.marker": "marker",
    "what.plan": "plan",
    "what.preference": "preference",
    "what.text": "text",
    "value.as-said": "{reason}",  # another check's words, as a typed value's refusal
    "value.name-not-text": "The {what} name must be text.",
    "value.name-unstorable": "The {what} name contains a character kvet cannot store.",
    "value.name-missing": "The {what} needs a name.",
    "value.name-too-long": "The {what} name is too long (at most {limit} characters).",
    "value.not-text": "The {what} must be text.",
    "value.too-long": "The {what} is too long (at most {limit} characters).",
    "value.unstorable": "The {what} contains a character kvet cannot store.",
    "value.weight": "The weight of {what} must be a number from 0 to 10.",
    "value.formats-not-list": "Formats must be a list such as [Format.IV].",
    "value.unknown-format": "Unknown treatment format (known: {known}).",
    "value.unknown-origin": "Unknown answer source (known: {known}).",
    "value.takes-number": "“{item}” takes a number, not {choice}.",
    "value.takes-choice": "“{item}” takes {takes}, not {choice}.",
    "value.fact-range": "“{item}” must be a number from 0 to {limit} ({unit}).",
    "value.fact-out-of-range": "“{item}” must be a number from 0 to {limit} ({unit}), not {value}.",
    "value.fact-not-number": "“{item}” must be a number from 0 to {limit}, such as 450.",
    "value.dealbreaker-yes-no": "The dealbreaker choice for {key} must be yes or no.",
    "value.budget-range": "The yearly budget must be an amount from 0 to {limit}.",
    "value.budget-currency": "The budget's currency is not one kvet knows.",
    "value.cost-plan": "The cost plan's {what} must be a number from 0 to {limit}.",
    "value.clinic-currency": "A clinic's currency is not one kvet knows.",
    "value.unknown-field": "Unknown clinic field: {fields}",
    "value.choice-not-number": "“{item}” is answered with a choice, not a number.",
    "value.unknown-topic": "Unknown personal topic {topic}.",
    "value.unknown-item": "Unknown checklist item {item}.",
    "value.unknown-rule": "Unknown rule (known: {known}).",
    "value.settled-with-number": "“{item}” is settled with a number.",
    "value.settled-with-choice": "“{item}” is settled with a choice, not a number.",
    "value.preference-key": "A preference needs a name of 1 to {limit} characters.",
    "value.unknown-currency": "kvet does not know that currency. Choose one of: {known}.",
    "value.unknown-country": "kvet does not know that country. Choose one of: {known}.",
    "value.unknown-language": "kvet cannot show that language. It speaks {spoken}.",
    "value.not-an-answer": "{choice} is not an answer to this kind of item ({allowed}).",
    # --- a treatment record (kvet.store.courses, kvet.treatment.phq9)
    "course.date": "That date is not possible for a treatment entry.",
    "course.difficulty": "The last PHQ-9 question has four choices.",
    "course.blood-pressure": "A blood pressure is two numbers, the top one larger, such as 128/84.",
    "course.steady": "Time until steady is a number of minutes, up to a day.",
    "course.lift": "The lift is a number of days, up to a year.",
    "course.planned-raise": "Only a raised dose can be marked as planned by the clinic.",
    "course.review-point": "The review point is a session number from 1 to 100.",
    "course.first-phase": "The first phase is a number of sessions from 1 to 100.",
    "course.unknown-kind": "A treatment entry of an unknown kind was found and left alone.",
    "course.damaged": "A treatment entry in the database is damaged.",
    "checkin.total": "A PHQ-9 total runs from 0 to {limit}.",
    "checkin.unanswered": "Answer all nine questions to get a PHQ-9 score.",
    "checkin.answer-range": "Each PHQ-9 answer is one of the four choices (0 to 3).",
    # --- kvet's own data files (kvet.content.datafiles, kvet.content.checklist,
    # kvet.treatment.phq9...) ------------------
    "datafile.unreadable": "Cannot read the {what} file {path}: {reason}. Reinstall kvet to put "
    "it back.",
    "datafile.not-toml": "The {what} file {path} is damaged (it is not valid TOML: {reason}). "
    "Reinstall kvet to put it back.",
    "datafile.invalid": "The {what} file {path} is invalid:\n{problems}",
    "datafile.checklist-changed": "kvet's checklist file was changed or damaged after kvet was "
    "installed: {path}. kvet does not use a changed checklist, because its weights decide every "
    "score. Reinstall kvet to put the checklist back.",
    "datafile.phq9-changed": "kvet's PHQ-9 file was changed or damaged after kvet was "
    "installed: {path}. kvet does not use a changed questionnaire, because its answers decide "
    "the score and the safety step. Reinstall kvet to put it back.",
    "datafile.phq9-damaged": "The PHQ-9 file {path} is damaged: {count} problem(s). Reinstall "
    "kvet to put it back.",
    # --- protected files (kvet.exchange.crypto) ------------------------------------------------
    "crypto.wrong-password": "The password is wrong, or the file was changed after it was saved.",
    "crypto.newer": "This protected file was made by a newer kvet. Update kvet to open it.",
    "crypto.odd-settings": "The protected file is damaged: its settings are not ones kvet uses.",
    "crypto.part-unreadable": "The protected file is damaged: a part of it is not readable.",
    "crypto.no-password": "Choose a password to protect the file.",
    "crypto.damaged": "The protected file is damaged.",
    # --- reading a .kvet file (kvet.exchange.files, .importer) ---------------------------------
    "import.password-needed": "{name} is protected with a password.",
    "import.nested-protection": "{name} is a protected file inside another protected file, "
    "which kvet does not open. Ask whoever sent it to save it again from kvet, with one "
    "password.",
    "import.too-new": "{name} was saved by a newer version of kvet (file version {version}). "
    "Update kvet to open it.",
    "import.too-large-size": "{name} is too large to be a kvet comparison ({size} MB; the limit "
    "is {limit} MB).",
    "import.too-large": "{name} is too large to be a kvet comparison (the limit is {limit} MB).",
    "import.too-large-plain": "{name} is too large to be a kvet comparison.",
    "import.not-a-file": "{name} is not a file kvet can import (it is a folder, device or pipe).",
    "import.not-kvet": "{name} is not a kvet comparison file.",
    "import.not-text": "{name} is not a kvet comparison file: it is not text.",
    "import.incomplete": "{name} is not a kvet comparison file, or it is incomplete (it stops "
    "making sense at line {line}). Nothing was changed.",
    "import.number-too-long": "{name} is not a valid kvet comparison: it holds a number far too "
    "long to be real.",
    "import.nested-too-deeply": "{name} is not a kvet comparison file (it is nested too deeply).",
    "import.invalid": "{name} is not a valid kvet comparison: something in {place} is not as "
    "kvet writes it. Nothing was changed.",
    "import.invalid-because": "{name} is not a valid kvet comparison: {reason} (in {place}). "
    "Nothing was changed.",
    "import.cannot-read": "kvet could not read {path}: {reason}.",
    "import.answer-misfit": "The file has an answer that does not fit the question “{item}”. "
    "Nothing was changed.",
    "import.number-for-choice": "The file gives a number for “{item}”. Nothing was changed.",
    "import.value-refused": "The file holds a value kvet does not accept: {reason} Nothing was "
    "changed.",
    "import.weights-refused": "The file's weights are not ones kvet accepts: {reason} Nothing "
    "was changed.",
    "import.person-not-in-file": "A person chosen as one of yours is not in the file.",
    "import.two-same-person": "Two people in the file cannot both be the same person of yours.",
    # where in a file (kvet.exchange.files)
    "place.whole": "the file as a whole",
    "place.part": "{part}",
    "place.entry": "entry {number} of {part}",
    "place.entry-field": "the “{field}” of entry {number} of {part}",
    "place.part-field": "the “{field}” of {part}",
    "part.format": "its format name",
    "part.version": "its version number",
    "part.date": "its date",
    "part.app-version": "the kvet version that saved it",
    "part.checklist-version": "its checklist version",
    "part.comparison": "the comparison's settings",
    "part.people": "the people",
    "part.clinics": "the clinics",
    "part.answers": "the answers",
    "part.topics": "the private pre-screen topics",
    "part.decisions": "the decisions",
    "part.courses": "the treatment records",
    # what kvet never writes (kvet.exchange.fileformat, kvet.store.courses)
    "file.answered-twice": "an item is answered twice in one assessment",
    "file.empty-decision": "a decision needs either a choice or a number",
    "file.entry-wrong-type": "a treatment entry holds a value of the wrong type",
    "file.entry-ids-shared": "two treatment entries share one id",
    "file.clinic-ids-shared": "two clinics share one id",
    "file.person-ids-shared": "two people share one id",
    "file.answers-twice": "one person's answers on one clinic appear twice",
    "file.decided-twice": "one item of one clinic is decided twice",
    "file.topic-twice": "one person's private pre-screen topic appears twice",
    "file.course-unknown-clinic": "a treatment record refers to a clinic that is not in the file",
    "file.course-ids-shared": "two treatment records share one id",
    "file.too-many-signs": "a week of a treatment record has more than {limit} signs ticked",
    "file.answers-unknown-clinic": "answers refer to a clinic that is not in the file",
    "file.answers-unknown-person": "answers refer to a person who is not in the file",
    "file.topic-unknown-person": "a personal topic refers to a person who is not in the file",
    "file.decision-unknown-clinic": "a decision refers to a clinic that is not in the file",
    "file.decision-unknown-person": "a decision refers to a person who is not in the file",
    "file.too-many-entries": "it holds {count} treatment entries; kvet imports at most {limit} "
    "at once",
    "file.unknown-entry-kind": "a treatment entry is of a kind kvet does not know",
    "file.unknown-entry-fields": "a treatment entry holds fields kvet does not know",
    "file.entry-misfit": "a treatment entry does not fit its kind",
    "file.unknown-plan-fields": "a treatment plan holds fields kvet does not know",
    "file.plan-misfit": "a treatment plan does not fit the file format",
    # --- saving a document (kvet.exchange.targets, .files, .report, kvet.render) ---------------
    "export.refused": "kvet will not save over {path}: {why} Nothing was changed. Choose "
    "another file name.",
    "why.kvet-data": "it is part of kvet's own data (the database, its backups or its folder).",
    "why.link": "it is a link to another file.",
    "why.folder": "it is a folder.",
    "why.device": "it is not an ordinary file (it is a device, a pipe or a socket).",
    "why.read-only": "it is read-only.",
    "why.database": "it is a database, perhaps kvet's own.",
    "export.cannot-save": "kvet could not save {path}: {reason}.",
    "export.does-not-fit": "kvet could not save this comparison as a file: something in "
    "{place} does not fit the file format. Nothing was saved.",
    "export.pdf-failed": "kvet could not make the PDF.",
    "export.report-too-large": "This comparison has {count} clinics; a report holds at most "
    "{limit}. Save the table for a spreadsheet (CSV) instead, or remove the clinics you have "
    "ruled out.",
    "export.words-damaged": "The words of kvet's printouts are damaged ({problem}). Nothing was "
    "saved. Reinstall kvet to fix it.",
    # --- the command line (kvet.cli) -----------------------------------------------------------
    "cli.weak-password": "That password is too weak for a shared file. {why}",
    "cli.password-not-text": "The password in {setting} is not valid text (UTF-8). Set it "
    "again, or unset it to type the password.",
    "cli.password-needed": "A password is needed: set {setting} or run kvet in a terminal.",
    "cli.passwords-differ": "The two passwords are not the same.",
    "cli.no-password": "No password was given, so nothing was done.",
    "cli.password-again": "That password did not open the file. Type it again.",
    "cli.no-database": "There is no kvet database at {path}.",
    "cli.no-comparisons": "There are no comparisons yet.",
    "cli.several-comparisons": "There are several comparisons: choose one with --comparison.",
    "cli.no-such-comparison": "No single comparison has that name or id. kvet list shows your "
    "comparisons.",
    "cli.which-format": "Say which format to write with --format (kvet, csv, pdf, callsheet, "
    "treatment).",
    "cli.unknown-format": "kvet cannot write “{format}”: choose kvet, csv, pdf, callsheet or "
    "treatment.",
    "cli.name-clinic": "Name the clinic for the call sheet with --clinic.",
    "cli.no-such-clinic": "No clinic has that name or id in this comparison. kvet list shows the "
    "clinics.",
    "cli.several-clinics": "Several clinics have that name: give the clinic's id instead (kvet "
    "list shows it).",
    "cli.treatment-suffix": "Name the treatment file with .pdf for the page for your next "
    "appointment, or .csv for the log.",
    "cli.no-courses": "There is no treatment record yet. Start one in kvet's window, under My "
    "treatment.",
    "cli.several-courses": "There are several treatment records: name the clinic with --clinic "
    "(kvet list shows them).",
    "cli.no-such-course": "No treatment record is for a clinic of that name. kvet list shows "
    "your treatment records; write the clinic's name as it shows it, or give the record's id.",
    "cli.several-courses-for-clinic": "Several treatment records are for that clinic: give the "
    "record's id instead (kvet list shows it).",
    "cli.no-such-person": "Nobody here has that name.",
    "cli.restore-needs-file": "kvet can restore backups only of a database file.",
    "cli.restore-both": "Choose a backup or --without-lost-changes, not both.",
    "cli.no-backups": "There are no backups of {path} yet.",
    "cli.no-such-copy": "There is no single copy “{wanted}”. Run kvet restore to see the list, "
    "and choose one by its number.",
    "cli.same-person-form": "Write --same-person as NAME IN THE FILE=YOUR PERSON, for example "
    '--same-person "Me (imported)=Me".',
    "cli.no-such-person-in-file": "No single person in the file has that name.",
    "cli.disagreements": "{count} answer(s) now differ between people: {questions} question(s) "
    "at {clinics} clinic(s), among {people} people. Settle them in kvet's window, on the "
    "Together tab.",
    "cli.disagreements-hint": "Run the import with --all-disagreements to list each one.",
    "cli.out-of-range": "A date or number in the file is out of the range kvet can use, so "
    "nothing was done.",
    "cli.hint-restore": "Run kvet restore to see the backups.",
    "cli.hint-lost-changes": "Run kvet restore to see the backups, or kvet restore "
    "--without-lost-changes to open your data without the changes that cannot be read.",
    # --- menus of the system (kvet.system.startmenu, kvet.system.desktop)
    "startmenu.no-folder": "Windows did not say where your Start menu is (APPDATA is not set).",
    "startmenu.no-powershell": "kvet could not add itself to the Start menu: Windows PowerShell "
    "did not run.",
    "startmenu.not-added": "kvet could not add itself to the Start menu. Nothing else was "
    "changed. You can still start kvet from its folder.",
    "startmenu.not-removed": "kvet could not remove its Start-menu entry: {reason}.",
    "desktop.odd-folder-name": "kvet's folder has a line break or another invisible character "
    "in its name; a menu entry cannot start it. Move kvet to a folder with a plain name and try "
    "again.",
    "desktop.not-added": "kvet could not add itself to the menu in {folder}: {reason}. Nothing "
    "was changed.",
    "desktop.half-added": "kvet could not add itself to the menu in {folder}: {reason}. Some of "
    "its menu files may be left there; run kvet --uninstall-desktop to take them out.",
    "desktop.not-removed": "kvet could not remove {path} from the menu: {reason}.",
}
