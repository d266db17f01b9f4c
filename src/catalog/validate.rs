//! The content rules of the catalog. Every rule is one function below, named
//! for what it checks; [`validate`] runs them all and lists every problem with
//! the file and the id at fault, so `thingrisk catalog check` and the tests
//! report the same thing. The framework coverage rule lives in
//! [`super::coverage`], because `thingrisk catalog stats` shows it too.

use super::Problem;
use super::coverage::{coverage_problems, framework_lists, ref_lists};
use super::model::*;
use file::*;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The catalog file paths problems name (the same paths as `load::EMBEDDED`).
pub mod file {
    pub const META: &str = "catalog/catalog.toml";
    pub const SCALES: &str = "catalog/scales.toml";
    pub const FRAMEWORKS: &str = "catalog/frameworks.toml";
    pub const CAPABILITIES: &str = "catalog/capabilities.toml";
    pub const DEVICES: &str = "catalog/devices.toml";
    pub const SOURCES: &str = "catalog/sources.toml";
    pub const CONDITIONS: &str = "catalog/conditions.toml";
    pub const SCENARIOS: &str = "catalog/scenarios.toml";
    pub const CONTROLS: &str = "catalog/controls.toml";
    pub const QUESTIONS: &str = "catalog/questions.toml";
}

/// Levels of the likelihood, impact and risk scales (and the matrix size).
pub const LEVELS: u8 = 5;
/// Levels of the effort scale.
pub const EFFORT_LEVELS: u8 = 3;
/// Plain language: the longest a question may be.
pub const MAX_QUESTION_WORDS: usize = 25;
/// A device category with fewer applicable scenarios gives a thin assessment.
pub const MIN_SCENARIOS_PER_DEVICE: usize = 6;
/// A control the user carries out needs at least this many how-to steps.
pub const MIN_USER_STEPS: usize = 3;
/// The largest step a condition may move likelihood or impact by.
pub const MAX_CONDITION_STEP: f32 = (LEVELS - 1) as f32;

/// The condition sources the engine derives from device facts: each needs a
/// condition to carry it, and no question may set such a condition.
pub const DERIVED_SOURCES: [ConditionSource; 6] = [
    ConditionSource::SecondHand,
    ConditionSource::SupportEnded,
    ConditionSource::SupportEndingSoon,
    ConditionSource::UpdatesUnchecked,
    ConditionSource::SupportCurrent,
    ConditionSource::BoughtNew,
];
// Conditions of `source = "device"` are optional context, so not listed above.

/// Runs every content rule and the coverage rule; an empty list means the
/// catalog is good to ship.
pub fn validate(c: &Catalog) -> Vec<Problem> {
    let ix = Index::new(c);
    let mut p = Problems(Vec::new());
    version(c, &mut p);
    unique_ids(c, &mut p);
    id_prefixes(c, &mut p);
    required_text(c, &mut p);
    device_icons(c, &mut p);
    level_lists(&c.scales, &mut p);
    matrix(&c.scales, &mut p);
    known_framework_lists(&c.frameworks, &mut p);
    framework_refs(c, &mut p);
    framework_scope(c, &ix, &mut p);
    device_capabilities(c, &ix, &mut p);
    scenarios_per_device(c, &mut p);
    scenario_sources(c, &ix, &mut p);
    scenario_applies_to(c, &ix, &mut p);
    scenario_scales(c, &mut p);
    scenario_conditions(c, &ix, &mut p);
    scenario_treatments(c, &ix, &mut p);
    scenario_paths(c, &ix, &mut p);
    condition_context(c, &ix, &mut p);
    controls_treat_something(c, &mut p);
    control_effort(c, &mut p);
    user_control_steps(c, &mut p);
    question_target(c, &ix, &mut p);
    question_scope(c, &ix, &mut p);
    question_per_control(c, &mut p);
    question_words(c, &mut p);
    question_applies_to(c, &ix, &mut p);
    asked_conditions(c, &ix, &mut p);
    derived_conditions(c, &mut p);
    conditions_move_something(c, &mut p);
    matters_tagged(c, &mut p);
    p.0.extend(coverage_problems(c));
    p.0
}

/// Ids by kind, for resolving references.
struct Index<'a> {
    capabilities: IdSet<'a>,
    devices: IdSet<'a>,
    sources: IdSet<'a>,
    conditions: IdMap<'a, &'a Condition>,
    controls: IdMap<'a, &'a Control>,
}

impl<'a> Index<'a> {
    fn new(c: &'a Catalog) -> Self {
        Index {
            capabilities: c.capabilities.iter().map(|x| x.id.as_str()).collect(),
            devices: c.device_categories.iter().map(|x| x.id.as_str()).collect(),
            sources: c.risk_sources.iter().map(|x| x.id.as_str()).collect(),
            conditions: c.conditions.iter().map(|x| (x.id.as_str(), x)).collect(),
            controls: c.controls.iter().map(|x| (x.id.as_str(), x)).collect(),
        }
    }
}

/// The problems found so far.
struct Problems(Vec<Problem>);

impl Problems {
    /// A problem with one entry of a file.
    fn at(&mut self, file: &str, id: &str, message: impl Into<String>) {
        self.0.push(Problem::new(file, Some(id), message));
    }
    /// A problem with a file as a whole.
    fn whole(&mut self, file: &str, message: impl Into<String>) {
        self.0.push(Problem::new(file, None, message));
    }
}

/// A set of catalog ids.
pub(crate) type IdSet<'a> = HashSet<&'a str, BuildHasherDefault<IdHasher>>;
/// A map keyed by catalog ids.
pub(crate) type IdMap<'a, V> = HashMap<&'a str, V, BuildHasherDefault<IdHasher>>;

/// A word-at-a-time multiplicative hash (as rustc's FxHash). Catalog ids are
/// short and come from our own files, so the flooding-resistant default
/// (SipHash) buys nothing here, and profiling showed it was over half of
/// [`validate`]'s time.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            self.add(u64::from_le_bytes(w.try_into().expect("8 bytes")));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
}

/// Every id of the catalog, by file and kind prefix.
fn all_ids(c: &Catalog) -> [(&'static str, &'static str, Vec<&str>); 7] {
    fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<&str> {
        items.iter().map(id).collect()
    }
    [
        (CAPABILITIES, "cap.", ids(&c.capabilities, |x| &x.id)),
        (DEVICES, "dev.", ids(&c.device_categories, |x| &x.id)),
        (SOURCES, "src.", ids(&c.risk_sources, |x| &x.id)),
        (CONDITIONS, "cond.", ids(&c.conditions, |x| &x.id)),
        (SCENARIOS, "scn.", ids(&c.scenarios, |x| &x.id)),
        (CONTROLS, "ctl.", ids(&c.controls, |x| &x.id)),
        (QUESTIONS, "q.", ids(&c.questions, |x| &x.id)),
    ]
}

/// The catalog version is MAJOR.MINOR.PATCH, so saved files can name it.
fn version(c: &Catalog, p: &mut Problems) {
    let parts: Vec<&str> = c.version.split('.').collect();
    let ok = parts.len() == 3
        && parts
            .iter()
            .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    if !ok {
        p.at(
            META,
            "version",
            format!("version {:?} is not MAJOR.MINOR.PATCH", c.version),
        );
    }
}

/// Ids are unique within their file (prefixes keep kinds apart).
fn unique_ids(c: &Catalog, p: &mut Problems) {
    for (path, _, ids) in all_ids(c) {
        let mut seen = IdSet::default();
        for id in ids {
            if !seen.insert(id) {
                p.at(path, id, "duplicate id");
            }
        }
    }
}

/// Ids carry their kind prefix and are lowercase words joined by hyphens
/// (`scn.camera-feed-exposed`), so they stay stable and readable in saved files.
fn id_prefixes(c: &Catalog, p: &mut Problems) {
    for (path, prefix, ids) in all_ids(c) {
        for id in ids {
            let rest = id.strip_prefix(prefix);
            let ok = rest.is_some_and(|r| {
                !r.is_empty()
                    && !r.starts_with('-')
                    && !r.ends_with('-')
                    && r.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            });
            if !ok {
                p.at(
                    path,
                    id,
                    format!("id must be {prefix:?} followed by lowercase words joined by hyphens"),
                );
            }
        }
    }
}

/// Every device category names an icon the app can draw (catalog/icons.rs).
fn device_icons(c: &Catalog, p: &mut Problems) {
    for d in &c.device_categories {
        if !d.icon.trim().is_empty() && super::icons::icon_path(&d.icon).is_none() {
            let known: Vec<&str> = super::icons::ICONS.iter().map(|(n, _)| *n).collect();
            p.at(
                DEVICES,
                &d.id,
                format!("icon {:?} is not one of {}", d.icon, known.join(", ")),
            );
        }
    }
}

/// Names, titles, descriptions and help texts are never blank.
fn required_text(c: &Catalog, p: &mut Problems) {
    let mut check = |path: &str, id: &str, fields: &[(&str, &str)]| {
        for (name, text) in fields {
            if text.trim().is_empty() {
                p.at(path, id, format!("{name} is empty"));
            }
        }
    };
    for x in &c.capabilities {
        check(
            CAPABILITIES,
            &x.id,
            &[("name", &x.name), ("description", &x.description)],
        );
    }
    for x in &c.device_categories {
        check(
            DEVICES,
            &x.id,
            &[
                ("name", &x.name),
                ("icon", &x.icon),
                ("description", &x.description),
            ],
        );
    }
    for x in &c.risk_sources {
        check(
            SOURCES,
            &x.id,
            &[("name", &x.name), ("description", &x.description)],
        );
    }
    for x in &c.conditions {
        check(
            CONDITIONS,
            &x.id,
            &[("name", &x.name), ("description", &x.description)],
        );
    }
    for x in &c.scenarios {
        check(
            SCENARIOS,
            &x.id,
            &[
                ("title", &x.title),
                ("event", &x.event),
                ("consequence", &x.consequence),
            ],
        );
    }
    for x in &c.controls {
        check(
            CONTROLS,
            &x.id,
            &[("title", &x.title), ("summary", &x.summary)],
        );
        for step in &x.steps {
            check(CONTROLS, &x.id, &[("a step", step)]);
        }
    }
    for x in &c.questions {
        check(QUESTIONS, &x.id, &[("text", &x.text), ("why", &x.why)]);
    }
}

/// Each scale lists its levels 1..n once, in order, with names; risk levels
/// also carry a #rrggbb colour for the heat maps.
fn level_lists(s: &Scales, p: &mut Problems) {
    let lists = [
        ("likelihood", &s.likelihood, LEVELS),
        ("impact", &s.impact, LEVELS),
        ("risk", &s.risk, LEVELS),
        ("effort", &s.effort, EFFORT_LEVELS),
    ];
    for (name, levels, n) in lists {
        let values: Vec<u8> = levels.iter().map(|l| l.value).collect();
        let want: Vec<u8> = (1..=n).collect();
        if values != want {
            p.at(
                SCALES,
                name,
                format!("levels must be {want:?} in order, found {values:?}"),
            );
        }
        for l in levels.iter().filter(|l| l.name.trim().is_empty()) {
            p.at(SCALES, name, format!("level {} has no name", l.value));
        }
    }
    for l in &s.risk {
        let c = l.colour.as_bytes();
        if !(c.len() == 7 && c[0] == b'#' && c[1..].iter().all(u8::is_ascii_hexdigit)) {
            p.at(
                SCALES,
                "risk",
                format!("level {} colour {:?} is not #rrggbb", l.value, l.colour),
            );
        }
    }
}

/// The risk matrix is 5x5 with levels 1..5, never lowers the risk when
/// likelihood or impact goes up, and lets Very high likelihood count: its row
/// rises above the High row somewhere (a near-certain compromise is not rated
/// as a merely likely one).
fn matrix(s: &Scales, p: &mut Problems) {
    let n = LEVELS as usize;
    let m = &s.matrix;
    if m.len() != n || m.iter().any(|row| row.len() != n) {
        let shape: Vec<usize> = m.iter().map(Vec::len).collect();
        p.at(
            SCALES,
            "matrix",
            format!("must be {n} rows of {n}, found rows of {shape:?}"),
        );
        return;
    }
    for (i, row) in m.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let at = format!("[likelihood {}][impact {}]", i + 1, j + 1);
            if !(1..=LEVELS).contains(&v) {
                p.at(
                    SCALES,
                    "matrix",
                    format!("{at} = {v} is outside 1..{LEVELS}"),
                );
            }
            if i > 0 && v < m[i - 1][j] {
                p.at(
                    SCALES,
                    "matrix",
                    format!("{at} = {v} is lower than at likelihood {i}"),
                );
            }
            if j > 0 && v < row[j - 1] {
                p.at(
                    SCALES,
                    "matrix",
                    format!("{at} = {v} is lower than at impact {j}"),
                );
            }
        }
    }
    let (high, very_high) = (&m[n - 2], &m[n - 1]);
    if very_high.iter().zip(high).all(|(vh, h)| vh <= h) {
        p.at(
            SCALES,
            "matrix",
            "the Very high likelihood row never rises above the High row: a near-certain compromise would count no more than a likely one",
        );
    }
}

/// The known framework ids: each list non-empty, no id twice, every id titled.
fn known_framework_lists(f: &Frameworks, p: &mut Problems) {
    for (name, list) in framework_lists(f) {
        if list.is_empty() {
            p.at(FRAMEWORKS, name, "lists no ids");
        }
        let mut seen = IdSet::default();
        for x in list {
            if !seen.insert(x.id.as_str()) {
                p.at(FRAMEWORKS, &x.id, format!("duplicate {name} id"));
            }
            if x.title.trim().is_empty() {
                p.at(FRAMEWORKS, &x.id, format!("{name} id has no title"));
            }
        }
    }
}

/// Every framework reference (scenario and control refs, a source's ISO
/// clause) is an id listed in frameworks.toml; a source cites clause 6.
fn framework_refs(c: &Catalog, p: &mut Problems) {
    // Known ids per framework, in the order ref_lists uses too.
    let known: [IdSet; 7] = framework_lists(&c.frameworks)
        .map(|(_, list)| list.iter().map(|x| x.id.as_str()).collect());
    let mut check = |path: &str, id: &str, refs: &References| {
        for ((name, ids), known) in ref_lists(refs).into_iter().zip(&known) {
            for r in ids {
                if !known.contains(r.as_str()) {
                    p.at(path, id, format!("unknown {name} id {r:?}"));
                }
            }
        }
    };
    for s in &c.scenarios {
        check(SCENARIOS, &s.id, &s.refs);
    }
    for x in &c.controls {
        check(CONTROLS, &x.id, &x.refs);
    }
    let known_iso = &known[0]; // iso_27400 comes first in framework_lists
    for s in &c.risk_sources {
        if !known_iso.contains(s.iso_27400.as_str()) {
            p.at(
                SOURCES,
                &s.id,
                format!("unknown iso_27400 id {:?}", s.iso_27400),
            );
        } else if !s.iso_27400.starts_with("6.") {
            p.at(
                SOURCES,
                &s.id,
                format!("iso_27400 {:?} is not a clause 6 risk source", s.iso_27400),
            );
        }
    }
}

/// The scope a framework id declares in frameworks.toml holds:
/// `not_for_capabilities` names known capabilities, and no scenario whose
/// `applies_to` names one of them cites the id, nor a control all of whose
/// scenarios do; a control citing ids of a framework cites at least one whose
/// `stakeholders` include its own (an id without the field fits anyone).
fn framework_scope(c: &Catalog, ix: &Index, p: &mut Problems) {
    let lists = framework_lists(&c.frameworks);
    let known: Vec<IdMap<&FrameworkId>> = lists
        .iter()
        .map(|(_, list)| list.iter().map(|x| (x.id.as_str(), x)).collect())
        .collect();
    for (name, list) in &lists {
        for x in list.iter() {
            for cap in &x.not_for_capabilities {
                if !ix.capabilities.contains(cap.as_str()) {
                    p.at(
                        FRAMEWORKS,
                        &x.id,
                        format!("{name} not_for_capabilities names unknown capability {cap:?}"),
                    );
                }
            }
        }
    }
    // The cited ids of one refs list that are not for a device with any of `caps`.
    let excluded = |refs: &References, caps: &dyn Fn(&str) -> bool| {
        let mut out = Vec::new();
        for ((name, ids), known) in ref_lists(refs).into_iter().zip(&known) {
            for r in ids {
                let Some(f) = known.get(r.as_str()) else {
                    continue;
                };
                if let Some(cap) = f.not_for_capabilities.iter().find(|cap| caps(cap)) {
                    out.push(format!("{name} {r:?} is not for devices with {cap:?}"));
                }
            }
        }
        out
    };
    for s in &c.scenarios {
        let names = |cap: &str| s.applies_to.capabilities.iter().any(|x| x == cap);
        for why in excluded(&s.refs, &names) {
            p.at(
                SCENARIOS,
                &s.id,
                format!("cites {why}, which its applies_to names"),
            );
        }
    }
    for x in &c.controls {
        let treated: Vec<&Scenario> = c
            .scenarios
            .iter()
            .filter(|s| s.treatments.iter().any(|t| t.control == x.id))
            .collect();
        if !treated.is_empty() {
            let all_name = |cap: &str| {
                treated
                    .iter()
                    .all(|s| s.applies_to.capabilities.iter().any(|x| x == cap))
            };
            for why in excluded(&x.refs, &all_name) {
                p.at(
                    CONTROLS,
                    &x.id,
                    format!("cites {why}, which every scenario it treats names"),
                );
            }
        }
        for ((name, ids), known) in ref_lists(&x.refs).into_iter().zip(&known) {
            let fits = |r: &String| {
                known.get(r.as_str()).is_none_or(|f| {
                    f.stakeholders.is_empty() || f.stakeholders.contains(&x.stakeholder)
                })
            };
            if !ids.is_empty() && !ids.iter().any(fits) {
                let who = x.stakeholder.name();
                p.at(
                    CONTROLS,
                    &x.id,
                    format!(
                        "cites only {name} ids for other stakeholders ({}); cite one that addresses the {who} too",
                        ids.join(", ")
                    ),
                );
            }
        }
    }
}

/// A device category's default capabilities exist.
fn device_capabilities(c: &Catalog, ix: &Index, p: &mut Problems) {
    for d in &c.device_categories {
        for cap in &d.capabilities {
            if !ix.capabilities.contains(cap.as_str()) {
                p.at(DEVICES, &d.id, format!("unknown capability {cap:?}"));
            }
        }
    }
}

/// The scenarios that apply to a device of this category with its default capabilities.
pub fn scenarios_for<'a>(c: &'a Catalog, d: &DeviceCategory) -> impl Iterator<Item = &'a Scenario> {
    let id = d.id.clone();
    let caps = d.capabilities.clone();
    c.scenarios
        .iter()
        .filter(move |s| s.applies_to.matches(&id, caps.iter().map(String::as_str)))
}

/// Every device category gets a real assessment: enough scenarios apply to it.
fn scenarios_per_device(c: &Catalog, p: &mut Problems) {
    for d in &c.device_categories {
        let n = scenarios_for(c, d).count();
        if n < MIN_SCENARIOS_PER_DEVICE {
            p.at(
                DEVICES,
                &d.id,
                format!(
                    "only {} {}; at least {MIN_SCENARIOS_PER_DEVICE} are needed",
                    crate::plural::plural(n, "scenario", "scenarios"),
                    crate::plural::noun(n, "applies", "apply")
                ),
            );
        }
    }
}

/// A scenario names at least one risk source, and each exists.
fn scenario_sources(c: &Catalog, ix: &Index, p: &mut Problems) {
    for s in &c.scenarios {
        if s.sources.is_empty() {
            p.at(SCENARIOS, &s.id, "names no risk source");
        }
        for src in &s.sources {
            if !ix.sources.contains(src.as_str()) {
                p.at(SCENARIOS, &s.id, format!("unknown risk source {src:?}"));
            }
        }
    }
}

/// The categories and capabilities an `applies_to` names exist, and it
/// does not except a category it lists.
fn applies_to_refs(a: &AppliesTo, ix: &Index, path: &str, id: &str, p: &mut Problems) {
    for d in &a.categories {
        if !ix.devices.contains(d.as_str()) {
            p.at(
                path,
                id,
                format!("applies_to names unknown device category {d:?}"),
            );
        }
    }
    for cap in &a.capabilities {
        if !ix.capabilities.contains(cap.as_str()) {
            p.at(
                path,
                id,
                format!("applies_to names unknown capability {cap:?}"),
            );
        }
    }
    for d in &a.except {
        if !ix.devices.contains(d.as_str()) {
            p.at(
                path,
                id,
                format!("applies_to.except names unknown device category {d:?}"),
            );
        } else if a.categories.contains(d) {
            p.at(
                path,
                id,
                format!("applies_to both lists and excepts device category {d:?}"),
            );
        }
    }
}

/// A scenario's applies_to ids exist, and at least one device category
/// (with its default capabilities) matches it.
fn scenario_applies_to(c: &Catalog, ix: &Index, p: &mut Problems) {
    for s in &c.scenarios {
        applies_to_refs(&s.applies_to, ix, SCENARIOS, &s.id, p);
        let any = c.device_categories.iter().any(|d| {
            s.applies_to
                .matches(&d.id, d.capabilities.iter().map(String::as_str))
        });
        if !any {
            p.at(SCENARIOS, &s.id, "applies to no device category");
        }
    }
}

/// Base likelihood and every impact dimension are on the 1..5 scale.
fn scenario_scales(c: &Catalog, p: &mut Problems) {
    let range = 1..=LEVELS;
    for s in &c.scenarios {
        if !range.contains(&s.likelihood) {
            p.at(
                SCENARIOS,
                &s.id,
                format!("likelihood {} is outside 1..{LEVELS}", s.likelihood),
            );
        }
        for d in Dimension::ALL {
            let v = s.impact.get(d);
            if !range.contains(&v) {
                p.at(
                    SCENARIOS,
                    &s.id,
                    format!("{} impact {v} is outside 1..{LEVELS}", d.name()),
                );
            }
        }
    }
}

/// A scenario's condition effects name known conditions, once each per
/// dimension and path, and move likelihood or impact by a step within the
/// scale; a `path` names one of the scenario's paths and goes with a
/// likelihood step.
fn scenario_conditions(c: &Catalog, ix: &Index, p: &mut Problems) {
    for s in &c.scenarios {
        let mut seen = Vec::new();
        for e in &s.conditions {
            let cond = e.condition.as_str();
            if !ix.conditions.contains_key(cond) {
                p.at(SCENARIOS, &s.id, format!("unknown condition {cond:?}"));
            }
            let key = (cond, e.dimension, e.path.as_deref());
            if seen.contains(&key) {
                p.at(
                    SCENARIOS,
                    &s.id,
                    format!("condition {cond:?} is listed twice for the same dimension and path"),
                );
            }
            seen.push(key);
            if let Some(path) = &e.path {
                if !s.paths.iter().any(|x| &x.id == path) {
                    p.at(
                        SCENARIOS,
                        &s.id,
                        format!("condition {cond:?} names unknown path {path:?}"),
                    );
                }
                if e.likelihood == 0.0 {
                    p.at(
                        SCENARIOS,
                        &s.id,
                        format!("condition {cond:?} names a path but no likelihood step"),
                    );
                }
            }
            for (axis, step) in [("likelihood", e.likelihood), ("impact", e.impact)] {
                if !step.is_finite() || step.abs() > MAX_CONDITION_STEP {
                    p.at(
                        SCENARIOS,
                        &s.id,
                        format!(
                            "condition {cond:?} {axis} step {step} is outside ±{MAX_CONDITION_STEP}"
                        ),
                    );
                }
            }
            if e.likelihood == 0.0 && e.impact == 0.0 {
                p.at(
                    SCENARIOS,
                    &s.id,
                    format!("condition {cond:?} moves neither likelihood nor impact"),
                );
            }
            if e.dimension.is_some() && e.impact == 0.0 {
                p.at(
                    SCENARIOS,
                    &s.id,
                    format!("condition {cond:?} names a dimension but no impact step"),
                );
            }
        }
    }
}

/// A scenario is treated by at least one control; each treatment names a
/// known control, once, with a strength in (0, 1].
fn scenario_treatments(c: &Catalog, ix: &Index, p: &mut Problems) {
    for s in &c.scenarios {
        if s.treatments.is_empty() {
            p.at(SCENARIOS, &s.id, "no control treats it");
        }
        let mut seen = IdSet::default();
        for t in &s.treatments {
            let ctl = t.control.as_str();
            if !ix.controls.contains_key(ctl) {
                p.at(SCENARIOS, &s.id, format!("unknown control {ctl:?}"));
            }
            if !seen.insert(ctl) {
                p.at(SCENARIOS, &s.id, format!("control {ctl:?} is listed twice"));
            }
            if !(t.strength > 0.0 && t.strength <= 1.0) {
                p.at(
                    SCENARIOS,
                    &s.id,
                    format!("control {ctl:?} strength {} is outside (0, 1]", t.strength),
                );
            }
            for path in &t.paths {
                if !s.paths.iter().any(|x| &x.id == path) {
                    p.at(
                        SCENARIOS,
                        &s.id,
                        format!("control {ctl:?} names unknown path {path:?}"),
                    );
                }
            }
            if !t.paths.is_empty() && t.axis != Axis::Likelihood {
                p.at(
                    SCENARIOS,
                    &s.id,
                    format!(
                        "control {ctl:?} names paths but lowers impact, which every path shares"
                    ),
                );
            }
        }
    }
}

/// A scenario's paths: none, or two to `MAX_PATHS`, with unique ids, a
/// name, a likelihood on the scale, and a control a person can carry out
/// that stops each (else nothing the household does lowers that way in).
fn scenario_paths(c: &Catalog, ix: &Index, p: &mut Problems) {
    for s in &c.scenarios {
        if s.paths.len() == 1 || s.paths.len() > MAX_PATHS {
            p.at(
                SCENARIOS,
                &s.id,
                format!("{} paths: list none, or 2 to {MAX_PATHS}", s.paths.len()),
            );
        }
        let mut seen = IdSet::default();
        for x in &s.paths {
            if !seen.insert(x.id.as_str()) {
                p.at(SCENARIOS, &s.id, format!("path {:?} is listed twice", x.id));
            }
            if x.name.trim().is_empty() {
                p.at(SCENARIOS, &s.id, format!("path {:?} has no name", x.id));
            }
            if !(1..=LEVELS).contains(&x.likelihood) {
                p.at(
                    SCENARIOS,
                    &s.id,
                    format!(
                        "path {:?} likelihood {} is outside 1..{LEVELS}",
                        x.id, x.likelihood
                    ),
                );
            }
            let stopped = s.treatments.iter().any(|t| {
                t.axis == Axis::Likelihood
                    && (t.paths.is_empty() || t.paths.contains(&x.id))
                    && ix
                        .controls
                        .get(t.control.as_str())
                        .is_some_and(|ctl| ctl.stakeholder == Stakeholder::User)
            });
            if !stopped {
                p.at(
                    SCENARIOS,
                    &s.id,
                    format!("no control a person can carry out stops path {:?}", x.id),
                );
            }
        }
    }
}

/// Conditions worked out from the kind of device say which devices; only
/// derived conditions void controls, and they name known controls.
fn condition_context(c: &Catalog, ix: &Index, p: &mut Problems) {
    for x in &c.conditions {
        let device = x.source == ConditionSource::Device;
        if device && x.applies_to.includes_nothing() {
            p.at(
                CONDITIONS,
                &x.id,
                "source is device but applies_to lists no category or capability",
            );
        }
        if !device && !x.applies_to.is_empty() {
            p.at(
                CONDITIONS,
                &x.id,
                "applies_to is only for source = \"device\"",
            );
        }
        if device {
            applies_to_refs(&x.applies_to, ix, CONDITIONS, &x.id, p);
        }
        if !x.voids.is_empty() && x.source == ConditionSource::Question {
            p.at(
                CONDITIONS,
                &x.id,
                "only a condition derived from device facts may void controls",
            );
        }
        for ctl in &x.voids {
            if !ix.controls.contains_key(ctl.as_str()) {
                p.at(CONDITIONS, &x.id, format!("voids unknown control {ctl:?}"));
            }
        }
    }
}

/// Every control treats at least one scenario (a control that treats no risk
/// is advice without a reason).
fn controls_treat_something(c: &Catalog, p: &mut Problems) {
    let used: IdSet = c
        .scenarios
        .iter()
        .flat_map(|s| s.treatments.iter().map(|t| t.control.as_str()))
        .collect();
    for x in c.controls.iter().filter(|x| !used.contains(x.id.as_str())) {
        p.at(CONTROLS, &x.id, "treats no scenario");
    }
}

/// Effort is on the effort scale.
fn control_effort(c: &Catalog, p: &mut Problems) {
    for x in c
        .controls
        .iter()
        .filter(|x| !(1..=EFFORT_LEVELS).contains(&x.effort))
    {
        p.at(
            CONTROLS,
            &x.id,
            format!("effort {} is outside 1..{EFFORT_LEVELS}", x.effort),
        );
    }
}

/// Plain language: a control the user carries out says how, step by step.
fn user_control_steps(c: &Catalog, p: &mut Problems) {
    for x in c
        .controls
        .iter()
        .filter(|x| x.stakeholder == Stakeholder::User)
    {
        if x.steps.len() < MIN_USER_STEPS {
            p.at(
                CONTROLS,
                &x.id,
                format!(
                    "a user control needs at least {MIN_USER_STEPS} how-to steps, has {}",
                    x.steps.len()
                ),
            );
        }
    }
}

/// A question sets exactly one control or one condition, and it exists.
fn question_target(c: &Catalog, ix: &Index, p: &mut Problems) {
    for q in &c.questions {
        match (&q.control, &q.condition) {
            (Some(_), Some(_)) => p.at(QUESTIONS, &q.id, "sets both a control and a condition"),
            (None, None) => p.at(QUESTIONS, &q.id, "sets neither a control nor a condition"),
            _ => {}
        }
        if let Some(ctl) = &q.control
            && !ix.controls.contains_key(ctl.as_str())
        {
            p.at(QUESTIONS, &q.id, format!("unknown control {ctl:?}"));
        }
        if let Some(cond) = &q.condition
            && !ix.conditions.contains_key(cond.as_str())
        {
            p.at(QUESTIONS, &q.id, format!("unknown condition {cond:?}"));
        }
    }
}

/// A control question is asked as often as the control applies: per device
/// or once for the household. Only a home question has devices to pick.
fn question_scope(c: &Catalog, ix: &Index, p: &mut Problems) {
    for q in &c.questions {
        if q.pick_devices && q.scope != Scope::Household {
            p.at(
                QUESTIONS,
                &q.id,
                "pick_devices is for household questions (a device question is already asked per device)",
            );
        }
        if let Some(ctl) = q.control.as_deref().and_then(|id| ix.controls.get(id))
            && ctl.scope != q.scope
        {
            p.at(
                QUESTIONS,
                &q.id,
                format!(
                    "scope {:?} differs from control {:?} scope {:?}",
                    q.scope, ctl.id, ctl.scope
                ),
            );
        }
    }
}

/// One question per control, so an answer has one home.
fn question_per_control(c: &Catalog, p: &mut Problems) {
    let mut first: IdMap<&str> = IdMap::default();
    for q in &c.questions {
        let Some(ctl) = q.control.as_deref() else {
            continue;
        };
        match first.entry(ctl) {
            Entry::Occupied(e) => {
                let other = *e.get();
                p.at(
                    QUESTIONS,
                    &q.id,
                    format!("control {ctl:?} is already asked by {other:?}"),
                );
            }
            Entry::Vacant(e) => {
                e.insert(&q.id);
            }
        }
    }
}

/// Plain language: a question is short.
fn question_words(c: &Catalog, p: &mut Problems) {
    for q in &c.questions {
        let n = q.text.split_whitespace().count();
        if n > MAX_QUESTION_WORDS {
            p.at(
                QUESTIONS,
                &q.id,
                format!("question has {n} words; at most {MAX_QUESTION_WORDS}"),
            );
        }
    }
}

/// A question's applies_to ids exist (and it excepts no category it lists).
fn question_applies_to(c: &Catalog, ix: &Index, p: &mut Problems) {
    for q in &c.questions {
        applies_to_refs(&q.applies_to, ix, QUESTIONS, &q.id, p);
    }
}

/// A condition the user is asked about has a question; a derived one is
/// worked out from device facts and must not also be asked.
fn asked_conditions(c: &Catalog, ix: &Index, p: &mut Problems) {
    let asked: IdSet = c
        .questions
        .iter()
        .filter_map(|q| q.condition.as_deref())
        .collect();
    for x in &c.conditions {
        if x.source == ConditionSource::Question && !asked.contains(x.id.as_str()) {
            p.at(
                CONDITIONS,
                &x.id,
                "source is question but no question sets it",
            );
        }
    }
    for q in &c.questions {
        let derived = q
            .condition
            .as_deref()
            .and_then(|id| ix.conditions.get(id))
            .filter(|x| x.source != ConditionSource::Question);
        if let Some(x) = derived {
            p.at(
                QUESTIONS,
                &q.id,
                format!(
                    "sets condition {:?}, which is derived ({}), not asked",
                    x.id,
                    source_name(x.source)
                ),
            );
        }
    }
}

/// Each derived source has a condition to carry it, so the engine can apply
/// device facts (second-hand, support dates, update checks).
fn derived_conditions(c: &Catalog, p: &mut Problems) {
    for src in DERIVED_SOURCES {
        if !c.conditions.iter().any(|x| x.source == src) {
            let name = source_name(src);
            p.whole(CONDITIONS, format!("no condition has source {name:?}"));
        }
    }
}

fn source_name(s: ConditionSource) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn matter_name(m: Matter) -> String {
    serde_json::to_value(m)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A condition that moves no scenario changes nothing and would only confuse.
fn conditions_move_something(c: &Catalog, p: &mut Problems) {
    let used: IdSet = c
        .scenarios
        .iter()
        .flat_map(|s| s.conditions.iter().map(|e| e.condition.as_str()))
        .collect();
    for x in c
        .conditions
        .iter()
        .filter(|x| !used.contains(x.id.as_str()) && x.voids.is_empty())
    {
        p.at(CONDITIONS, &x.id, "moves no scenario and voids no control");
    }
}

/// Every matter ISO/IEC 27400 stresses for IoT is tagged on some scenario.
fn matters_tagged(c: &Catalog, p: &mut Problems) {
    let tagged: HashSet<Matter> = c
        .scenarios
        .iter()
        .flat_map(|s| s.matters.iter().copied())
        .collect();
    for m in Matter::ALL.iter().filter(|m| !tagged.contains(m)) {
        let name = matter_name(*m);
        p.whole(
            SCENARIOS,
            format!("no scenario is tagged with matter {name:?}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_paths_match_the_embedded_files() {
        let embedded: Vec<&str> = super::super::load::EMBEDDED
            .iter()
            .map(|f| f.path)
            .collect();
        let ours = [
            file::META,
            file::SCALES,
            file::FRAMEWORKS,
            file::CAPABILITIES,
            file::DEVICES,
            file::SOURCES,
            file::CONDITIONS,
            file::SCENARIOS,
            file::CONTROLS,
            file::QUESTIONS,
        ];
        assert_eq!(embedded, ours);
    }
}
