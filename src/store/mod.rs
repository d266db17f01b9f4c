//! The store layer: the saved format (a versioned envelope around the
//! households), migrations from every earlier version, import and export
//! (JSON, CSV) and recovery of damaged data. Pure Rust, tested natively; the
//! browser's localStorage is reached only through the ui layer.
