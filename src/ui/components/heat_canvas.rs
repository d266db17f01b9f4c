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
//! paint(&context, &ops);
//! ```

use super::heat_map::{Cell, Counts};
use crate::assess::rules::risk_level;
use crate::catalog::Scales;

/// Short names printed in the cells beside the colour.
const SHORT: [&str; 5] = ["VL", "L", "M", "H", "VH"];

/// Plot geometry as shares of the canvas: margins for the axis labels.
const LEFT: f64 = 0.14;
const BOTTOM: f64 = 0.14;

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
        /// Rotated a quarter turn anticlockwise (the vertical axis label).
        vertical: bool,
    },
}

/// The cell under a point of a `w` x `h` canvas (CSS pixels), or None outside the grid.
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

/// The whole map: background, the 25 cells with their level colour, count
/// and level abbreviation, the selection outline and the axis labels.
/// Operations that share a font come together, so painting sets each font once.
pub fn drawing(size: Size, scales: &Scales, counts: &Counts, selected: Option<Cell>) -> Vec<Op> {
    let dpr = size.dpr.max(1.0);
    let (pw, ph) = size.pixels();
    let (w, h) = (f64::from(pw), f64::from(ph));
    let gx = w * LEFT;
    let gh = h * (1.0 - BOTTOM);
    let (cw, ch) = ((w - gx) / 5.0, gh / 5.0);
    let font = |px: f64| format!("{}px sans-serif", (px * dpr).round() as u32);
    let big = (cw / dpr * 0.34).clamp(12.0, 26.0);
    let cells = || {
        (1..=5u8).flat_map(move |l| {
            (1..=5u8).map(move |i| {
                let x0 = gx + f64::from(i - 1) * cw;
                let y0 = f64::from(5 - l) * ch;
                (l, i, x0, y0)
            })
        })
    };
    let colour = |l, i| &scales.risk[usize::from(risk_level(scales, l, i)) - 1].colour;

    let mut ops = vec![Op::Fill {
        rect: [0.0, 0.0, w, h],
        colour: "#ffffff".into(),
    }];
    for (l, i, x0, y0) in cells() {
        ops.push(Op::Fill {
            rect: [x0, y0, cw, ch],
            colour: colour(l, i).clone(),
        });
    }
    for (_, _, x0, y0) in cells() {
        ops.push(Op::Stroke {
            rect: [x0, y0, cw, ch],
            width: (dpr * 1.5).floor().max(1.0),
            colour: "#ffffff",
        });
    }
    for (l, i, x0, y0) in cells() {
        let n = counts[usize::from(l) - 1][usize::from(i) - 1];
        ops.push(Op::Text {
            at: (x0 + cw / 2.0, y0 + ch / 2.0),
            text: if n == 0 { "·".into() } else { n.to_string() },
            font: font(big),
            colour: ink_on(colour(l, i)),
            align: Align::Centre,
            vertical: false,
        });
    }
    for (l, i, x0, y0) in cells() {
        ops.push(Op::Text {
            at: (x0 + 4.0 * dpr, y0 + 3.0 * dpr),
            text: SHORT[usize::from(risk_level(scales, l, i)) - 1].into(),
            font: font((big * 0.5).max(9.0)),
            colour: ink_on(colour(l, i)),
            align: Align::TopLeft,
            vertical: false,
        });
    }
    if let Some((l, i)) = selected {
        let (x0, y0) = (gx + f64::from(i - 1) * cw, f64::from(5 - l) * ch);
        let t = (3.0 * dpr).floor();
        let outer = [x0 + t / 2.0, y0 + t / 2.0, cw - t, ch - t];
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
            colour: "#ffffff",
        });
    }
    for (text, at, vertical) in [
        ("Impact →", ((gx + w) / 2.0, gh + (h - gh) / 2.0), false),
        ("Likelihood →", (gx / 2.0, gh / 2.0), true),
    ] {
        ops.push(Op::Text {
            at,
            text: text.into(),
            font: font(12.0),
            colour: "#000000",
            align: Align::Centre,
            vertical,
        });
    }
    ops
}

/// Puts `ops` on the context, setting font, colours and alignment only when
/// they change.
pub fn paint(ctx: &web_sys::CanvasRenderingContext2d, ops: &[Op]) {
    #[derive(Default)]
    struct Pen<'a> {
        fill: Option<&'a str>,
        stroke: Option<&'a str>,
        width: f64,
        font: Option<&'a str>,
        align: Option<Align>,
    }
    let mut pen = Pen::default();
    for op in ops {
        match op {
            Op::Fill { rect, colour } => {
                if pen.fill != Some(colour.as_str()) {
                    ctx.set_fill_style_str(colour);
                    pen.fill = Some(colour);
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
                vertical,
            } => {
                if pen.font != Some(font.as_str()) {
                    ctx.set_font(font);
                    pen.font = Some(font);
                }
                if pen.fill != Some(*colour) {
                    ctx.set_fill_style_str(colour);
                    pen.fill = Some(colour);
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
                if *vertical {
                    ctx.save();
                    let _ = ctx.translate(at.0, at.1);
                    let _ = ctx.rotate(-std::f64::consts::FRAC_PI_2);
                    let _ = ctx.fill_text(text, 0.0, 0.0);
                    ctx.restore();
                } else {
                    let _ = ctx.fill_text(text, at.0, at.1);
                }
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
                    vertical,
                } => Op::Text {
                    at: (r(at.0), r(at.1)),
                    text,
                    font,
                    colour,
                    align,
                    vertical,
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
    fn points_map_to_cells_and_margins_to_none() {
        // 200 x 200: grid from x = 28 to 200, y = 0 to 172; cells 34.4 wide and high.
        assert_eq!(cell_at(200.0, 200.0, 30.0, 1.0), Some((5, 1)));
        assert_eq!(cell_at(200.0, 200.0, 199.0, 171.0), Some((1, 5)));
        assert_eq!(cell_at(200.0, 200.0, 120.0, 90.0), Some((3, 3)));
        assert_eq!(cell_at(200.0, 200.0, 10.0, 90.0), None);
        assert_eq!(cell_at(200.0, 200.0, 120.0, 190.0), None);
    }

    #[test]
    fn every_cell_gets_its_matrix_colour_count_and_level() {
        let scales = &embedded().scales;
        let mut counts = [[0; 5]; 5];
        counts[4][0] = 7; // likelihood 5, impact 1: the top-left cell
        let ops = rounded(drawing(SIZE, scales, &counts, None));
        // Backing store 400 x 400; grid from x = 56; cells 68.8 x 68.8.
        assert_eq!(SIZE.pixels(), (400, 400));
        let top_left = scales.risk[usize::from(scales.matrix[4][0]) - 1]
            .colour
            .clone();
        assert!(ops.contains(&Op::Fill {
            rect: [56.0, 0.0, 68.8, 68.8],
            colour: top_left.clone()
        }));
        let fills = ops.iter().filter(|o| matches!(o, Op::Fill { .. })).count();
        assert_eq!(fills, 26, "background and 25 cells");
        let t = texts(&ops);
        assert_eq!(t.len(), 52, "count and level in 25 cells, two axis labels");
        assert_eq!(t.iter().filter(|(s, _)| *s == "7").count(), 1);
        assert_eq!(t.iter().filter(|(s, _)| *s == "·").count(), 24);
        assert!(ops.contains(&Op::Text {
            at: (90.4, 34.4),
            text: "7".into(),
            font: "24px sans-serif".into(),
            colour: ink_on(&top_left),
            align: Align::Centre,
            vertical: false,
        }));
        let level = SHORT[usize::from(scales.matrix[4][0]) - 1];
        assert!(t.contains(&(level, "18px sans-serif")));
    }

    #[test]
    fn fonts_change_only_between_groups() {
        let ops = drawing(SIZE, &embedded().scales, &[[3; 5]; 5], Some((2, 4)));
        let fonts: Vec<&str> = texts(&ops).iter().map(|(_, f)| *f).collect();
        let changes = fonts.windows(2).filter(|w| w[0] != w[1]).count();
        assert_eq!(changes, 2, "counts, then levels, then axis labels");
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
        // Likelihood 1 is the bottom row: y from 4 x 68.8 = 275.2; 6 px outline.
        assert_eq!(
            strokes(&some),
            vec![Op::Stroke {
                rect: [59.0, 278.2, 62.8, 62.8],
                width: 6.0,
                colour: "#000000"
            }]
        );
    }

    #[test]
    fn ink_is_black_on_light_and_white_on_dark() {
        assert_eq!(ink_on("#ffffcc"), "#000000");
        assert_eq!(ink_on("#08306b"), "#ffffff");
        assert_eq!(ink_on("not a colour"), "#000000");
    }
}
