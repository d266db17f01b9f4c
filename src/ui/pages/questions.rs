use super::{NoDevice, WithHousehold};
use crate::assess::AnswerTarget;
use crate::catalog::Question;
use crate::ui::components::Questionnaire;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The questions about one device.
#[component]
pub fn DeviceQuestions(
    /// The device's id, from the address.
    id: String,
) -> impl IntoView {
    let app = use_app();
    let id = Signal::stored(id);
    // A memo, so answering (which changes the state) does not rebuild the page.
    let device = Memo::new(move |_| app.with_device(&id.get(), |d| d.name.clone()));
    view! {
        {move || match device.get() {
            None => view! { <NoDevice /> }.into_any(),
            Some(name) => {
                let id = id.get();
                let order = stake_order(Some(&id));
                let questions = Signal::derive({
                    let id = id.clone();
                    move || in_order(app.with_device(&id, |d| app.engine.device_questions(d, app.today)).unwrap_or_default(), &order)
                });
                // Next: the next device's questions, or the household's.
                let next = app.state.with_untracked(|s| {
                    s.active_household().and_then(|h| {
                        let i = h.devices.iter().position(|d| d.id == id)?;
                        h.devices.get(i + 1).map(|d| (format!("/devices/{}/questions", d.id), format!("Next device: {}", d.name)))
                    })
                }).unwrap_or_else(|| ("/home-questions".into(), "Home network and accounts".into()));
                view! {
                    <h1>{format!("Questions about “{name}”")}</h1>
                    <Questionnaire questions=questions target=AnswerTarget::Device(id) next_href=next.0 next_label=next.1 />
                }.into_any()
            }
        }}
    }
}

/// The household-wide questions (router, Wi-Fi, accounts, habits).
#[component]
pub fn HomeQuestions() -> impl IntoView {
    let app = use_app();
    let order = stake_order(None);
    let questions = Signal::derive(move || {
        in_order(
            app.with_household(|h| app.engine.household_questions(h))
                .unwrap_or_default(),
            &order,
        )
    });
    view! {
        <WithHousehold>
            <h1>"Home network and accounts"</h1>
            <p class="lead">"These answers count for every device in your home."</p>
            <Questionnaire questions=questions target=AnswerTarget::Household next_href="/results" next_label="See results" />
        </WithHousehold>
    }
}

/// The question ids of a device (`Some(id)`) or of the home in the order the
/// engine asks them (unanswered first, most at stake first), worked out once
/// when the page opens: the order does not change while answering.
fn stake_order(device: Option<&str>) -> Vec<String> {
    let app = use_app();
    app.state
        .with_untracked(|s| {
            let h = s.active_household()?;
            let position = match device {
                Some(id) => Some(h.devices.iter().position(|d| d.id == id)?),
                None => None,
            };
            let asks = app.engine.asks(h, app.today);
            Some(asks.of(position).map(|a| a.question.id.clone()).collect())
        })
        .unwrap_or_default()
}

/// `questions` in `order` (ids); any not in it last, in their own order.
fn in_order(mut questions: Vec<&'static Question>, order: &[String]) -> Vec<&'static Question> {
    questions.sort_by_key(|q| {
        order
            .iter()
            .position(|id| *id == q.id)
            .unwrap_or(usize::MAX)
    });
    questions
}

#[cfg(test)]
mod tests {
    use super::in_order;

    #[test]
    fn questions_follow_the_given_order_and_the_rest_keep_theirs_at_the_end() {
        let qs: Vec<_> = crate::catalog::embedded()
            .questions
            .iter()
            .take(4)
            .collect();
        let order = vec![qs[2].id.clone(), qs[0].id.clone()];
        let ids: Vec<&str> = in_order(qs.clone(), &order)
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(ids, [&qs[2].id, &qs[0].id, &qs[1].id, &qs[3].id]);
        assert_eq!(in_order(qs.clone(), &[]), qs, "no order: unchanged");
    }
}
