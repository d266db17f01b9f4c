//! The supply-side view: the controls that only makers (service developers)
//! and service providers can put in place, grouped by ETSI EN 303 645
//! provision group, for people who make or sell connected devices.

use super::model::{Catalog, Control, Stakeholder};

/// One provision group with its supply-side controls.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplyGroup<'c> {
    /// "5.1" .. "5.13", "6", or "other" for controls citing no provision.
    pub group: String,
    /// The group's title from catalog/frameworks.toml.
    pub title: String,
    pub controls: Vec<&'c Control>,
}

/// The group of an ETSI provision id: "5.3-13" -> "5.3", "6-2" -> "6".
pub fn provision_group(id: &str) -> &str {
    id.split('-').next().unwrap_or(id)
}

/// Sort key for "5.10" after "5.9", "6" after "5.13", "other" last.
fn order(group: &str) -> (u32, u32) {
    if group == "other" {
        return (u32::MAX, 0);
    }
    let mut it = group
        .split('.')
        .map(|p| p.parse::<u32>().unwrap_or(u32::MAX));
    (it.next().unwrap_or(u32::MAX), it.next().unwrap_or(0))
}

/// Developer and provider controls, each under the group of its first ETSI
/// provision, groups in provision order, controls in catalog order.
pub fn supply_groups(catalog: &Catalog) -> Vec<SupplyGroup<'_>> {
    let mut groups: Vec<SupplyGroup<'_>> = Vec::new();
    for c in catalog
        .controls
        .iter()
        .filter(|c| c.stakeholder != Stakeholder::User)
    {
        let group = c
            .refs
            .etsi_en_303_645
            .first()
            .map_or("other", |id| provision_group(id))
            .to_string();
        match groups.iter_mut().find(|g| g.group == group) {
            Some(g) => g.controls.push(c),
            None => {
                let title = catalog
                    .frameworks
                    .etsi_en_303_645
                    .iter()
                    .find(|f| provision_group(&f.id) == group)
                    .map_or_else(
                        || "Other supply-side practices".to_string(),
                        |f| f.title.clone(),
                    );
                groups.push(SupplyGroup {
                    group,
                    title,
                    controls: vec![c],
                });
            }
        }
    }
    crate::order::sort_by_key(&mut groups, |g| order(&g.group));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::embedded;

    #[test]
    fn groups_split_ids_and_sort_numerically() {
        assert_eq!(provision_group("5.3-13"), "5.3");
        assert_eq!(provision_group("6-2"), "6");
        let mut g = vec!["6", "5.10", "other", "5.9", "5.1"];
        g.sort_by_key(|x| order(x));
        assert_eq!(g, ["5.1", "5.9", "5.10", "6", "other"]);
    }

    #[test]
    fn every_supply_control_is_listed_once_under_its_first_provision() {
        let c = embedded();
        let groups = supply_groups(c);
        let listed: Vec<&str> = groups
            .iter()
            .flat_map(|g| g.controls.iter().map(|c| c.id.as_str()))
            .collect();
        let expected: Vec<&str> = c
            .controls
            .iter()
            .filter(|x| x.stakeholder != Stakeholder::User)
            .map(|x| x.id.as_str())
            .collect();
        assert_eq!(listed.len(), expected.len());
        for id in &expected {
            assert_eq!(listed.iter().filter(|x| *x == id).count(), 1, "{id}");
        }
        for g in &groups {
            for ctl in &g.controls {
                let first = ctl
                    .refs
                    .etsi_en_303_645
                    .first()
                    .map_or("other", |x| provision_group(x));
                assert_eq!(first, g.group);
            }
            assert!(!g.title.is_empty());
        }
        assert!(groups.len() >= 5, "spread over several provision groups");
    }
}
