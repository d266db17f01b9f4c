//! The web app entry point (built for wasm32 by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    thingrisk::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "thingrisk-web is the browser app: run `make serve` to build and serve it.\n\
         The command-line tool is `thingrisk` (cargo run --release --bin thingrisk -- --help)."
    );
    std::process::exit(2);
}
