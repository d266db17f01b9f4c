//! How a heat map looks on a canvas, as a list of drawing operations in
//! device pixels ([`drawing`], pure and tested natively), and the few Canvas
//! 2D calls that put them on screen ([`paint`]).
//!
//! Drawing straight on the 2D context (rather than through a charting
//! library) lets a redraw set each font and colour once instead of once per
//! label: a 50-device redraw is a few dozen calls.
//!
//! ```ignore
//! let ops = drawing(Size { width: 320.0, height: 320.0, dpr: 2.0 }, scales, &counts, None);
//! let mut pen = Pen::default(); // kept with the canvas
//! paint(&context, &mut pen, &ops);
//! ```

use super::heat_map::{Cell, Counts};
use crate::assess::rules::risk_level;
use crate::catalog::Scales;

/// Short names printed in the cells beside the colour.
const SHORT: [&str; 5] = ["VL", "L", "M", "H", "VH"];

/// A canvas's CSS size and the screen's device pixel ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
    pub dpr: f64,
}

impl Size {
    /// The backing store in device pixels (crisp on high-density screens);
    /// at least 160 CSS pixels a side, so an unlaid-out canvas still draws.
    pub fn pixels(&self) -> (u32, u32) {
        let dpr = self.dpr.max(1.0);
        (
            (self.width.max(160.0) * dpr).round() as u32,
            (self.height.max(160.0) * dpr).round() as u32,
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Left edge at x, top at y.
    TopLeft,
    /// Centred on (x, y).
    Centre,
}

/// One drawing operation, in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Fill {
        rect: [f64; 4],
        colour: String,
    },
    Stroke {
        rect: [f64; 4],
        width: f64,
        colour: &'static str,
    },
    Text {
        at: (f64, f64),
        text: String,
        /// A CSS font, e.g. "bold 24px sans-serif".
        font: String,
        colour: &'static str,
        align: Align,
    },
}

/// The cell under a point of a `w` x `h` canvas (CSS pixels), or None outside the grid.
pub fn cell_at(w: f64, h: f64, x: f64, y: f64) -> Option<Cell> {
    let size = Size {
        width: w,
        height: h,
        dpr: 1.0,
    };
    // The drawing's own pixels (at least 160 a side), scaled to the CSS box.
    let (pw, ph) = size.pixels();
    let (x, y) = (x * f64::from(pw) / w, y * f64::from(ph) / h);
    let g = Grid::new(size);
    let i = g.xs.windows(2).position(|e| x >= e[0] && x < e[1])?;
    let r = g.ys.windows(2).position(|e| y >= e[0] && y < e[1])?;
    Some((5 - r as u8, i as u8 + 1))
}

/// Black or white, whichever reads better on `hex` (WCAG relative luminance).
pub fn ink_on(hex: &str) -> &'static str {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0xcccccc);
    let lin = |c: u32| {
        let s = f64::from(c & 0xff) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    let lum = 0.2126 * lin(v >> 16) + 0.7152 * lin(v >> 8) + 0.0722 * lin(v);
    if lum > 0.179 { "#000000" } else { "#ffffff" }
}

/// Where things go on a canvas of one size, in device pixels: the grid
/// fills the canvas (the axis names and levels are HTML around it, so they
/// wrap and zoom like the page's text). Cell edges
/// fall on whole pixels and the grid lines are gaps between the cells, so
/// a cell can be painted again without touching its neighbours.
struct Grid {
    dpr: f64,
    w: f64,
    h: f64,
    /// Column edges, left to right, and row edges, top to bottom.
    xs: [f64; 6],
    ys: [f64; 6],
    /// Width of the white lines between cells.
    line: f64,
    /// Font size of the counts, CSS pixels.
    big: f64,
}

impl Grid {
    fn new(size: Size) -> Grid {
        let dpr = size.dpr.max(1.0);
        let (pw, ph) = size.pixels();
        let (w, h) = (f64::from(pw), f64::from(ph));
        let (cw, ch) = (w / 5.0, h / 5.0);
        Grid {
            dpr,
            w,
            h,
            xs: std::array::from_fn(|k| (k as f64 * cw).round()),
            ys: std::array::from_fn(|k| (k as f64 * ch).round()),
            line: (dpr * 1.5).floor().max(1.0),
            big: (cw / dpr * 0.34).clamp(12.0, 26.0),
        }
    }

    fn font(&self, px: f64) -> String {
        format!("{}px sans-serif", (px * self.dpr).round() as u32)
    }

    /// A cell's rectangle, grid lines included: [x, y, width, height].
    fn rect(&self, (l, i): Cell) -> [f64; 4] {
        let (c, r) = (usize::from(i) - 1, usize::from(5 - l));
        let (x, y) = (self.xs[c], self.ys[r]);
        [x, y, self.xs[c + 1] - x, self.ys[r + 1] - y]
    }

    /// The cells for which `only` holds, each with its rectangle, in row order.
    fn cells(&self, only: impl Fn(Cell) -> bool) -> Vec<(Cell, [f64; 4])> {
        (1..=5u8)
            .flat_map(|l| (1..=5u8).map(move |i| (l, i)))
            .filter(|&c| only(c))
            .map(|c| (c, self.rect(c)))
            .collect()
    }
}

/// The whole map: background, the 25 cells with their level colour, count
/// and level abbreviation, and the selection outline.
/// Operations that share a font come together, so painting sets each font once.
pub fn drawing(size: Size, scales: &Scales, counts: &Counts, selected: Option<Cell>) -> Vec<Op> {
    let g = Grid::new(size);
    let mut ops = vec![Op::Fill {
        rect: [0.0, 0.0, g.w, g.h],
        colour: WHITE.into(),
    }];
    cell_ops(&g, scales, counts, &g.cells(|_| true), false, &mut ops);
    selection_ops(&g, selected, &mut ops);
    ops
}

/// What brings a map drawn as `before` (counts, selection) up to `after` on
/// a canvas of the same size: the cells whose count or selection changed
/// are painted again from white, and the selected cell with them (its
/// outline is drawn last). The result is the same picture as [`drawing`]
/// `after`, pixel for pixel. Empty when nothing changed. An answer usually
/// moves a few cells, so this is a fraction of a full drawing.
pub fn changes(
    size: Size,
    scales: &Scales,
    before: (&Counts, Option<Cell>),
    after: (&Counts, Option<Cell>),
) -> Vec<Op> {
    let count = |c: &Counts, (l, i): Cell| c[usize::from(l) - 1][usize::from(i) - 1];
    let changed = |cell: Cell| {
        count(before.0, cell) != count(after.0, cell)
            || (before.1 != after.1 && (before.1 == Some(cell) || after.1 == Some(cell)))
    };
    let g = Grid::new(size);
    let cells = g.cells(|c| changed(c) || after.1 == Some(c));
    let mut ops = Vec::new();
    if cells.iter().any(|&(c, _)| changed(c)) {
        cell_ops(&g, scales, after.0, &cells, true, &mut ops);
        selection_ops(&g, after.1, &mut ops);
    }
    ops
}

const WHITE: &str = "#ffffff";

/// Each cell's colour inside its share of the grid lines (after clearing
/// it to white when `clear`), then all counts, then all level
/// abbreviations (grouped by font).
fn cell_ops(
    g: &Grid,
    scales: &Scales,
    counts: &Counts,
    cells: &[(Cell, [f64; 4])],
    clear: bool,
    ops: &mut Vec<Op>,
) {
    let level = |l, i| usize::from(risk_level(scales, l, i)) - 1;
    let colour = |l, i| &scales.risk[level(l, i)].colour;
    // Ink per level, worked out once rather than per cell and label.
    let inks: Vec<&'static str> = scales.risk.iter().map(|r| ink_on(&r.colour)).collect();
    let ink = |l, i| inks[level(l, i)];
    let inset = (g.line / 2.0).floor();
    if clear {
        for &(_, rect) in cells {
            ops.push(Op::Fill {
                rect,
                colour: WHITE.into(),
            });
        }
    }
    for &((l, i), [x, y, w, h]) in cells {
        ops.push(Op::Fill {
            rect: [x + inset, y + inset, w - g.line, h - g.line],
            colour: colour(l, i).clone(),
        });
    }
    for &((l, i), [x, y, w, h]) in cells {
        let n = counts[usize::from(l) - 1][usize::from(i) - 1];
        ops.push(Op::Text {
            at: (x + w / 2.0, y + h / 2.0),
            text: if n == 0 { "·".into() } else { n.to_string() },
            font: g.font(g.big),
            colour: ink(l, i),
            align: Align::Centre,
        });
    }
    for &((l, i), [x, y, _, _]) in cells {
        ops.push(Op::Text {
            at: (x + 4.0 * g.dpr, y + 3.0 * g.dpr),
            text: SHORT[level(l, i)].into(),
            font: g.font((g.big * 0.5).max(9.0)),
            colour: ink(l, i),
            align: Align::TopLeft,
        });
    }
}

/// A black outline with a white one inside, so it shows on every colour;
/// both stay inside the cell.
fn selection_ops(g: &Grid, selected: Option<Cell>, ops: &mut Vec<Op>) {
    let Some(cell) = selected else { return };
    let [x, y, w, h] = g.rect(cell);
    let t = (3.0 * g.dpr).floor();
    let outer = [x + t / 2.0, y + t / 2.0, w - t, h - t];
    ops.push(Op::Stroke {
        rect: outer,
        width: t,
        colour: "#000000",
    });
    let inner = [
        outer[0] + t,
        outer[1] + t,
        outer[2] - 2.0 * t,
        outer[3] - 2.0 * t,
    ];
    ops.push(Op::Stroke {
        rect: inner,
        width: (t / 2.0).floor().max(1.0),
        colour: WHITE,
    });
}

/// What a 2D context is set to, as far as [`paint`] knows: it sets a
/// font, colour or alignment only when it changes. Kept between paints of
/// one canvas (setting a font costs more than drawing a few rectangles);
/// start again from the default when the canvas is resized, which resets
/// its context.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pen {
    fill: Option<String>,
    stroke: Option<&'static str>,
    width: f64,
    font: Option<String>,
    align: Option<Align>,
}

/// Puts `ops` on the context, which `pen` says how it is set; `pen`
/// follows what it sets.
pub fn paint(ctx: &web_sys::CanvasRenderingContext2d, pen: &mut Pen, ops: &[Op]) {
    for op in ops {
        match op {
            Op::Fill { rect, colour } => {
                if pen.fill.as_deref() != Some(colour.as_str()) {
                    ctx.set_fill_style_str(colour);
                    pen.fill = Some(colour.clone());
                }
                ctx.fill_rect(rect[0], rect[1], rect[2], rect[3]);
            }
            Op::Stroke {
                rect,
                width,
                colour,
            } => {
                if pen.stroke != Some(*colour) {
                    ctx.set_stroke_style_str(colour);
                    pen.stroke = Some(colour);
                }
                if pen.width != *width {
                    ctx.set_line_width(*width);
                    pen.width = *width;
                }
                ctx.stroke_rect(rect[0], rect[1], rect[2], rect[3]);
            }
            Op::Text {
                at,
                text,
                font,
                colour,
                align,
            } => {
                if pen.font.as_deref() != Some(font.as_str()) {
                    ctx.set_font(font);
                    pen.font = Some(font.clone());
                }
                if pen.fill.as_deref() != Some(*colour) {
                    ctx.set_fill_style_str(colour);
                    pen.fill = Some(colour.to_string());
                }
                if pen.align != Some(*align) {
                    let (h, v) = match align {
                        Align::TopLeft => ("left", "top"),
                        Align::Centre => ("center", "middle"),
                    };
                    ctx.set_text_align(h);
                    ctx.set_text_baseline(v);
                    pen.align = Some(*align);
                }
                let _ = ctx.fill_text(text, at.0, at.1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::embedded;

    const SIZE: Size = Size {
        width: 200.0,
        height: 200.0,
        dpr: 2.0,
    };

    /// Coordinates to 0.01 px, so expectations can be written by hand.
    fn rounded(ops: Vec<Op>) -> Vec<Op> {
        let r = |v: f64| (v * 100.0).round() / 100.0;
        ops.into_iter()
            .map(|op| match op {
                Op::Fill { rect, colour } => Op::Fill {
                    rect: rect.map(r),
                    colour,
                },
                Op::Stroke {
                    rect,
                    width,
                    colour,
                } => Op::Stroke {
                    rect: rect.map(r),
                    width,
                    colour,
                },
                Op::Text {
                    at,
                    text,
                    font,
                    colour,
                    align,
                } => Op::Text {
                    at: (r(at.0), r(at.1)),
                    text,
                    font,
                    colour,
                    align,
                },
            })
            .collect()
    }

    fn texts(ops: &[Op]) -> Vec<(&str, &str)> {
        ops.iter()
            .filter_map(|o| match o {
                Op::Text { text, font, .. } => Some((text.as_str(), font.as_str())),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn points_map_to_cells_and_outside_to_none() {
        // 200 x 200: the grid fills it; cells 40 wide and high.
        assert_eq!(cell_at(200.0, 200.0, 1.0, 1.0), Some((5, 1)));
        assert_eq!(cell_at(200.0, 200.0, 199.0, 199.0), Some((1, 5)));
        assert_eq!(cell_at(200.0, 200.0, 100.0, 100.0), Some((3, 3)));
        assert_eq!(cell_at(200.0, 200.0, 79.0, 121.0), Some((2, 2)));
        assert_eq!(cell_at(200.0, 200.0, -1.0, 90.0), None);
        assert_eq!(cell_at(200.0, 200.0, 120.0, 201.0), None);
    }

    #[test]
    fn every_cell_gets_its_matrix_colour_count_and_level() {
        let scales = &embedded().scales;
        let mut counts = [[0; 5]; 5];
        counts[4][0] = 7; // likelihood 5, impact 1: the top-left cell
        let ops = rounded(drawing(SIZE, scales, &counts, None));
        // Backing store 400 x 400, all grid: cell edges at 0, 80, 160, ...;
        // 3 px lines.
        assert_eq!(SIZE.pixels(), (400, 400));
        let top_left = scales.risk[usize::from(scales.matrix[4][0]) - 1]
            .colour
            .clone();
        assert!(ops.contains(&Op::Fill {
            rect: [1.0, 1.0, 77.0, 77.0],
            colour: top_left.clone()
        }));
        let fills = ops.iter().filter(|o| matches!(o, Op::Fill { .. })).count();
        assert_eq!(fills, 26, "background and 25 cells");
        let t = texts(&ops);
        assert_eq!(t.len(), 50, "count and level in 25 cells");
        assert_eq!(t.iter().filter(|(s, _)| *s == "7").count(), 1);
        assert_eq!(t.iter().filter(|(s, _)| *s == "·").count(), 24);
        assert!(ops.contains(&Op::Text {
            at: (40.0, 40.0),
            text: "7".into(),
            font: "27px sans-serif".into(),
            colour: ink_on(&top_left),
            align: Align::Centre,
        }));
        let level = SHORT[usize::from(scales.matrix[4][0]) - 1];
        assert!(t.contains(&(level, "18px sans-serif")));
    }

    #[test]
    fn fonts_change_only_between_groups() {
        let ops = drawing(SIZE, &embedded().scales, &[[3; 5]; 5], Some((2, 4)));
        let fonts: Vec<&str> = texts(&ops).iter().map(|(_, f)| *f).collect();
        let changes = fonts.windows(2).filter(|w| w[0] != w[1]).count();
        assert_eq!(changes, 1, "counts, then levels");
    }

    #[test]
    fn the_selection_is_outlined_black_then_white() {
        let scales = &embedded().scales;
        let none = drawing(SIZE, scales, &[[0; 5]; 5], None);
        let some = rounded(drawing(SIZE, scales, &[[0; 5]; 5], Some((1, 1))));
        let strokes = |ops: &[Op]| -> Vec<Op> {
            ops.iter()
                .filter(|o| matches!(o, Op::Stroke { width, .. } if *width > 3.0))
                .cloned()
                .collect()
        };
        assert!(strokes(&none).is_empty());
        // Likelihood 1 is the bottom row: y from 320 to 400; 6 px outline.
        assert_eq!(
            strokes(&some),
            vec![Op::Stroke {
                rect: [3.0, 323.0, 74.0, 74.0],
                width: 6.0,
                colour: "#000000"
            }]
        );
    }

    /// What each cell shows after painting `ops` in order: the operations
    /// since it was last cleared to white (whole, or with the background).
    /// Valid because no other operation reaches outside its cell ([`inside`]).
    fn picture(size: Size, ops: &[Op]) -> std::collections::BTreeMap<Cell, Vec<Op>> {
        let g = Grid::new(size);
        let mut cells = std::collections::BTreeMap::<Cell, Vec<Op>>::new();
        for op in ops {
            if let Op::Fill { rect, colour } = op {
                assert_eq!(
                    colour == WHITE,
                    rect[2] >= g.w || g.cells(|_| true).iter().any(|(_, r)| r == rect)
                );
                if rect[2] == g.w {
                    cells.clear(); // the background
                    continue;
                }
                if let Some((c, _)) = g.cells(|_| true).into_iter().find(|(_, r)| r == rect) {
                    cells.remove(&c); // cleared to white, as at the start
                    continue;
                }
            }
            match g.cells(|c| inside(&g, c, op)).first() {
                Some((c, _)) => cells.entry(*c).or_default().push(op.clone()),
                None => assert!(matches!(op, Op::Text { .. }), "{op:?} outside every cell"),
            }
        }
        cells
    }

    /// Does `op` stay inside `cell` (a stroke with its width, text by its anchor)?
    fn inside(g: &Grid, cell: Cell, op: &Op) -> bool {
        let [x, y, w, h] = g.rect(cell);
        let within = |[a, b, c, d]: [f64; 4], pad: f64| {
            a - pad >= x && b - pad >= y && a + c + pad <= x + w && b + d + pad <= y + h
        };
        match op {
            Op::Fill { rect, .. } => within(*rect, 0.0),
            Op::Stroke { rect, width, .. } => within(*rect, width / 2.0),
            Op::Text { at, .. } => within([at.0, at.1, 0.0, 0.0], 0.0),
        }
    }

    #[test]
    fn changes_repaint_only_what_moved_and_end_as_a_full_drawing() {
        let scales = &embedded().scales;
        let mut a = [[0; 5]; 5];
        a[2][2] = 4;
        a[2][3] = 1;
        let mut b = a;
        b[2][2] = 3; // one pair moves from (3, 3) ...
        b[1][2] = 1; // ... to (2, 3)
        // (before, selected before, after, selected after, cells repainted)
        type Case = (Counts, Option<Cell>, Counts, Option<Cell>, usize);
        let cases: [Case; 7] = [
            (a, None, a, None, 0),
            (a, Some((3, 3)), a, Some((3, 3)), 0),
            (a, None, b, None, 2),
            (a, None, a, Some((5, 5)), 1),
            (a, Some((5, 5)), a, Some((1, 1)), 2),
            (a, Some((5, 5)), a, None, 1),
            // Cells move beside the selection: the selected cell is painted again too.
            (a, Some((3, 4)), b, Some((3, 4)), 3),
        ];
        for (before, sel_before, after, sel_after, moved) in cases {
            let ops = changes(SIZE, scales, (&before, sel_before), (&after, sel_after));
            let fills = ops.iter().filter(|o| matches!(o, Op::Fill { .. })).count();
            assert_eq!(
                fills,
                2 * moved,
                "{sel_before:?} -> {sel_after:?}: clear and colour"
            );
            let g = Grid::new(SIZE);
            for op in &ops {
                assert!(g.cells(|c| inside(&g, c, op)).len() == 1, "{op:?} spills");
            }
            let mut painted = drawing(SIZE, scales, &before, sel_before);
            painted.extend(ops);
            assert_eq!(
                picture(SIZE, &painted),
                picture(SIZE, &drawing(SIZE, scales, &after, sel_after)),
                "{sel_before:?} -> {sel_after:?}"
            );
        }
    }

    #[test]
    fn ink_is_black_on_light_and_white_on_dark() {
        assert_eq!(ink_on("#ffffcc"), "#000000");
        assert_eq!(ink_on("#08306b"), "#ffffff");
        assert_eq!(ink_on("not a colour"), "#000000");
    }
}
