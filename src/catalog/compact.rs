//! The web app's copy of the bundled catalog: a compact binary form that
//! build.rs writes from the same files (see `Compact` there for the layout),
//! read here with a few lines per type. The JSON path ([`super::load`]) with
//! serde brings about 90 KB of deserializer code into the wasm; this reader
//! is a small fraction of that and its data is smaller too. Native builds
//! (the CLI, the tests) keep the JSON path, with its error messages; a test
//! checks that both give the same catalog.

use super::model::*;

/// The compact catalog; empty when the catalog files do not fit the model
/// (build.rs then warns, and `thingrisk catalog check` says why).
pub const EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog/catalog.bin"));

const BROKEN: &str = "the bundled catalog is broken: run `thingrisk catalog check`";

// Variants in declaration order, as build.rs numbers them.
const SOURCE_KINDS: [SourceKind; 4] = [
    SourceKind::Adversarial,
    SourceKind::Accidental,
    SourceKind::Structural,
    SourceKind::Environmental,
];
const CONDITION_SOURCES: [ConditionSource; 8] = [
    ConditionSource::Question,
    ConditionSource::SecondHand,
    ConditionSource::SupportEnded,
    ConditionSource::SupportEndingSoon,
    ConditionSource::UpdatesUnchecked,
    ConditionSource::Device,
    ConditionSource::SupportCurrent,
    ConditionSource::BoughtNew,
];
const AXES: [Axis; 2] = [Axis::Likelihood, Axis::Impact];
const THEMES: [Theme; 5] = [
    Theme::Privacy,
    Theme::Safety,
    Theme::Accounts,
    Theme::Lifecycle,
    Theme::Network,
];
const CONTROL_KINDS: [ControlKind; 3] = [
    ControlKind::Preventive,
    ControlKind::Detective,
    ControlKind::Corrective,
];
const STAKEHOLDERS: [Stakeholder; 3] = [
    Stakeholder::User,
    Stakeholder::Provider,
    Stakeholder::Developer,
];
const WHENS: [When; 3] = [When::Now, When::AtPurchase, When::VendorOnly];
const SCOPES: [Scope; 2] = [Scope::Device, Scope::Household];

/// Reads a compact catalog. Panics if `bytes` is not one (the bundled copy
/// is checked by the tests).
pub fn decode(bytes: &[u8]) -> Catalog {
    let mut r = Reader(bytes);
    let catalog = r.catalog();
    assert!(r.0.is_empty(), "{BROKEN}");
    catalog
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let (&b, rest) = self.0.split_first().expect(BROKEN);
        self.0 = rest;
        b
    }
    fn len(&mut self) -> usize {
        let (mut n, mut shift) = (0usize, 0);
        loop {
            let b = self.byte();
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
            shift += 7;
        }
    }
    /// UTF-8 up to a 0 byte (zeros compress better than lengths).
    fn str(&mut self) -> String {
        let n = self.0.iter().position(|&b| b == 0).expect(BROKEN);
        let (s, rest) = self.0.split_at(n);
        self.0 = &rest[1..];
        std::str::from_utf8(s).expect(BROKEN).to_owned()
    }
    fn f32(&mut self) -> f32 {
        f32::from_le_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }
    fn pick<T: Copy>(&mut self, all: &[T]) -> T {
        *all.get(usize::from(self.byte())).expect(BROKEN)
    }
    fn list<T>(&mut self, item: impl Fn(&mut Self) -> T) -> Vec<T> {
        let n = self.len();
        let mut v = Vec::with_capacity(n.min(self.0.len()));
        for _ in 0..n {
            v.push(item(self));
        }
        v
    }
    fn strs(&mut self) -> Vec<String> {
        self.list(Self::str)
    }
    fn opt_str(&mut self) -> Option<String> {
        (self.byte() == 1).then(|| self.str())
    }
    fn level(&mut self) -> Level {
        Level {
            value: self.byte(),
            name: self.str(),
            colour: self.str(),
        }
    }
    fn framework_ids(&mut self) -> Vec<FrameworkId> {
        self.list(|r| FrameworkId {
            id: r.str(),
            title: r.str(),
            not_for_capabilities: r.strs(),
            stakeholders: r.list(|r| r.pick(&STAKEHOLDERS)),
        })
    }
    fn applies_to(&mut self) -> AppliesTo {
        AppliesTo {
            categories: self.strs(),
            capabilities: self.strs(),
            except: self.strs(),
        }
    }
    fn refs(&mut self) -> References {
        References {
            iso_27400: self.strs(),
            etsi_en_303_645: self.strs(),
            nist_ir_8425: self.strs(),
            owasp_iot_2018: self.strs(),
            uk_psti: self.strs(),
            eu_cra: self.strs(),
            en_18031: self.strs(),
        }
    }
    fn scenario(&mut self) -> Scenario {
        Scenario {
            id: self.str(),
            title: self.str(),
            sources: self.strs(),
            event: self.str(),
            consequence: self.str(),
            story: self.str(),
            theme: self.pick(&THEMES),
            matters: self.list(|r| r.pick(&Matter::ALL)),
            likelihood: self.byte(),
            paths: self.list(|r| Path {
                id: r.str(),
                name: r.str(),
                likelihood: r.byte(),
            }),
            impact: Impact {
                information: self.byte(),
                privacy: self.byte(),
                safety: self.byte(),
                property: self.byte(),
            },
            applies_to: self.applies_to(),
            conditions: self.list(|r| ConditionEffect {
                condition: r.str(),
                likelihood: r.f32(),
                impact: r.f32(),
                dimension: (r.byte() == 1).then(|| r.pick(&Dimension::ALL)),
                path: r.opt_str(),
            }),
            treatments: self.list(|r| Treatment {
                control: r.str(),
                axis: r.pick(&AXES),
                strength: r.f32(),
                paths: r.strs(),
            }),
            refs: self.refs(),
        }
    }
    fn control(&mut self) -> Control {
        Control {
            id: self.str(),
            title: self.str(),
            summary: self.str(),
            kind: self.pick(&CONTROL_KINDS),
            stakeholder: self.pick(&STAKEHOLDERS),
            when: self.pick(&WHENS),
            scope: self.pick(&SCOPES),
            effort: self.byte(),
            steps: self.strs(),
            refs: self.refs(),
        }
    }
    fn catalog(&mut self) -> Catalog {
        Catalog {
            version: self.str(),
            scales: Scales {
                likelihood: self.list(Self::level),
                impact: self.list(Self::level),
                risk: self.list(Self::level),
                effort: self.list(Self::level),
                matrix: self.list(|r| r.list(Self::byte)),
            },
            frameworks: Frameworks {
                iso_27400: self.framework_ids(),
                etsi_en_303_645: self.framework_ids(),
                nist_ir_8425: self.framework_ids(),
                owasp_iot_2018: self.framework_ids(),
                uk_psti: self.framework_ids(),
                eu_cra: self.framework_ids(),
                en_18031: self.framework_ids(),
            },
            capabilities: self.list(|r| Capability {
                id: r.str(),
                name: r.str(),
                description: r.str(),
            }),
            device_categories: self.list(|r| DeviceCategory {
                id: r.str(),
                name: r.str(),
                icon: r.str(),
                description: r.str(),
                examples: r.strs(),
                capabilities: r.strs(),
            }),
            risk_sources: self.list(|r| RiskSource {
                id: r.str(),
                name: r.str(),
                description: r.str(),
                kind: r.pick(&SOURCE_KINDS),
                iso_27400: r.str(),
            }),
            conditions: self.list(|r| Condition {
                id: r.str(),
                name: r.str(),
                description: r.str(),
                source: r.pick(&CONDITION_SOURCES),
                applies_to: r.applies_to(),
                voids: r.strs(),
            }),
            scenarios: self.list(Self::scenario),
            controls: self.list(Self::control),
            questions: self.list(|r| Question {
                id: r.str(),
                text: r.str(),
                why: r.str(),
                scope: r.pick(&SCOPES),
                control: r.opt_str(),
                condition: r.opt_str(),
                applies_to: r.applies_to(),
                pick_devices: r.byte() == 1,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::load;

    #[test]
    fn the_compact_copy_is_the_same_catalog_as_the_json_files() {
        let json = load::parse(&load::EMBEDDED).expect("the bundled catalog parses");
        assert!(!EMBEDDED.is_empty(), "build.rs wrote the compact copy");
        // Catalog v2 (issue 21: five device categories, 13 scenarios, the
        // EU CRA and EN 18031 references) took it from 89758 to 125214 B:
        // growth is a decision, so the guard sits just above.
        assert!(EMBEDDED.len() < 127_000, "{} bytes", EMBEDDED.len());
        assert_eq!(decode(EMBEDDED), json);
    }

    #[test]
    fn a_cut_or_padded_copy_is_refused() {
        let cut = std::panic::catch_unwind(|| decode(&EMBEDDED[..EMBEDDED.len() - 1]));
        assert!(cut.is_err());
        let mut padded = EMBEDDED.to_vec();
        padded.push(0);
        assert!(std::panic::catch_unwind(|| decode(&padded)).is_err());
    }
}
