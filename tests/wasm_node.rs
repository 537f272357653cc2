//! wasm layer under Node: `cargo test --target wasm32-unknown-unknown --test wasm_node`
//! (scripts/test.mjs sets wasm-bindgen-test-runner as the runner).
#![cfg(target_arch = "wasm32")]

mod wasm_shared;
