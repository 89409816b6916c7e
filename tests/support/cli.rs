//! Running the `factdesk` binary from the command-line tests, as a script would: one way to run
//! it (standard input given or closed; a deadline, so a command that blocks fails the test instead
//! of hanging the suite) and the success and failure checks every such test file needs.
#![allow(dead_code)] // each test file uses its own part

use std::io::Write;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// How long any one command may take before the test fails.
const DEADLINE: Duration = Duration::from_secs(60);

/// The binary under test, not yet run.
pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factdesk"))
}

/// Runs `factdesk ARGS` with standard input closed.
pub fn run(args: &[&str]) -> Output {
    run_with_input(args, None)
}

/// Runs `factdesk ARGS`, writing `input` (when given) to its standard input.
pub fn run_with_input(args: &[&str], input: Option<&str>) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn factdesk");
    if let (Some(mut pipe), Some(text)) = (child.stdin.take(), input) {
        pipe.write_all(text.as_bytes()).expect("write stdin");
    }
    finish(child, args)
}

/// Waits for a running command, failing the test when it outlives the deadline.
pub fn finish(mut child: Child, what: &[&str]) -> Output {
    let deadline = Instant::now() + DEADLINE;
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!(
                "factdesk {what:?} did not finish within {DEADLINE:?} (blocked or unbounded read)"
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs, asserts success and returns the whole output.
pub fn ok_output(args: &[&str]) -> Output {
    let o = run(args);
    assert!(
        o.status.success(),
        "factdesk {args:?} failed: {}",
        stderr(&o)
    );
    o
}

/// Runs, asserts success and returns stdout.
pub fn ok(args: &[&str]) -> String {
    stdout(&ok_output(args))
}

/// [`ok`] with `input` on standard input.
pub fn ok_with_input(args: &[&str], input: Option<&str>) -> String {
    let o = run_with_input(args, input);
    assert!(
        o.status.success(),
        "factdesk {args:?} failed: {}",
        stderr(&o)
    );
    stdout(&o)
}

/// Runs, asserts exit code `code` and returns stderr.
pub fn fails(code: i32, args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(code),
        "factdesk {args:?}: stdout {} stderr {}",
        stdout(&o),
        stderr(&o)
    );
    stderr(&o)
}
