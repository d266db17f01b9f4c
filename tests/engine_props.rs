//! Property tests of the engine over random households built from the
//! embedded catalog's ids (with a few ids the catalog does not have).

use proptest::prelude::*;
use proptest::sample::select;
use std::collections::{BTreeMap, BTreeSet};
use thingrisk::assess::aggregate::risk_order;
use thingrisk::assess::*;
use thingrisk::catalog::{Catalog, ConditionEffect, Dimension, Scope, embedded};

fn cat() -> &'static Catalog {
    embedded()
}

fn today() -> Date {
    Date::parse("2026-03-01").unwrap()
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str, stray: &str) -> Vec<String> {
    let mut v: Vec<String> = items.iter().map(|i| id(i).to_string()).collect();
    v.push(stray.to_string()); // an id the catalog does not have
    v
}

fn answer() -> impl Strategy<Value = Answer> {
    select(Answer::ALL.to_vec())
}

fn date() -> impl Strategy<Value = Option<Date>> {
    let base = today().days_since_epoch();
    prop::option::of((-800i64..400).prop_map(move |d| Date::from_days_since_epoch(base + d)))
}

fn answers() -> impl Strategy<Value = Answers> {
    let qs = ids(&cat().questions, |q| &q.id, "q.retired");
    prop::collection::vec((select(qs), answer()), 0..24).prop_map(BTreeMap::from_iter)
}

fn device() -> impl Strategy<Value = Device> {
    let categories = ids(&cat().device_categories, |c| &c.id, "dev.retired");
    let caps = ids(&cat().capabilities, |c| &c.id, "cap.retired");
    (
        select(categories),
        prop::collection::vec(select(caps.clone()), 0..3),
        prop::collection::vec(select(caps), 0..3),
        any::<bool>(),
        date(),
        date(),
        date(),
        answers(),
    )
        .prop_map(
            |(category, added, removed, second, purchased, support_end, checked, answers)| {
                let mut d = Device::new("", "A device", category);
                d.capabilities_added = added;
                d.capabilities_removed = removed;
                d.lifecycle = Lifecycle {
                    acquired: if second {
                        Acquired::SecondHand
                    } else {
                        Acquired::New
                    },
                    purchased,
                    support_end,
                    updates_checked: checked,
                };
                d.answers = answers;
                d
            },
        )
}

fn household() -> impl Strategy<Value = Household> {
    let controls = ids(&cat().controls, |c| &c.id, "ctl.retired");
    (
        prop::collection::vec(device(), 0..8),
        answers(),
        prop::collection::vec(select(controls), 0..4),
    )
        .prop_map(|(devices, answers, planned)| {
            let mut h = Household::new("h", "Random home");
            h.devices = devices
                .into_iter()
                .enumerate()
                .map(|(i, mut d)| {
                    d.id = format!("d{i}");
                    d
                })
                .collect();
            h.answers = answers;
            h.planned = planned;
            h
        })
}

type Key = (String, String);

fn by_key<'a>(a: &'a Assessment<'_>) -> BTreeMap<Key, &'a Pair<'a>> {
    a.pairs
        .iter()
        .map(|p| ((p.device.to_string(), p.scenario.to_string()), p))
        .collect()
}

/// Every figure of `lo` is at most the one of `hi`.
fn at_most(lo: &Score, hi: &Score) -> Result<(), TestCaseError> {
    prop_assert!(
        lo.likelihood <= hi.likelihood,
        "likelihood {} > {}",
        lo.likelihood,
        hi.likelihood
    );
    prop_assert!(
        lo.impact <= hi.impact,
        "impact {} > {}",
        lo.impact,
        hi.impact
    );
    for d in Dimension::ALL {
        prop_assert!(lo.dimensions.get(d) <= hi.dimensions.get(d));
    }
    prop_assert!(lo.score <= hi.score);
    prop_assert!(lo.likelihood_level <= hi.likelihood_level);
    prop_assert!(lo.impact_level <= hi.impact_level);
    prop_assert!(lo.risk_level <= hi.risk_level);
    Ok(())
}

fn on_scale(s: &Score) -> Result<(), TestCaseError> {
    let ok = |x: f32| (1.0..=5.0).contains(&x);
    prop_assert!(ok(s.likelihood) && ok(s.impact));
    prop_assert!(Dimension::ALL.iter().all(|d| ok(s.dimensions.get(*d))));
    prop_assert!((1.0..=25.0).contains(&s.score));
    for l in [s.likelihood_level, s.impact_level, s.risk_level] {
        prop_assert!((1..=5).contains(&l));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn residual_below_inherent_projected_below_residual_all_on_scale(h in household()) {
        let a = evaluate(cat(), &h, today());
        for p in &a.pairs {
            on_scale(&p.inherent)?;
            on_scale(&p.residual)?;
            on_scale(&p.projected)?;
            at_most(&p.residual, &p.inherent)?;
            at_most(&p.projected, &p.residual)?;
        }
        for map in [&a.heat_map.inherent, &a.heat_map.residual, &a.heat_map.projected] {
            let mut seen: Vec<usize> = map.cells.iter().flatten().flatten().copied().collect();
            seen.sort();
            prop_assert_eq!(seen, (0..a.pairs.len()).collect::<Vec<_>>());
        }
        prop_assert_eq!(a.counts.residual.iter().sum::<usize>(), a.pairs.len());
        // Top risks follow the documented order exactly.
        let mut top = a.top_risks().to_vec();
        top.sort();
        prop_assert_eq!(top, (0..a.pairs.len()).collect::<Vec<_>>());
        for w in a.top_risks().windows(2) {
            prop_assert_eq!(risk_order(&a.pairs[w[0]], &a.pairs[w[1]]), std::cmp::Ordering::Less);
        }
        // A device's own order, sorted on its own, is the household order
        // filtered to its pairs.
        for k in 0..=a.devices.len() {
            let filtered: Vec<usize> =
                a.top_risks().iter().copied().filter(|&i| a.pairs[i].device_index == k).collect();
            prop_assert_eq!(a.device_top_risks(k), filtered);
        }
        prop_assert!(a.progress.answered <= a.progress.total);
        prop_assert_eq!(a.devices.len(), h.devices.len());
    }

    #[test]
    fn answering_yes_to_a_control_never_raises_residual(h in household(), pick in any::<prop::sample::Index>(), dev in any::<prop::sample::Index>()) {
        let control_qs: Vec<_> = cat().questions.iter().filter(|q| q.control.is_some()).collect();
        prop_assume!(!control_qs.is_empty());
        let q = pick.get(&control_qs);
        let mut h2 = h.clone();
        match q.scope {
            Scope::Household => { h2.answers.insert(q.id.clone(), Answer::Yes); }
            Scope::Device => {
                prop_assume!(!h2.devices.is_empty());
                let i = dev.index(h2.devices.len());
                h2.devices[i].answers.insert(q.id.clone(), Answer::Yes);
            }
        }
        let (before, after) = (evaluate(cat(), &h, today()), evaluate(cat(), &h2, today()));
        let (b, a) = (by_key(&before), by_key(&after));
        prop_assert_eq!(b.keys().collect::<Vec<_>>(), a.keys().collect::<Vec<_>>());
        for (k, p) in &a {
            at_most(&p.residual, &b[k].residual)?;
            at_most(&p.projected, &b[k].projected)?;
            prop_assert_eq!(p.inherent, b[k].inherent);
        }
    }

    #[test]
    fn more_conditions_never_lower_inherent(h in household(), pick in any::<prop::sample::Index>(), dev in any::<prop::sample::Index>()) {
        let cond_qs: Vec<_> = cat().questions.iter().filter(|q| q.condition.is_some()).collect();
        let mut h2 = h.clone();
        // Raise one asked condition (when the catalog has any) ...
        let mut raised: BTreeSet<String> = BTreeSet::new();
        if !cond_qs.is_empty() {
            let q = pick.get(&cond_qs);
            raised.insert(q.condition.clone().unwrap());
            match q.scope {
                Scope::Household => { h2.answers.insert(q.id.clone(), Answer::Yes); }
                Scope::Device => if !h2.devices.is_empty() {
                    let i = dev.index(h2.devices.len());
                    h2.devices[i].answers.insert(q.id.clone(), Answer::Yes);
                },
            }
        }
        // ... and the derived ones that only ever raise: second-hand, updates unchecked.
        if !h2.devices.is_empty() {
            let i = dev.index(h2.devices.len());
            h2.devices[i].lifecycle.acquired = Acquired::SecondHand;
            h2.devices[i].lifecycle.updates_checked = None;
        }
        use thingrisk::catalog::ConditionSource as S;
        raised.extend(cat().conditions.iter().filter(|c| matches!(c.source, S::SecondHand | S::UpdatesUnchecked)).map(|c| c.id.clone()));
        let (before, after) = (evaluate(cat(), &h, today()), evaluate(cat(), &h2, today()));
        let (b, a) = (by_key(&before), by_key(&after));
        for (k, p) in &a {
            let scn = cat().scenarios.iter().find(|s| s.id == k.1).unwrap();
            let effects: Vec<&ConditionEffect> = scn.conditions.iter().filter(|e| raised.contains(&e.condition)).collect();
            if effects.iter().all(|e| e.likelihood >= 0.0) {
                prop_assert!(p.inherent.likelihood >= b[k].inherent.likelihood);
            }
            for d in Dimension::ALL {
                if effects.iter().filter(|e| e.dimension.is_none_or(|x| x == d)).all(|e| e.impact >= 0.0) {
                    prop_assert!(p.inherent.dimensions.get(d) >= b[k].inherent.dimensions.get(d));
                }
            }
        }
    }

    #[test]
    fn brief_assessment_has_the_same_figures_and_explain_gives_the_same_steps(h in household()) {
        let engine = Engine::new(cat());
        let full = engine.evaluate(&h, today());
        let brief = engine.evaluate_brief(&h, today());
        prop_assert_eq!(full.pairs.len(), brief.pairs.len());
        // One explainer for every pair, asked in reverse order: what it
        // keeps from one device's pairs must not leak into another's.
        let mut explainer = engine.explainer(&h, today());
        for (p, b) in full.pairs.iter().zip(&brief.pairs).rev() {
            prop_assert_eq!(&explainer.explain(b), &p.explanation);
        }
        for (p, b) in full.pairs.iter().zip(&brief.pairs) {
            prop_assert!(b.explanation.is_empty());
            let mut same = b.clone();
            same.explanation = p.explanation.clone();
            prop_assert_eq!(p, &same);
            prop_assert!(!p.explanation.is_empty());
            prop_assert_eq!(&engine.explain(&h, today(), b), &p.explanation);
        }
        let mut rest = brief.clone();
        rest.pairs = full.pairs.clone();
        prop_assert_eq!(&rest, &full, "everything else is the same");
    }

    #[test]
    fn unknown_ids_are_exactly_the_ids_the_catalog_lacks(h in household()) {
        let c = cat();
        let question = |id: &str| c.questions.iter().any(|q| q.id == id);
        let mut expected = BTreeSet::new();
        for q in h.answers.keys().filter(|q| !question(q)) {
            expected.insert((IdKind::Question, q.clone(), None));
        }
        for p in h.planned.iter().filter(|p| !c.controls.iter().any(|x| x.id == **p)) {
            expected.insert((IdKind::Control, p.clone(), None));
        }
        for d in &h.devices {
            let at = Some(d.id.clone());
            if !c.device_categories.iter().any(|x| x.id == d.category) {
                expected.insert((IdKind::Category, d.category.clone(), at.clone()));
            }
            for cap in d.capabilities_added.iter().chain(&d.capabilities_removed) {
                if !c.capabilities.iter().any(|x| x.id == *cap) {
                    expected.insert((IdKind::Capability, cap.clone(), at.clone()));
                }
            }
            for q in d.answers.keys().filter(|q| !question(q)) {
                expected.insert((IdKind::Question, q.clone(), at.clone()));
            }
        }
        let engine = Engine::new(c);
        for a in [engine.evaluate(&h, today()), engine.evaluate_brief(&h, today())] {
            let found: BTreeSet<_> = a.unknown_ids.iter().map(|u| (u.kind, u.id.clone(), u.device.clone())).collect();
            prop_assert_eq!(&found, &expected);
            prop_assert_eq!(found.len(), a.unknown_ids.len(), "listed once each");
        }
    }

    #[test]
    fn results_are_deterministic_and_independent_of_device_order(h in household()) {
        let a1 = evaluate(cat(), &h, today());
        let a2 = evaluate(cat(), &h, today());
        prop_assert_eq!(&a1, &a2);
        let mut r = h.clone();
        r.devices.reverse();
        let ar = evaluate(cat(), &r, today());
        let (k1, kr) = (by_key(&a1), by_key(&ar));
        prop_assert_eq!(k1.len(), kr.len());
        for (k, p) in &k1 {
            let q = kr[k];
            prop_assert_eq!((p.inherent, p.residual, p.projected), (q.inherent, q.residual, q.projected));
            prop_assert_eq!(&p.explanation, &q.explanation);
            prop_assert_eq!(&p.missing_controls, &q.missing_controls);
            prop_assert_eq!(&p.open_questions, &q.open_questions);
        }
        let top = |a: &Assessment<'static>| a.top_risks().iter().map(|&i| (a.pairs[i].device.clone(), a.pairs[i].scenario)).collect::<Vec<_>>();
        prop_assert_eq!(top(&a1), top(&ar));
        prop_assert_eq!(&a1.unknown_ids, &ar.unknown_ids);
        prop_assert_eq!(a1.counts, ar.counts);
        prop_assert_eq!(a1.progress, ar.progress);
        let plan_view = |h: &Household| plan(cat(), h, today()).into_iter().map(|e| {
            let lowers: Vec<_> = e.lowers.iter().map(|l| (l.device.clone(), l.scenario, l.projected_level)).collect();
            (e.control, e.value, e.reduction, lowers)
        }).collect::<Vec<_>>();
        prop_assert_eq!(plan_view(&h), plan_view(&r));
        // Each step's list: biggest drop first, then device id, then scenario id.
        for e in plan(cat(), &h, today()) {
            for w in e.lowers.windows(2) {
                let drop = |l: &Lowered<'_>| l.current_score - l.projected_score;
                let order = drop(&w[1]).total_cmp(&drop(&w[0]))
                    .then_with(|| w[0].device.cmp(&w[1].device))
                    .then_with(|| w[0].scenario.cmp(w[1].scenario));
                prop_assert_eq!(order, std::cmp::Ordering::Less, "{:?}", w);
            }
        }
    }
}
