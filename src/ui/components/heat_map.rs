//! A 5x5 risk heat map (likelihood up, impact across) drawn on a canvas,
//! crisp on high-density screens, with its table twin. What is drawn is
//! decided in [`super::heat_canvas`].
//!
//! ```ignore
//! let selected = RwSignal::new(None);
//! view! { <HeatMap title="Residual risk" counts=counts selected=selected /> }
//! ```

use super::heat_canvas::{Pen, Size, cell_at, changes, drawing};
use crate::assess::HeatMap as Cells;
use crate::assess::rules::risk_level;
use crate::catalog::{Scale, Scales};
use crate::plural::plural;
use crate::ui::state::use_app;
use leptos::html::Canvas;
use leptos::prelude::*;

/// Pair counts per cell: `counts[likelihood - 1][impact - 1]`.
pub type Counts = [[usize; 5]; 5];

/// The count of pairs in every cell of an engine heat map.
pub fn counts(cells: &Cells) -> Counts {
    let mut out = [[0; 5]; 5];
    for (l, row) in cells.cells.iter().enumerate() {
        for (i, cell) in row.iter().enumerate() {
            out[l][i] = cell.len();
        }
    }
    out
}

/// A cell as (likelihood, impact), 1..=5 each.
pub type Cell = (u8, u8);

/// The heat map, its keyboard handling and its table twin.
#[component]
pub fn HeatMap(
    /// The caption, e.g. "Inherent risk".
    #[prop(into)]
    title: String,
    /// A stable id prefix for labels.
    #[prop(into)]
    id: String,
    #[prop(into)] counts: Signal<Counts>,
    /// The selected cell, shared with whoever lists its risks.
    selected: RwSignal<Option<Cell>>,
) -> impl IntoView {
    let app = use_app();
    let scales = &app.catalog().scales;
    let canvas = NodeRef::<Canvas>::new();
    // Every answer changes the assessment, but often not this map's numbers:
    // redraw only when they (or the selection) really change.
    let counts = Memo::new(move |_| counts.get());
    // The canvas's CSS size, read on the first draw and on resize only:
    // reading it on every redraw, right after the page changed, forces a
    // layout of the whole page (the CSS fixes the size, not the content).
    let size = StoredValue::new(None::<(i32, i32)>);
    let css_size = move |el: &web_sys::HtmlCanvasElement| {
        size.get_value().unwrap_or_else(|| {
            let s = (el.client_width(), el.client_height());
            if s.0 > 0 {
                size.set_value(Some(s));
            }
            s
        })
    };

    // What the canvas shows and how its context is set, so a change repaints
    // only the cells that moved and sets only what is not set already.
    let painted = StoredValue::new(Painted::default());

    // Redraw whenever the counts or the selection change, once mounted.
    Effect::new(move |_| {
        let now = (counts.get(), selected.get());
        if let Some(el) = canvas.get() {
            painted.update_value(|p| draw(&el, css_size(&el), scales, now, p, false));
        }
    });
    // Redraw on resize so the backing store keeps matching the screen.
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        size.set_value(None);
        if let Some(el) = canvas.get_untracked() {
            let now = (counts.get_untracked(), selected.get_untracked());
            painted.update_value(|p| draw(&el, css_size(&el), scales, now, p, true));
        }
    });
    on_cleanup(move || resize.remove());

    let on_click = move |e: web_sys::MouseEvent| {
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        let w = f64::from(el.client_width());
        let h = f64::from(el.client_height());
        if let Some(cell) = cell_at(w, h, f64::from(e.offset_x()), f64::from(e.offset_y())) {
            selected.set(Some(cell));
        }
    };
    let on_key = move |e: web_sys::KeyboardEvent| {
        let (l, i) = selected.get_untracked().unwrap_or((3, 3));
        let next = match e.key().as_str() {
            "ArrowUp" => (l.saturating_add(1).min(5), i),
            "ArrowDown" => (l.saturating_sub(1).max(1), i),
            "ArrowRight" => (l, i.saturating_add(1).min(5)),
            "ArrowLeft" => (l, i.saturating_sub(1).max(1)),
            "Enter" | " " | "Home" => (l, i),
            _ => return,
        };
        e.prevent_default();
        selected.set(Some(next));
    };

    // The table twin is built while it is open: closed, its 25 cells would
    // be kept up to date on every answer for nobody to see.
    let twin_open = RwSignal::new(false);
    let label_id = format!("{id}-label");
    let table_caption = format!("{title}: number of risks in each cell");
    let total = move || counts.with(|c| c.iter().flatten().sum::<usize>());
    let aria = {
        let title = title.clone();
        move || {
            let base = format!("{title} heat map, {}.", plural(total(), "risk", "risks"));
            match selected.get() {
                Some((l, i)) => format!(
                    "{base} Selected: likelihood {}, impact {}, {}. Arrow keys move the selection.",
                    scales.level_name(Scale::Likelihood, l),
                    scales.level_name(Scale::Impact, i),
                    plural(
                        counts.with(|c| c[usize::from(l) - 1][usize::from(i) - 1]),
                        "risk",
                        "risks"
                    )
                ),
                None => format!("{base} Arrow keys select a cell."),
            }
        }
    };
    view! {
        <figure class="heat-map">
            <figcaption id=label_id.clone()>{title.clone()}</figcaption>
            // The axes in HTML around the canvas, so their words wrap and
            // zoom with the page; the canvas's label and the table twin say
            // the same to a screen reader.
            <div class="heat-plot">
                <span class="axis-name axis-y" aria-hidden="true">"Chance it happens →"</span>
                <ol class="axis-levels axis-y" aria-hidden="true">
                    {(1..=5u8).rev().map(|l| view! { <li>{scales.level_name(Scale::Likelihood, l)}</li> }).collect_view()}
                </ol>
                <canvas
                    node_ref=canvas
                    class="heat-canvas"
                    tabindex="0"
                    role="img"
                    aria-label=aria
                    on:click=on_click
                    on:keydown=on_key
                ></canvas>
                <ol class="axis-levels axis-x" aria-hidden="true">
                    {(1..=5u8).map(|i| view! { <li>{scales.level_name(Scale::Impact, i)}</li> }).collect_view()}
                </ol>
                <span class="axis-name axis-x" aria-hidden="true">"Harm if it does →"</span>
            </div>
            <details class="table-twin" on:toggle=move |ev| twin_open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                <summary>"Show as a table"</summary>
                <Show when=move || twin_open.get()>
                    <HeatTable caption=table_caption.clone() counts=counts selected=selected />
                </Show>
            </details>
        </figure>
    }
}

/// The table twin: the same numbers as an HTML table, each cell a button
/// that selects it.
#[component]
pub fn HeatTable(
    #[prop(into)] caption: String,
    #[prop(into)] counts: Signal<Counts>,
    selected: RwSignal<Option<Cell>>,
) -> impl IntoView {
    let app = use_app();
    let scales = &app.catalog().scales;
    let rows = (1..=5u8).rev().map(|l| {
        let cells = (1..=5u8).map(move |i| {
            // One memo per cell: an answer moves a few cells, and only
            // their label and number are rewritten.
            let n = Memo::new(move |_| counts.with(|c| c[usize::from(l) - 1][usize::from(i) - 1]));
            let level = risk_level(scales, l, i);
            let label = move || {
                format!(
                    "{} at likelihood {}, impact {} (risk {})",
                    plural(n.get(), "risk", "risks"),
                    scales.level_name(Scale::Likelihood, l),
                    scales.level_name(Scale::Impact, i),
                    scales.level_name(Scale::Risk, level)
                )
            };
            view! {
                <td class=format!("lvl-{level}")>
                    <button
                        type="button"
                        class="cell-button"
                        aria-label=label
                        aria-pressed=move || (selected.get() == Some((l, i))).to_string()
                        on:click=move |_| selected.set(Some((l, i)))
                    >
                        {n}
                    </button>
                </td>
            }
        });
        view! {
            <tr>
                <th scope="row">{scales.level_name(Scale::Likelihood, l)}</th>
                {cells.collect_view()}
            </tr>
        }
    });
    // In a scrolling box: on a narrow phone the level names keep their
    // words whole and the table scrolls sideways instead (not the page).
    view! {
        <div class="table-scroll">
        <table class="heat-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Likelihood \\ impact"</th>
                    {(1..=5u8).map(|i| view! { <th scope="col">{scales.level_name(Scale::Impact, i)}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>{rows.collect_view()}</tbody>
        </table>
        </div>
    }
}

/// What a canvas shows (the picture's size, counts and selection, once
/// drawn) and how its context is set.
#[derive(Default)]
struct Painted {
    shown: Option<(Size, Counts, Option<Cell>)>,
    pen: Pen,
}

/// Draws the map on `el`, whose CSS size is `(width, height)`: only the
/// cells that changed since it was painted at the same size, else (or when
/// `full`) all of it. The backing store is resized only when the size
/// changes: assigning it clears the canvas and reallocates it, even to the
/// same value.
fn draw(
    el: &web_sys::HtmlCanvasElement,
    (width, height): (i32, i32),
    scales: &Scales,
    (counts, selected): (Counts, Option<Cell>),
    painted: &mut Painted,
    full: bool,
) {
    use wasm_bindgen::JsCast;
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let size = Size {
        width: f64::from(width),
        height: f64::from(height),
        dpr,
    };
    let (pw, ph) = size.pixels();
    let ops = match painted.shown {
        Some((s, c, sel)) if !full && s == size && el.width() == pw && el.height() == ph => {
            changes(size, scales, (&c, sel), (&counts, selected))
        }
        _ => {
            if el.width() != pw || el.height() != ph {
                el.set_width(pw);
                el.set_height(ph);
                painted.pen = Pen::default(); // resizing resets the context
            }
            drawing(size, scales, &counts, selected)
        }
    };
    painted.shown = Some((size, counts, selected));
    if !ops.is_empty()
        && let Ok(Some(ctx)) = el.get_context("2d")
        && let Ok(ctx) = ctx.dyn_into::<web_sys::CanvasRenderingContext2d>()
    {
        super::heat_canvas::paint(&ctx, &mut painted.pen, &ops);
    }
}
