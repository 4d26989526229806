//! Attempt records and saved sessions: round trips, versioning, corrupt files.

use super::util::{root, scenario};
use rapport::records::{
    AttemptRecord, RECORD_SCHEMA, RecordError, find_record, load_record, load_records,
};
use rapport::scenario::to_ron;
use rapport::session::{Session, SessionError, Strategy, play_auto};

fn quiet_tuesday() -> std::sync::Arc<rapport::scenario::Scenario> {
    scenario(&root().join("scenarios/quiet-tuesday.ron"))
}

#[test]
fn a_record_round_trips_through_disk() {
    let dir = tempfile::tempdir().unwrap();
    let session = play_auto(quiet_tuesday(), 5, Strategy::Best).unwrap();
    let record = AttemptRecord::from_session(&session, "trainee-7", chrono::Utc::now());
    let path = record.save(dir.path()).unwrap();
    assert_eq!(path.extension().unwrap(), "json");
    let back = load_record(&path).unwrap();
    assert_eq!(back, record);
    assert_eq!(back.schema, RECORD_SCHEMA);
    // Readable: indented, one field to a line.
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("{\n  \"schema\": 1,\n  \"id\": "),
        "{}",
        &text[..40]
    );
}

/// A record as an earlier Rapport wrote it: pretty RON, `<id>.ron`.
fn write_legacy(dir: &std::path::Path, record: &AttemptRecord) -> std::path::PathBuf {
    let path = dir.join(format!("{}.ron", record.id));
    std::fs::write(&path, to_ron(record).unwrap()).unwrap();
    path
}

#[test]
fn records_written_as_ron_by_earlier_builds_still_load_and_are_replaced_when_saved_again() {
    let dir = tempfile::tempdir().unwrap();
    let session = play_auto(quiet_tuesday(), 2, Strategy::Random).unwrap();
    let mut record = AttemptRecord::from_session(&session, "kim", chrono::Utc::now());
    let legacy = write_legacy(dir.path(), &record);
    assert_eq!(load_record(&legacy).unwrap(), record);
    assert_eq!(find_record(dir.path(), &record.id), Some(legacy.clone()));
    assert_eq!(load_records(dir.path()).unwrap().records, [record.clone()]);

    // Saved again (reflections added): one JSON file, the RON copy gone.
    record.reflections.push(rapport::records::Reflection {
        prompt: "What next?".into(),
        answer: "Slow down.".into(),
    });
    let saved = record.save(dir.path()).unwrap();
    assert!(!legacy.exists());
    assert_eq!(find_record(dir.path(), &record.id), Some(saved));
    assert_eq!(load_records(dir.path()).unwrap().records, [record.clone()]);

    // A RON copy left beside its JSON (a crash between the two steps) is
    // the older one and is not read twice.
    let mut older = record.clone();
    older.reflections.clear();
    write_legacy(dir.path(), &older);
    let set = load_records(dir.path()).unwrap();
    assert_eq!(set.records, [record]);
    assert!(set.skipped.is_empty());
}

#[test]
fn a_newer_record_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let session = play_auto(quiet_tuesday(), 5, Strategy::Worst).unwrap();
    let record = AttemptRecord::from_session(&session, "t", chrono::Utc::now());
    let path = record.save(dir.path()).unwrap();
    let text =
        std::fs::read_to_string(&path)
            .unwrap()
            .replacen("\"schema\": 1,", "\"schema\": 99,", 1);
    std::fs::write(&path, text).unwrap();
    match load_record(&path) {
        Err(RecordError::NewerSchema { found: 99, .. }) => {}
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    let legacy = write_legacy(
        dir.path(),
        &AttemptRecord {
            schema: 99,
            ..record
        },
    );
    match load_record(&legacy) {
        Err(RecordError::NewerSchema { found: 99, .. }) => {}
        other => panic!("expected NewerSchema from RON, got {other:?}"),
    }
}

#[test]
fn corrupt_and_foreign_files_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let session = play_auto(quiet_tuesday(), 1, Strategy::Best).unwrap();
    AttemptRecord::from_session(&session, "t", chrono::Utc::now())
        .save(dir.path())
        .unwrap();
    std::fs::write(
        dir.path().join("broken.ron"),
        "(schema: 1, id: \"x\", trainee: ",
    )
    .unwrap();
    std::fs::write(dir.path().join("foreign.ron"), "(colour: \"blue\")").unwrap();
    std::fs::write(dir.path().join("other.json"), "{\"colour\": \"blue\"}").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a record").unwrap();
    let set = load_records(dir.path()).unwrap();
    assert_eq!(set.records.len(), 1);
    assert_eq!(set.skipped.len(), 3);
    assert!(
        set.skipped
            .iter()
            .all(|(_, reason)| reason.contains("not a Rapport record"))
    );
}

/// The reason `load_records` gave for skipping the file called `name`.
fn reason_for<'a>(set: &'a rapport::records::RecordSet, name: &str) -> &'a str {
    set.skipped
        .iter()
        .find(|(path, _)| path.file_name().is_some_and(|n| n == name))
        .map(|(_, reason)| reason.as_str())
        .unwrap_or_else(|| panic!("{name} was not skipped: {:?}", set.skipped))
}

#[test]
fn a_mixed_folder_loads_every_good_record_and_names_every_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let start = chrono::DateTime::parse_from_rfc3339("2026-03-01T09:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    let mut good = Vec::new();
    for (i, strategy) in [
        Strategy::Best,
        Strategy::Worst,
        Strategy::Random,
        Strategy::Best,
    ]
    .into_iter()
    .enumerate()
    {
        let session = play_auto(quiet_tuesday(), i as u64, strategy).unwrap();
        // Saved newest first, so the order of the result is the loader's doing.
        let started = start + chrono::Duration::minutes(10 * (4 - i as i64));
        let mut record = AttemptRecord::from_session(&session, "sam", started);
        record.id = format!("good-{i}");
        record.save(dir.path()).unwrap();
        good.push(record);
    }
    let whole = std::fs::read_to_string(dir.path().join("good-0.json")).unwrap();
    std::fs::write(dir.path().join("truncated.json"), &whole[..whole.len() / 2]).unwrap();
    let whole_ron = to_ron(&good[0]).unwrap();
    std::fs::write(
        dir.path().join("truncated-legacy.ron"),
        &whole_ron[..whole_ron.len() / 2],
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.ron"), "").unwrap();
    std::fs::write(dir.path().join("blank.ron"), "  \n\n").unwrap();
    std::fs::write(
        dir.path().join("notes.ron"),
        "Meeting notes\n- ask Sam about the rupture at minute 12\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("binary.ron"),
        [0x89, b'P', b'N', b'G', 0xff, 0xfe],
    )
    .unwrap();
    std::fs::write(
        dir.path().join("scenario.ron"),
        std::fs::read(root().join("scenarios/quiet-tuesday.ron")).unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("future.json"),
        whole.replacen("\"schema\": 1,", "\"schema\": 7,", 1),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("future-legacy.ron"),
        whole_ron.replacen("schema: 1,", "schema: 7,", 1),
    )
    .unwrap();
    // A newer schema whose shape has moved on: still "newer", not "corrupt".
    std::fs::write(
        dir.path().join("future-shape.ron"),
        "AttemptRecord(schema: 8, id: \"x\", attempts: [(turn: 1)])",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("older.ron"),
        "AttemptRecord(schema: 0, id: \"x\", trainee: \"sam\")",
    )
    .unwrap();
    std::fs::write(dir.path().join("readme.txt"), "not a record, not read").unwrap();
    std::fs::create_dir(dir.path().join("folder.ron")).unwrap();

    let set = load_records(dir.path()).unwrap();

    let mut expected = good.clone();
    expected.sort_by_key(|r| r.started_at);
    assert_eq!(set.records, expected, "every good record, oldest first");
    let names: Vec<_> = set
        .skipped
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "binary.ron",
            "blank.ron",
            "empty.ron",
            "future-legacy.ron",
            "future-shape.ron",
            "future.json",
            "notes.ron",
            "older.ron",
            "scenario.ron",
            "truncated-legacy.ron",
            "truncated.json",
        ],
        "each bad file once, in name order"
    );
    for (path, reason) in &set.skipped {
        assert!(
            reason.starts_with(&path.display().to_string()),
            "the reason names the file: {reason}"
        );
    }
    assert!(reason_for(&set, "empty.ron").ends_with("not a Rapport record (the file is empty)"));
    assert!(reason_for(&set, "blank.ron").ends_with("not a Rapport record (the file is empty)"));
    assert!(reason_for(&set, "binary.ron").ends_with("not a Rapport record (not UTF-8 text)"));
    for (name, text) in [
        ("truncated.json", &whole),
        ("truncated-legacy.ron", &whole_ron),
    ] {
        let truncated = reason_for(&set, name);
        assert!(truncated.contains("not a Rapport record ("), "{truncated}");
        // The end of input is reported on the last line, or the one before it
        // when the cut falls in indentation: either way, at the cut, not at
        // the top.
        let cut_line = text[..text.len() / 2].lines().count();
        assert!(
            (cut_line.saturating_sub(1)..=cut_line + 1)
                .any(|line| truncated.contains(&format!(" {line}:"))
                    || truncated.contains(&format!("({line}:"))),
            "the position of the cut (about line {cut_line}): {truncated}"
        );
    }
    let notes = reason_for(&set, "notes.ron");
    assert!(notes.contains("not a Rapport record (1:"), "{notes}");
    let scenario = reason_for(&set, "scenario.ron");
    assert!(
        scenario.contains("not a Rapport record (") && scenario.contains("`schema`"),
        "a RON file of another kind lacks the schema: {scenario}"
    );
    for (future, found) in [
        ("future.json", 7),
        ("future-legacy.ron", 7),
        ("future-shape.ron", 8),
    ] {
        let reason = reason_for(&set, future);
        assert!(
            reason.contains(&format!(
                "written by a newer Rapport (record schema {found};"
            )) && reason.contains("update Rapport to open it"),
            "{reason}"
        );
    }
    let older = reason_for(&set, "older.ron");
    assert!(
        older.contains("written by an older Rapport with record schema 0")
            && older.contains("missing field"),
        "{older}"
    );
}

#[test]
fn one_record_is_read_the_same_alone_or_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let session = play_auto(quiet_tuesday(), 9, Strategy::Random).unwrap();
    let record = AttemptRecord::from_session(&session, "sam", chrono::Utc::now());
    let path = record.save(dir.path()).unwrap();
    assert_eq!(load_record(&path).unwrap(), record);
    let set = load_records(dir.path()).unwrap();
    assert_eq!(set.records, [record]);
    assert!(set.skipped.is_empty());
    std::fs::write(&path, "").unwrap();
    match load_record(&path) {
        Err(RecordError::Corrupt(p, reason)) => {
            assert_eq!(p, path);
            assert_eq!(reason, "the file is empty");
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
    assert!(matches!(
        load_record(&dir.path().join("missing.ron")),
        Err(RecordError::Io(..))
    ));
    assert!(matches!(
        load_records(&dir.path().join("missing")),
        Err(RecordError::Io(..))
    ));
}

#[test]
fn an_empty_folder_is_an_empty_set() {
    let dir = tempfile::tempdir().unwrap();
    let set = load_records(dir.path()).unwrap();
    assert!(set.records.is_empty() && set.skipped.is_empty());
}

#[test]
fn a_saved_session_resumes_exactly_where_it_was() {
    let scenario = quiet_tuesday();
    let mut session = Session::new(scenario.clone(), 77).unwrap();
    session.choose("open-diary").unwrap();
    let saved = session.to_saved();
    let text = ron::ser::to_string(&saved).unwrap();
    let back: rapport::session::SavedSession = ron::from_str(&text).unwrap();
    let resumed = Session::resume(scenario, &back).unwrap();
    assert_eq!(resumed.lines(), session.lines());
    assert_eq!(resumed.state(), session.state());
    assert_eq!(
        resumed.choices().iter().map(|c| &c.id).collect::<Vec<_>>(),
        session.choices().iter().map(|c| &c.id).collect::<Vec<_>>()
    );
}

#[test]
fn rewind_keeps_the_abandoned_branch_for_comparison() {
    let mut session = Session::new(quiet_tuesday(), 3).unwrap();
    session.choose("open-fine").unwrap();
    session.choose("second-dog").unwrap();
    session.choose("drift-wrap").unwrap();
    assert!(session.is_finished());
    session.rewind_to(0).unwrap();
    assert_eq!(session.turns().len(), 0);
    assert_eq!(session.abandoned().len(), 1);
    session.choose("open-notice").unwrap();
    session.choose("meet-reflect").unwrap();
    session.choose("closing-feedback").unwrap();
    let debrief = rapport::debrief::Debrief::for_session(&session);
    assert_eq!(debrief.branches.len(), 1);
    let branch = &debrief.branches[0];
    assert!(branch.kept.empathy > branch.abandoned.empathy);
    assert_eq!(branch.abandoned_ending.as_deref(), Some("dropout-end"));
}

#[test]
fn conditions_hide_and_show_choices() {
    let mut session = Session::new(quiet_tuesday(), 3).unwrap();
    session.choose("open-fine").unwrap();
    let ids: Vec<_> = session.choices().iter().map(|c| c.id.clone()).collect();
    assert!(
        !ids.contains(&"second-own-part".to_owned()),
        "needs diary_pressed"
    );
    let mut session = Session::new(quiet_tuesday(), 3).unwrap();
    session.choose("open-diary").unwrap();
    let ids: Vec<_> = session.choices().iter().map(|c| c.id.clone()).collect();
    assert!(ids.contains(&"second-own-part".to_owned()));
}

#[test]
fn invalid_answers_are_errors_not_panics() {
    let mut session = Session::new(quiet_tuesday(), 3).unwrap();
    assert_eq!(
        session.choose("nope").unwrap_err(),
        SessionError::NoSuchChoice("nope".into())
    );
    assert_eq!(
        session.respond("   ").unwrap_err(),
        SessionError::EmptyResponse
    );
    session.choose("open-fine").unwrap();
    assert_eq!(
        session.respond("hello").unwrap_err(),
        SessionError::TypingNotAllowed
    );
    assert_eq!(
        session.rewind_to(9).unwrap_err(),
        SessionError::NoSuchTurn(9)
    );
}

#[test]
fn repair_is_not_observed_without_a_rupture() {
    let s = scenario(&super::util::fixture("minimal.ron"));
    let session = play_auto(s, 1, Strategy::Best).unwrap();
    let debrief = rapport::debrief::Debrief::for_session(&session);
    assert_eq!(debrief.scores.repair, None);
    assert_eq!(
        debrief
            .skill(rapport::vocab::Skill::ActingOnImpediments)
            .unwrap()
            .rating,
        None
    );
}
