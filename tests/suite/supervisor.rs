//! Supervisors' tools: assignment sets (validation and judging), exports
//! (CSV, JSON, xAPI) and the cohort report, through the library and the CLI.

use super::util::{CHECK_JSON_KEYS, rapport, root, scenario, stderr};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rapport::assign::{
    AssignmentSet, CatalogEntry, Criteria, Criterion, ScenarioCatalog, ScenarioStatus, SetLibrary,
    SkillMinimum, Verdict, cohort_progress, judge_attempt, load_set_file, load_set_str,
    trainee_progress,
};
use rapport::export::{XapiOptions, csv_field, records_to_csv, statement, statement_id};
use rapport::records::{AttemptRecord, Reflection, load_records};
use rapport::report::{ReportInput, escape, render_report};
use rapport::scenario::DiagnosticKind;
use rapport::session::{Strategy, play_auto};
use rapport::vocab::Skill;
use serde_json::Value;
use std::path::Path;

fn bundled_catalog() -> ScenarioCatalog {
    ScenarioCatalog::load(&root().join("scenarios")).expect("scenarios/ is readable")
}

/// A finished attempt by `trainee`, started `minutes` after a fixed time.
fn attempt(
    scenario_id: &str,
    strategy: Strategy,
    seed: u64,
    trainee: &str,
    minutes: i64,
) -> AttemptRecord {
    let s = scenario(&root().join(format!("scenarios/{scenario_id}.ron")));
    let session = play_auto(s, seed, strategy).expect("auto play finishes");
    let start = DateTime::parse_from_rfc3339("2026-03-01T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let mut record =
        AttemptRecord::from_session(&session, trainee, start + Duration::minutes(minutes));
    record.ended_at = record.started_at + Duration::seconds(754) + Duration::milliseconds(250);
    let plain: String = trainee
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    record.id = format!("{plain}-{scenario_id}-{seed}-{minutes}");
    record
}

fn set(scenarios: &[&str], criteria: Criteria) -> AssignmentSet {
    AssignmentSet {
        id: "unit".into(),
        title: "Unit set".into(),
        instructions: String::new(),
        scenarios: scenarios.iter().map(|s| (*s).to_owned()).collect(),
        criteria,
        attempts_allowed: Some(2),
        reflection_required: false,
        due: None,
    }
}

fn diagnostic_at(
    loaded: &rapport::assign::LoadedSet,
    kind: DiagnosticKind,
    line: usize,
) -> &rapport::scenario::Diagnostic {
    loaded
        .diagnostics
        .iter()
        .find(|d| d.kind == kind && d.line == Some(line))
        .unwrap_or_else(|| panic!("no {kind:?} on line {line}:\n{}", loaded.render()))
}

// ---- Sets: validation ----

#[test]
fn the_bundled_sets_are_clean_and_name_real_scenarios() {
    let catalog = bundled_catalog();
    let sets = rapport::scenario::ron_files_in(&root().join("scenarios/sets")).unwrap();
    assert!(sets.len() >= 2);
    for path in sets {
        let loaded = load_set_file(&path, Some(&catalog));
        assert!(loaded.diagnostics.is_empty(), "{}", loaded.render());
        let set = loaded.set.expect("a clean set loads");
        assert!(set.scenarios.iter().all(|id| catalog.get(id).is_some()));
    }
}

#[test]
fn unknown_scenario_ids_are_placed_and_suggest_the_nearest() {
    let source = "AssignmentSet(\n    id: \"week-1\",\n    title: \"Week 1\",\n    scenarios: [\"quiet-tuesday\", \"quiet-tusday\", \"no-such-thing\"],\n)";
    let loaded = load_set_str(source, "week-1.ron", Some(&bundled_catalog()));
    assert!(loaded.set.is_none());
    let unknown: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::UnknownTarget)
        .collect();
    assert_eq!(unknown.len(), 2, "{}", loaded.render());
    assert_eq!((unknown[0].line, unknown[0].col), (Some(4), Some(34)));
    assert!(
        unknown[0]
            .help
            .as_deref()
            .unwrap()
            .contains("did you mean \"quiet-tuesday\"")
    );
    assert_eq!((unknown[1].line, unknown[1].col), (Some(4), Some(50)));
    assert!(loaded.render().contains("week-1.ron:4:34"));
}

#[test]
fn impossible_criteria_are_errors_at_their_positions() {
    let source = r#"AssignmentSet(
    id: "Week One",
    title: "",
    scenarios: ["quiet-tuesday", "quiet-tuesday"],
    criteria: (
        empathy: 150,
        repair: -1,
        skills: [(skill: empathy, min_rating: 0), (skill: warmth, min_rating: 6), (skill: empathy, min_rating: 3)],
    ),
    attempts_allowed: 0,
    due: "2026-13-45",
)"#;
    let loaded = load_set_str(source, "bad.ron", Some(&bundled_catalog()));
    assert!(loaded.set.is_none());
    assert_eq!(
        diagnostic_at(&loaded, DiagnosticKind::BadId, 2).col,
        Some(9)
    );
    assert_eq!(
        diagnostic_at(&loaded, DiagnosticKind::EmptyText, 3).col,
        Some(12)
    );
    assert_eq!(
        diagnostic_at(&loaded, DiagnosticKind::DuplicateId, 4).col,
        Some(34)
    );
    let empathy = diagnostic_at(&loaded, DiagnosticKind::ScoreOutOfRange, 6);
    assert_eq!(empathy.col, Some(18));
    assert!(empathy.message.contains("150"));
    assert_eq!(
        diagnostic_at(&loaded, DiagnosticKind::ScoreOutOfRange, 7).col,
        Some(17)
    );
    let ratings: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.kind == DiagnosticKind::ScoreOutOfRange && d.line == Some(8))
        .map(|d| d.col)
        .collect();
    assert_eq!(ratings, [Some(47), Some(79)]);
    let duplicate_skill = diagnostic_at(&loaded, DiagnosticKind::DuplicateId, 8);
    assert!(duplicate_skill.message.contains("empathy"));
    assert!(
        diagnostic_at(&loaded, DiagnosticKind::ScoreOutOfRange, 10)
            .message
            .contains("attempts_allowed")
    );
    assert_eq!(
        diagnostic_at(&loaded, DiagnosticKind::Syntax, 11).col,
        Some(10)
    );
    assert_eq!(loaded.errors(), 10, "{}", loaded.render());
}

#[test]
fn syntax_errors_and_foreign_files_fail_cleanly() {
    let loaded = load_set_str(
        "AssignmentSet(id: \"x\", title: \"t\", scenarios: [\"a\"], colour: 3)",
        "x.ron",
        None,
    );
    assert_eq!(loaded.diagnostics[0].kind, DiagnosticKind::Syntax);
    assert!(
        loaded.diagnostics[0]
            .help
            .as_deref()
            .unwrap()
            .contains("attempts_allowed")
    );
    let scenario = std::fs::read_to_string(root().join("scenarios/quiet-tuesday.ron")).unwrap();
    let loaded = load_set_str(&scenario, "quiet-tuesday.ron", None);
    assert!(loaded.set.is_none());
    assert_eq!(loaded.errors(), 1);
}

// ---- Sets: judging records ----

#[test]
fn an_attempt_is_judged_on_every_criterion() {
    let criteria = Criteria {
        empathy: Some(60),
        warmth: Some(60),
        repair: None,
        skills: vec![SkillMinimum {
            skill: Skill::Empathy,
            min_rating: 3,
        }],
    };
    let set = set(&["quiet-tuesday"], criteria);
    let best = attempt("quiet-tuesday", Strategy::Best, 1, "ana", 0);
    let worst = attempt("quiet-tuesday", Strategy::Worst, 1, "ana", 30);
    let good = judge_attempt(&set, &best, None);
    assert!(good.meets_criteria(), "{good:?}");
    assert_eq!(good.checks.len(), 3);
    assert_eq!(good.checks[2].criterion, Criterion::Skill(Skill::Empathy));
    let bad = judge_attempt(&set, &worst, None);
    assert!(!bad.meets_criteria());
    assert!(bad.checks.iter().any(|c| c.verdict == Verdict::NotMet));
    assert!(bad.checks[0].describe().contains("(needs 60)"));
}

#[test]
fn repair_not_observed_fails_unless_the_scenario_cannot_rupture() {
    let set = set(
        &["quiet-tuesday"],
        Criteria {
            repair: Some(50),
            ..Criteria::default()
        },
    );
    let mut record = attempt("quiet-tuesday", Strategy::Best, 2, "ben", 0);
    record.debrief.scores.repair = None;
    // quiet-tuesday has rupture markers: no rupture came up, so repair was not shown.
    let judged = judge_attempt(&set, &record, Some(&bundled_catalog()));
    assert_eq!(judged.checks[0].verdict, Verdict::NotMet);
    // Without the scenario file, the same conservative answer.
    assert_eq!(
        judge_attempt(&set, &record, None).checks[0].verdict,
        Verdict::NotMet
    );
    // A scenario with no rupture at all cannot be judged on repair.
    let calm = ScenarioCatalog::from_entries(
        "x".into(),
        [(
            "quiet-tuesday".to_owned(),
            CatalogEntry {
                title: "Calm".into(),
                path: "x".into(),
                can_rupture: false,
            },
        )],
    );
    let judged = judge_attempt(&set, &record, Some(&calm));
    assert_eq!(judged.checks[0].verdict, Verdict::NotApplicable);
    assert!(judged.meets_criteria());
    record.debrief.scores.repair = Some(49);
    assert_eq!(
        judge_attempt(&set, &record, Some(&calm)).checks[0].verdict,
        Verdict::NotMet
    );
}

#[test]
fn progress_counts_allowed_attempts_and_picks_the_best() {
    let set = set(
        &["quiet-tuesday", "withdrawal-rupture"],
        Criteria {
            empathy: Some(60),
            ..Criteria::default()
        },
    );
    let records = vec![
        attempt("quiet-tuesday", Strategy::Worst, 1, "cara", 0),
        attempt("quiet-tuesday", Strategy::Best, 1, "cara", 10),
        attempt("quiet-tuesday", Strategy::Worst, 2, "dev", 0),
        attempt("quiet-tuesday", Strategy::Worst, 3, "dev", 10),
        attempt("quiet-tuesday", Strategy::Best, 3, "dev", 20),
    ];
    let cohort = cohort_progress(&set, &records, None);
    assert_eq!(
        cohort
            .iter()
            .map(|t| t.trainee.as_str())
            .collect::<Vec<_>>(),
        ["cara", "dev"]
    );
    let cara = &cohort[0].scenarios[0];
    assert_eq!(cara.status, ScenarioStatus::Passed);
    assert_eq!(cara.best_attempt().unwrap().attempt_number, 2);
    assert_eq!(cohort[0].scenarios[1].status, ScenarioStatus::NotStarted);
    assert_eq!(cohort[0].next_scenario(), Some("withdrawal-rupture"));
    assert!(!cohort[0].passed());
    // Dev's passing third attempt is over the allowance of two.
    let dev = &cohort[1].scenarios[0];
    assert_eq!(dev.attempts.len(), 3);
    assert!(!dev.attempts[2].counted);
    assert!(dev.attempts[2].meets_criteria());
    assert_eq!(dev.status, ScenarioStatus::Failed);
}

#[test]
fn attempts_for_other_sets_do_not_count_and_late_or_reflectionless_ones_are_marked() {
    let mut set = set(&["quiet-tuesday"], Criteria::default());
    set.reflection_required = true;
    set.due = NaiveDate::from_ymd_opt(2026, 2, 28);
    let mut elsewhere = attempt("quiet-tuesday", Strategy::Best, 1, "eli", 0);
    elsewhere.assignment = Some("another-set".into());
    let mut mine = attempt("quiet-tuesday", Strategy::Best, 1, "eli", 5);
    mine.assignment = Some("unit".into());
    let progress = trainee_progress(&set, "eli", &[&elsewhere, &mine], None);
    let scenario = &progress.scenarios[0];
    assert_eq!(scenario.attempts.len(), 1);
    let judged = &scenario.attempts[0];
    assert!(judged.late);
    assert_eq!(judged.checks[0].criterion, Criterion::Reflection);
    assert!(!judged.meets_criteria(), "a reflection is required");
    mine.reflections.push(Reflection {
        prompt: "What did you notice?".into(),
        answer: "That I rushed.".into(),
    });
    assert!(judge_attempt(&set, &mine, None).meets_criteria());
}

// ---- Exports ----

/// Splits RFC 4180 text into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_fields_are_quoted_when_they_must_be() {
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_field("cr\rhere"), "\"cr\rhere\"");
    assert_eq!(csv_field(" padded"), "\" padded\"");
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
}

#[test]
fn csv_has_one_row_per_attempt_that_parses_back() {
    let mut tricky = attempt(
        "quiet-tuesday",
        Strategy::Best,
        4,
        "Smith, \"Jo\"\nsecond line",
        0,
    );
    tricky.debrief.scores.repair = None;
    let records = vec![
        tricky,
        attempt("withdrawal-rupture", Strategy::Random, 4, "kim", 5),
    ];
    let rows = parse_csv(&records_to_csv(&records));
    assert_eq!(rows.len(), 3);
    let header = &rows[0];
    assert_eq!(header.len(), 15 + 10 + 1);
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][column("trainee")], "Smith, \"Jo\"\nsecond line");
    assert_eq!(
        rows[1][column("repair")],
        "",
        "not observed is an empty cell"
    );
    assert_eq!(rows[1][column("started_at")], "2026-03-01T09:00:00Z");
    assert_eq!(rows[2][column("scenario_id")], "withdrawal-rupture");
    assert!(
        rows[2][column("skill_empathy")]
            .parse::<u8>()
            .is_ok_and(|r| (1..=5).contains(&r))
    );
}

fn assert_statement_shape(statement: &Value, record: &AttemptRecord) {
    let id = statement["id"].as_str().unwrap();
    assert_eq!(id, statement_id(&record.id));
    let groups: Vec<usize> = id.split('-').map(str::len).collect();
    assert_eq!(groups, [8, 4, 4, 4, 12]);
    assert!(id.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
    assert_eq!(statement["actor"]["objectType"], "Agent");
    assert_eq!(statement["actor"]["account"]["homePage"], "urn:rapport");
    assert_eq!(
        statement["actor"]["account"]["name"],
        record.trainee.as_str()
    );
    assert_eq!(
        statement["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/completed"
    );
    assert_eq!(statement["verb"]["display"]["en-US"], "completed");
    assert_eq!(statement["object"]["objectType"], "Activity");
    assert_eq!(
        statement["object"]["id"],
        format!("urn:rapport:scenario:{}", record.scenario_id)
    );
    assert!(statement["object"]["definition"]["name"]["en-US"].is_string());
    assert!(statement["object"]["definition"]["description"]["en-US"].is_string());
    let score = &statement["result"]["score"];
    let scaled = score["scaled"].as_f64().unwrap();
    assert!((-1.0..=1.0).contains(&scaled));
    let raw = score["raw"].as_f64().unwrap();
    assert!(score["min"].as_f64().unwrap() <= raw && raw <= score["max"].as_f64().unwrap());
    assert!((scaled - raw / 100.0).abs() < 1e-4);
    assert_eq!(statement["result"]["completion"], true);
    assert_eq!(statement["result"]["duration"], "PT12M34.25S");
    let context = &statement["context"]["extensions"];
    assert_eq!(
        context["urn:rapport:xapi:scenario-hash"],
        record.scenario_hash.as_str()
    );
    assert_eq!(context["urn:rapport:xapi:seed"], record.seed.to_string());
    let timestamp = statement["timestamp"].as_str().unwrap();
    let parsed = DateTime::parse_from_rfc3339(timestamp).expect("RFC 3339 timestamp");
    assert_eq!(parsed.with_timezone(&Utc), record.ended_at);
    assert!(timestamp.ends_with('Z'));
    assert!(
        statement.get("version").is_none(),
        "providers should not set the version"
    );
}

#[test]
fn xapi_statements_have_the_required_shape() {
    let record = attempt("quiet-tuesday", Strategy::Best, 7, "lee", 0);
    let library = SetLibrary::default();
    let options = XapiOptions {
        home_page: "urn:rapport",
        sets: &library,
        catalog: None,
    };
    let plain = statement(&record, &options).expect("the statement builds");
    assert_statement_shape(&plain, &record);
    assert!(
        plain["result"].get("success").is_none(),
        "no set, no success"
    );
    assert!(plain["context"].get("contextActivities").is_none());
}

#[test]
fn xapi_success_follows_the_set_and_the_set_groups_the_statement() {
    let mut library = SetLibrary::default();
    let criteria = Criteria {
        empathy: Some(60),
        ..Criteria::default()
    };
    library.insert(set(&["quiet-tuesday"], criteria));
    let options = XapiOptions {
        home_page: "urn:rapport",
        sets: &library,
        catalog: None,
    };
    let mut passing = attempt("quiet-tuesday", Strategy::Best, 7, "lee", 0);
    passing.assignment = Some("unit".into());
    let mut failing = attempt("quiet-tuesday", Strategy::Worst, 7, "lee", 10);
    failing.assignment = Some("unit".into());
    let good = statement(&passing, &options).expect("the statement builds");
    assert_statement_shape(&good, &passing);
    assert_eq!(good["result"]["success"], true);
    assert_eq!(
        statement(&failing, &options).expect("the statement builds")["result"]["success"],
        false
    );
    let grouping = &good["context"]["contextActivities"]["grouping"][0];
    assert_eq!(grouping["id"], "urn:rapport:assignment:unit");
    assert_eq!(grouping["definition"]["name"]["en-US"], "Unit set");
    // Untagged: judged only when the set is chosen as the primary one.
    let untagged = attempt("quiet-tuesday", Strategy::Best, 7, "lee", 20);
    assert!(
        statement(&untagged, &options).expect("the statement builds")["result"]
            .get("success")
            .is_none()
    );
    let mut primary = SetLibrary::default();
    primary.insert_primary(set(&["quiet-tuesday"], Criteria::default()));
    let options = XapiOptions {
        sets: &primary,
        ..options
    };
    assert_eq!(
        statement(&untagged, &options).expect("the statement builds")["result"]["success"],
        true
    );
}

// ---- The report ----

#[test]
fn html_escaping_covers_every_markup_character() {
    assert_eq!(
        escape("<b>\"Tom\" & 'Jerry'</b>"),
        "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
    );
    assert_eq!(escape("no markup"), "no markup");
}

fn save_all(dir: &Path, records: &[AttemptRecord]) {
    for record in records {
        record.save(dir).expect("record saves");
    }
}

#[test]
fn the_report_is_self_contained_and_escapes_user_text() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = "<script>alert('x')</script>";
    let mut first = attempt("quiet-tuesday", Strategy::Best, 1, hostile, 0);
    first.reflections.push(Reflection {
        prompt: "What next?".into(),
        answer: "<img src=x onerror=alert(1)>".into(),
    });
    first.assignment = Some("foundations".into());
    save_all(
        dir.path(),
        &[
            first,
            attempt("quiet-tuesday", Strategy::Worst, 2, "pat", 5),
            attempt("withdrawal-rupture", Strategy::Random, 3, "pat", 10),
        ],
    );
    std::fs::write(
        dir.path().join("corrupt.ron"),
        "AttemptRecord(schema: 1, id: ",
    )
    .unwrap();
    let folder = load_records(dir.path()).unwrap();
    assert_eq!(folder.skipped.len(), 1);
    let catalog = bundled_catalog();
    let (library, broken) = SetLibrary::load_dir(&root().join("scenarios/sets"), Some(&catalog));
    assert!(broken.is_empty());
    let html = render_report(&ReportInput {
        source: "records",
        records: &folder.records,
        skipped: &folder.skipped,
        sets: &library,
        catalog: Some(&catalog),
        generated_at: Utc::now(),
    });
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("<script"),
        "no script, and user text escaped"
    );
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing fetched from the network"
    );
    assert!(
        html.contains("Assignment: Foundations"),
        "the tagged set gets a progress table"
    );
    assert!(html.contains("<svg class=\"histogram\""));
    assert!(html.contains("weakest skills"));
    assert!(html.contains("<details class=\"attempt\">"));
    assert!(html.contains("1 file skipped"));
    assert!(html.contains("corrupt.ron"));
}

#[test]
fn report_and_export_commands_skip_corrupt_files_and_reject_missing_folders() {
    let dir = tempfile::tempdir().unwrap();
    save_all(
        dir.path(),
        &[
            attempt("quiet-tuesday", Strategy::Best, 1, "ana", 0),
            attempt("feedback-loop", Strategy::Random, 9, "ana", 20),
        ],
    );
    std::fs::write(dir.path().join("foreign.ron"), "(colour: \"blue\")").unwrap();
    let records = dir.path().to_str().unwrap();
    let out = dir.path().join("out/report.html");
    let report = rapport(&["report", records, "--out", out.to_str().unwrap()]);
    assert_eq!(report.status.code(), Some(0), "{}", stderr(&report));
    assert!(
        stderr(&report).contains("warning: skipped"),
        "{}",
        stderr(&report)
    );
    assert!(stderr(&report).contains("foreign.ron"));
    assert!(std::fs::read_to_string(&out).unwrap().contains("</html>"));

    for format in ["csv", "json", "xapi"] {
        let export = rapport(&["export", records, "--format", format]);
        assert_eq!(
            export.status.code(),
            Some(0),
            "{format}: {}",
            stderr(&export)
        );
        assert!(stderr(&export).contains("foreign.ron"));
        let text = String::from_utf8(export.stdout).unwrap();
        match format {
            "csv" => assert_eq!(parse_csv(&text).len(), 3),
            _ => assert_eq!(
                serde_json::from_str::<Value>(&text)
                    .unwrap()
                    .as_array()
                    .unwrap()
                    .len(),
                2
            ),
        }
    }
    let set = root().join("scenarios/sets/foundations.ron");
    let xapi = rapport(&[
        "export",
        records,
        "--format",
        "xapi",
        "--set",
        set.to_str().unwrap(),
    ]);
    let statements: Value = serde_json::from_slice(&xapi.stdout).unwrap();
    assert!(
        statements[0]["result"]["success"].is_boolean(),
        "quiet-tuesday is in foundations"
    );
    assert!(
        statements[1]["result"].get("success").is_none(),
        "feedback-loop is not"
    );

    assert_eq!(
        rapport(&["export", "no/such/folder", "--format", "csv"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        rapport(&["report", "no/such/folder", "--out", "x.html"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        rapport(&["export", records, "--format", "yaml"])
            .status
            .code(),
        Some(2)
    );
}

// ---- The CLI around sets ----

#[test]
fn check_validates_sets_with_a_kind_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let sets = dir.path().join("sets");
    std::fs::create_dir(&sets).unwrap();
    std::fs::copy(
        root().join("scenarios/quiet-tuesday.ron"),
        dir.path().join("quiet-tuesday.ron"),
    )
    .unwrap();
    let bad = sets.join("bad.ron");
    std::fs::write(
        &bad,
        "AssignmentSet(\n  id: \"bad\",\n  title: \"Bad\",\n  scenarios: [\"wendy-divorce\"],\n)",
    )
    .unwrap();
    let out = rapport(&["check", "--json", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["kind"], "set");
    for key in CHECK_JSON_KEYS {
        assert!(summary.get(key).is_some(), "missing {key}");
    }
    assert_eq!(summary["diagnostics"][0]["kind"], "unknown-target");
    assert_eq!(summary["diagnostics"][0]["line"], 4);
    // The same set is fine against the bundled scenarios.
    let scenarios = root().join("scenarios");
    let out = rapport(&[
        "check",
        bad.to_str().unwrap(),
        "--scenarios",
        scenarios.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // With no arguments, check covers scenarios/sets/ too.
    let out = rapport(&["check", "--json"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"kind\":\"set\""));
}

#[test]
fn play_with_an_assignment_tags_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let save = dir.path().to_str().unwrap();
    let set = "scenarios/sets/foundations.ron";
    let args = [
        "play",
        "scenarios/quiet-tuesday.ron",
        "--auto",
        "best",
        "--seed",
        "3",
        "--trainee",
        "sam",
    ];
    let out = rapport(&[&args[..], &["--save", save, "--assignment", set]].concat());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let folder = load_records(dir.path()).unwrap();
    assert_eq!(folder.records[0].assignment.as_deref(), Some("foundations"));
    let outside = [
        "play",
        "scenarios/feedback-loop.ron",
        "--auto",
        "best",
        "--save",
        save,
        "--assignment",
        set,
    ];
    assert_eq!(rapport(&outside).status.code(), Some(2));
    assert_eq!(
        rapport(&[
            "play",
            "scenarios/quiet-tuesday.ron",
            "--auto",
            "best",
            "--assignment",
            set
        ])
        .status
        .code(),
        Some(2)
    );
}
