//! Rarely used pages whose code is not in the main wasm: each one's code is
//! cut into a chunk that the browser fetches on the page's first visit (the
//! service worker precaches the chunks, so they also work offline).
//!
//! A page is made lazy with one line in `app.rs`:
//! `split_page!(training_page -> fn() -> AnyView = || view! { <TrainingPage /> }.into_any());`
//! declares the split point `training_page()`, an async fn that loads the
//! chunk and hands over the page's *constructor*, and the route renders
//! `lazy_page(training_page, |page| page())`.
//!
//! Why a constructor and not the page itself, and why not `Suspense`: a page
//! built inside a future (`Suspend`, or awaiting the split point in
//! `Suspense`) is owned by that future; its `A` links then outlived their
//! owner and panicked ("reactive value already disposed") on the next
//! navigation. Here the page is built synchronously in a reactive closure,
//! exactly like the eager pages, once the constructor has arrived.
//!
//! The split points are `wasm_split(.., fallible)` rather than Leptos's
//! `#[lazy]`: `#[lazy]` panics when the chunk cannot be fetched (offline
//! before the service worker has cached it), which kills the whole app;
//! `fallible` returns an error, shown here with a "Try again" button.
//!
//! Building the wasm with splitting needs `scripts/wasm-split` (see
//! Trunk.toml). The `nolazy` feature keeps the same code paths without split
//! points, for wasm builds that are not split (the browser tests).

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::future::Future;

/// Where a lazy page is: chunk on its way, page constructor here, or the fetch failed.
#[derive(Clone, Copy)]
enum Load<C> {
    Pending,
    Ready(C),
    Failed,
}

/// The page behind the split point `load` (declared with [`split_page!`]),
/// built by `show` from the constructor the chunk hands over. Shows nothing
/// while the chunk loads (a few milliseconds from the service worker's
/// cache), and a message with "Try again" if it cannot be fetched.
pub fn lazy_page<C, F>(
    load: fn() -> F,
    show: impl Fn(C) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    C: Copy + Send + Sync + 'static,
    F: Future<Output = Result<C, SplitLoaderError>> + 'static,
{
    let state = RwSignal::new(Load::Pending);
    let fetch = move || {
        leptos::task::spawn_local(async move {
            let next = match load().await {
                Ok(page) => Load::Ready(page),
                Err(_) => Load::Failed,
            };
            // The user may have moved on (signal disposed): nothing to show then.
            state.try_set(next);
        })
    };
    fetch();
    (move || match state.get() {
        Load::Pending => ().into_any(),
        Load::Ready(page) => show(page),
        Load::Failed => view! {
            <section class="lazy-failed" aria-labelledby="lazy-failed-title">
                <h1 id="lazy-failed-title">"This page could not be loaded"</h1>
                <p role="alert">
                    "Its part of the app is downloaded on first use, and that download failed: "
                    "this browser seems to be offline. Your saved answers are safe."
                </p>
                <p>
                    <button
                        type="button"
                        on:click=move |_| {
                            state.set(Load::Pending);
                            fetch();
                        }
                    >
                        "Try again"
                    </button>
                </p>
            </section>
        }
        .into_any(),
    })
    .into_any()
}

/// Declares the split point `$name()` of one lazy page: an async fn that
/// fetches the chunk holding `$ctor` (and all code only it uses) and returns
/// it. With the `nolazy` feature it returns `$ctor` at once, with no split.
macro_rules! split_page {
    ($name:ident -> $ty:ty = $ctor:expr) => {
        #[cfg(not(feature = "nolazy"))]
        #[::leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> Result<$ty, ::leptos::wasm_split::SplitLoaderError> {
            let ctor: $ty = $ctor;
            Ok(ctor)
        }
        #[cfg(feature = "nolazy")]
        async fn $name() -> Result<$ty, ::leptos::wasm_split::SplitLoaderError> {
            let ctor: $ty = $ctor;
            Ok(ctor)
        }
    };
}
pub(crate) use split_page;
