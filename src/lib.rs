//! Customer credit calculator for B2B trade credit: a pure, exact, deterministic engine
//! (no clock, no I/O, no binary floating point for money) with one WebAssembly boundary.
//!
//! - [`value`]: the input tree and its path-aware reader (every problem reported).
//! - [`calendar`]: strict dates within 0001–9999 and day arithmetic.
//! - [`money`]: exact decimal parsing, explicit rounding, checked arithmetic.
//! - [`policy`]: the versioned credit policy; [`policy::default_policy`] is ours.
//! - [`financial`]: ratios, the Altman family and trends from financial statements.
//! - [`payments`]: the payment index (the D&B PAYDEX key) from payment experiences.
//! - [`legal`]: legal records aged by half-life, the insolvency knockout.
//! - [`score`]: the scorecard: score, grade, PD, reasons, the change to the next grade.
//! - [`discount`]: cost of skipping an early-payment discount (d/D net N).
//! - [`error`]: stable error codes with field paths.
//! - `wasm`: the only `#[wasm_bindgen]` exports (built for wasm32 only).

// A `Problem` carries its field path and message as owned strings, which makes the `Err`
// side of engine results large; errors are the cold path, and boxing them would cost an
// allocation on every one for no gain.
#![allow(clippy::result_large_err)]

pub mod calendar;
pub mod deal;
pub mod discount;
pub mod dso;
pub mod error;
pub mod financial;
pub mod insurance;
pub mod late;
pub mod legal;
pub mod limit;
pub mod money;
pub mod overdue;
pub mod payments;
pub mod policy;
pub mod portfolio;
pub mod schedule;
pub mod score;
pub mod sort;
pub mod tape;
pub mod terms;
pub mod value;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
