//! A 5x5 risk heat map (likelihood up, impact across) drawn on a canvas with
//! plotters, crisp on high-density screens, with its table twin.
//!
//! ```ignore
//! let selected = RwSignal::new(None);
//! view! { <HeatMap title="Residual risk" counts=counts selected=selected /> }
//! ```

use crate::assess::HeatMap as Cells;
use crate::catalog::Scales;
use crate::ui::state::use_app;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

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

/// Short names printed in the cells beside the colour.
const SHORT: [&str; 5] = ["VL", "L", "M", "H", "VH"];

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

    // Redraw whenever the counts or the selection change, once mounted.
    Effect::new(move |_| {
        let c = counts.get();
        let sel = selected.get();
        if let Some(el) = canvas.get() {
            draw(&el, css_size(&el), scales, &c, sel);
        }
    });
    // Redraw on resize so the backing store keeps matching the screen.
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        size.set_value(None);
        if let Some(el) = canvas.get_untracked() {
            draw(
                &el,
                css_size(&el),
                scales,
                &counts.get_untracked(),
                selected.get_untracked(),
            );
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

    let label_id = format!("{id}-label");
    let table_caption = format!("{title}: number of risks in each cell");
    let total = move || counts.with(|c| c.iter().flatten().sum::<usize>());
    let aria = {
        let title = title.clone();
        move || {
            let base = format!("{title} heat map, {} risks.", total());
            match selected.get() {
                Some((l, i)) => format!(
                    "{base} Selected: likelihood {}, impact {}, {} risks. Arrow keys move the selection.",
                    level_name(scales, l),
                    level_name(scales, i),
                    counts.with(|c| c[usize::from(l) - 1][usize::from(i) - 1])
                ),
                None => format!("{base} Arrow keys select a cell."),
            }
        }
    };
    view! {
        <figure class="heat-map">
            <figcaption id=label_id.clone()>{title.clone()}</figcaption>
            <canvas
                node_ref=canvas
                class="heat-canvas"
                tabindex="0"
                role="img"
                aria-label=aria
                on:click=on_click
                on:keydown=on_key
            ></canvas>
            <details class="table-twin">
                <summary>"Show as a table"</summary>
                <HeatTable caption=table_caption counts=counts selected=selected />
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
            let n = move || counts.with(|c| c[usize::from(l) - 1][usize::from(i) - 1]);
            let level = risk_level(scales, l, i);
            let label = move || {
                format!(
                    "{} risks at likelihood {}, impact {} (risk {})",
                    n(),
                    level_name(scales, l),
                    level_name(scales, i),
                    risk_name(scales, level)
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
                <th scope="row">{level_name(scales, l)}</th>
                {cells.collect_view()}
            </tr>
        }
    });
    view! {
        <table class="heat-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Likelihood \\ impact"</th>
                    {(1..=5u8).map(|i| view! { <th scope="col">{level_name(scales, i)}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>{rows.collect_view()}</tbody>
        </table>
    }
}

pub fn level_name(scales: &Scales, value: u8) -> String {
    scales
        .likelihood
        .get(usize::from(value) - 1)
        .map(|l| l.name.clone())
        .unwrap_or_default()
}

pub fn risk_name(scales: &Scales, value: u8) -> String {
    scales
        .risk
        .get(usize::from(value.max(1)) - 1)
        .map(|l| l.name.clone())
        .unwrap_or_default()
}

pub fn risk_level(scales: &Scales, l: u8, i: u8) -> u8 {
    scales.matrix[usize::from(l) - 1][usize::from(i) - 1]
}

/// Plot geometry in CSS pixels: margins for the axis labels.
const LEFT: f64 = 0.14;
const BOTTOM: f64 = 0.14;

/// The cell under a point of a `w` x `h` canvas, or None outside the grid.
pub fn cell_at(w: f64, h: f64, x: f64, y: f64) -> Option<Cell> {
    let gx = w * LEFT;
    let gw = w - gx;
    let gh = h * (1.0 - BOTTOM);
    if x < gx || y < 0.0 || x >= w || y >= gh {
        return None;
    }
    let i = ((x - gx) / (gw / 5.0)).floor() as u8 + 1;
    let l = 5 - ((y / (gh / 5.0)).floor() as u8);
    Some((l.clamp(1, 5), i.clamp(1, 5)))
}

fn rgb(hex: &str) -> RGBColor {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0xcccccc);
    RGBColor((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// Black or white, whichever reads better on `c` (WCAG relative luminance).
fn ink_on(c: RGBColor) -> RGBColor {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    let lum = 0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2);
    if lum > 0.179 { BLACK } else { WHITE }
}

/// Draws the map on `el`, whose CSS size is `(width, height)`.
fn draw(
    el: &web_sys::HtmlCanvasElement,
    (width, height): (i32, i32),
    scales: &Scales,
    counts: &Counts,
    selected: Option<Cell>,
) {
    let dpr = web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0);
    let css_w = f64::from(width.max(160));
    let css_h = f64::from(height.max(160));
    el.set_width((css_w * dpr).round() as u32);
    el.set_height((css_h * dpr).round() as u32);
    let canvas: web_sys::HtmlCanvasElement = el.clone().unchecked_into();
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let (w, h) = (css_w * dpr, css_h * dpr);
    let gx = w * LEFT;
    let gh = h * (1.0 - BOTTOM);
    let cw = (w - gx) / 5.0;
    let ch = gh / 5.0;
    let font = |px: f64| ("sans-serif", px * dpr);
    let centre = Pos::new(HPos::Center, VPos::Center);
    for l in 1..=5u8 {
        for i in 1..=5u8 {
            let x0 = gx + f64::from(i - 1) * cw;
            let y0 = f64::from(5 - l) * ch;
            let level = risk_level(scales, l, i);
            let fill = rgb(&scales.risk[usize::from(level) - 1].colour);
            let ink = ink_on(fill);
            let rect = [(x0 as i32, y0 as i32), ((x0 + cw) as i32, (y0 + ch) as i32)];
            let _ = root.draw(&Rectangle::new(rect, fill.filled()));
            let _ = root.draw(&Rectangle::new(
                rect,
                WHITE.stroke_width((dpr * 1.5) as u32),
            ));
            let n = counts[usize::from(l) - 1][usize::from(i) - 1];
            let size = (cw / dpr * 0.34).clamp(12.0, 26.0);
            let style = TextStyle::from(font(size).into_font())
                .color(&ink)
                .pos(centre);
            let label = if n == 0 {
                "·".to_string()
            } else {
                n.to_string()
            };
            let _ = root.draw(&Text::new(
                label,
                ((x0 + cw / 2.0) as i32, (y0 + ch / 2.0) as i32),
                style,
            ));
            let small = TextStyle::from(font((size * 0.5).max(9.0)).into_font())
                .color(&ink)
                .pos(Pos::new(HPos::Left, VPos::Top));
            let _ = root.draw(&Text::new(
                SHORT[usize::from(level) - 1],
                ((x0 + 4.0 * dpr) as i32, (y0 + 3.0 * dpr) as i32),
                small,
            ));
        }
    }
    if let Some((l, i)) = selected {
        let x0 = gx + f64::from(i - 1) * cw;
        let y0 = f64::from(5 - l) * ch;
        let t = (3.0 * dpr) as i32;
        let outer = [
            (x0 as i32 + t / 2, y0 as i32 + t / 2),
            ((x0 + cw) as i32 - t / 2, (y0 + ch) as i32 - t / 2),
        ];
        let _ = root.draw(&Rectangle::new(outer, BLACK.stroke_width(t as u32)));
        let inner = [
            (outer[0].0 + t, outer[0].1 + t),
            (outer[1].0 - t, outer[1].1 - t),
        ];
        let _ = root.draw(&Rectangle::new(
            inner,
            WHITE.stroke_width((t / 2).max(1) as u32),
        ));
    }
    let axis = TextStyle::from(font(12.0).into_font())
        .color(&BLACK)
        .pos(centre);
    let _ = root.draw(&Text::new(
        "Impact →",
        (((gx + w) / 2.0) as i32, (gh + (h - gh) / 2.0) as i32),
        axis.clone(),
    ));
    let up = axis.transform(FontTransform::Rotate270);
    let _ = root.draw(&Text::new(
        "Likelihood →",
        ((gx / 2.0) as i32, (gh / 2.0) as i32),
        up,
    ));
    let _ = root.present();
}

#[cfg(test)]
mod tests {
    use super::cell_at;

    #[test]
    fn points_map_to_cells_and_margins_to_none() {
        // 200 x 200: grid from x = 28 to 200, y = 0 to 172; cells 34.4 wide and high.
        assert_eq!(cell_at(200.0, 200.0, 30.0, 1.0), Some((5, 1)));
        assert_eq!(cell_at(200.0, 200.0, 199.0, 171.0), Some((1, 5)));
        assert_eq!(cell_at(200.0, 200.0, 120.0, 90.0), Some((3, 3)));
        assert_eq!(cell_at(200.0, 200.0, 10.0, 90.0), None);
        assert_eq!(cell_at(200.0, 200.0, 120.0, 190.0), None);
    }
}
