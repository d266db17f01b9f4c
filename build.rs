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
}
