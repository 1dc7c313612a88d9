//! What the fuzz targets share: the properties (the same file the stable tests use) and the
//! shipped plans that measurement files are read against.

#[path = "../../tests/common/properties.rs"]
pub mod properties;

#[path = "../../tests/common/known.rs"]
pub mod known;

use piano::check::Checked;
use piano::source::Source;
use std::sync::OnceLock;

/// The plans a measurement file is read against, chosen by the input's first byte.
const PLANS: &[(&str, &[u8])] = &[
    (
        "tests/measurements/plan.piano",
        include_bytes!("../../tests/measurements/plan.piano"),
    ),
    (
        "tests/reports/plan.piano",
        include_bytes!("../../tests/reports/plan.piano"),
    ),
    (
        "plans/pistoia-prato-2024.piano",
        include_bytes!("../../plans/pistoia-prato-2024.piano"),
    ),
    (
        "plans/esempio.piano",
        include_bytes!("../../plans/esempio.piano"),
    ),
];

/// The shipped plans, checked once per process.
pub fn plans() -> &'static [(Source, Checked)] {
    static PLANS_CHECKED: OnceLock<Vec<(Source, Checked)>> = OnceLock::new();
    PLANS_CHECKED.get_or_init(|| {
        PLANS
            .iter()
            .map(|(name, bytes)| {
                let source = properties::source(name, bytes);
                let checked = piano::check_plan(&source);
                assert!(!checked.has_errors(), "{name} has errors");
                (source, checked)
            })
            .collect()
    })
}

/// One of the shipped plans, by a byte of the input.
pub fn plan(selector: u8) -> &'static (Source, Checked) {
    let plans = plans();
    &plans[usize::from(selector) % plans.len()]
}

/// Runs one input's properties. With `PIANO_FUZZ_SKIP_KNOWN=1`, a failure of a known class
/// (being fixed on another branch, see tests/common/known.rs) passes, so that a campaign goes
/// on to find the others; any other failure panics again, with its message.
pub fn run(case: impl FnOnce()) {
    static SKIP: OnceLock<bool> = OnceLock::new();
    let skip =
        *SKIP.get_or_init(|| std::env::var_os("PIANO_FUZZ_SKIP_KNOWN").is_some_and(|v| v == "1"));
    if !skip {
        return case();
    }
    if let Some(message) = known::catch(case)
        && known::known(&message).is_none()
    {
        panic!("{message}");
    }
}
