//! wasm layer in headless Chromium: the same tests as under Node, run in the browser
//! through ChromeDriver (scripts/test.mjs sets CHROMEDRIVER and the runner).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod wasm_shared;
