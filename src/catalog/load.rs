//! Parsing the embedded catalog files into a [`Catalog`].

use super::Problem;
use super::model::*;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// One catalog data file: its path in the repo and its content as JSON
/// (converted from TOML by build.rs).
#[derive(Debug, Clone, Copy)]
pub struct SourceFile {
    pub path: &'static str,
    pub json: &'static str,
}

macro_rules! embed {
    ($name:literal) => {
        SourceFile {
            path: concat!("catalog/", $name, ".toml"),
            json: include_str!(concat!(env!("OUT_DIR"), "/catalog/", $name, ".json")),
        }
    };
}

/// The catalog files bundled into the build, in a fixed order.
pub const EMBEDDED: [SourceFile; 10] = [
    embed!("catalog"),
    embed!("scales"),
    embed!("frameworks"),
    embed!("capabilities"),
    embed!("devices"),
    embed!("sources"),
    embed!("conditions"),
    embed!("scenarios"),
    embed!("controls"),
    embed!("questions"),
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    version: String,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CapabilitiesFile {
    capability: Vec<Capability>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DevicesFile {
    device: Vec<DeviceCategory>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<RiskSource>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionsFile {
    condition: Vec<Condition>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScenariosFile {
    scenario: Vec<Scenario>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ControlsFile {
    control: Vec<Control>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionsFile {
    question: Vec<Question>,
}

fn part<T: DeserializeOwned>(file: &SourceFile, problems: &mut Vec<Problem>) -> Option<T> {
    match serde_json::from_str(file.json) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(Problem::new(
                file.path,
                None,
                format!("cannot read the file: {e}"),
            ));
            None
        }
    }
}

/// Parses the catalog files (in the order of [`EMBEDDED`]) into a catalog. Shape errors name the file; content rules are checked separately
/// by [`super::validate`].
pub fn parse(files: &[SourceFile; 10]) -> Result<Catalog, Vec<Problem>> {
    let mut p = Vec::new();
    let [
        meta,
        scales,
        frameworks,
        caps,
        devices,
        sources,
        conditions,
        scenarios,
        controls,
        questions,
    ] = files;
    let meta: Option<MetaFile> = part(meta, &mut p);
    let scales: Option<Scales> = part(scales, &mut p);
    let frameworks: Option<Frameworks> = part(frameworks, &mut p);
    let caps: Option<CapabilitiesFile> = part(caps, &mut p);
    let devices: Option<DevicesFile> = part(devices, &mut p);
    let sources: Option<SourcesFile> = part(sources, &mut p);
    let conditions: Option<ConditionsFile> = part(conditions, &mut p);
    let scenarios: Option<ScenariosFile> = part(scenarios, &mut p);
    let controls: Option<ControlsFile> = part(controls, &mut p);
    let questions: Option<QuestionsFile> = part(questions, &mut p);
    match (
        meta, scales, frameworks, caps, devices, sources, conditions, scenarios, controls,
        questions,
    ) {
        (
            Some(m),
            Some(s),
            Some(f),
            Some(c),
            Some(d),
            Some(r),
            Some(k),
            Some(sc),
            Some(ct),
            Some(q),
        ) => Ok(Catalog {
            version: m.version,
            scales: s,
            frameworks: f,
            capabilities: c.capability,
            device_categories: d.device,
            risk_sources: r.source,
            conditions: k.condition,
            scenarios: sc.scenario,
            controls: ct.control,
            questions: q.question,
        }),
        _ => Err(p),
    }
}
