//! The supply-side checklist's export: which developer and provider controls
//! a maker or seller has in place, as CSV.

use super::csv::{BOM, cell};
use crate::catalog::supply::SupplyGroup;

/// The checklist's columns.
pub const SUPPLY_HEADER: [&str; 6] = [
    "provision_group",
    "group_title",
    "control_id",
    "control",
    "stakeholder",
    "done",
];

/// One row per control, grouped as on screen; `done` lists checked control ids.
pub fn supply_csv(groups: &[SupplyGroup<'_>], done: &[String]) -> String {
    let mut out = String::from(BOM);
    out.push_str(&SUPPLY_HEADER.join(","));
    out.push_str("\r\n");
    for g in groups {
        for c in &g.controls {
            let who = c.stakeholder.name();
            let yes = if done.iter().any(|d| d == &c.id) {
                "yes"
            } else {
                "no"
            };
            let row = [g.group.as_str(), &g.title, &c.id, &c.title, who, yes];
            out.push_str(
                &row.iter()
                    .map(|x| cell(x).into_owned())
                    .collect::<Vec<_>>()
                    .join(","),
            );
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{embedded, supply::supply_groups};

    #[test]
    fn one_row_per_supply_control_with_its_state() {
        let c = embedded();
        let groups = supply_groups(c);
        let first = groups[0].controls[0].id.clone();
        let text = supply_csv(&groups, std::slice::from_ref(&first));
        let lines: Vec<&str> = text
            .trim_start_matches(BOM)
            .trim_end()
            .split("\r\n")
            .collect();
        assert_eq!(lines[0], SUPPLY_HEADER.join(","));
        let n: usize = groups.iter().map(|g| g.controls.len()).sum();
        assert_eq!(lines.len(), n + 1);
        let first_row = lines.iter().find(|l| l.contains(&first)).unwrap();
        assert!(first_row.ends_with(",yes"), "{first_row}");
        assert_eq!(lines.iter().filter(|l| l.ends_with(",yes")).count(), 1);
    }
}
