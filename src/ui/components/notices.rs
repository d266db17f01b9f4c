//! Banners at the top of every page: damaged data, storage problems, news
//! from other tabs. Each can be dismissed; the damaged-data banner offers the
//! backup download and the way out.

use crate::ui::download::download;
use crate::ui::persist;
use crate::ui::state::{NoticeKind, use_app};
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="notices" aria-live="polite">
            <For
                each=move || app.notices.get().into_iter().enumerate()
                key=|(_, n)| n.text.clone()
                children=move |(_, n)| {
                    let text = n.text.clone();
                    let damaged = n.kind == NoticeKind::Damaged;
                    let class = match n.kind {
                        NoticeKind::Info => "notice info",
                        NoticeKind::Warning => "notice warning",
                        NoticeKind::Damaged => "notice damaged",
                    };
                    let dismiss_text = text.clone();
                    view! {
                        <div class=class role=if damaged { "alert" } else { "status" }>
                            <p>{text}</p>
                            <div class="actions">
                                {damaged.then(|| view! {
                                    <button type="button" on:click=move |_| {
                                        if let Some(raw) = persist::backup_text() {
                                            download(&persist::backup_file_name(), "text/plain", &raw);
                                        }
                                    }>"Download the damaged data"</button>
                                    <button type="button" class="danger" on:click=move |_| persist::discard_backup(app)>
                                        "Start over (drop it)"
                                    </button>
                                })}
                                {(!damaged).then(|| view! {
                                    <button type="button" on:click=move |_| {
                                        let t = dismiss_text.clone();
                                        app.notices.update(|n| n.retain(|x| x.text != t))
                                    }>"Dismiss"</button>
                                })}
                            </div>
                        </div>
                    }
                }
            />
        </div>
    }
}
