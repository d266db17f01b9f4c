//! The participant's result code at the end of a card session: large
//! monospace text to read out or type, and the same text as a QR code the
//! trainer can scan into the class page. The QR code's text alternative is
//! the code itself, shown beside it. No new styles or long texts: both
//! would land in the first load (the style sheet, the main wasm's data).

use crate::training::{ResultCode, Session, encode_code};
use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// Modules of white space around the QR code (the standard's quiet zone).
const QUIET: i32 = 4;

/// An SVG path drawing the dark modules of `qr`, one unit per module,
/// offset by the quiet zone.
fn qr_path(qr: &QrCode) -> String {
    let mut d = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                d.push_str(&format!("M{},{}h1v1h-1z", x + QUIET, y + QUIET));
            }
        }
    }
    d
}

#[component]
pub fn ResultCodeBox(
    session: RwSignal<Option<Session<'static>>>,
    code: RwSignal<u64>,
) -> impl IntoView {
    // Tells apart two participants with the same answers (see training::code).
    let tag = (js_sys::Math::random() * 256.0) as u8;
    let text = session.with_untracked(|s| {
        s.as_ref().and_then(|s| {
            encode_code(&ResultCode::of(
                code.get_untracked(),
                tag,
                &s.result("", ""),
            ))
        })
    });
    let Some(text) = text else {
        return view! {
            <p id="result-code-none">"Too many cards for a result code: export the file."</p>
        }
        .into_any();
    };
    let qr = QrCode::encode_text(&text, QrCodeEcc::Medium)
        .ok()
        .map(|qr| {
            let side = qr.size() + 2 * QUIET;
            let view_box = format!("0 0 {side} {side}");
            let label = format!("QR code: {text}");
            view! {
                <svg
                    id="result-qr"
                    xmlns="http://www.w3.org/2000/svg"
                    viewBox=view_box
                    role="img"
                    aria-label=label
                    shape-rendering="crispEdges"
                    width="192"
                    height="192"
                >
                    <rect width="100%" height="100%" fill="#fff" />
                    <path d=qr_path(&qr) fill="#000" />
                </svg>
            }
        });
    view! {
        <section aria-labelledby="result-code-title">
            <h3 id="result-code-title">"Your result code"</h3>
            <p>"Show it to your trainer, or let them scan it. It holds which cards you got right."</p>
            <p class="presenter-story">
                <strong><code id="result-code">{text}</code></strong>
            </p>
            {qr}
        </section>
    }
    .into_any()
}
