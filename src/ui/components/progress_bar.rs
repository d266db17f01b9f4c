//! A labelled progress bar.

use leptos::prelude::*;

#[component]
pub fn ProgressBar(
    #[prop(into)] label: String,
    #[prop(into)] done: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
) -> impl IntoView {
    view! {
        <div class="progress">
            <label>
                <span>{label}" "{move || format!("{} of {}", done.get(), total.get())}</span>
                <progress max=move || total.get().max(1) value=move || done.get()></progress>
            </label>
        </div>
    }
}
