//! One file per page.

mod not_found;
mod welcome;

pub use not_found::NotFound;
pub use welcome::Welcome;
