//! The risk register and action plan as CSV (to be written).
