//! The app's state in the browser: the saved [`State`] in one signal, the
//! prepared scoring [`Engine`], and the assessment of the active household
//! derived from them. Components read from here and change things only
//! through [`AppState::update`], which also schedules the autosave.

use super::components::heat_map::{Counts, counts};
use super::later::drop_after_frame;
use super::persist::{self, Storage};
use super::route::question_path;
use crate::assess::plain::{self, Why};
use crate::assess::{Assessment, Date, Device, Engine, Household, Stage};
use crate::catalog::{self, Catalog};
use crate::store::envelope::State;
use leptos::prelude::*;

/// Whether the latest change is in storage.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    /// Everything is saved (or there is nothing to save yet).
    Saved,
    /// A change waits for the autosave.
    Pending,
    /// Saving is paused until the user decides about damaged stored data.
    Paused,
    /// Storage refused the write; work continues in memory.
    Failed(String),
}

/// A message shown at the top of every page until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    /// Stored data could not be read; it is kept under the backup key.
    Damaged,
}

/// A device removed a moment ago, kept so the user can undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub household: String,
    pub index: usize,
    pub device: crate::assess::Device,
}

/// Shared handles, provided as context at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    pub state: RwSignal<State>,
    pub engine: &'static Engine<'static>,
    pub today: Date,
    pub save: RwSignal<SaveStatus>,
    pub notices: RwSignal<Vec<Notice>>,
    pub removed: RwSignal<Option<Removed>>,
    pub storage: StoredValue<Storage>,
    /// The assessment of the active household (None when there is none),
    /// without explanations: [`AppState::explain`] builds the ones shown.
    pub assessment: Memo<Option<Assessment<'static>>>,
}

impl AppState {
    /// Loads saved data and wires autosave. Call once, at the root.
    pub fn provide() -> AppState {
        let engine: &'static Engine<'static> =
            Box::leak(Box::new(Engine::new(catalog::embedded())));
        let today = persist::today();
        let (storage, loaded, mut notices) = persist::load();
        // Ids this catalog no longer knows are kept and reported once.
        let unknown = crate::store::unknown::unknown_ids(&loaded, engine.catalog());
        if let Some(text) = crate::store::unknown::unknown_summary(&unknown) {
            notices.push(Notice {
                kind: NoticeKind::Info,
                text,
            });
        }
        let save = RwSignal::new(if storage.paused() {
            SaveStatus::Paused
        } else {
            SaveStatus::Saved
        });
        let state = RwSignal::new(loaded);
        // Any change to the saved state is taken as a new assessment: comparing
        // the old one with the new, pair by pair, costs a good share of
        // computing it, and almost every change does change it. The old one
        // is freed after the frame that shows the new one.
        let assessment = Memo::new_owning(move |old: Option<Option<Assessment<'static>>>| {
            if let Some(Some(old)) = old {
                drop_after_frame(old);
            }
            let new = state.with(|s| {
                s.active_household()
                    .map(|h| engine.evaluate_brief(h, today))
            });
            (new, true)
        });
        let app = AppState {
            state,
            engine,
            today,
            save,
            notices: RwSignal::new(notices),
            removed: RwSignal::new(None),
            storage: StoredValue::new(storage),
            assessment,
        };
        provide_context(app);
        persist::watch(app);
        app
    }

    pub fn catalog(&self) -> &'static Catalog {
        self.engine.catalog()
    }

    /// Changes the saved state and schedules the autosave.
    pub fn update(&self, f: impl FnOnce(&mut State)) {
        self.state.update(f);
        persist::schedule_save(*self);
    }

    /// Changes the active household, if there is one.
    pub fn update_household(&self, f: impl FnOnce(&mut Household)) {
        self.update(|s| {
            let active = s.active.clone();
            if let Some(h) = s
                .households
                .iter_mut()
                .find(|h| Some(&h.id) == active.as_ref())
            {
                f(h)
            }
        });
    }

    /// The active household's id and name, tracked.
    pub fn active(&self) -> Option<(String, String)> {
        self.state
            .with(|s| s.active_household().map(|h| (h.id.clone(), h.name.clone())))
    }

    // Reads shared by pages. Each is tracked: called inside a reactive
    // closure or Memo, it re-runs when what it reads changes.

    /// `f` on the active household; None when there is none. Tracked.
    pub fn with_household<R>(&self, f: impl FnOnce(&Household) -> R) -> Option<R> {
        self.state.with(|s| s.active_household().map(f))
    }

    /// `f` on a device of the active household; None when there is no such
    /// device. Tracked.
    pub fn with_device<R>(&self, id: &str, f: impl FnOnce(&Device) -> R) -> Option<R> {
        self.with_household(|h| h.device(id).map(f)).flatten()
    }

    /// The active household's devices as (id, name), in inventory order.
    /// Tracked.
    pub fn device_names(&self) -> Vec<(String, String)> {
        self.with_household(|h| {
            h.devices
                .iter()
                .map(|d| (d.id.clone(), d.name.clone()))
                .collect()
        })
        .unwrap_or_default()
    }

    /// A device's name, or "" when the active household has no such device.
    /// Tracked.
    pub fn device_name(&self, id: &str) -> String {
        self.with_device(id, |d| d.name.clone()).unwrap_or_default()
    }

    /// `f` on the active assessment; the default value (empty, zero) when
    /// there is none. Tracked.
    pub fn with_assessment<R: Default>(&self, f: impl FnOnce(&Assessment<'static>) -> R) -> R {
        self.assessment
            .with(|a| a.as_ref().map(f).unwrap_or_default())
    }

    /// `f` given a function that explains a pair (plain sentences, then the
    /// steps): built when shown (the assessment is computed without them),
    /// the household's part worked out once for all the pairs `f` asks
    /// about. Tracked.
    ///
    /// ```ignore
    /// let why: Vec<Why> = app.with_explainer(|why| pairs.iter().map(why).collect());
    /// ```
    pub fn with_explainer<R>(
        &self,
        f: impl FnOnce(&mut dyn FnMut(&crate::assess::Pair<'_>) -> Why<'static>) -> R,
    ) -> R {
        let catalog = self.catalog();
        self.state.with(|s| {
            let mut explainer = s
                .active_household()
                .map(|h| self.engine.explainer(h, self.today));
            f(&mut |pair| {
                explainer
                    .as_mut()
                    .map(|e| plain::explained(catalog, pair, &e.explain(pair)))
                    .unwrap_or_default()
            })
        })
    }

    /// Pairs per heat-map cell of one picture (all zero without a household).
    /// Tracked.
    pub fn heat_counts(&self, stage: Stage) -> Counts {
        self.with_assessment(|a| counts(a.heat_map.stage(stage)))
    }

    /// The lifecycle reminders, one sentence per kind. Tracked.
    pub fn reminders(&self) -> Vec<String> {
        self.with_assessment(|a| crate::assess::lifecycle::grouped(&a.reminders))
    }

    /// The questions answered "don't know": (device name for a device
    /// question, question text). Tracked.
    pub fn open_questions(&self) -> Vec<OpenQuestion> {
        let catalog = self.catalog();
        self.with_assessment(|a| {
            a.open_questions
                .iter()
                .map(|o| OpenQuestion {
                    device: o.device.as_deref().map(|d| self.device_name(d)),
                    text: catalog
                        .question(o.question)
                        .map(|q| q.text.clone())
                        .unwrap_or_default(),
                    path: question_path(o.device.as_deref(), o.question),
                })
                .collect()
        })
    }

    /// The steps already done, each with the answers that say so and where
    /// to change them. Tracked.
    pub fn done_steps(&self) -> Vec<DoneStep> {
        let catalog = self.catalog();
        let controls = self.with_assessment(|a| self.engine.done_steps(a));
        self.with_household(|household| {
            controls
                .into_iter()
                .map(|control| {
                    let question = catalog
                        .questions
                        .iter()
                        .find(|q| q.control.as_deref() == Some(control));
                    let answers = match question {
                        None => Vec::new(),
                        Some(q) if q.scope == catalog::Scope::Household => {
                            vec![("your home".to_string(), question_path(None, &q.id))]
                        }
                        Some(q) => household
                            .devices
                            .iter()
                            .filter(|d| d.answers.get(&q.id) == Some(&crate::assess::Answer::Yes))
                            .map(|d| (d.name.clone(), question_path(Some(&d.id), &q.id)))
                            .collect(),
                    };
                    DoneStep {
                        control,
                        title: catalog.control_title(control),
                        answers,
                    }
                })
                .collect()
        })
        .unwrap_or_default()
    }

    pub fn notify(&self, kind: NoticeKind, text: impl Into<String>) {
        let text = text.into();
        self.notices.update(|n| {
            if !n.iter().any(|x| x.text == text) {
                n.push(Notice { kind, text })
            }
        });
    }
}

/// The app state from context (inside the root component).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// A question answered "don't know": whose it is, its text and where to
/// answer it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenQuestion {
    /// The device's name; None for a question about the whole home.
    pub device: Option<String>,
    pub text: String,
    /// The app path of the question in its answer list.
    pub path: String,
}

/// A step already done, for the plan's "Done" list.
#[derive(Debug, Clone, PartialEq)]
pub struct DoneStep {
    pub control: &'static str,
    pub title: String,
    /// Whose answer says it is done (a device's name, or "your home") and
    /// the app path to change it.
    pub answers: Vec<(String, String)>,
}
