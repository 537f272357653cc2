//! Customer credit calculator for B2B trade credit: a pure, exact, deterministic engine
//! (no clock, no I/O, no binary floating point for money) with one WebAssembly boundary.
//!
//! - [`value`]: the input tree and its path-aware reader (every problem reported).
//! - [`calendar`]: strict dates within 0001–9999 and day arithmetic.
//! - [`money`]: exact decimal parsing, explicit rounding, checked arithmetic.
//! - [`policy`]: the versioned credit policy; [`policy::default_policy`] is ours.
//! - [`discount`]: cost of skipping an early-payment discount (d/D net N).
//! - [`error`]: stable error codes with field paths.
//! - `wasm`: the only `#[wasm_bindgen]` exports (built for wasm32 only).

pub mod calendar;
pub mod discount;
pub mod error;
pub mod financial;
pub mod legal;
pub mod money;
pub mod payments;
pub mod policy;
pub mod score;
pub mod value;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
