//! Every scoring rule of the engine, in one place. The other files of this
//! layer only apply what is written here.
//!
//! # Scales
//! Likelihood and impact run from 1 (Very low) to 5 (Very high). The engine
//! keeps continuous values (`f32`) and turns them into levels only for the
//! matrix lookup and the heat maps.
//!
//! # Which scenarios a device faces
//! Device capabilities = the category's defaults + `capabilities_added` −
//! `capabilities_removed` (a removal wins). A scenario applies to a device when
//! `scenario.applies_to.matches(category, capabilities)`: the device's
//! category is not in the scenario's `applies_to.except`, and its category
//! or one of its capabilities is listed in `applies_to`. An exception wins
//! over a capability, the category's default or one the user added: a
//! lock that "protects the home" is still no smoke alarm, so
//! `except = ["dev.lock"]` keeps "a safety alarm fails silently" off it.
//! [`Engine::device_scenarios`](super::Engine::device_scenarios) lists them.
//!
//! # Which questions concern a device
//! A question concerns a device when its control treats, or its condition
//! moves, a scenario that applies to the device, and the question's own
//! `applies_to` admits the device (`AppliesTo::admits`): its category is not
//! in `except`, and when `applies_to` lists categories or capabilities, the
//! device matches them (an `applies_to` with only `except` narrows nothing
//! else: "every device it concerns but a TV"). A device question whose
//! control is voided on the device (see Controls: support has ended, the
//! device was bought new) is not asked: no answer could change anything.
//! Device-scope questions are answered on the device, household-scope
//! questions once for the home and count for every device they concern; a
//! device's own answer to a household question overrides the home's for
//! that device (the home answered "some of them": `partly` at home, `yes`
//! on the devices picked, `no` on the others; a device added later counts
//! the home's `partly` until it is picked or not). A question about a
//! condition that is derived from facts (any `source` but `question`) is
//! never used. Answers to questions that do not concern a device are
//! ignored. When several questions set the same control or condition, the
//! first one in catalog order that concerns the device and has an answer
//! counts.
//!
//! # The model (v2): risk source → path → event → consequence
//! A scenario is an event with a consequence. It comes about along one or
//! more **paths**: a risk source through one weakness ("an automated scan,
//! through the password it came with"; "through a known flaw in its
//! software"). Each path has its own likelihood; the scenario is as likely
//! as its most likely path (the easiest way in decides, not the sum of the
//! ways). A scenario that lists no paths has one, with its base likelihood.
//! A control counts only against the paths it stops: a changed password does
//! nothing against a known flaw. A missing control is never the risk itself;
//! it leaves a path open, and a path left open is as likely as its base says
//! (the base is the likelihood with the door open).
//!
//! # Conditions (inherent risk)
//! A condition holds with a weight:
//! - asked conditions: yes → 1; partly → 0.5; no, not applicable or unanswered
//!   → 0; don't know → 1 (the conservative reading) and an open question;
//! - derived conditions, from the device's lifecycle facts and `today` (an
//!   input: the core has no clock), weight 1 when they hold:
//!   `second-hand` when acquired second-hand; `support-ended` when
//!   `support_end < today`; `support-ending-soon` when
//!   `today <= support_end < today + 183 days`; `updates-unchecked` when
//!   updates were never recorded as checked or last checked more than 90 days
//!   ago; `support-current` when neither `support-ended` nor
//!   `support-ending-soon` holds (it voids "retire devices that no longer get
//!   fixes": planning to replace a device later lowers nothing today);
//!   `bought-new` when not acquired second-hand (it voids "reset
//!   second-hand devices": a new device has no earlier owner to remove);
//! - device conditions (`source = "device"`), weight 1 when the condition's
//!   `applies_to` matches the device (as for scenarios, `except` included):
//!   the device's context (a lock opens the home, a router carries all the
//!   home's traffic, a child uses it), which raises the impact of the
//!   scenarios that say so.
//!
//! Each path's inherent likelihood = clamp(its base + Σ weight × likelihood
//! delta of the effects that name the path or no path, 1, 5); the
//! scenario's inherent likelihood = the highest path's.
//! Impact on each dimension = clamp(base_d + Σ weight × impact delta, 1, 5),
//! where a delta with no `dimension` moves all four. Overall impact = the
//! highest dimension.
//!
//! # Controls (residual risk)
//! A control counts for a device only when a question that concerns the device
//! sets it; controls with no such question (vendor-side only) never change the
//! residual. The answer gives a weight w: yes → 1; partly → 0.5; no, don't
//! know (an open question too) or unanswered → 0; not applicable → the
//! treatment is removed for that device. A control **voided** by a derived
//! condition that holds on the device (only conditions worked out from
//! facts may void, and they hold or not: once support has ended, automatic
//! updates bring no fix) is not counted either, and the explanation
//! says why. Controls the user marked as planned count as yes in the
//! projected (what-if) picture only, never in the residual, and never where
//! they are not applicable.
//!
//! Combination on one axis (diminishing returns, cannot leave the scale):
//!
//! ```text
//! R_p      = 1 − Π (1 − strength × w)   over the likelihood treatments that stop path p
//! L_p      = 1 + (L_p inherent − 1) × (1 − R_p)
//! residual likelihood = max over paths of L_p
//! residual impact     = 1 + (inherent − 1) × (1 − R)   over the impact treatments
//! ```
//!
//! so the residual is never below 1 nor above the inherent value, "yes"
//! never raises it, and a second control only takes a share of what the
//! first one left on its path. Impact treatments scale every dimension the
//! same way (so the highest dimension stays the highest). Explanations
//! apply the factors one by one in catalog order; the running product gives
//! the same end value.
//!
//! # Levels and risk
//! The level of an axis value is the value rounded half up to an integer 1..=5
//! (values within 0.0001 below a half count as the half, so float noise never
//! flips a level). Risk level = `scales.matrix[likelihood level − 1][impact
//! level − 1]` (catalog/scales.toml). The matrix lets Very high likelihood
//! lift the risk one level above the impact (a near-certain compromise of a
//! Moderate harm is High), counts a Moderate likelihood of a High harm as
//! High, and below Very high never rates a risk above its impact. The
//! catalog check refuses a matrix whose Very high row never rises above the
//! High row.
//!
//! # Risk score (ranking)
//! Score = continuous likelihood × continuous impact, 1..=25. Top risks are
//! sorted by residual level (highest first), then residual score, then
//! inherent score, then device id and scenario id. The level leads because
//! levels come from the matrix on rounded values, not from the score: a risk
//! of likelihood 2.4 and impact 5 (score 12) reads Moderate, one of 3 and
//! 3.6 (score 10.8) reads High. A list read top to bottom never puts a High
//! below a Moderate, and the headline names the first risk of the list.
//!
//! # Action plan
//! The plan holds the steps the household can take (controls whose
//! stakeholder is the user); the maker's and provider's controls are "ask
//! the vendor" advice (`Engine::vendor_asks`), ranked the same way. Steps
//! are chosen one at a time: each is the best step once the steps before it
//! are done, and its figures (the pairs it lowers, from what to what, its
//! reduction) are counted on top of them, so two steps that close the same
//! risk are not both ranked on it. The first five are chosen so
//! (`plan::CHOSEN_ONE_BY_ONE`); the rest follow in the same order of keys,
//! counted after those five. The best step is, in order of the keys:
//! 1. the time it can be done: now before at the next purchase;
//! 2. a known gap (its question answered no, partly or don't know on some
//!    device) before a suspected one (only unanswered);
//! 3. the highest residual level it brings down a level (its "worst" pair:
//!    why it stands where it does, said in one sentence);
//! 4. that pair's residual score (the more severe of two High risks);
//! 5. that pair's score once the step is done (the step that leaves less
//!    of the risk);
//! 6. value: the summed drop in residual score over the pairs it lowers
//!    (in millionths, as integers, so the total never depends on device
//!    order), divided by its effort (1..=3);
//! 7. control id.
//!
//! # What is at stake in a question
//! The quick check asks first the question whose answer changes the
//! household's picture most, weighted toward the worst risks. The
//! household's **burden** is Σ score³ / 625 over every pair's residual
//! score (`burden`): 25 for a pair at the top of the scale, 1.2 at 9
//! (Moderate), 0.2 at 5, nearly 0 at the floor, so closing a High risk
//! outweighs trimming many small ones, as the plan's keys do. (Squares
//! were tried first: on ten generated ten-device homes the quick check
//! then kept 3 of the full plan's first five steps in four of them; cubes
//! keep 4 or 5 in all ten.) A question's **stake** is
//! |burden with the answer "no" − burden with "yes"|, everything else as
//! answered (unanswered still counts as not in place): for a device
//! question, over that device's pairs; for a home question, over every
//! device's, its per-device answers set aside. Planned steps are left out:
//! they change the projection, not what an answer is worth now. Questions
//! not asked (see "Which questions concern a device") have no stake.
//!
//! # The quick check
//! Every unanswered question is ranked by stake (highest first; ties: the
//! home's before the devices', devices in household order, questions in
//! catalog order). The quick check asks, one at a time and ranking again
//! after each answer, the highest unanswered question while its stake is
//! at least `QUICK_STAKE` and the household has fewer answers than
//! `quick_limit(devices)`: 20 + 4 per device, at most 60 (ten minutes at
//! about ten seconds an answer). An unanswered question with a stake of at
//! least `QUICK_STAKE` "could still change the results": the results page
//! counts them, and "Answer the next most important question" asks the
//! highest of them, beyond the quick check's limit.
//!
//! # Reminders (lifecycle)
//! Per device: support ended; support ending within 183 days; updates not
//! checked for 90 days or never recorded (for devices with `cap.updatable` or
//! an applicable scenario moved by an `updates-unchecked` condition);
//! second-hand and no question setting `ctl.reset-second-hand` answered yes.

use super::answer::Answer;
use super::date::Date;
use crate::catalog::Scales;

/// Bottom and top of the likelihood and impact scales.
pub const SCALE_MIN: f32 = 1.0;
pub const SCALE_MAX: f32 = 5.0;
/// "Support ending soon" looks this many days ahead (about six months).
pub const SUPPORT_SOON_DAYS: i64 = 183;
/// Updates count as unchecked after this many days.
pub const UPDATES_STALE_DAYS: i64 = 90;
/// The control whose answer silences the second-hand reminder.
pub const RESET_SECOND_HAND_CONTROL: &str = "ctl.reset-second-hand";
/// The capability that makes a device due for update checks.
pub const UPDATABLE_CAPABILITY: &str = "cap.updatable";
/// A scenario lists at most this many paths (one bit each in a mask).
pub const MAX_PATHS: usize = crate::catalog::MAX_PATHS;
/// Tolerance below a half that still rounds up (float noise).
const HALF_TOLERANCE: f32 = 1e-4;

/// How much an answer makes an asked condition hold (0..=1).
pub fn condition_weight(answer: Option<Answer>) -> f32 {
    match answer {
        Some(Answer::Yes | Answer::DontKnow) => 1.0,
        Some(Answer::Partly) => 0.5,
        Some(Answer::No | Answer::NotApplicable) | None => 0.0,
    }
}

/// How much an answer puts a control in place (0..=1), or None when the user
/// says it does not apply (the treatment is removed).
pub fn control_weight(answer: Option<Answer>) -> Option<f32> {
    match answer {
        Some(Answer::Yes) => Some(1.0),
        Some(Answer::Partly) => Some(0.5),
        Some(Answer::No | Answer::DontKnow) | None => Some(0.0),
        Some(Answer::NotApplicable) => None,
    }
}

/// Keeps a value on the 1..=5 scale.
#[inline(always)] // tiny, and on the path of every pair
pub fn clamp_scale(x: f32) -> f32 {
    x.clamp(SCALE_MIN, SCALE_MAX)
}

/// One treatment's factor in `Π (1 − strength × w)`; strength and weight are
/// kept to 0..=1 so a broken catalog cannot push a value off the scale.
#[inline(always)] // tiny, and on the path of every pair
pub fn treatment_factor(strength: f32, weight: f32) -> f32 {
    1.0 - (strength.clamp(0.0, 1.0) * weight.clamp(0.0, 1.0))
}

/// The residual value of an axis given its inherent value and the product of
/// its treatment factors (`1 − R`).
#[inline(always)] // tiny, and on the path of every pair
pub fn reduce(inherent: f32, remaining: f32) -> f32 {
    clamp_scale(1.0 + (inherent - 1.0) * remaining.clamp(0.0, 1.0))
}

/// The combined reduction R of several treatments on one axis.
pub fn combined_reduction(parts: impl IntoIterator<Item = (f32, f32)>) -> f32 {
    1.0 - parts
        .into_iter()
        .map(|(s, w)| treatment_factor(s, w))
        .product::<f32>()
}

/// A scenario's likelihood: that of its most likely path (the easiest way
/// in decides, not the sum of the ways).
pub fn most_likely(paths: impl IntoIterator<Item = f32>) -> f32 {
    paths.into_iter().fold(SCALE_MIN, f32::max)
}

/// The level (1..=5) of a continuous axis value: rounded half up.
#[inline(always)] // tiny, and on the path of every pair
pub fn level(x: f32) -> u8 {
    let x = if x.is_finite() { x } else { SCALE_MIN };
    (x + 0.5 + HALF_TOLERANCE).floor().clamp(1.0, 5.0) as u8
}

/// The risk level for a likelihood level and an impact level, from the matrix.
/// A malformed matrix (ruled out by catalog validation) falls back to the
/// lower of the two levels rather than panicking.
pub fn risk_level(scales: &Scales, likelihood: u8, impact: u8) -> u8 {
    let l = likelihood.clamp(1, 5);
    let i = impact.clamp(1, 5);
    scales
        .matrix
        .get(usize::from(l - 1))
        .and_then(|row| row.get(usize::from(i - 1)))
        .copied()
        .unwrap_or(l.min(i))
        .clamp(1, 5)
}

/// The continuous risk score used for ranking and the action plan (1..=25).
#[inline(always)] // tiny, and on the path of every pair
pub fn risk_score(likelihood: f32, impact: f32) -> f32 {
    likelihood * impact
}

/// A control's effort kept to 1..=3 (the plan divides by it).
pub fn effort(effort: u8) -> u8 {
    effort.clamp(1, 3)
}

/// Support has ended: `support_end < today`.
pub fn support_ended(support_end: Option<Date>, today: Date) -> bool {
    support_end.is_some_and(|end| end < today)
}

/// Support ends soon: `today <= support_end < today + 183 days`.
pub fn support_ending_soon(support_end: Option<Date>, today: Date) -> bool {
    support_end.is_some_and(|end| end >= today && today.days_until(end) < SUPPORT_SOON_DAYS)
}

/// Updates never recorded as checked, or last checked more than 90 days ago.
pub fn updates_unchecked(updates_checked: Option<Date>, today: Date) -> bool {
    updates_checked.is_none_or(|checked| checked.days_until(today) > UPDATES_STALE_DAYS)
}

/// One pair's share of the household's burden (see "What is at stake in a
/// question"): the residual score cubed, over 625 (25 at the top).
pub fn burden(score: f32) -> f32 {
    score * score * score / 625.0
}

/// The least stake that makes a question worth asking in the quick check,
/// in burden units: about half of what halving a Moderate risk's score is
/// worth (score 9 → 4.5 lowers the burden by 1.0).
pub const QUICK_STAKE: f32 = 0.5;

/// How many answers the quick check asks for in all (see "The quick check").
pub fn quick_limit(devices: usize) -> usize {
    (20 + 4 * devices).min(60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn levels_round_half_up() {
        assert_eq!(level(1.0), 1);
        assert_eq!(level(2.49), 2);
        assert_eq!(level(2.5), 3);
        // 1 + 3 × 0.5 computed with float noise just below the half.
        assert_eq!(level(2.499_99), 3);
        assert_eq!(level(4.5), 5);
        assert_eq!(level(0.2), 1);
        assert_eq!(level(9.0), 5);
        assert_eq!(level(f32::NAN), 1);
    }

    #[test]
    fn combination_has_diminishing_returns_and_stays_on_scale() {
        // One control of strength 0.6, yes: R = 0.6; 4 → 1 + 3 × 0.4 = 2.2.
        let r = combined_reduction([(0.6, 1.0)]);
        assert!((reduce(4.0, 1.0 - r) - 2.2).abs() < 1e-6);
        // Two at 0.5 (yes) and 0.6 (partly): R = 1 − 0.5 × 0.7 = 0.65.
        let r = combined_reduction([(0.5, 1.0), (0.6, 0.5)]);
        assert!((r - 0.65).abs() < 1e-6);
        // Even three full-strength controls never leave the scale.
        let r = combined_reduction([(1.0, 1.0), (1.0, 1.0), (1.0, 1.0)]);
        assert_eq!(reduce(5.0, 1.0 - r), 1.0);
        // Broken strengths are kept to 0..=1.
        assert_eq!(treatment_factor(1.7, 1.0), 0.0);
        assert_eq!(treatment_factor(-0.3, 1.0), 1.0);
    }

    #[test]
    fn answer_weights() {
        assert_eq!(condition_weight(Some(Answer::DontKnow)), 1.0);
        assert_eq!(condition_weight(Some(Answer::Partly)), 0.5);
        assert_eq!(condition_weight(None), 0.0);
        assert_eq!(control_weight(Some(Answer::DontKnow)), Some(0.0));
        assert_eq!(control_weight(Some(Answer::Partly)), Some(0.5));
        assert_eq!(control_weight(Some(Answer::NotApplicable)), None);
    }

    #[test]
    fn lifecycle_windows() {
        let today = d("2026-03-01");
        assert!(support_ended(Some(d("2026-02-28")), today));
        assert!(!support_ended(Some(today), today));
        assert!(support_ending_soon(Some(today), today));
        // today + 182 days is inside the window, + 183 is not.
        assert!(support_ending_soon(
            Some(Date::from_days_since_epoch(today.days_since_epoch() + 182)),
            today
        ));
        assert!(!support_ending_soon(
            Some(Date::from_days_since_epoch(today.days_since_epoch() + 183)),
            today
        ));
        assert!(!support_ending_soon(None, today));
        assert!(updates_unchecked(None, today));
        assert!(!updates_unchecked(
            Some(Date::from_days_since_epoch(today.days_since_epoch() - 90)),
            today
        ));
        assert!(updates_unchecked(
            Some(Date::from_days_since_epoch(today.days_since_epoch() - 91)),
            today
        ));
    }
}
