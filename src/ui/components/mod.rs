//! Reusable pieces: one component per file.

pub mod after_first_frame;
pub mod answer_buttons;
pub mod answer_list;
pub mod heat_canvas;
pub mod heat_map;
pub mod icon;
pub mod level_badge;
pub mod link;
pub mod notices;
pub mod open_questions;
pub mod pick_answer;
pub mod progress_bar;
pub mod questionnaire;
pub mod risk_list;
pub mod sample_banner;
pub mod training_setup;
pub mod update_prompt;

pub use after_first_frame::AfterFirstFrame;
pub use answer_buttons::AnswerButtons;
pub use answer_list::AnswerList;
pub use heat_map::{HeatMap, HeatTable};
pub use icon::Icon;
pub use level_badge::LevelBadge;
pub use link::A;
pub use notices::Notices;
pub use open_questions::OpenQuestions;
pub use pick_answer::PickAnswer;
pub use progress_bar::ProgressBar;
pub use questionnaire::Questionnaire;
pub use risk_list::RiskList;
pub use sample_banner::SampleBanner;
pub use training_setup::{SetupChoice, TrainingSetup};
pub use update_prompt::UpdatePrompt;
