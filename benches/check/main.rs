//! Speed and memory of `piano check` and `piano eval` on generated plans, each figure paired
//! with an anchor measured in the same run: serde_json reading the same plan written as JSON
//! into owned structs.
//!
//! `cargo bench --bench check` runs plans of 1k, 10k and 20k objectives (10 indicators each;
//! 20k is the largest that fits the 64 MiB limit on one file), then 100k objectives as a
//! directory of 100 plans (`piano check DIR`, the many administrations' case);
//! `cargo bench --bench check -- 1000 10000` picks the sizes. It prints figures, it asserts
//! nothing but that the generated plans are valid. See docs/performance.md.

mod alloc;
mod generate;
mod process;

use piano::source::Source;
use std::time::Instant;

#[global_allocator]
static ALLOC: alloc::Counting = alloc::Counting;

const INDICATORS: usize = 10;

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1_000_000.0
}

/// The best of `runs` timings of `f`, in seconds, and its last result.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        let out = f();
        best = best.min(start.elapsed().as_secs_f64());
        last = Some(out);
    }
    (best, last.expect("at least one run"))
}

struct Row {
    objectives: usize,
    bytes: usize,
    check: f64,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The child: `--stages N DIR` generates the plan of N objectives and times the stages.
    if let [flag, n, dir] = args.as_slice()
        && flag == "--stages"
    {
        let n = n.parse().expect("a number of objectives");
        stages(n, std::path::Path::new(dir));
        return;
    }
    // The anchor alone, in a child of its own: `--anchor FILE.json` prints its time.
    if let [flag, path] = args.as_slice()
        && flag == "--anchor"
    {
        let json = std::fs::read_to_string(path).expect("the plan as JSON");
        let (seconds, _) = best(1, || {
            serde_json::from_str::<generate::Plan>(&json).expect("the JSON reads back")
        });
        println!("{seconds}");
        return;
    }
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let many = sizes.is_empty();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 20_000]
    } else {
        sizes
    };
    // PIANO_BENCH_DIR keeps the generated files there (for profiling), else they are removed.
    let kept = std::env::var_os("PIANO_BENCH_DIR").map(std::path::PathBuf::from);
    let dir = kept.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("piano-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).expect("a temporary directory");

    seed();
    let mut rows = Vec::new();
    for &n in &sizes {
        rows.extend(one_size(n, &dir));
    }
    if many {
        rows.push(many_plans(100, 1_000, &dir));
    }
    if let Some(first) = rows.first() {
        println!(
            "\nlinearity (seconds per MB of check, relative to {} objectives):",
            first.objectives
        );
        let unit = first.check / first.bytes as f64;
        for r in &rows {
            println!(
                "  {:>7} objectives  {:>5.2}x",
                r.objectives,
                r.check / r.bytes as f64 / unit
            );
        }
    }
    if kept.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The seed plan: in-process time per check, and a whole `piano check` process.
fn seed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/pistoia-prato-2024.piano"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let (per_run, _) = best(20, || {
        let source = Source::new("seed", text.as_str());
        piano::check_source(&source)
    });
    let process = (0..5)
        .map(|_| process::run(&["check", "-q", path]).seconds)
        .fold(f64::INFINITY, f64::min);
    println!(
        "seed plan ({:.0} KB): check {:.1} ms in process, {:.1} ms per `piano check` process",
        text.len() as f64 / 1000.0,
        per_run * 1000.0,
        process * 1000.0
    );
}

/// `plans` copies of the plan of `objectives` objectives in one directory, checked by one
/// `piano check DIR`: the whole of many administrations' plans, beyond one file's limit.
fn many_plans(plans: usize, objectives: usize, dir: &std::path::Path) -> Row {
    let one = std::fs::read(dir.join(format!("plan-{objectives}.piano")))
        .unwrap_or_else(|_| generate::to_piano(&generate::describe(objectives, INDICATORS)).into());
    let many = dir.join("many");
    std::fs::create_dir_all(&many).expect("a directory of plans");
    for i in 0..plans {
        std::fs::write(many.join(format!("ente-{i:03}.piano")), &one).expect("write a plan");
    }
    let size = one.len() * plans;
    drop(one);
    let arg = many.to_string_lossy().into_owned();
    let c = process::run(&["check", "-q", &arg]);
    println!(
        "\n{} objectives in {plans} plans of {objectives} ({:.1} MB in all): `piano check DIR`\n  \
         piano check   {:>7.3} s  {:>5.1} MB/s  peak {:>6.0} MB = {:.2}x the input, {:.2}x one plan",
        plans * objectives,
        mb(size),
        c.seconds,
        mb(size) / c.seconds,
        c.max_rss as f64 / 1e6,
        c.max_rss as f64 / size as f64,
        c.max_rss as f64 / (size / plans) as f64,
    );
    let _ = std::fs::remove_dir_all(&many);
    Row {
        objectives: plans * objectives,
        bytes: size,
        check: c.seconds,
    }
}

fn runs(objectives: usize) -> usize {
    if objectives >= 100_000 { 1 } else { 3 }
}

/// In a child process, so that the parent stays small: a child's peak memory as the kernel
/// reports it is at least its parent's, the parent's pages being the child's until `exec`.
fn stages(objectives: usize, dir: &std::path::Path) {
    let runs = runs(objectives);
    let plan = generate::describe(objectives, INDICATORS);
    let text = generate::to_piano(&plan);
    let json = generate::to_json(&plan);
    let values = generate::values(&plan);
    let measurements = generate::to_measurements(&plan);
    drop(plan);
    std::fs::write(dir.join(format!("plan-{objectives}.piano")), &text).expect("write the plan");
    std::fs::write(dir.join(format!("values-{objectives}.csv")), &measurements)
        .expect("write the measurements");
    let size = text.len();
    println!(
        "\n{objectives} objectives, {} indicators: .piano {:.1} MB, JSON {:.1} MB, {values} values {:.1} MB",
        objectives * INDICATORS,
        mb(size),
        mb(json.len()),
        mb(measurements.len()),
    );

    // The anchor.
    let (anchor, read) = best(runs, || {
        serde_json::from_str::<generate::Plan>(&json).expect("the JSON reads back")
    });
    drop(read);
    std::fs::write(dir.join(format!("plan-{objectives}.json")), &json).expect("write the JSON");
    drop(json);
    println!(
        "  anchor: serde_json into structs  {anchor:>7.3} s  ({:.0} MB/s of .piano)",
        mb(size) / anchor
    );
    std::fs::write(dir.join(format!("anchor-{objectives}")), anchor.to_string())
        .expect("write the anchor's time");

    // Stages, in process; memory as live heap bytes ÷ the input.
    let (read, source) = best(runs, || Source::new("plan", text.as_str()));
    let (scan, _) = best(runs, || piano::syntax::scan::scan(&source.text));
    alloc::reset_peak();
    let base = alloc::live();
    let (parse, parsed) = best(runs, || piano::syntax::parse(&source.text));
    let tree = alloc::live().saturating_sub(base);
    let (serial, _) = best(runs, || piano::syntax::parse_with(&source.text, 1));
    let (check, checked) = best(runs, || piano::check::check(&parsed, &source.text));
    let model = alloc::live().saturating_sub(base + tree);
    if let Some(d) = checked.diagnostics.iter().find(|d| d.is_error()) {
        panic!("the generated plan must be valid: {d:?}");
    }
    drop(checked);
    drop(parsed);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "  stages: read {read:.3} s, scan {scan:.3} s, parse+build {:.3} s ({:.3} s on 1 thread, \
         {threads} cores), checks {check:.3} s; syntax tree {:.1}x the input, resolved plan {:.1}x",
        (parse - scan).max(0.0),
        (serial - scan).max(0.0),
        tree as f64 / size as f64,
        model as f64 / size as f64,
    );
    // As `piano check` does it: the objectives parsed in batches, each tree dropped once
    // resolved. Its heap peak over the source, from one run (`best` would keep a result).
    let keep = piano::check::Keep::Diagnostics;
    let (staged, _) = best(runs, || piano::check_plan_keeping(&source, keep));
    alloc::reset_peak();
    let before = alloc::live();
    let checked = piano::check_plan_keeping(&source, keep);
    let peak = alloc::peak().saturating_sub(before);
    drop(checked);
    println!(
        "  check as the command does it (trees freed as it goes, only diagnostics kept): {staged:.3} s, heap peak {:.1}x the input",
        peak as f64 / size as f64,
    );
}

/// The anchor's time, from a child process of its own (`--anchor`).
fn anchor_in_a_child(json: &std::path::Path) -> f64 {
    let me = std::env::current_exe().expect("the benchmark's own path");
    let out = std::process::Command::new(me)
        .arg("--anchor")
        .arg(json)
        .output()
        .expect("the benchmark runs itself");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("the anchor's time")
}

fn one_size(objectives: usize, dir: &std::path::Path) -> Option<Row> {
    let me = std::env::current_exe().expect("the benchmark's own path");
    let status = std::process::Command::new(me)
        .args(["--stages", &objectives.to_string(), &dir.to_string_lossy()])
        .status()
        .expect("the benchmark runs itself");
    assert!(status.success(), "the stages of {objectives} objectives");
    // Sizes from the file system: reading the files here would make this process large.
    let len = |name: String| std::fs::metadata(dir.join(name)).map_or(0, |m| m.len() as usize);
    let anchor: f64 = std::fs::read_to_string(dir.join(format!("anchor-{objectives}")))
        .ok()
        .and_then(|t| t.parse().ok())
        .expect("the anchor's time");
    let size = len(format!("plan-{objectives}.piano"));
    if size as u64 > piano::commands::files::MAX_FILE_SIZE {
        println!(
            "  piano check, piano eval: not run, the plan is over the {} MiB limit on one file \
             (F0006); 100 plans of 1000 objectives are the default run's largest input",
            piano::commands::files::MAX_FILE_SIZE >> 20
        );
        let _ = std::fs::remove_file(dir.join(format!("plan-{objectives}.json")));
        return None;
    }
    let measurements = len(format!("values-{objectives}.csv"));
    let values = objectives * INDICATORS;
    let runs = runs(objectives);
    let plan_path = dir.join(format!("plan-{objectives}.piano"));
    let csv_path = dir.join(format!("values-{objectives}.csv"));
    let out_path = dir.join(format!("report-{objectives}.json"));

    // The whole commands, as a user runs them, each run next to a run of the anchor: the
    // machine's speed changes from one minute to the next, and a ratio should compare times
    // taken in the same minute. The best of each. eval: one value per indicator, JSON report
    // to a file, by the shell (`> report.json`, the figure compared with check) and with `-o`,
    // which also waits for the disk (`sync_all`: a report replaced atomically and durably).
    let plan_arg = plan_path.to_string_lossy().into_owned();
    let csv_arg = csv_path.to_string_lossy().into_owned();
    let out_arg = out_path.to_string_lossy().into_owned();
    let json_path = dir.join(format!("plan-{objectives}.json"));
    let mut anchor = anchor;
    let (mut check_runs, mut eval_runs, mut durable_runs): (Vec<_>, Vec<_>, Vec<_>) =
        (vec![], vec![], vec![]);
    for _ in 0..runs.max(3) {
        anchor = anchor.min(anchor_in_a_child(&json_path));
        check_runs.push(process::run(&["check", "-q", &plan_arg]));
        let eval = ["eval", &plan_arg, &csv_arg, "--format", "json"];
        eval_runs.push(process::run_to_file(&eval, &out_path));
        durable_runs.push(process::run(&[&eval[..], &["-o", &out_arg]].concat()));
    }
    let _ = std::fs::remove_file(&json_path);
    for runs in [&mut check_runs, &mut eval_runs, &mut durable_runs] {
        runs.sort_by(|a, b| a.seconds.total_cmp(&b.seconds));
    }
    let (c, e, d) = (&check_runs[0], &eval_runs[0], &durable_runs[0]);
    println!(
        "  anchor, best of the runs next to the commands': {anchor:.3} s ({:.0} MB/s)",
        mb(size) / anchor
    );
    println!(
        "  piano check   {:>7.3} s  {:>5.1} MB/s  peak {:>6.0} MB = {:.2}x the input  {:.2}x the anchor's time",
        c.seconds,
        mb(size) / c.seconds,
        c.max_rss as f64 / 1e6,
        c.max_rss as f64 / size as f64,
        c.seconds / anchor,
    );
    let inputs = size + measurements;
    println!(
        "  piano eval    {:>7.3} s  {:.2}x check  peak {:>6.0} MB = {:.2}x plan + measurements  ({values} values, JSON report {:.1} MB)",
        e.seconds,
        e.seconds / c.seconds,
        e.max_rss as f64 / 1e6,
        e.max_rss as f64 / inputs as f64,
        mb(std::fs::metadata(&out_path).map_or(0, |m| m.len() as usize)),
    );
    println!(
        "  piano eval -o {:>7.3} s  {:.2}x check  (the same report, replaced atomically: written to the disk before the command ends)",
        d.seconds,
        d.seconds / c.seconds,
    );
    let _ = std::fs::remove_file(&out_path);
    Some(Row {
        objectives,
        bytes: size,
        check: c.seconds,
    })
}
