//! The glossary index, `/glossary`: A–Z, filtered by kind and by typing. The filters live in
//! the address (`?q=…&kind=…`), so a filtered view can be linked to and Back restores it.

use corpus::model::{Entry, EntryIndex, EntryKind};
use corpus::paths;
use corpus::text::first_sentence;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::browser::set_title;
use crate::data::corpus;
use crate::hooks::use_replace_address;

/// The letter an entry is filed under.
fn letter(entry: &Entry) -> char {
    let first = entry
        .index_name
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

/// Whether an entry matches what the reader typed: in its name or any spelling, any case,
/// curly or straight apostrophes alike.
fn matches(entry: &Entry, typed: &str) -> bool {
    let fold = |s: &str| s.to_lowercase().replace('\u{2019}', "'");
    let typed = fold(typed.trim());
    typed.is_empty()
        || fold(&entry.headword).contains(&typed)
        || fold(&entry.index_name).contains(&typed)
        || entry
            .aliases
            .iter()
            .any(|alias| fold(alias).contains(&typed))
}

/// The id of a letter's section ("#" for names that start with no letter A–Z).
fn letter_id(letter: char) -> String {
    if letter == '#' {
        "letter-other".to_string()
    } else {
        format!("letter-{letter}")
    }
}

/// `/glossary`.
#[component]
pub fn GlossaryPage() -> impl IntoView {
    Effect::new(|_| set_title("Glossary · Source Reader"));
    let query = use_query_map();
    let replace_address = use_replace_address();
    let typed = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let kind = Memo::new(move |_| {
        query
            .read()
            .get("kind")
            .and_then(|key| EntryKind::from_key(&key))
    });
    let set_filters = move |typed: String, kind: Option<EntryKind>| {
        let mut search = Vec::new();
        if !typed.is_empty() {
            search.push(format!("q={}", encode(&typed)));
        }
        if let Some(kind) = kind {
            search.push(format!("kind={}", kind.key()));
        }
        let url = if search.is_empty() {
            paths::GLOSSARY.to_string()
        } else {
            format!("{}?{}", paths::GLOSSARY, search.join("&"))
        };
        replace_address(&url);
    };
    let set_typed = set_filters.clone();

    let visible = Memo::new(move |_| {
        let typed = typed.get();
        let kind = kind.get();
        corpus()
            .glossary
            .iter()
            .enumerate()
            .filter(|(_, entry)| kind.is_none_or(|k| entry.kind == k) && matches(entry, &typed))
            .map(|(index, _)| index as EntryIndex)
            .collect::<Vec<_>>()
    });
    let letters = move || {
        // Each letter once, "#" first, whatever the order the entries are sorted in.
        let letters: std::collections::BTreeSet<char> = visible
            .get()
            .iter()
            .map(|&i| letter(&corpus().glossary[i as usize]))
            .collect();
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
        <div class="page glossary">
            <h1>"Glossary"</h1>
            <p class="lede">
                {corpus().glossary.len()}
                " entries: the people, bodies, ideas, events, documents and places of the sources, each with every spelling they use."
            </p>
            <form class="glossary-filters" role="search" on:submit=|event| event.prevent_default()>
                <div class="field">
                    <label for="glossary-filter">"Filter"</label>
                    <input
                        id="glossary-filter"
                        type="search"
                        autocomplete="off"
                        placeholder="a name or spelling, e.g. Zinov'ev"
                        prop:value=move || typed.get()
                        on:input=move |event| set_typed(event_target_value(&event), kind.get_untracked())
                    />
                </div>
                <div class="field">
                    <label for="glossary-kind">"Kind"</label>
                    <select
                        id="glossary-kind"
                        on:change=move |event| {
                            set_filters(typed.get_untracked(), EntryKind::from_key(&event_target_value(&event)))
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
                        let items = visible
                            .iter()
                            .map(|&i| &corpus().glossary[i as usize])
                            .filter(|entry| letter(entry) == l)
                            .map(|entry| {
                                view! {
                                    <li>
                                        <A href=paths::entry(&entry.id)>{entry.index_name.as_str()}</A>
                                        <span class="glossary-kind">{entry.kind.label()}</span>
                                        <span class="glossary-gist">{first_sentence(&entry.definition)}</span>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="glossary-letter" aria-labelledby=letter_id(l)>
                                <h2 id=letter_id(l)>{l.to_string()}</h2>
                                <ul class="glossary-list">{items}</ul>
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// Percent-encodes a query value.
fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
