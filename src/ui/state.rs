//! The app's state in the browser: the saved [`State`] in one signal, the
//! prepared scoring [`Engine`], and the assessment of the active household
//! derived from them. Components read from here and change things only
//! through [`AppState::update`], which also schedules the autosave.

use super::persist::{self, Storage};
use crate::assess::{Assessment, Date, Engine, Household};
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
    /// The assessment of the active household (None when there is none).
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
        let assessment = Memo::new(move |_| {
            state.with(|s| s.active_household().map(|h| engine.evaluate(h, today)))
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
