//! Framework coverage: which units of each reference framework the catalog
//! cites (from scenarios, controls and risk sources), shown by `thingrisk
//! catalog stats`, and the rule that the required ones are all cited.

use super::Problem;
use super::model::*;
use super::search::Framework;
use super::validate::IdMap;
use super::validate::file::FRAMEWORKS;
use serde::Serialize;

/// Which units of one framework the catalog references.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct UnitCoverage {
    pub covered: Vec<String>,
    pub missing: Vec<String>,
}

/// Framework coverage: ETSI EN 303 645 by provision group ("5.1".."5.13",
/// "6"), the others by id, in the order of frameworks.toml. References count
/// from scenarios, controls and risk sources.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub etsi_en_303_645: UnitCoverage,
    pub owasp_iot_2018: UnitCoverage,
    pub nist_ir_8425: UnitCoverage,
    pub uk_psti: UnitCoverage,
    pub eu_cra: UnitCoverage,
    pub en_18031: UnitCoverage,
    pub iso_iec_27400: UnitCoverage,
}

/// The units each framework must have in frameworks.toml and the catalog must
/// all reference: 13 ETSI groups plus clause 6, OWASP I1..I10, the 10 NIST IR
/// 8425 outcomes, the 3 PSTI requirements, the 22 EU CRA Annex I requirements
/// (I-1, I-2a..I-2m, II-1..II-8) and the 14 EN 18031 mechanism families.
/// ISO/IEC 27400 is shown, not required.
pub const REQUIRED_UNITS: [(&str, usize); 6] = [
    ("etsi_en_303_645", 14),
    ("owasp_iot_2018", 10),
    ("nist_ir_8425", 10),
    ("uk_psti", 3),
    ("eu_cra", 22),
    ("en_18031", 14),
];

/// The ETSI EN 303 645 provision group of a provision id: "5.3-13" -> "5.3", "6-1" -> "6".
pub fn etsi_group(id: &str) -> &str {
    id.split_once('-').map_or(id, |(g, _)| g)
}

/// Which framework units the catalog references, and which it misses.
pub fn coverage(c: &Catalog) -> Coverage {
    let refs: Vec<&References> = c
        .scenarios
        .iter()
        .map(|s| &s.refs)
        .chain(c.controls.iter().map(|x| &x.refs))
        .collect();
    let cited = |field: fn(&References) -> &Vec<String>| {
        refs.iter()
            .flat_map(move |r| field(r).iter().map(String::as_str))
    };
    let sources = c.risk_sources.iter().map(|s| s.iso_27400.as_str());
    let f = &c.frameworks;
    fn same(id: &str) -> &str {
        id
    }
    Coverage {
        etsi_en_303_645: units(
            &f.etsi_en_303_645,
            etsi_group,
            cited(|r| &r.etsi_en_303_645),
        ),
        owasp_iot_2018: units(&f.owasp_iot_2018, same, cited(|r| &r.owasp_iot_2018)),
        nist_ir_8425: units(&f.nist_ir_8425, same, cited(|r| &r.nist_ir_8425)),
        uk_psti: units(&f.uk_psti, same, cited(|r| &r.uk_psti)),
        eu_cra: units(&f.eu_cra, same, cited(|r| &r.eu_cra)),
        en_18031: units(&f.en_18031, same, cited(|r| &r.en_18031)),
        iso_iec_27400: units(&f.iso_27400, same, cited(|r| &r.iso_27400).chain(sources)),
    }
}

/// Sorts the units of one framework's known ids (in list order, each once)
/// into covered and missing by the ids cited.
fn units<'a>(
    known: &[FrameworkId],
    unit: fn(&str) -> &str,
    cited: impl Iterator<Item = &'a str>,
) -> UnitCoverage {
    let mut names: Vec<&str> = Vec::new();
    let mut index: IdMap<usize> = IdMap::default();
    for x in known {
        let u = unit(&x.id);
        index.entry(u).or_insert_with(|| {
            names.push(u);
            names.len() - 1
        });
    }
    let mut hit = vec![false; names.len()];
    for r in cited {
        if let Some(&i) = index.get(unit(r)) {
            hit[i] = true;
        }
    }
    let mut out = UnitCoverage::default();
    for (u, h) in names.into_iter().zip(hit) {
        let side = if h {
            &mut out.covered
        } else {
            &mut out.missing
        };
        side.push(u.to_string());
    }
    out
}

/// The coverage rule: frameworks.toml lists every required unit and the
/// catalog references each at least once (see [`REQUIRED_UNITS`]).
pub fn coverage_problems(c: &Catalog) -> Vec<Problem> {
    let cov = coverage(c);
    let mut p = Vec::new();
    for (name, want) in REQUIRED_UNITS {
        let u = match name {
            "etsi_en_303_645" => &cov.etsi_en_303_645,
            "owasp_iot_2018" => &cov.owasp_iot_2018,
            "nist_ir_8425" => &cov.nist_ir_8425,
            "uk_psti" => &cov.uk_psti,
            "eu_cra" => &cov.eu_cra,
            _ => &cov.en_18031,
        };
        let have = u.covered.len() + u.missing.len();
        if have != want {
            let what = if name == "etsi_en_303_645" {
                "provision groups"
            } else {
                "ids"
            };
            p.push(Problem::new(
                FRAMEWORKS,
                Some(name),
                format!("lists {have} {what}; the framework has {want}"),
            ));
        }
        for m in &u.missing {
            p.push(Problem::new(
                FRAMEWORKS,
                Some(&format!("{name}/{m}")),
                "no scenario or control references it",
            ));
        }
    }
    p
}

/// The known-id lists of frameworks.toml, by their key there, in
/// [`Framework::ALL`] order (ISO/IEC 27400 first).
pub(crate) fn framework_lists(f: &Frameworks) -> [(&'static str, &[FrameworkId]); 7] {
    Framework::ALL.map(|x| (x.file_key(), x.known(f)))
}

/// The references of one scenario or control, by framework key, in the
/// same order.
pub(crate) fn ref_lists(r: &References) -> [(&'static str, &[String]); 7] {
    Framework::ALL.map(|x| (x.file_key(), x.ids(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etsi_groups() {
        assert_eq!(etsi_group("5.3-13"), "5.3");
        assert_eq!(etsi_group("5.13-1"), "5.13");
        assert_eq!(etsi_group("6-4"), "6");
        assert_eq!(etsi_group("6"), "6");
    }
}
