//! JSON text to a [`Value`], refusing what `serde_json::from_str::<Value>`
//! lets through silently: a key given twice in one object (serde_json keeps
//! the last, so a hand-edited file could lose an answer without a word).
//!
//! ```
//! use thingrisk::store::json::{parse, JsonError};
//! assert!(parse(r#"{"a": 1}"#).is_ok());
//! let e = parse("{\"a\": 1,\n \"a\": 2}").unwrap_err();
//! assert_eq!(e, JsonError::DuplicateKey { key: "a".into(), line: 2, col: 4 });
//! ```

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;

/// Why a text is not JSON we accept; places are 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON: where the parser gave up.
    Syntax { line: usize, col: usize },
    /// One object names `key` twice; the place is the end of the second.
    DuplicateKey {
        key: String,
        line: usize,
        col: usize,
    },
}

/// Parses `text` as one JSON value with no duplicate keys.
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let duplicate = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Strict(&duplicate)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    parsed.map_err(|e| match duplicate.into_inner() {
        Some(key) => JsonError::DuplicateKey {
            key,
            line: e.line(),
            col: e.column(),
        },
        None => JsonError::Syntax {
            line: e.line(),
            col: e.column(),
        },
    })
}

/// Builds a [`Value`] like serde_json's own, noting the first duplicate key.
#[derive(Clone, Copy)]
struct Strict<'a>(&'a RefCell<Option<String>>);

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut list = Vec::new();
        while let Some(v) = seq.next_element_seed(self)? {
            list.push(v);
        }
        Ok(Value::Array(list))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) {
                self.0.replace(Some(key));
                return Err(de::Error::custom("duplicate key"));
            }
            let value = map.next_value_seed(self)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_serde_json() {
        let text = r#"{"a": [1, -2, 3.5, "x", null, true, {"b": {}}], "c": "é\n"}"#;
        assert_eq!(
            parse(text).unwrap(),
            serde_json::from_str::<Value>(text).unwrap()
        );
    }

    #[test]
    fn duplicates_are_caught_at_any_depth() {
        let e = parse(r#"{"h": [{"answers": {"q.a": "yes", "q.a": "no"}}]}"#).unwrap_err();
        assert!(matches!(e, JsonError::DuplicateKey { ref key, line: 1, .. } if key == "q.a"));
        // The same key in two objects is fine.
        assert!(parse(r#"[{"a": 1}, {"a": 2}]"#).is_ok());
    }

    #[test]
    fn syntax_errors_and_trailing_text_are_refused() {
        assert_eq!(
            parse("{\"a\": @}"),
            Err(JsonError::Syntax { line: 1, col: 7 })
        );
        assert!(matches!(parse("{} x"), Err(JsonError::Syntax { .. })));
        assert!(matches!(parse(""), Err(JsonError::Syntax { .. })));
    }
}
