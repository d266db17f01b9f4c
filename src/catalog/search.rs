//! Searching and filtering the catalog for the catalog browser: free text,
//! device category, impact dimension and framework.

use super::model::*;

/// A framework the catalog cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Framework {
    Iso27400,
    EtsiEn303645,
    NistIr8425,
    OwaspIot2018,
    UkPsti,
    EuCra,
    En18031,
}

impl Framework {
    pub const ALL: [Framework; 7] = [
        Framework::Iso27400,
        Framework::EtsiEn303645,
        Framework::NistIr8425,
        Framework::OwaspIot2018,
        Framework::UkPsti,
        Framework::EuCra,
        Framework::En18031,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Framework::Iso27400 => "iso-27400",
            Framework::EtsiEn303645 => "etsi-en-303-645",
            Framework::NistIr8425 => "nist-ir-8425",
            Framework::OwaspIot2018 => "owasp-iot-2018",
            Framework::UkPsti => "uk-psti",
            Framework::EuCra => "eu-cra",
            Framework::En18031 => "en-18031",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Framework::Iso27400 => "ISO/IEC 27400",
            Framework::EtsiEn303645 => "ETSI EN 303 645",
            Framework::NistIr8425 => "NIST IR 8425",
            Framework::OwaspIot2018 => "OWASP IoT Top 10 (2018)",
            Framework::UkPsti => "UK PSTI",
            Framework::EuCra => "EU Cyber Resilience Act",
            Framework::En18031 => "EN 18031",
        }
    }

    /// Its key in frameworks.toml and in a `refs` table.
    pub fn file_key(self) -> &'static str {
        match self {
            Framework::Iso27400 => "iso_27400",
            Framework::EtsiEn303645 => "etsi_en_303_645",
            Framework::NistIr8425 => "nist_ir_8425",
            Framework::OwaspIot2018 => "owasp_iot_2018",
            Framework::UkPsti => "uk_psti",
            Framework::EuCra => "eu_cra",
            Framework::En18031 => "en_18031",
        }
    }

    pub fn from_key(key: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The ids a reference list cites in this framework.
    pub fn ids(self, refs: &References) -> &[String] {
        match self {
            Framework::Iso27400 => &refs.iso_27400,
            Framework::EtsiEn303645 => &refs.etsi_en_303_645,
            Framework::NistIr8425 => &refs.nist_ir_8425,
            Framework::OwaspIot2018 => &refs.owasp_iot_2018,
            Framework::UkPsti => &refs.uk_psti,
            Framework::EuCra => &refs.eu_cra,
            Framework::En18031 => &refs.en_18031,
        }
    }

    /// The ids frameworks.toml lists for this framework, with their titles.
    pub fn known(self, f: &Frameworks) -> &[FrameworkId] {
        match self {
            Framework::Iso27400 => &f.iso_27400,
            Framework::EtsiEn303645 => &f.etsi_en_303_645,
            Framework::NistIr8425 => &f.nist_ir_8425,
            Framework::OwaspIot2018 => &f.owasp_iot_2018,
            Framework::UkPsti => &f.uk_psti,
            Framework::EuCra => &f.eu_cra,
            Framework::En18031 => &f.en_18031,
        }
    }
}

/// What the catalog browser filters by. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogFilter {
    /// Words that must all appear (case-insensitive) in the entry's text or ids.
    pub text: String,
    /// A device category id: scenarios that apply to it (by category or its
    /// default capabilities), controls that treat one of those.
    pub category: Option<String>,
    /// Scenarios whose impact on this dimension is High or Very high (>= 4),
    /// controls that treat one of those.
    pub dimension: Option<Dimension>,
    /// Entries citing this framework (a scenario also through its controls).
    pub framework: Option<Framework>,
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

fn all_refs(refs: &References) -> impl Iterator<Item = &String> {
    Framework::ALL
        .into_iter()
        .flat_map(move |f| f.ids(refs).iter())
}

/// The texts a scenario is searched in.
fn scenario_text(s: &Scenario) -> String {
    let mut t = format!(
        "{} {} {} {} {} {}",
        s.id,
        s.title,
        s.event,
        s.consequence,
        s.story,
        s.sources.join(" ")
    );
    for r in all_refs(&s.refs) {
        t.push(' ');
        t.push_str(r);
    }
    t.to_lowercase()
}

fn control_text(c: &Control) -> String {
    let mut t = format!("{} {} {} {}", c.id, c.title, c.summary, c.steps.join(" "));
    for r in all_refs(&c.refs) {
        t.push(' ');
        t.push_str(r);
    }
    t.to_lowercase()
}

impl CatalogFilter {
    fn scenario_matches(&self, catalog: &Catalog, s: &Scenario, text: &[String]) -> bool {
        let hay = scenario_text(s);
        if !text.iter().all(|w| hay.contains(w.as_str())) {
            return false;
        }
        if let Some(cat) = &self.category {
            let caps = catalog
                .device_categories
                .iter()
                .find(|c| &c.id == cat)
                .map(|c| c.capabilities.as_slice())
                .unwrap_or(&[]);
            if !s.applies_to.matches(cat, caps.iter().map(String::as_str)) {
                return false;
            }
        }
        if self.dimension.is_some_and(|d| s.impact.get(d) < 4) {
            return false;
        }
        if let Some(f) = self.framework {
            let own = !f.ids(&s.refs).is_empty();
            let via = s.treatments.iter().any(|t| {
                catalog
                    .control(&t.control)
                    .is_some_and(|c| !f.ids(&c.refs).is_empty())
            });
            if !own && !via {
                return false;
            }
        }
        true
    }

    /// The scenarios that pass, in catalog order.
    pub fn scenarios<'c>(&self, catalog: &'c Catalog) -> Vec<&'c Scenario> {
        let text = words(&self.text);
        catalog
            .scenarios
            .iter()
            .filter(|s| self.scenario_matches(catalog, s, &text))
            .collect()
    }

    /// The controls that pass, in catalog order.
    pub fn controls<'c>(&self, catalog: &'c Catalog) -> Vec<&'c Control> {
        let text = words(&self.text);
        let scoped = self.category.is_some() || self.dimension.is_some();
        // Scenario-side filters reach controls through what they treat.
        let relevant = CatalogFilter {
            text: String::new(),
            framework: None,
            ..self.clone()
        };
        let treated: Vec<&Scenario> = if scoped {
            relevant.scenarios(catalog)
        } else {
            Vec::new()
        };
        catalog
            .controls
            .iter()
            .filter(|c| {
                let hay = control_text(c);
                text.iter().all(|w| hay.contains(w.as_str()))
                    && self.framework.is_none_or(|f| !f.ids(&c.refs).is_empty())
                    && (!scoped
                        || treated
                            .iter()
                            .any(|s| s.treatments.iter().any(|t| t.control == c.id)))
            })
            .collect()
    }
}

impl Catalog {
    pub fn scenario(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }
    pub fn control(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|c| c.id == id)
    }
    pub fn condition(&self, id: &str) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.id == id)
    }
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    pub fn device_category(&self, id: &str) -> Option<&DeviceCategory> {
        self.device_categories.iter().find(|c| c.id == id)
    }
    // What people read for an id. Saved data may name ids this catalog no
    // longer has: those read as the id itself rather than as nothing.
    /// A scenario's title, or the id when the catalog does not know it.
    pub fn scenario_title(&self, id: &str) -> String {
        self.scenario(id)
            .map_or_else(|| id.to_string(), |s| s.title.clone())
    }
    /// A control's title, or the id when the catalog does not know it.
    pub fn control_title(&self, id: &str) -> String {
        self.control(id)
            .map_or_else(|| id.to_string(), |c| c.title.clone())
    }
    /// A condition's name, or the id when the catalog does not know it.
    pub fn condition_name(&self, id: &str) -> String {
        self.condition(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }
    /// A device category's name, or the id when the catalog does not know it.
    pub fn category_name(&self, id: &str) -> String {
        self.device_category(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }
    /// The scenarios a control treats, with the treatment.
    pub fn treated_by<'c>(&'c self, control: &str) -> Vec<(&'c Scenario, &'c Treatment)> {
        self.scenarios
            .iter()
            .flat_map(|s| {
                s.treatments
                    .iter()
                    .filter(|t| t.control == control)
                    .map(move |t| (s, t))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::embedded;

    #[test]
    fn empty_filter_keeps_everything() {
        let c = embedded();
        let f = CatalogFilter::default();
        assert_eq!(f.scenarios(c).len(), c.scenarios.len());
        assert_eq!(f.controls(c).len(), c.controls.len());
    }

    #[test]
    fn text_needs_every_word_in_any_case() {
        let c = embedded();
        let s = &c.scenarios[0];
        let word = s.title.split_whitespace().last().unwrap().to_uppercase();
        let f = CatalogFilter {
            text: format!("{word} {}", s.id),
            ..Default::default()
        };
        assert_eq!(
            f.scenarios(c).iter().map(|x| &x.id).collect::<Vec<_>>(),
            [&s.id]
        );
        let none = CatalogFilter {
            text: "zzqqxx".into(),
            ..Default::default()
        };
        assert!(none.scenarios(c).is_empty() && none.controls(c).is_empty());
        // Framework ids are searchable too.
        let psti = CatalogFilter {
            text: "5.1-1".into(),
            ..Default::default()
        };
        assert!(psti.controls(c).iter().all(|x| {
            x.refs.etsi_en_303_645.iter().any(|r| r.contains("5.1-1"))
                || control_text(x).contains("5.1-1")
        }));
        assert!(!psti.controls(c).is_empty());
    }

    #[test]
    fn category_dimension_and_framework_filters() {
        let c = embedded();
        let f = CatalogFilter {
            category: Some("dev.lock".into()),
            dimension: Some(Dimension::Safety),
            ..Default::default()
        };
        let scns = f.scenarios(c);
        assert!(!scns.is_empty());
        let lock = c
            .device_categories
            .iter()
            .find(|d| d.id == "dev.lock")
            .unwrap();
        for s in &scns {
            assert!(s.impact.safety >= 4);
            assert!(
                s.applies_to
                    .matches("dev.lock", lock.capabilities.iter().map(String::as_str))
            );
        }
        let ctls = f.controls(c);
        assert!(!ctls.is_empty());
        for ctl in &ctls {
            assert!(
                scns.iter()
                    .any(|s| s.treatments.iter().any(|t| t.control == ctl.id))
            );
        }
        let psti = CatalogFilter {
            framework: Some(Framework::UkPsti),
            ..Default::default()
        };
        let p = psti.controls(c);
        assert!(!p.is_empty() && p.iter().all(|x| !x.refs.uk_psti.is_empty()));
        assert!(p.len() < c.controls.len());
        for (f, ids) in [
            (
                Framework::EuCra,
                (|r| &r.eu_cra) as fn(&References) -> &Vec<String>,
            ),
            (Framework::En18031, |r| &r.en_18031),
        ] {
            let only = CatalogFilter {
                framework: Some(f),
                ..Default::default()
            };
            let p = only.controls(c);
            assert!(!p.is_empty() && p.iter().all(|x| !ids(&x.refs).is_empty()));
        }
    }

    #[test]
    fn framework_keys_round_trip() {
        for f in Framework::ALL {
            assert_eq!(Framework::from_key(f.key()), Some(f));
        }
        assert_eq!(Framework::from_key("nope"), None);
    }
}
