//! Attempt records and saved sessions: round trips, versioning, corrupt files.

use super::util::{root, scenario};
use rapport::records::{AttemptRecord, RECORD_SCHEMA, RecordError, load_record, load_records};
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
    let back = load_record(&path).unwrap();
    assert_eq!(back, record);
    assert_eq!(back.schema, RECORD_SCHEMA);
}

#[test]
fn a_newer_record_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let session = play_auto(quiet_tuesday(), 5, Strategy::Worst).unwrap();
    let record = AttemptRecord::from_session(&session, "t", chrono::Utc::now());
    let path = record.save(dir.path()).unwrap();
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("schema: 1,", "schema: 99,", 1);
    std::fs::write(&path, text).unwrap();
    match load_record(&path) {
        Err(RecordError::NewerSchema { found: 99, .. }) => {}
        other => panic!("expected NewerSchema, got {other:?}"),
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
    std::fs::write(dir.path().join("notes.txt"), "not a record").unwrap();
    let set = load_records(dir.path()).unwrap();
    assert_eq!(set.records.len(), 1);
    assert_eq!(set.skipped.len(), 2);
    assert!(
        set.skipped
            .iter()
            .all(|(_, reason)| reason.contains("not a Rapport record"))
    );
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
