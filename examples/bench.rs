//! Native side of `npm run bench`: per-call time of each export's whole path (input tree
//! read, engine, result serialized), with the same release profile as the wasm build, so
//! that the wasm/native ratio compares like with like. Prints one JSON object.

use std::hint::black_box;
use std::time::Instant;

use credit_calculator::value::Value;

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    xs.get(xs.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Nanoseconds per call: the median of `batches` batches of `per_batch` calls.
fn time(batches: usize, per_batch: usize, mut f: impl FnMut()) -> f64 {
    for _ in 0..per_batch {
        f(); // warm-up
    }
    let samples = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            start.elapsed().as_nanos() as f64 / per_batch as f64
        })
        .collect();
    median(samples)
}

fn main() {
    let input_json = serde_json::json!({
        "discountPercent": "2", "discountDays": 10, "netDays": 30, "dayBasis": 365,
        "invoiceAmount": "12500.50", "invoiceDate": "2024-02-20", "currency": "EUR"
    });
    let discount_ns = time(15, 20_000, || {
        let input: Value =
            serde_json::from_value(black_box(input_json.clone())).unwrap_or(Value::Null);
        let result = credit_calculator::discount::run(&input, None);
        black_box(result.map(|r| serde_json::to_value(r).ok()).ok());
    });
    println!(
        "{}",
        serde_json::json!({ "discountCost": { "nsPerCall": discount_ns } })
    );
}
