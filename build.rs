//! Turns the human-edited catalog (TOML) into compact JSON embedded in the
//! binary, so the app parses it with serde_json, which it needs anyway, and
//! ships no TOML parser. TOML syntax errors stop the build with the file name.

use std::{env, fs, path::Path};

fn main() {
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("catalog");
    fs::create_dir_all(&out).unwrap();
    println!("cargo:rerun-if-changed=catalog");
    let mut names: Vec<_> = fs::read_dir("catalog")
        .expect("the catalog/ folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    names.sort();
    for path in names {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).unwrap();
        let value: toml::Value = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
        let json = serde_json::to_string(&value).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        fs::write(out.join(format!("{name}.json")), json).unwrap();
    }
    minify_samples();
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
