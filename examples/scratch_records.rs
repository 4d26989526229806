use std::time::Instant;
use rapport::records::AttemptRecord;
#[derive(serde::Deserialize)]
#[serde(rename = "AttemptRecord")]
struct Probe { #[allow(dead_code)] schema: u32 }
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let t = Instant::now();
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    println!("read {:?}", t.elapsed());
    let t = Instant::now();
    for s in &texts { let _: Probe = rapport::scenario::ron_options().from_str(s).unwrap(); }
    println!("probe {:?}", t.elapsed());
    let t = Instant::now();
    for s in &texts { let _: AttemptRecord = rapport::scenario::ron_options().from_str(s).unwrap(); }
    println!("full {:?}", t.elapsed());
    let t = Instant::now();
    for s in &texts { let _: ron::Value = rapport::scenario::ron_options().from_str(s).unwrap(); }
    println!("value {:?}", t.elapsed());
    let t = Instant::now();
    let r = rapport::records::load_records(std::path::Path::new(&dir)).unwrap();
    println!("load_records {:?} {}", t.elapsed(), r.records.len());
}
