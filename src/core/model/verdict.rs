//! Rating scales: the verdict a fact-check publishes, kept apart from the claim's status.
//!
//! A status says how a claim stands in the reporting (sourced, disputed, denied by the party
//! concerned); it is never a truth rating. A verdict is a level of the project's own rating
//! scale (a six-level true→false scale, textual conclusions, platform labels, or the desk's own),
//! and only a verdict becomes a ClaimReview `reviewRating`.

use serde::{Deserialize, Serialize};

/// One level of a rating scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingLevel {
    pub name: String,
    /// The numeric rating published with the name, when the scale has numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<i32>,
}

/// A project's rating scale: levels ordered worst first. Names are unique (case-insensitively).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RatingScale {
    /// The preset this scale came from (`six-level`, `conclusions`, `platform`), or `custom`.
    pub name: String,
    pub levels: Vec<RatingLevel>,
}

/// A scale a project can start from.
pub struct Preset {
    pub name: &'static str,
    pub description: &'static str,
    /// Level names worst first, with their numeric ratings (if the scale has numbers).
    pub levels: &'static [(&'static str, Option<i32>)],
}

/// The scales a project can start from.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "six-level",
        description: "a six-level true-to-false scale with ratings 1 to 6",
        levels: &[
            ("Pants on fire", Some(1)),
            ("False", Some(2)),
            ("Mostly false", Some(3)),
            ("Half true", Some(4)),
            ("Mostly true", Some(5)),
            ("True", Some(6)),
        ],
    },
    Preset {
        name: "conclusions",
        description: "textual conclusions, as wire-service fact-checks publish them (no numbers)",
        levels: &[
            ("False", None),
            ("Misleading", None),
            ("Missing context", None),
            ("Unsupported", None),
            ("Correct with caveats", None),
            ("Correct", None),
        ],
    },
    Preset {
        name: "platform",
        description: "the labels social platforms apply to checked content (no numbers)",
        levels: &[
            ("False", None),
            ("Altered", None),
            ("Partly false", None),
            ("Missing context", None),
            ("Satire", None),
            ("True", None),
        ],
    },
];

impl RatingScale {
    /// A preset by name (`six-level`, `conclusions`, `platform`).
    pub fn preset(name: &str) -> Option<RatingScale> {
        let preset = PRESETS
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name.trim()))?;
        Some(RatingScale {
            name: preset.name.to_string(),
            levels: preset
                .levels
                .iter()
                .map(|(name, value)| RatingLevel {
                    name: (*name).to_string(),
                    value: *value,
                })
                .collect(),
        })
    }

    /// A custom scale from names worst first; level N (from 1) gets the numeric value N.
    pub fn custom(names: &[&str]) -> Result<RatingScale, String> {
        let levels: Vec<RatingLevel> = names
            .iter()
            .map(|n| n.trim())
            .filter(|n| !n.is_empty())
            .zip(1..)
            .map(|(name, value)| RatingLevel {
                name: name.to_string(),
                value: Some(value),
            })
            .collect();
        let scale = RatingScale {
            name: "custom".to_string(),
            levels,
        };
        scale.validate()?;
        Ok(scale)
    }

    /// A custom scale from the text of `factdesk scale --levels`, level names worst first,
    /// separated by commas:
    ///
    /// - `"False,Mixed,True"`: plain names are rated 1..N, as [`RatingScale::custom`] does
    ///   (or not at all with `numbered: false`);
    /// - `"False=1,Mixed=2,True=5"`: each level gets the number written after `=`; once any
    ///   level has one, a level written without a number (`Satire` or `Satire=`) has none.
    ///
    /// Chosen numbers must rise from worst to best (a rating's best is its highest number).
    pub fn from_levels_text(text: &str, numbered: bool) -> Result<RatingScale, String> {
        let items: Vec<&str> = text
            .split(',')
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        if !items.iter().any(|i| i.contains('=')) {
            let mut scale = RatingScale::custom(&items)?;
            if !numbered {
                for level in &mut scale.levels {
                    level.value = None;
                }
            }
            return Ok(scale);
        }
        if !numbered {
            return Err(
                "levels with numbers (NAME=N) cannot also be given without numbers".to_string(),
            );
        }
        let mut levels = Vec::with_capacity(items.len());
        for item in items {
            let (name, value) = match item.split_once('=') {
                None => (item, None),
                Some((name, value)) => {
                    let value = value.trim();
                    if value.contains('=') {
                        return Err(format!("'{item}': a level name cannot contain '='"));
                    }
                    let number =
                        if value.is_empty() {
                            None
                        } else {
                            Some(value.parse::<i32>().map_err(|_| {
                                format!("'{item}': '{value}' is not a whole number")
                            })?)
                        };
                    (name.trim(), number)
                }
            };
            levels.push(RatingLevel {
                name: name.to_string(),
                value,
            });
        }
        let numbers: Vec<(&str, i32)> = levels
            .iter()
            .filter_map(|l| l.value.map(|v| (l.name.as_str(), v)))
            .collect();
        if let Some(pair) = numbers.windows(2).find(|w| w[0].1 >= w[1].1) {
            return Err(format!(
                "numbers must rise from worst to best: '{}' ({}) comes before '{}' ({})",
                pair[0].0, pair[0].1, pair[1].0, pair[1].1
            ));
        }
        let scale = RatingScale {
            name: "custom".to_string(),
            levels,
        };
        scale.validate()?;
        Ok(scale)
    }

    /// At least two levels, no empty or repeated names, no line breaks.
    pub fn validate(&self) -> Result<(), String> {
        if self.levels.len() < 2 {
            return Err("a rating scale needs at least two levels".to_string());
        }
        for (i, level) in self.levels.iter().enumerate() {
            let name = level.name.trim();
            if name.is_empty() || name.contains('\n') {
                return Err(format!("level {} has no name (or a line break)", i + 1));
            }
            if self.levels[..i]
                .iter()
                .any(|l| l.name.trim().eq_ignore_ascii_case(name))
            {
                return Err(format!("the level '{name}' is named twice"));
            }
        }
        Ok(())
    }

    /// The level called `name` (case-insensitively).
    pub fn level(&self, name: &str) -> Option<&RatingLevel> {
        self.levels
            .iter()
            .find(|l| l.name.trim().eq_ignore_ascii_case(name.trim()))
    }

    /// The best and worst numeric values, when every level has one.
    pub fn best_worst(&self) -> Option<(i32, i32)> {
        let values: Option<Vec<i32>> = self.levels.iter().map(|l| l.value).collect();
        let values = values?;
        Some((*values.iter().max()?, *values.iter().min()?))
    }

    /// The level names, worst first, for messages ("False, Mostly false, …").
    pub fn names(&self) -> String {
        let names: Vec<&str> = self.levels.iter().map(|l| l.name.as_str()).collect();
        names.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_and_custom_scales() {
        for p in PRESETS {
            let s = RatingScale::preset(p.name).expect("preset");
            s.validate().expect("valid");
        }
        let six = RatingScale::preset("SIX-LEVEL").expect("case-insensitive");
        assert_eq!(six.best_worst(), Some((6, 1)));
        assert_eq!(six.level("half TRUE").and_then(|l| l.value), Some(4));
        assert_eq!(
            RatingScale::preset("platform").expect("p").best_worst(),
            None
        );
        let c = RatingScale::custom(&["False", " Mostly false ", "", "True"]).expect("custom");
        assert_eq!(c.names(), "False, Mostly false, True");
        assert_eq!(c.best_worst(), Some((3, 1)));
        assert!(RatingScale::custom(&["Only"]).is_err());
        assert!(RatingScale::custom(&["A", "a"]).is_err());
        assert!(RatingScale::preset("nope").is_none());
    }

    #[test]
    fn levels_text_with_chosen_numbers_or_none() {
        let values =
            |s: &RatingScale| -> Vec<Option<i32>> { s.levels.iter().map(|l| l.value).collect() };
        // The plain form is what it always was: 1..N.
        let plain =
            RatingScale::from_levels_text("False, Mostly false, ,True", true).expect("plain");
        assert_eq!(
            plain,
            RatingScale::custom(&["False", "Mostly false", "True"]).expect("c")
        );
        let textual = RatingScale::from_levels_text("False,Misleading,Correct", false).expect("t");
        assert_eq!(values(&textual), [None, None, None]);
        assert_eq!(textual.best_worst(), None);
        let chosen = RatingScale::from_levels_text("False=0, Mixed = 5, True=10", true).expect("n");
        assert_eq!(chosen.names(), "False, Mixed, True");
        assert_eq!(values(&chosen), [Some(0), Some(5), Some(10)]);
        assert_eq!(chosen.best_worst(), Some((10, 0)));
        let mixed = RatingScale::from_levels_text("False=1,Satire,True=3,Other=", true).expect("m");
        assert_eq!(values(&mixed), [Some(1), None, Some(3), None]);
        assert_eq!(mixed.best_worst(), None, "not every level has a number");
        for bad in [
            "False=x,True=2",
            "False=3,True=2",
            "False=1,True=1",
            "=1,True=2",
            "A=1=2,B=3",
            "Only=1",
        ] {
            assert!(RatingScale::from_levels_text(bad, true).is_err(), "{bad}");
        }
        assert!(RatingScale::from_levels_text("False=1,True=2", false).is_err());
    }
}
