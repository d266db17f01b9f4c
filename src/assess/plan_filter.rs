//! Filters on the action plan ("do now / at next purchase / ask the vendor";
//! "this device / whole home") and marking a control as done.

use super::answer::Answer;
use super::edit::AnswerTarget;
use super::household::Household;
use super::plan::PlanEntry;
use crate::catalog::{Catalog, Scope, When};

/// What the plan page shows. The default shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanFilter {
    /// Only controls that can be done at this time.
    pub when: Option<When>,
    /// Only what lowers this device's risks (and only those risks listed).
    pub device: Option<String>,
}

impl PlanFilter {
    /// The entries that pass, in plan order. With a device, each entry keeps
    /// only the pairs of that device; entries that lower none are dropped.
    pub fn apply<'c>(&self, catalog: &Catalog, plan: &[PlanEntry<'c>]) -> Vec<PlanEntry<'c>> {
        self.keep(catalog, plan.to_vec())
    }

    /// As [`PlanFilter::apply`], consuming the plan: nothing is copied (the
    /// app filters a fresh plan on every change).
    pub fn keep<'c>(&self, catalog: &Catalog, plan: Vec<PlanEntry<'c>>) -> Vec<PlanEntry<'c>> {
        plan.into_iter()
            .filter(|e| {
                self.when.is_none_or(|w| {
                    catalog
                        .controls
                        .iter()
                        .any(|c| c.id == e.control && c.when == w)
                })
            })
            .filter_map(|mut e| {
                if let Some(device) = &self.device {
                    e.lowers.retain(|l| *l.device == **device);
                    if e.lowers.is_empty() {
                        return None;
                    }
                }
                Some(e)
            })
            .collect()
    }
}

/// What [`Household::mark_done`] changed, so [`Household::undo`] can put
/// it back: each answer it set with the answer before, and whether the
/// step was planned.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub control: String,
    pub was_planned: bool,
    pub answers: Vec<(AnswerTarget, String, Option<Answer>)>,
}

impl Household {
    /// Records a control as in place: answers "yes" to the question that
    /// asks about it, for the household (household-scope controls, whose
    /// per-device answers are cleared: it is now in place everywhere) or for
    /// each of `devices`. None when no question asks about it.
    pub fn mark_done(
        &mut self,
        catalog: &Catalog,
        control: &str,
        devices: &[String],
    ) -> Option<Done> {
        let question = catalog
            .questions
            .iter()
            .find(|q| q.control.as_deref() == Some(control))?;
        let targets: Vec<AnswerTarget> = match question.scope {
            Scope::Household => vec![AnswerTarget::Household],
            Scope::Device => devices
                .iter()
                .map(|d| AnswerTarget::Device(d.clone()))
                .collect(),
        };
        let mut done = Done {
            control: control.to_string(),
            was_planned: self.planned.iter().any(|p| p == control),
            answers: Vec::new(),
        };
        for t in targets {
            let before = self.answer(&t, &question.id);
            self.set_answer(&t, &question.id, Some(Answer::Yes));
            done.answers.push((t, question.id.clone(), before));
        }
        if question.scope == Scope::Household {
            for d in &mut self.devices {
                if let Some(before) = d.answers.remove(&question.id) {
                    let t = AnswerTarget::Device(d.id.clone());
                    done.answers.push((t, question.id.clone(), Some(before)));
                }
            }
        }
        self.set_planned(control, false);
        Some(done)
    }

    /// Puts back what [`Household::mark_done`] changed (answers later
    /// changed again are put back too: Undo means "as before I pressed it").
    pub fn undo(&mut self, done: &Done) {
        for (t, q, before) in &done.answers {
            self.set_answer(t, q, *before);
        }
        self.set_planned(&done.control, done.was_planned);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::{Device, Engine, Household, date::Date};
    use crate::catalog;

    fn home() -> Household {
        let mut h = Household::new("h", "Home");
        h.devices.push(Device::new("d1", "Router", "dev.router"));
        h.devices
            .push(Device::new("d2", "Camera", "dev.indoor-camera"));
        h
    }

    #[test]
    fn when_filter_keeps_only_controls_of_that_time() {
        let c = catalog::embedded();
        let h = home();
        let engine = Engine::new(c);
        let a = engine.evaluate(&h, Date::new(2026, 6, 1).unwrap());
        let plan = engine.plan(&a);
        assert!(!plan.is_empty());
        for when in [When::Now, When::AtPurchase, When::VendorOnly] {
            let f = PlanFilter {
                when: Some(when),
                device: None,
            };
            let kept = f.apply(c, &plan);
            let expected = plan
                .iter()
                .filter(|e| {
                    c.controls
                        .iter()
                        .any(|x| x.id == e.control && x.when == when)
                })
                .count();
            assert_eq!(kept.len(), expected);
            assert!(kept.iter().all(|e| {
                c.controls
                    .iter()
                    .any(|x| x.id == e.control && x.when == when)
            }));
        }
        assert_eq!(PlanFilter::default().apply(c, &plan), plan);
    }

    #[test]
    fn device_filter_keeps_only_that_devices_pairs() {
        let c = catalog::embedded();
        let h = home();
        let engine = Engine::new(c);
        let a = engine.evaluate(&h, Date::new(2026, 6, 1).unwrap());
        let plan = engine.plan(&a);
        let f = PlanFilter {
            when: None,
            device: Some("d2".into()),
        };
        let kept = f.apply(c, &plan);
        assert!(!kept.is_empty());
        assert!(
            kept.iter()
                .all(|e| !e.lowers.is_empty() && e.lowers.iter().all(|l| &*l.device == "d2"))
        );
        let with_d2 = plan
            .iter()
            .filter(|e| e.lowers.iter().any(|l| &*l.device == "d2"))
            .count();
        assert_eq!(kept.len(), with_d2);
    }

    #[test]
    fn done_answers_yes_where_the_question_lives_and_lowers_residual() {
        let c = catalog::embedded();
        let engine = Engine::new(c);
        let today = Date::new(2026, 6, 1).unwrap();
        let mut h = home();
        let plan = engine.plan(&engine.evaluate(&h, today));
        let top = plan[0].clone();
        let devices: Vec<String> = top.lowers.iter().map(|l| l.device.to_string()).collect();
        h.set_planned(top.control, true);
        assert!(h.mark_done(c, top.control, &devices).is_some());
        assert!(h.planned.is_empty(), "done replaces planned");
        let q = c
            .questions
            .iter()
            .find(|q| q.control.as_deref() == Some(top.control))
            .unwrap();
        match q.scope {
            Scope::Household => assert_eq!(h.answers.get(&q.id), Some(&Answer::Yes)),
            Scope::Device => {
                for d in &devices {
                    assert_eq!(h.device(d).unwrap().answers.get(&q.id), Some(&Answer::Yes));
                }
            }
        }
        let after = engine.evaluate(&h, today);
        for l in &top.lowers {
            let p = after.pair(&l.device, l.scenario).unwrap();
            assert!(
                (p.residual.score - l.projected_score).abs() < 0.01,
                "the pair reaches its projected score"
            );
        }
        assert!(h.mark_done(c, "ctl.no-such-control", &devices).is_none());
    }

    #[test]
    fn undo_puts_back_every_answer_and_the_planned_mark() {
        let c = catalog::embedded();
        let mut h = home();
        h.set_answer(
            &AnswerTarget::Device("d1".into()),
            "q.auto-updates",
            Some(Answer::No),
        );
        h.set_planned("ctl.auto-updates", true);
        let before = h.clone();
        let devices = vec!["d1".to_string(), "d2".to_string()];
        let done = h.mark_done(c, "ctl.auto-updates", &devices).unwrap();
        assert_eq!(done.answers.len(), 2);
        assert_ne!(h, before);
        h.undo(&done);
        assert_eq!(
            h, before,
            "no answer (d2's) and no answer (d1's no) come back as they were"
        );
    }
}
