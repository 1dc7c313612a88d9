//! Runs the `piano` binary as a user does, and reads its wall time and peak resident memory
//! (the kernel's `ru_maxrss` from `wait4`).

use std::process::{Command, Stdio};
use std::time::Instant;

pub struct Run {
    pub seconds: f64,
    /// Peak resident memory, in bytes.
    pub max_rss: usize,
}

pub fn run(args: &[&str]) -> Run {
    run_into(args, Stdio::null())
}

/// [`run`], with the standard output into `path`, as `piano eval … > report.json`.
pub fn run_to_file(args: &[&str], path: &std::path::Path) -> Run {
    let file = std::fs::File::create(path).expect("the report file can be made");
    run_into(args, Stdio::from(file))
}

// The child is reaped by `wait4`, which also gives its peak memory.
#[allow(clippy::zombie_processes)]
fn run_into(args: &[&str], stdout: Stdio) -> Run {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(args)
        .env("PIANO_LANG", "en")
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("the piano binary runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data, and `wait4` fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(reaped, pid, "wait4 reaps the child");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "`piano {}` must succeed on the generated plan",
        args.join(" ")
    );
    Run {
        seconds,
        // Kilobytes on Linux.
        max_rss: usize::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
    }
}
