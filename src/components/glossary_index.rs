//! The glossary index as an island: A–Z, filtered by kind and by typing. The filters live in
//! the address (`?q=…&kind=…`), so a filtered view can be linked to. The page is rendered at
//! build time unfiltered, and reads complete without JavaScript; in the browser the island
//! applies the address's filters once it has hydrated.

use corpus::model::EntryKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::browser;

/// One entry as the index lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexItem {
    /// The entry page's address.
    pub href: String,
    /// The name as an index files it ("Zinoviev, Grigory").
    pub index_name: String,
    /// What it names.
    pub kind: EntryKind,
    /// The definition's first sentence.
    pub gist: String,
    /// What the filter looks in: the headword, the index name and every spelling the
    /// sources use, each [`filter_key`]ed at build time, one a line.
    pub search: String,
}

impl IndexItem {
    /// The `search` text of an entry with these names (made at build time).
    #[cfg(feature = "ssr")]
    pub fn search_text<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
        names
            .into_iter()
            .map(filter_key)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A name or what the reader typed, as the filter compares them: any case, curly or
/// straight apostrophes alike.
pub fn filter_key(text: &str) -> String {
    text.to_lowercase().replace('\u{2019}', "'")
}

/// The letter an entry is filed under: its first letter A–Z, else "#".
pub fn letter(index_name: &str) -> char {
    let first = index_name
        .chars()
        .find(|c| c.is_alphanumeric())
        .unwrap_or('#')
        .to_ascii_uppercase();
    if first.is_ascii_alphabetic() {
        first
    } else {
        '#'
    }
}

/// Whether an entry matches what the reader typed (already [`filter_key`]ed and trimmed):
/// in its name or any spelling.
pub fn matches(item: &IndexItem, typed: &str) -> bool {
    typed.is_empty() || item.search.contains(typed)
}

/// The id of a letter's section ("#" for names that start with no letter A–Z).
fn letter_id(letter: char) -> String {
    if letter == '#' {
        "letter-other".to_string()
    } else {
        format!("letter-{letter}")
    }
}

/// The filters and the filtered index.
#[island]
pub fn GlossaryIndex(entries: Vec<IndexItem>) -> impl IntoView {
    let entries = StoredValue::new(entries);
    let typed = RwSignal::new(String::new());
    let kind = RwSignal::new(None::<EntryKind>);
    // After hydration (effects never run at build time): take the filters from the address.
    Effect::new(move |_| {
        let (q, k) = (browser::query_param("q"), browser::query_param("kind"));
        if let Some(q) = q {
            typed.set(q);
        }
        kind.set(k.as_deref().and_then(EntryKind::from_key));
    });
    let write_address = move || {
        let typed = typed.get_untracked();
        let mut query: Vec<(&str, String)> = Vec::new();
        if !typed.is_empty() {
            query.push(("q", typed));
        }
        if let Some(kind) = kind.get_untracked() {
            query.push(("kind", kind.key().to_string()));
        }
        browser::replace_query(&query);
    };

    let visible = Memo::new(move |_| {
        // Folded once per keystroke; the entries were folded at build time.
        let typed = filter_key(typed.read().trim());
        let kind = kind.get();
        entries.with_value(|entries| {
            entries
                .iter()
                .enumerate()
                .filter(|(_, item)| kind.is_none_or(|k| item.kind == k) && matches(item, &typed))
                .map(|(index, _)| index)
                .collect::<Vec<_>>()
        })
    });
    let letters = move || {
        // Each letter once, "#" first, whatever the order the entries are sorted in.
        let letters: std::collections::BTreeSet<char> = entries.with_value(|entries| {
            visible
                .get()
                .iter()
                .map(|&i| letter(&entries[i].index_name))
                .collect()
        });
        letters.into_iter().collect::<Vec<_>>()
    };

    let kind_options = EntryKind::ALL
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.key() selected=move || kind.get() == Some(option)>
                    {option.label()}
                </option>
            }
        })
        .collect_view();

    view! {
        <form class="glossary-filters" role="search" on:submit=|event| event.prevent_default()>
            <div class="field">
                <label for="glossary-filter">"Filter"</label>
                <input
                    id="glossary-filter"
                    name="q"
                    type="search"
                    autocomplete="off"
                    placeholder="a name or spelling, e.g. Zinov'ev"
                    prop:value=move || typed.get()
                    on:input=move |event| {
                        typed.set(event_target_value(&event));
                        write_address();
                    }
                />
            </div>
            <div class="field">
                <label for="glossary-kind">"Kind"</label>
                <select
                    id="glossary-kind"
                    name="kind"
                    on:change=move |event| {
                        kind.set(EntryKind::from_key(&event_target_value(&event)));
                        write_address();
                    }
                >
                    <option value="" selected=move || kind.get().is_none()>"All kinds"</option>
                    {kind_options}
                </select>
            </div>
        </form>
        <p class="glossary-count" role="status">
            {move || match visible.read().len() {
                0 => "No entry matches.".to_string(),
                1 => "1 entry".to_string(),
                n => format!("{n} entries"),
            }}
        </p>
        <nav class="az" aria-label="Letters">
            <ul>
                {move || {
                    letters()
                        .into_iter()
                        .map(|l| view! { <li><a href=format!("#{}", letter_id(l))>{l.to_string()}</a></li> })
                        .collect_view()
                }}
            </ul>
        </nav>
        {move || {
            let visible = visible.get();
            letters()
                .into_iter()
                .map(|l| {
                    let items = entries.with_value(|entries| {
                        visible
                            .iter()
                            .map(|&i| entries[i].clone())
                            .filter(|item| letter(&item.index_name) == l)
                            .map(|item| {
                                view! {
                                    <li>
                                        <a href=item.href>{item.index_name}</a>
                                        <span class="glossary-kind">{item.kind.label()}</span>
                                        <span class="glossary-gist">{item.gist}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    });
                    view! {
                        <section class="glossary-letter" aria-labelledby=letter_id(l)>
                            <h2 id=letter_id(l)>{l.to_string()}</h2>
                            <ul class="glossary-list">{items}</ul>
                        </section>
                    }
                })
                .collect_view()
        }}
    }
}
