//! Pages whose code is not in the main wasm: it is cut into chunks that the
//! browser fetches when first needed (the service worker precaches them, so
//! they also work offline). The main wasm holds only what the welcome page
//! needs (and the app's frame, state and engine), so the welcome page is
//! interactive after far fewer bytes; see `app.rs` for the groups.
//!
//! A group of pages is made lazy in `app.rs` with
//! `split_page!(more_pages -> MorePages = MorePages { training: || view! { <TrainingPage /> }.into_any(), .. });`
//! which declares the split point `more_pages()`, an async fn that loads the
//! chunk and hands over the pages' *constructors*; a route renders
//! `lazy_page(more_pages, |p| (p.training)())`. Once a chunk is loaded, its
//! pages are built at once, in the same render as an eager page would be.
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
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// Where a lazy page is: chunk on its way, page constructor here, or the fetch failed.
#[derive(Clone, Copy)]
enum Load<C> {
    Pending,
    Ready(C),
    Failed,
}

/// The page behind the split point `load` (declared with [`split_page!`]),
/// built by `show` from the constructors the chunk hands over. When the chunk
/// is already loaded (every visit after the first) the page is built right
/// away; otherwise a screen-tall space (saying "Loading this page…" if it
/// takes a while) shows while it loads (a few milliseconds from the
/// service worker's cache), and a message with "Try again" if it cannot be
/// fetched.
pub fn lazy_page<C, F>(
    load: fn() -> F,
    show: impl Fn(C) -> AnyView + Send + Sync + 'static,
) -> AnyView
where
    C: Copy + Send + Sync + 'static,
    F: Future<Output = Result<C, SplitLoaderError>> + 'static,
{
    let mut first = Box::pin(load());
    // A loaded chunk's future is ready on its first poll (the loader keeps the
    // finished load): no empty frame, and scroll and focus behave as on an
    // eager page.
    if let Poll::Ready(Ok(page)) = first.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        return show(page);
    }
    let state = RwSignal::new(Load::Pending);
    let fetch = move |attempt: Pin<Box<F>>| {
        leptos::task::spawn_local(async move {
            let next = match attempt.await {
                Ok(page) => Load::Ready(page),
                Err(_) => Load::Failed,
            };
            // The user may have moved on (signal disposed): nothing to show then.
            state.try_set(next);
        })
    };
    fetch(first);
    (move || match state.get() {
        // Screen-tall, so the footer is not drawn in view and then pushed down.
        // The note shows only if the wait is long enough to notice (CSS delay):
        // a first visit on a slow network, not a chunk from the cache.
        Load::Pending => view! {
            <div class="page-pending" aria-busy="true">
                <p class="pending-note" role="status">"Loading this page…"</p>
            </div>
        }
        .into_any(),
        Load::Ready(page) => show(page),
        Load::Failed => {
            // Offline is the usual cause; online, the likely one is a new
            // release on the host (this tab's chunk names are gone), which
            // only a reload fixes.
            let online = web_sys::window().is_some_and(|w| w.navigator().on_line());
            let why = if online {
                "a new version of ThingRisk may have been published since this page was opened: \
                 reloading the page gets it."
            } else {
                "this browser seems to be offline."
            };
            let reload = |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            };
            view! {
                <section class="lazy-failed" aria-labelledby="lazy-failed-title">
                    <h1 id="lazy-failed-title">"This page could not be loaded"</h1>
                    <p role="alert">
                        "Its part of the app is downloaded on first use, and that download failed: "
                        {why} " Your saved answers are safe."
                    </p>
                    <p class="actions">
                        <button
                            type="button"
                            on:click=move |_| {
                                state.set(Load::Pending);
                                fetch(Box::pin(load()));
                            }
                        >
                            "Try again"
                        </button>
                        {online
                            .then(|| {
                                view! {
                                    <button type="button" on:click=reload>
                                        "Reload the page"
                                    </button>
                                }
                            })}
                    </p>
                </section>
            }
            .into_any()
        }
    })
    .into_any()
}

/// Starts loading the chunk behind `load` without waiting for it: called once
/// the first page is on screen, so the next one is likely ready when asked
/// for. A failed load is not kept (the page that needs it tries again).
pub fn prefetch<C, F>(load: fn() -> F)
where
    F: Future<Output = Result<C, SplitLoaderError>> + 'static,
{
    leptos::task::spawn_local(async move {
        let _ = load().await;
    });
}

/// Declares the split point `$name()` of a lazy page or group of pages: an
/// async fn that fetches the chunk holding `$ctor` (and all code only it
/// uses) and returns it: a constructor, or a `Copy` struct of them for a
/// group. With the `nolazy` feature it returns `$ctor` at once, with no split.
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
