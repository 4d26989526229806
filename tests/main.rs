//! One integration-test binary for the whole suite (as ripgrep does), so the
//! crate and its dependencies are linked once, not once per file.

mod suite;
