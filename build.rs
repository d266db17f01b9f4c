//! Turns the human-edited catalog (TOML) into compact JSON embedded in the
//! binary, so the app parses it with serde_json, which it needs anyway, and
//! ships no TOML parser. TOML syntax errors stop the build with the file name.

use std::{env, fs, path::Path};

fn main() {
    // The web app's wasm is cut at the lazy pages' split points (src/ui/lazy.rs)
    // by scripts/wasm-split, which needs wasm-ld's relocations kept in it. Only
    // the final link of the bins gets the flag: no RUSTFLAGS, so dependency
    // builds stay cached and Trunk needs no extra environment.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && env::var_os("CARGO_FEATURE_NOLAZY").is_none()
    {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("catalog");
    fs::create_dir_all(&out).unwrap();
    println!("cargo:rerun-if-changed=catalog");
    let mut names: Vec<_> = fs::read_dir("catalog")
        .expect("the catalog/ folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    let mut files = serde_json::Map::new();
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap();
        let value: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
        let json = serde_json::to_string(&value).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        fs::write(out.join(format!("{name}.json")), &json).unwrap();
        files.insert(name, serde_json::from_str(&json).unwrap());
    }
    // The web app's copy (see src/catalog/compact.rs). A file that does not
    // fit the model leaves it empty: `thingrisk catalog check` and the tests
    // then say what is wrong, in the JSON path's words.
    let mut w = Compact(Vec::new());
    if w.catalog(&files).is_none() {
        println!("cargo:warning=catalog/ does not fit the model: run `thingrisk catalog check`");
        w.0.clear();
    }
    fs::write(out.join("catalog.bin"), &w.0).unwrap();
    minify_samples();
}

type Value = serde_json::Value;

/// Writes the catalog in the compact form src/catalog/compact.rs reads:
/// every struct as its fields in declaration order, no names; list lengths
/// as LEB128; strings as UTF-8 and a 0 byte; u8 as one byte;
/// f32 as 4 little-endian bytes; an enum as its variant's index (one byte);
/// an Option as 0, or 1 and the value. A missing `#[serde(default)]` field
/// is written as its default. `None` when something does not fit.
struct Compact(Vec<u8>);

// Variant names in declaration order (src/catalog/model.rs).
const SOURCE_KINDS: &[&str] = &["adversarial", "accidental", "structural", "environmental"];
const CONDITION_SOURCES: &[&str] = &[
    "question",
    "second-hand",
    "support-ended",
    "support-ending-soon",
    "updates-unchecked",
    "device",
    "support-current",
    "bought-new",
];
const DIMENSIONS: &[&str] = &["information", "privacy", "safety", "property"];
const AXES: &[&str] = &["likelihood", "impact"];
const THEMES: &[&str] = &["privacy", "safety", "accounts", "lifecycle", "network"];
const MATTERS: &[&str] = &[
    "safety-and-property",
    "lifecycle-and-patching",
    "unmanaged-devices",
    "interoperability",
    "constrained-devices",
    "unforeseen-use",
    "changing-context",
];
const CONTROL_KINDS: &[&str] = &["preventive", "detective", "corrective"];
const STAKEHOLDERS: &[&str] = &["user", "provider", "developer"];
const WHENS: &[&str] = &["now", "at-purchase", "vendor-only"];
const SCOPES: &[&str] = &["device", "household"];
const FRAMEWORKS: [&str; 7] = [
    "iso_27400",
    "etsi_en_303_645",
    "nist_ir_8425",
    "owasp_iot_2018",
    "uk_psti",
    "eu_cra",
    "en_18031",
];
/// The frameworks.toml lists that may be left out (`#[serde(default)]`).
const OPTIONAL_FRAMEWORKS: [&str; 2] = ["eu_cra", "en_18031"];

impl Compact {
    fn len(&mut self, mut n: usize) {
        loop {
            let low = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }
    /// A string, then a 0 byte (so none may be inside).
    fn text(&mut self, s: &str) -> Option<()> {
        if s.contains('\0') {
            return None;
        }
        self.0.extend_from_slice(s.as_bytes());
        self.0.push(0);
        Some(())
    }
    /// A required string field.
    fn str(&mut self, o: &Value, key: &str) -> Option<()> {
        self.text(o.get(key)?.as_str()?)
    }
    /// A string field that defaults to "".
    fn str_or_empty(&mut self, o: &Value, key: &str) -> Option<()> {
        self.text(o.get(key).map_or(Some(""), Value::as_str)?)
    }
    fn opt_str(&mut self, o: &Value, key: &str) -> Option<()> {
        match o.get(key) {
            None => self.0.push(0),
            Some(v) => {
                self.0.push(1);
                self.text(v.as_str()?)?;
            }
        }
        Some(())
    }
    /// A bool field that defaults to false, as 0 or 1.
    fn flag(&mut self, o: &Value, key: &str) -> Option<()> {
        let b = match o.get(key) {
            None => false,
            Some(v) => v.as_bool()?,
        };
        self.0.push(u8::from(b));
        Some(())
    }
    fn byte(&mut self, v: &Value) -> Option<()> {
        self.0.push(u8::try_from(v.as_u64()?).ok()?);
        Some(())
    }
    fn u8(&mut self, o: &Value, key: &str) -> Option<()> {
        self.byte(o.get(key)?)
    }
    /// An f32 field that defaults to 0 (`required` when it has no default).
    fn f32(&mut self, o: &Value, key: &str, required: bool) -> Option<()> {
        let x = match o.get(key) {
            None if !required => 0.0,
            v => v?.as_f64()? as f32,
        };
        self.0.extend_from_slice(&x.to_le_bytes());
        Some(())
    }
    fn variant(&mut self, v: &Value, names: &[&str]) -> Option<()> {
        let s = v.as_str()?;
        self.0.push(names.iter().position(|n| *n == s)? as u8);
        Some(())
    }
    fn enum_field(&mut self, o: &Value, key: &str, names: &[&str]) -> Option<()> {
        self.variant(o.get(key)?, names)
    }
    /// A list field; `required` when it has no default (empty).
    fn list(
        &mut self,
        o: &Value,
        key: &str,
        required: bool,
        mut item: impl FnMut(&mut Self, &Value) -> Option<()>,
    ) -> Option<()> {
        let items = match o.get(key) {
            None if !required => &[][..],
            v => v?.as_array()?,
        };
        self.len(items.len());
        items.iter().try_for_each(|v| item(self, v))
    }
    fn strs(&mut self, o: &Value, key: &str, required: bool) -> Option<()> {
        self.list(o, key, required, |w, v| w.text(v.as_str()?))
    }
    fn level(&mut self, v: &Value) -> Option<()> {
        self.u8(v, "value")?;
        self.str(v, "name")?;
        self.str_or_empty(v, "colour")
    }
    fn applies_to(&mut self, o: &Value, key: &str, required: bool) -> Option<()> {
        match o.get(key) {
            None if !required => {
                self.len(0);
                self.len(0);
                self.len(0);
                Some(())
            }
            v => {
                let v = v?;
                self.strs(v, "categories", false)?;
                self.strs(v, "capabilities", false)?;
                self.strs(v, "except", false)
            }
        }
    }
    fn refs(&mut self, o: &Value) -> Option<()> {
        let empty = Value::Object(Default::default());
        let r = o.get("refs").unwrap_or(&empty);
        FRAMEWORKS.iter().try_for_each(|k| self.strs(r, k, false))
    }

    /// The whole catalog, from the files by stem, in `Catalog`'s field order.
    fn catalog(&mut self, files: &serde_json::Map<String, Value>) -> Option<()> {
        self.str(files.get("catalog")?, "version")?;
        let scales = files.get("scales")?;
        for key in ["likelihood", "impact", "risk", "effort"] {
            self.list(scales, key, true, Self::level)?;
        }
        self.list(scales, "matrix", true, |w, row| {
            let row = row.as_array()?;
            w.len(row.len());
            row.iter().try_for_each(|x| w.byte(x))
        })?;
        let frameworks = files.get("frameworks")?;
        for key in FRAMEWORKS {
            let required = !OPTIONAL_FRAMEWORKS.contains(&key);
            self.list(frameworks, key, required, |w, f| {
                w.str(f, "id")?;
                w.str(f, "title")?;
                w.strs(f, "not_for_capabilities", false)?;
                w.list(f, "stakeholders", false, |w, s| w.variant(s, STAKEHOLDERS))
            })?;
        }
        self.list(files.get("capabilities")?, "capability", true, |w, c| {
            w.str(c, "id")?;
            w.str(c, "name")?;
            w.str(c, "description")
        })?;
        self.list(files.get("devices")?, "device", true, |w, d| {
            w.str(d, "id")?;
            w.str(d, "name")?;
            w.str(d, "icon")?;
            w.str(d, "description")?;
            w.strs(d, "examples", false)?;
            w.strs(d, "capabilities", true)
        })?;
        self.list(files.get("sources")?, "source", true, |w, s| {
            w.str(s, "id")?;
            w.str(s, "name")?;
            w.str(s, "description")?;
            w.enum_field(s, "kind", SOURCE_KINDS)?;
            w.str(s, "iso_27400")
        })?;
        self.list(files.get("conditions")?, "condition", true, |w, c| {
            w.str(c, "id")?;
            w.str(c, "name")?;
            w.str(c, "description")?;
            match c.get("source") {
                None => w.0.push(0), // ConditionSource::Question
                Some(v) => w.variant(v, CONDITION_SOURCES)?,
            }
            w.applies_to(c, "applies_to", false)?;
            w.strs(c, "voids", false)
        })?;
        self.list(files.get("scenarios")?, "scenario", true, |w, s| {
            w.str(s, "id")?;
            w.str(s, "title")?;
            w.strs(s, "sources", true)?;
            w.str(s, "event")?;
            w.str(s, "consequence")?;
            w.str_or_empty(s, "story")?;
            w.enum_field(s, "theme", THEMES)?;
            w.list(s, "matters", false, |w, m| w.variant(m, MATTERS))?;
            w.u8(s, "likelihood")?;
            w.list(s, "paths", false, |w, p| {
                w.str(p, "id")?;
                w.str(p, "name")?;
                w.u8(p, "likelihood")
            })?;
            let impact = s.get("impact")?;
            for d in DIMENSIONS {
                w.u8(impact, d)?;
            }
            w.applies_to(s, "applies_to", true)?;
            w.list(s, "conditions", false, |w, c| {
                w.str(c, "condition")?;
                w.f32(c, "likelihood", false)?;
                w.f32(c, "impact", false)?;
                match c.get("dimension") {
                    None | Some(Value::Null) => w.0.push(0),
                    Some(d) => {
                        w.0.push(1);
                        w.variant(d, DIMENSIONS)?;
                    }
                }
                w.opt_str(c, "path")
            })?;
            w.list(s, "treatments", true, |w, t| {
                w.str(t, "control")?;
                w.enum_field(t, "axis", AXES)?;
                w.f32(t, "strength", true)?;
                w.strs(t, "paths", false)
            })?;
            w.refs(s)
        })?;
        self.list(files.get("controls")?, "control", true, |w, c| {
            w.str(c, "id")?;
            w.str(c, "title")?;
            w.str(c, "summary")?;
            w.enum_field(c, "kind", CONTROL_KINDS)?;
            w.enum_field(c, "stakeholder", STAKEHOLDERS)?;
            w.enum_field(c, "when", WHENS)?;
            w.enum_field(c, "scope", SCOPES)?;
            w.u8(c, "effort")?;
            w.strs(c, "steps", false)?;
            w.refs(c)
        })?;
        self.list(files.get("questions")?, "question", true, |w, q| {
            w.str(q, "id")?;
            w.str(q, "text")?;
            w.str(q, "why")?;
            w.enum_field(q, "scope", SCOPES)?;
            w.opt_str(q, "control")?;
            w.opt_str(q, "condition")?;
            w.applies_to(q, "applies_to", false)?;
            w.flag(q, "pick_devices")
        })
    }
}

/// The sample homes (samples/*.json, kept readable in the repo) without the
/// white space between tokens: the same JSON, keys in the same order, fewer
/// bytes in the web app.
fn minify_samples() {
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("samples");
    fs::create_dir_all(&out).unwrap();
    println!("cargo:rerun-if-changed=samples");
    for entry in fs::read_dir("samples").expect("the samples/ folder") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap();
        let mut min = String::with_capacity(text.len());
        let (mut in_string, mut escaped) = (false, false);
        for c in text.chars() {
            if in_string {
                min.push(c);
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
            } else if !c.is_ascii_whitespace() {
                in_string = c == '"';
                min.push(c);
            }
        }
        fs::write(out.join(path.file_name().unwrap()), min).unwrap();
    }
}
