//! Measures the cost of a UI frame of the real app, headless (an egui context, no window):
//! warm-up, then N frames in each state (idle at the top, scrolled to the middle with a claim
//! selected, claim list filtered, sorted by speaker, statistics open, suggestions shown, find
//! matches shown) and a bulk tag of 1,000 selected claims. The last line is JSON for the idle state.
//!
//! `cargo run --release --example frame_bench -- [PROJECT.ron] [--chars N] [--claims N] [--frames N] [--idle]`
//! Without a project, a synthetic one is generated (default 1,000,000 chars, 10,000 claims).
//! `--idle` measures only the idle frame (and says whether any per-revision cache was rebuilt
//! meanwhile), to compare claim counts or to run under `valgrind --tool=callgrind`, where
//! instruction counts are reproducible on a loaded machine.

use factdesk::core::session::Session;
use factdesk::core::store;
#[path = "../tests/support/synth.rs"]
mod synth;
use factdesk::ui::{ClaimSort, FactdeskApp, Settings, SortColumn, UiCommand};
use std::path::PathBuf;
use std::time::Instant;

struct Args {
    project: Option<PathBuf>,
    chars: usize,
    claims: usize,
    frames: usize,
    idle_only: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        project: None,
        chars: 1_000_000,
        claims: 10_000,
        frames: 200,
        idle_only: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut num = |name: &str| -> Result<usize, String> {
            it.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .ok_or_else(|| format!("{name} needs a number"))
        };
        match arg.as_str() {
            "--chars" => a.chars = num("--chars")?,
            "--claims" => a.claims = num("--claims")?,
            "--frames" => a.frames = num("--frames")?.max(1),
            "--idle" => a.idle_only = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            s => a.project = Some(PathBuf::from(s)),
        }
    }
    Ok(a)
}

struct Bench {
    ctx: egui::Context,
    app: FactdeskApp,
    time: f64,
}

impl Bench {
    fn frame(&mut self) -> f64 {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            time: Some(self.time),
            ..Default::default()
        };
        let started = Instant::now();
        let app = &mut self.app;
        let mut out = self.ctx.run_ui(input, |ui| app.show(ui));
        let _meshes = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        // No GPU here: font atlas uploads are dropped.
        out.textures_delta.clear();
        started.elapsed().as_secs_f64() * 1000.0
    }

    fn measure(&mut self, name: &str, frames: usize) -> Stats {
        for _ in 0..10 {
            self.frame();
        }
        let mut ms: Vec<f64> = (0..frames).map(|_| self.frame()).collect();
        let stats = Stats::of(&mut ms);
        println!(
            "{name:<28} frames {:>5}  mean {:>7.3} ms  p95 {:>7.3} ms  max {:>7.3} ms",
            stats.frames, stats.mean, stats.p95, stats.max
        );
        stats
    }
}

struct Stats {
    frames: usize,
    mean: f64,
    p95: f64,
    max: f64,
}

impl Stats {
    fn of(ms: &mut [f64]) -> Stats {
        ms.sort_by(f64::total_cmp);
        let n = ms.len().max(1);
        Stats {
            frames: ms.len(),
            mean: ms.iter().sum::<f64>() / n as f64,
            p95: ms[((n as f64 * 0.95) as usize).min(n - 1)],
            max: ms[n - 1],
        }
    }
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("frame_bench: {e}");
            std::process::exit(2);
        }
    };
    let project = match &args.project {
        Some(p) => match store::load(p) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("frame_bench: {e}");
                std::process::exit(1);
            }
        },
        None => synth::project(args.chars, args.claims),
    };
    let chars: usize = project.articles.iter().map(|a| a.char_len()).sum();
    println!(
        "project: {} articles, {} chars, {} claims",
        project.articles.len(),
        chars,
        project.claims.len()
    );
    let mut b = Bench {
        ctx: egui::Context::default(),
        app: FactdeskApp::new(Session::opened(project, None), Settings::headless()),
        time: 0.0,
    };
    let first = b.frame();
    println!("first frame (fonts, layout of visible blocks): {first:.3} ms");
    for _ in 0..30 {
        b.frame();
    }
    let rebuilds = b.app.cache_rebuilds();
    let idle = b.measure("idle, top of article", args.frames);
    if args.idle_only {
        println!(
            "per-revision caches rebuilt during the idle frames: {}",
            b.app.cache_rebuilds() - rebuilds
        );
        print_json(&idle);
        return;
    }

    // Jump to the claim in the middle of the list: one frame to select and scroll.
    let middle = b.app.session.project.claims.len() / 2;
    for _ in 0..middle.min(50) {
        b.app.run_command(&b.ctx, UiCommand::NextClaim);
    }
    if let Some(id) = b
        .app
        .session
        .project
        .claims
        .get(middle)
        .map(|c| c.id.clone())
    {
        b.app.claims.selected = Some(id);
        b.app.run_command(&b.ctx, UiCommand::NextClaim);
    }
    let jump = b.frame();
    println!("select a middle claim and scroll to it: {jump:.3} ms (one frame)");
    b.measure("idle, middle, claim selected", args.frames);
    b.app.claims.filter.search = "kirby".to_string();
    b.frame();
    b.measure("idle, claim list filtered", args.frames);
    b.app.claims.filter.search.clear();
    b.app.settings.claim_sort = ClaimSort {
        column: SortColumn::Speaker,
        descending: false,
    };
    let sort = b.frame();
    println!("sort the list by speaker: {sort:.3} ms (one frame)");
    b.measure("idle, sorted by speaker", args.frames);
    // Bulk tag: the first 1,000 claims selected, tagged as one undoable batch.
    let ids: Vec<_> = b
        .app
        .session
        .project
        .claims
        .iter()
        .take(1000)
        .map(|c| c.id.clone())
        .collect();
    b.app.claims.selected = ids.first().cloned();
    b.app.claims.selected_set = ids.iter().cloned().collect();
    let started = Instant::now();
    b.app.run_command(
        &b.ctx,
        UiCommand::Tag(factdesk::core::model::Status::Disputed),
    );
    let tag_ms = started.elapsed().as_secs_f64() * 1000.0;
    let after = b.frame();
    println!(
        "tag {} selected claims (one undo step): {tag_ms:.3} ms, next frame {after:.3} ms",
        ids.len()
    );
    b.app.run_command(&b.ctx, UiCommand::ToggleStats);
    let open = b.frame();
    println!("open the statistics window: {open:.3} ms (one frame)");
    b.measure("idle, statistics open", args.frames);
    b.app.run_command(&b.ctx, UiCommand::ToggleStats);

    // Suggestions: computed on a worker thread; frames go on meanwhile.
    b.app.run_command(&b.ctx, UiCommand::ToggleSuggestions);
    let started = Instant::now();
    let mut waiting = Vec::new();
    while b.app.suggestions_computing() || waiting.is_empty() {
        waiting.push(b.frame());
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let arrived = b.frame();
    let waiting_stats = Stats::of(&mut waiting);
    println!(
        "suggestions: {} after {:.0} ms; frames meanwhile: {} (max {:.3} ms); frame taking them in: {arrived:.3} ms",
        b.app.visible_suggestions().len(),
        started.elapsed().as_secs_f64() * 1000.0,
        waiting_stats.frames,
        waiting_stats.max,
    );
    b.app.run_command(&b.ctx, UiCommand::NextSuggestion);
    b.measure("idle, suggestions shown", args.frames);
    b.app.run_command(&b.ctx, UiCommand::ToggleSuggestions);

    // Find: the body is folded once (on a worker thread), then searched once per query.
    b.app.find_text("north korea");
    let started = Instant::now();
    let mut waiting = vec![b.frame()];
    while b.app.find_preparing() {
        std::thread::sleep(std::time::Duration::from_millis(2));
        waiting.push(b.frame());
    }
    let prepared = started.elapsed().as_secs_f64() * 1000.0;
    let waiting_stats = Stats::of(&mut waiting);
    b.app.find_text("north kore");
    let next_query = b.frame();
    println!(
        "find: {} matches after {prepared:.0} ms (body prepared off the UI thread; frames meanwhile max {:.3} ms); next query {next_query:.3} ms (one frame)",
        b.app.find_count(),
        waiting_stats.max,
    );
    b.app.run_command(&b.ctx, UiCommand::FindNext);
    b.measure("idle, find matches shown", args.frames);
    print_json(&idle);
}

fn print_json(idle: &Stats) {
    println!(
        "{{\"frames\": {}, \"mean_ms\": {:.4}, \"p95_ms\": {:.4}, \"max_ms\": {:.4}}}",
        idle.frames, idle.mean, idle.p95, idle.max
    );
}
