//! The bundled sample households: fictional homes, kept as data in
//! `samples/*.json` (bare household JSON, the same shape as in a saved
//! file), for "Try a sample home" and for trainers.
//!
//! A sample opens as its own household marked `sample`, beside the user's
//! own: it never replaces or mixes with them, and opening it again shows
//! the one already there instead of adding a copy.

use crate::assess::Household;
use crate::store::State;

/// A sample file as build.rs wrote it: the repo's file without the white
/// space between tokens.
macro_rules! sample_file {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(env!("OUT_DIR"), "/samples/", $name, ".json")),
        )
    };
}

/// The sample files, in the order they are offered: (file stem, JSON).
pub const SAMPLE_FILES: [(&str, &str); 3] = [
    sample_file!("family"),
    sample_file!("living-alone"),
    sample_file!("student-flat"),
];

/// Parses one sample file; always marks it as a sample. Through a
/// [`serde_json::Value`], as saved files are read (`store::decode`), so the
/// web app carries one set of household deserializers, not two.
pub fn parse_sample(json: &str) -> Result<Household, serde_json::Error> {
    let value: serde_json::Value = serde_json::from_str(json)?;
    let mut h: Household = serde_json::from_value(value)?;
    h.sample = true;
    Ok(h)
}

/// Every bundled sample, in [`SAMPLE_FILES`] order. Panics only if a
/// bundled file is broken, which the tests rule out.
pub fn samples() -> Vec<Household> {
    SAMPLE_FILES
        .iter()
        .map(|(name, json)| {
            parse_sample(json).unwrap_or_else(|e| panic!("samples/{name}.json is broken: {e}"))
        })
        .collect()
}

/// The bundled sample with this id.
pub fn sample(id: &str) -> Option<Household> {
    samples().into_iter().find(|h| h.id == id)
}

/// Opens `sample` in `state` and makes it the active household; returns its
/// id. If it is already there (a sample household with its id), that one is
/// shown as it is; if a household of the user's own has taken the id, the
/// sample gets the first free id of `<id>-2`, `<id>-3`, … — the same one
/// every time, so it is still never added twice.
pub fn open_sample(state: &mut State, sample: &Household) -> String {
    let candidates =
        std::iter::once(sample.id.clone()).chain((2..).map(|n| format!("{}-{n}", sample.id)));
    for id in candidates {
        match state.household(&id) {
            Some(h) if h.sample => {
                state.active = Some(id.clone());
                return id;
            }
            Some(_) => continue,
            None => {
                let mut h = sample.clone();
                h.id = id.clone();
                h.sample = true;
                state.households.push(h);
                state.active = Some(id.clone());
                return id;
            }
        }
    }
    unreachable!("the candidate ids never run out")
}

/// The user's own household to go back to: the first that is not a sample.
pub fn own_household(state: &State) -> Option<&Household> {
    state.households.iter().find(|h| !h.sample)
}

/// Removes every sample home from `state` and returns them (for an undo),
/// in their places: `(index, household)`. The person's own homes stay; when
/// the open home was a sample, their first own home opens instead.
pub fn remove_samples(state: &mut State) -> Vec<(usize, Household)> {
    let mut removed = Vec::new();
    let mut kept = Vec::with_capacity(state.households.len());
    for (i, h) in std::mem::take(&mut state.households)
        .into_iter()
        .enumerate()
    {
        if h.sample {
            removed.push((i, h));
        } else {
            kept.push(h);
        }
    }
    state.households = kept;
    if state.active_household().is_none() {
        state.active = own_household(state).map(|h| h.id.clone());
    }
    removed
}

/// Puts back what [`remove_samples`] took, in their places, skipping any
/// whose id has been taken since.
pub fn restore_samples(state: &mut State, removed: Vec<(usize, Household)>) {
    for (i, h) in removed {
        if state.household(&h.id).is_none() {
            let at = i.min(state.households.len());
            state.households.insert(at, h);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Acquired, Answer, Date, Engine, evaluate};
    use crate::catalog::{Scope, embedded};
    use std::collections::HashSet;

    fn today() -> Date {
        Date::new(2026, 11, 1).unwrap()
    }

    #[test]
    fn removing_samples_keeps_own_homes_and_can_be_undone() {
        let mut state = State::new(vec![Household::new("mine", "Our flat")]);
        let all = samples();
        open_sample(&mut state, &all[0]);
        state.households.push(Household::new("mum", "Mum's"));
        open_sample(&mut state, &all[1]);
        let before = state.clone();
        let removed = remove_samples(&mut state);
        assert_eq!(removed.len(), 2);
        let ids: Vec<&str> = state.households.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["mine", "mum"]);
        assert_eq!(
            state.active.as_deref(),
            Some("mine"),
            "the open sample went"
        );
        restore_samples(&mut state, removed);
        assert_eq!(state.households, before.households);
        assert!(remove_samples(&mut State::default()).is_empty());
    }

    #[test]
    fn every_sample_parses_and_is_marked_as_a_sample() {
        let all = samples();
        assert_eq!(all.len(), SAMPLE_FILES.len());
        assert!(all.len() >= 3);
        let ids: HashSet<&str> = all.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids.len(), all.len(), "sample ids are unique");
        for (h, (name, json)) in all.iter().zip(SAMPLE_FILES) {
            assert!(h.sample, "{name}");
            assert!(
                json.contains("\"sample\":true"),
                "{name} says so in the file too"
            );
            assert!(
                h.name.contains("(sample)"),
                "{name}: the name says it is a sample"
            );
            assert!(h.devices.len() >= 4, "{name} has a few devices");
            // Fits the saved format's rules.
            let state = State::new(vec![h.clone()]);
            assert_eq!(crate::store::validate::check(&state), Ok(()), "{name}");
        }
    }

    #[test]
    fn bundled_samples_are_the_repo_files_without_white_space() {
        let repo = [
            include_str!("../../samples/family.json"),
            include_str!("../../samples/living-alone.json"),
            include_str!("../../samples/student-flat.json"),
        ];
        for ((name, min), text) in SAMPLE_FILES.iter().zip(repo) {
            assert!(min.len() < text.len(), "{name} is smaller");
            assert!(!min.contains('\n'), "{name} is one line");
            let strip = |t: &str| t.split_whitespace().collect::<String>();
            assert_eq!(strip(min), strip(text), "{name}: same tokens, same order");
        }
    }

    #[test]
    fn samples_use_only_known_ids_and_questions_that_concern_them() {
        let engine = Engine::new(embedded());
        for h in samples() {
            let a = engine.evaluate(&h, today());
            assert!(a.unknown_ids.is_empty(), "{}: {:?}", h.id, a.unknown_ids);
            for d in &h.devices {
                // Its own questions, and the home's it answers on its own
                // (the home answered "some of them").
                let home: Vec<&str> = engine
                    .household_questions(&Household {
                        devices: vec![d.clone()],
                        ..h.clone()
                    })
                    .iter()
                    .filter(|q| q.pick_devices)
                    .map(|q| q.id.as_str())
                    .collect();
                let asked: HashSet<&str> = engine
                    .device_questions(d, today())
                    .iter()
                    .map(|q| q.id.as_str())
                    .chain(home)
                    .collect();
                for q in d.answers.keys() {
                    assert!(
                        asked.contains(q.as_str()),
                        "{}: {} is not asked of {}",
                        h.id,
                        q,
                        d.name
                    );
                }
                for c in d.capabilities_added.iter().chain(&d.capabilities_removed) {
                    assert!(engine.is_declared_capability(c), "{}: {c}", h.id);
                }
            }
            let asked: HashSet<&str> = engine
                .household_questions(&h)
                .iter()
                .map(|q| q.id.as_str())
                .collect();
            for q in h.answers.keys() {
                assert!(asked.contains(q.as_str()), "{}: {q} is not asked", h.id);
                assert_eq!(engine.question(q).unwrap().scope, Scope::Household);
            }
            for c in &h.planned {
                assert!(engine.control(c).is_some(), "{}: planned {c}", h.id);
            }
        }
    }

    #[test]
    fn samples_give_a_full_assessment_with_lifecycle_facts_and_open_questions() {
        let catalog = embedded();
        for h in samples() {
            let a = evaluate(catalog, &h, today());
            assert!(a.pairs.len() >= 20, "{}: {} pairs", h.id, a.pairs.len());
            assert!(a.devices.iter().all(|d| d.scored), "{}", h.id);
            assert!(!a.open_questions.is_empty(), "{}: some dont-know", h.id);
            assert!(!a.reminders.is_empty(), "{}: a lifecycle reminder", h.id);
            assert!(
                a.progress.answered * 2 >= a.progress.total,
                "{}: at least half answered ({:?})",
                h.id,
                a.progress
            );
            // Realistic, not ideal: some risk left, and controls lower some.
            let high = a.counts.residual[3] + a.counts.residual[4];
            assert!(high > 0, "{}: something high remains", h.id);
            assert!(
                a.pairs
                    .iter()
                    .any(|p| p.residual.risk_level < p.inherent.risk_level),
                "{}: some control helps",
                h.id
            );
            let answers = h
                .answers
                .values()
                .chain(h.devices.iter().flat_map(|d| d.answers.values()));
            assert!(answers.clone().any(|x| *x == Answer::DontKnow), "{}", h.id);
            assert!(answers.clone().any(|x| *x == Answer::Yes), "{}", h.id);
            assert!(answers.clone().any(|x| *x == Answer::No), "{}", h.id);
        }
    }

    #[test]
    fn the_lifecycle_facts_the_brief_asks_for_are_there() {
        let all = samples();
        let past_support = |h: &Household| {
            h.devices
                .iter()
                .any(|d| d.lifecycle.support_end.is_some_and(|e| e < today()))
        };
        assert!(
            all.iter().all(past_support),
            "each sample has a device past support"
        );
        let students = all.iter().find(|h| h.id == "sample-student-flat").unwrap();
        let router = students
            .devices
            .iter()
            .find(|d| d.category == "dev.router")
            .unwrap();
        assert_eq!(router.lifecycle.acquired, Acquired::SecondHand);
        assert!(students.devices.iter().any(|d| d.name.contains("console")));
        let family = all.iter().find(|h| h.id == "sample-family").unwrap();
        for category in ["dev.indoor-camera", "dev.doorbell"] {
            assert!(family.devices.iter().any(|d| d.category == category));
        }
        let alone = all.iter().find(|h| h.id == "sample-living-alone").unwrap();
        for category in ["dev.lock", "dev.alarm", "dev.wearable"] {
            assert!(alone.devices.iter().any(|d| d.category == category));
        }
    }

    #[test]
    fn opening_a_sample_leaves_own_data_alone_and_never_duplicates() {
        let mut own = Household::new("h1", "My home");
        own.answers.insert("q.wifi-strong".into(), Answer::Yes);
        let mut state = State::new(vec![own.clone()]);
        state.active = Some("h1".into());
        let family = sample("sample-family").unwrap();

        assert_eq!(open_sample(&mut state, &family), "sample-family");
        assert_eq!(state.active.as_deref(), Some("sample-family"));
        assert_eq!(state.households.len(), 2);
        assert_eq!(state.households[0], own, "own household untouched");
        assert_eq!(own_household(&state).map(|h| h.id.as_str()), Some("h1"));

        // Changes in the sample stay there; opening again shows the same one.
        state.households[1].name = "Changed".into();
        state.active = Some("h1".into());
        assert_eq!(open_sample(&mut state, &family), "sample-family");
        assert_eq!(state.households.len(), 2);
        assert_eq!(state.households[1].name, "Changed");
        assert_eq!(state.households[0], own);

        // A second sample sits beside it.
        let flat = sample("sample-student-flat").unwrap();
        assert_eq!(open_sample(&mut state, &flat), "sample-student-flat");
        assert_eq!(state.households.len(), 3);
        assert_eq!(crate::store::validate::check(&state), Ok(()));
    }

    #[test]
    fn an_own_household_with_the_sample_id_is_stepped_around() {
        let mut mine = Household::new("sample-family", "Mine");
        mine.answers.insert("q.wifi-strong".into(), Answer::No);
        let mut state = State::new(vec![mine.clone()]);
        let family = sample("sample-family").unwrap();
        assert_eq!(open_sample(&mut state, &family), "sample-family-2");
        assert_eq!(open_sample(&mut state, &family), "sample-family-2");
        assert_eq!(state.households.len(), 2);
        assert_eq!(state.households[0], mine);
        assert!(state.households[1].sample);
        assert_eq!(own_household(&state).map(|h| h.name.as_str()), Some("Mine"));
    }

    #[test]
    fn a_file_without_the_flag_is_still_opened_as_a_sample() {
        let h = parse_sample(r#"{"id":"x","name":"X (sample)"}"#).unwrap();
        assert!(h.sample);
        assert!(parse_sample("{}").is_err());
    }
}
