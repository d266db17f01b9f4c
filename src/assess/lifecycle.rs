//! Lifecycle facts turned into derived conditions and reminders (the
//! windows are in [`super::rules`]).

use super::answer::Answer;
use super::date::Date;
use super::engine::{DeviceContext, Engine};
use super::household::{Acquired, Device, Household, Lifecycle};
use super::rules::{
    RESET_SECOND_HAND_CONTROL, UPDATABLE_CAPABILITY, support_ended, support_ending_soon,
    updates_unchecked,
};
use crate::catalog::ConditionSource;
use serde::Serialize;

/// Does a derived condition hold for these facts on `today`?
/// (`Question` conditions are never derived: false.)
pub fn derived_condition_holds(
    source: ConditionSource,
    lifecycle: &Lifecycle,
    today: Date,
) -> bool {
    match source {
        // Asked, or worked out from the device's kind by the engine.
        ConditionSource::Question | ConditionSource::Device => false,
        ConditionSource::SecondHand => lifecycle.acquired == Acquired::SecondHand,
        ConditionSource::BoughtNew => lifecycle.acquired == Acquired::New,
        ConditionSource::SupportEnded => support_ended(lifecycle.support_end, today),
        ConditionSource::SupportEndingSoon => support_ending_soon(lifecycle.support_end, today),
        ConditionSource::UpdatesUnchecked => updates_unchecked(lifecycle.updates_checked, today),
        ConditionSource::SupportCurrent => {
            !support_ended(lifecycle.support_end, today)
                && !support_ending_soon(lifecycle.support_end, today)
        }
    }
}

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ReminderKind {
    /// The vendor's support period ended on this date.
    SupportEnded { on: Date },
    /// The vendor's support period ends on this date, within six months.
    SupportEndingSoon { on: Date },
    /// Updates last checked on this date (None: never recorded).
    UpdatesUnchecked { last: Option<Date> },
    /// Second-hand and not known to be reset.
    NotReset,
}

impl ReminderKind {
    /// A short, plain "what to do".
    pub fn what_to_do(self) -> &'static str {
        match self {
            ReminderKind::SupportEnded { .. } => {
                "It gets no more security fixes: plan to replace it, and until then keep it on a guest network and off remote access."
            }
            ReminderKind::SupportEndingSoon { .. } => {
                "Fixes stop soon: install every pending update now and plan a replacement before that date."
            }
            ReminderKind::UpdatesUnchecked { .. } => {
                "Open its app or settings, install any pending update, turn on automatic updates, and note today's date."
            }
            ReminderKind::NotReset => {
                "Factory reset it, then set it up again with your own account and password so the previous owner has no way in."
            }
        }
    }
}

/// A lifecycle reminder for one device.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reminder {
    pub device: String,
    pub device_name: String,
    #[serde(flatten)]
    pub kind: ReminderKind,
    pub what_to_do: &'static str,
}

impl Reminder {
    fn new(device: &Device, kind: ReminderKind) -> Reminder {
        Reminder {
            device: device.id.clone(),
            device_name: device.name.clone(),
            kind,
            what_to_do: kind.what_to_do(),
        }
    }

    /// The reminder as one sentence, naming the device.
    pub fn sentence(&self) -> String {
        let what = match self.kind {
            ReminderKind::SupportEnded { on } => format!("its support period ended on {on}"),
            ReminderKind::SupportEndingSoon { on } => format!("its support period ends on {on}"),
            ReminderKind::UpdatesUnchecked { last: Some(d) } => {
                format!("updates were last checked on {d}")
            }
            ReminderKind::UpdatesUnchecked { last: None } => {
                "nobody has recorded checking its updates".to_string()
            }
            ReminderKind::NotReset => "it came second-hand and may not have been reset".to_string(),
        };
        format!("{}: {what}. {}", self.device_name, self.what_to_do)
    }
}

/// The reminders as one line per kind, naming every device it concerns, in
/// the order the kinds first appear: five devices whose updates nobody has
/// checked make one line, not five near-identical ones.
pub fn grouped(reminders: &[Reminder]) -> Vec<String> {
    let kind = |r: &Reminder| std::mem::discriminant(&r.kind);
    let mut kinds: Vec<&Reminder> = Vec::new();
    for r in reminders {
        if !kinds.iter().any(|k| kind(k) == kind(r)) {
            kinds.push(r);
        }
    }
    kinds
        .into_iter()
        .map(|first| {
            let these: Vec<&Reminder> = reminders.iter().filter(|r| kind(r) == kind(first)).collect();
            let one = these.len() == 1;
            let names = |with_date: bool| {
                let each: Vec<String> = these
                    .iter()
                    .map(|r| match r.kind {
                        ReminderKind::SupportEnded { on } | ReminderKind::SupportEndingSoon { on }
                            if with_date =>
                        {
                            format!("{} ({on})", r.device_name)
                        }
                        _ => r.device_name.clone(),
                    })
                    .collect();
                and_list(&each)
            };
            let (it, its) = if one { ("it", "its") } else { ("them", "each one's") };
            match first.kind {
                ReminderKind::SupportEnded { .. } => format!(
                    "No more security fixes for {}: support has ended. Plan to replace {it}; until then keep {it} on a guest network and off remote access.",
                    names(true)
                ),
                ReminderKind::SupportEndingSoon { .. } => format!(
                    "Security fixes stop soon for {}. Install every pending update now and plan a replacement before that date.",
                    names(true)
                ),
                ReminderKind::UpdatesUnchecked { .. } => format!(
                    "Check for updates on {}: open {its} app or settings, install any pending update, turn on automatic updates, and note today's date.",
                    names(false)
                ),
                ReminderKind::NotReset => format!(
                    "{} came second-hand and may not have been reset. Factory reset {it}, then set {it} up again with your own account and password so the previous owner has no way in.",
                    names(false)
                ),
            }
        })
        .collect()
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The reminders for one device (`ctx` is None when its category is unknown).
pub(crate) fn reminders_for(
    engine: &Engine<'_>,
    household: &Household,
    device: &Device,
    ctx: Option<&DeviceContext<'_>>,
    today: Date,
) -> Vec<Reminder> {
    let life = &device.lifecycle;
    let mut out = Vec::new();
    if let Some(on) = life.support_end {
        if support_ended(Some(on), today) {
            out.push(Reminder::new(device, ReminderKind::SupportEnded { on }));
        } else if support_ending_soon(Some(on), today) {
            out.push(Reminder::new(
                device,
                ReminderKind::SupportEndingSoon { on },
            ));
        }
    }
    if let Some(ctx) = ctx
        && updates_unchecked(life.updates_checked, today)
        && due_for_updates(engine, ctx)
    {
        out.push(Reminder::new(
            device,
            ReminderKind::UpdatesUnchecked {
                last: life.updates_checked,
            },
        ));
    }
    if life.acquired == Acquired::SecondHand && !reset_confirmed(engine, household, device) {
        out.push(Reminder::new(device, ReminderKind::NotReset));
    }
    out
}

/// Updatable, or facing a scenario moved by an updates-unchecked condition.
fn due_for_updates(engine: &Engine<'_>, ctx: &DeviceContext<'_>) -> bool {
    ctx.capabilities.contains(&UPDATABLE_CAPABILITY)
        || ctx.scenarios.iter().any(|&s| {
            engine.scenario_conditions[s]
                .iter()
                .flatten()
                .any(|&c| engine.catalog.conditions[c].source == ConditionSource::UpdatesUnchecked)
        })
}

/// Some question setting the reset control is answered yes.
fn reset_confirmed(engine: &Engine<'_>, household: &Household, device: &Device) -> bool {
    engine
        .controls
        .get(RESET_SECOND_HAND_CONTROL)
        .is_some_and(|&c| {
            engine.control_questions[c]
                .iter()
                .any(|&q| engine.answer_of(q, household, device) == Some(Answer::Yes))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reminder(name: &str, kind: ReminderKind) -> Reminder {
        Reminder {
            device: name.to_lowercase(),
            device_name: name.to_string(),
            kind,
            what_to_do: kind.what_to_do(),
        }
    }

    #[test]
    fn reminders_of_one_kind_make_one_line_naming_every_device() {
        let unchecked = ReminderKind::UpdatesUnchecked { last: None };
        let ended = ReminderKind::SupportEnded {
            on: Date::new(2025, 1, 31).unwrap(),
        };
        let lines = grouped(&[
            reminder("Router", unchecked),
            reminder("Old TV", ended),
            reminder("Camera", unchecked),
            reminder(
                "Speaker",
                ReminderKind::UpdatesUnchecked {
                    last: Date::new(2024, 3, 1),
                },
            ),
        ]);
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert!(
            lines[0].starts_with(
                "Check for updates on Router, Camera and Speaker: open each one's app"
            ),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with("No more security fixes for Old TV (2025-01-31): support has ended. Plan to replace it;"),
            "{}",
            lines[1]
        );
        assert!(grouped(&[]).is_empty());
    }
}
