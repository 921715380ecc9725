//! How long each stage of an analysis takes, when the caller asks (`Options::timings`).
//!
//! Natively the clock is `std::time::Instant`. In JavaScript (a page, a worker, Node)
//! it is the global `performance`, through `web-sys`, and each stage is also written to
//! the User Timing API: a `performance.measure` named `article-analyzer:STAGE`
//! between two marks, so the browser's performance panel shows the analyzer's stages
//! beside the page's own work. The marks are cleared once measured (a page analyzing
//! on every keystroke would otherwise pile them up); the measures stay, as any User
//! Timing measure does, until the page clears them.
//!
//! Knowingly wrong: the browser rounds `performance.now()` (to 0.1 ms or coarser
//! without cross-origin isolation), so stages of a short story read 0 or 0.1 ms.

use crate::analysis::{StageTiming, Timings};

/// Times stages one after another; does nothing when off.
pub struct Clock {
    on: bool,
    started: f64,
    stages: Vec<StageTiming>,
}

impl Clock {
    pub fn new(on: bool) -> Clock {
        Clock {
            on,
            started: if on { now_ms() } else { 0.0 },
            stages: Vec::new(),
        }
    }

    /// Runs `stage` and records how long it took under `name`.
    pub fn stage<T>(&mut self, name: &'static str, stage: impl FnOnce() -> T) -> T {
        if !self.on {
            return stage();
        }
        mark_start(name);
        let start = now_ms();
        let result = stage();
        let ms = now_ms() - start;
        measure(name);
        self.stages.push(StageTiming {
            stage: name.to_string(),
            ms: round(ms),
        });
        result
    }

    /// The timings, or `None` when off.
    pub fn finish(self) -> Option<Timings> {
        self.on.then(|| Timings {
            total_ms: round(now_ms() - self.started),
            stages: self.stages,
        })
    }
}

/// Microsecond precision is all any clock here gives.
fn round(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

#[cfg(not(target_arch = "wasm32"))]
fn mark_start(_: &str) {}

#[cfg(not(target_arch = "wasm32"))]
fn measure(_: &str) {}

#[cfg(target_arch = "wasm32")]
mod user_timing {
    use wasm_bindgen::JsCast;
    use web_sys::Performance;

    /// The global `performance` of a window, a worker or Node; `None` where there is none.
    fn performance() -> Option<Performance> {
        let global = js_sys::global();
        let value = js_sys::Reflect::get(&global, &"performance".into()).ok()?;
        value.dyn_into::<Performance>().ok()
    }

    pub fn now_ms() -> f64 {
        performance().map_or(0.0, |p| p.now())
    }

    fn name(stage: &str) -> String {
        format!("article-analyzer:{stage}")
    }

    pub fn mark_start(stage: &str) {
        if let Some(p) = performance() {
            let _ = p.mark(&format!("{}:start", name(stage)));
        }
    }

    pub fn measure(stage: &str) {
        if let Some(p) = performance() {
            let start = format!("{}:start", name(stage));
            let _ = p.measure_with_start_mark(&name(stage), &start);
            p.clear_marks_with_mark_name(&start);
        }
    }
}

#[cfg(target_arch = "wasm32")]
use user_timing::{mark_start, measure, now_ms};
